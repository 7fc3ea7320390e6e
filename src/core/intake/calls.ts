/** The calls that ship, by id; each is validated on first use only. */
import { catalogue } from "../catalogue";
import { type Field, field } from "../errors";
import { type CallDefinition, callSchema, type QuestionDefinition } from "./call-schema";
import { frenchCountryName } from "./countries";
import { dacListById } from "./dac-lists";
import { EXPLOR_2025 } from "./explor-2025";
import { normalizeName } from "./normalize";
import { PAM_2025 } from "./pam-2025";

const calls = catalogue({
  schema: callSchema,
  definitions: [EXPLOR_2025, PAM_2025],
  words: {
    unknown: "Appel inconnu",
    invalid: "Appel invalide",
    known: "appels connus",
    badDefinition: "Définition d'appel invalide",
  },
  prepare: (call) => {
    for (const q of call.questions) {
      if (q.choices && !Array.isArray(q.choices)) dacListById(q.choices.dacList, field(`${q.id}.choices`));
    }
    return call;
  },
});

export const DEFAULT_CALL_ID = calls.defaultId;
export const CALL_IDS = calls.ids;

/** Validates a call definition (shipped or not); the message lists every problem. */
export function loadCall(definition: unknown): CallDefinition {
  return calls.load(definition);
}

/** The call with this id (case-insensitive); an unknown id is an error naming it and the known ones. */
export function callById(id: string, where: Field = field("appel")): CallDefinition {
  return calls.byId(id, where);
}

/** Reads an `appel` argument: blank means the default call. */
export function callOf(value: unknown, where: Field = field("appel")): CallDefinition {
  return calls.of(value, where);
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
