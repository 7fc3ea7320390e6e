/** The conventions that ship, by id; each definition is validated on first use only. */
import * as z from "zod/mini";
import { type Field, field, invalid } from "../errors";
import { CD62_2024 } from "./cd62-2024";
import { type ConventionDefinition, conventionSchema } from "./schema";

/** First is the default the menu proposes. */
const DEFINITIONS: readonly ConventionDefinition[] = [CD62_2024];

export const DEFAULT_CONVENTION_ID = CD62_2024.id;
export const CONVENTION_IDS: readonly string[] = DEFINITIONS.map((d) => d.id);

const validated = new Map<string, ConventionDefinition>();

/** Validates a definition (shipped or new) against the schema. */
export function loadConvention(definition: unknown): ConventionDefinition {
  const result = z.safeParse(conventionSchema, definition);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".") || "(racine)"} : ${i.message}`);
    throw new Error(`Définition de convention invalide — ${issues.join(" ; ")}`);
  }
  return result.data;
}

/** The convention with this id (case-insensitive); an unknown id is an error naming the known ones. */
export function conventionById(id: string, where: Field = field("convention")): ConventionDefinition {
  const wanted = id.trim().toUpperCase();
  const cached = validated.get(wanted);
  if (cached) return cached;
  const definition = DEFINITIONS.find((d) => d.id === wanted);
  if (!definition) {
    throw invalid("Convention inconnue", where, id, `conventions connues : ${CONVENTION_IDS.join(", ")}`);
  }
  const loaded = loadConvention(definition);
  validated.set(wanted, loaded);
  return loaded;
}

export function conventionLabels(): { id: string; label: string }[] {
  return DEFINITIONS.map((d) => ({ id: d.id, label: d.label }));
}
