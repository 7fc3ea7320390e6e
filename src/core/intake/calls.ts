/** The calls that ship, by id; each is validated on first use only. */
import * as z from "zod/mini";
import { type Field, field, invalid } from "../errors";
import { type CallDefinition, callSchema, type QuestionDefinition } from "./call-schema";
import { frenchCountryName } from "./countries";
import { dacListById } from "./dac-lists";
import { EXPLOR_2025 } from "./explor-2025";
import { normalizeName } from "./normalize";
import { PAM_2025 } from "./pam-2025";

export const DEFAULT_CALL_ID = "EXPLOR-2025";

const DEFINITIONS: readonly CallDefinition[] = [EXPLOR_2025, PAM_2025];

export const CALL_IDS: readonly string[] = DEFINITIONS.map((d) => d.id);

const loaded = new Map<string, CallDefinition>();

/** Validates a call definition (shipped or not); the message lists every problem. */
export function loadCall(definition: unknown): CallDefinition {
  const result = z.safeParse(callSchema, definition);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".") || "(racine)"} : ${i.message}`);
    throw new Error(`Définition d'appel invalide — ${issues.join(" ; ")}`);
  }
  for (const q of result.data.questions) {
    if (q.choices && !Array.isArray(q.choices)) dacListById(q.choices.dacList, field(`${q.id}.choices`));
  }
  return result.data;
}

/** The call with this id (case-insensitive); an unknown id is an error naming it and the known ones. */
export function callById(id: string, where: Field = field("appel")): CallDefinition {
  const wanted = id.trim().toUpperCase();
  const cached = loaded.get(wanted);
  if (cached) return cached;
  const definition = DEFINITIONS.find((d) => d.id === wanted);
  if (!definition) throw invalid("Appel inconnu", where, id, `appels connus : ${CALL_IDS.join(", ")}`);
  const call = loadCall(definition);
  loaded.set(wanted, call);
  return call;
}

/** Reads an `appel` argument: blank means the default call. */
export function callOf(value: unknown, where: Field = field("appel")): CallDefinition {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
    return callById(DEFAULT_CALL_ID, where);
  }
  if (typeof value !== "string") {
    throw invalid("Appel invalide", where, value, `attendu un identifiant comme ${DEFAULT_CALL_ID}`);
  }
  return callById(value, where);
}

export function questionOf(call: CallDefinition, id: string): QuestionDefinition {
  const q = call.questions.find((x) => x.id === id);
  if (!q) throw new Error(`Question inconnue dans l'appel ${call.id} : ${id}`);
  return q;
}

const choiceLists = new Map<string, readonly string[]>();

/** The choices a question offers, in form order; a DAC list gives its countries' French names, sorted, then « Autre pays ». */
export function choicesOf(question: QuestionDefinition): readonly string[] {
  const choices = question.choices;
  if (!choices) return [];
  if (Array.isArray(choices)) return choices;
  const cacheKey = `${choices.dacList}|${choices.other}`;
  const cached = choiceLists.get(cacheKey);
  if (cached) return cached;
  const names = [...dacListById(choices.dacList).codes].map(frenchCountryName);
  names.sort((a, b) => {
    const [x, y] = [normalizeName(a), normalizeName(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const list = [...names, choices.other];
  choiceLists.set(cacheKey, list);
  return list;
}

/** The instant from which a submission is late: one second after the last second on time. */
export function lateFrom(call: CallDefinition): Date {
  return new Date(Date.parse(call.closesAt) + 1000);
}
