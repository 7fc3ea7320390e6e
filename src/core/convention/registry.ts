/** The conventions that ship, by id; each definition is validated on first use only. */
import { catalogue } from "../catalogue";
import { type Field, field } from "../errors";
import { CD62_2024 } from "./cd62-2024";
import { type ConventionDefinition, conventionSchema } from "./schema";

/** First is the default the menu proposes. */
const DEFINITIONS = [CD62_2024];

const conventions = catalogue({
  schema: conventionSchema,
  definitions: DEFINITIONS,
  words: {
    unknown: "Convention inconnue",
    invalid: "Convention invalide",
    known: "conventions connues",
    badDefinition: "Définition de convention invalide",
  },
  prepare: (definition) => definition,
});

export const DEFAULT_CONVENTION_ID = conventions.defaultId;
export const CONVENTION_IDS = conventions.ids;

/** Validates a definition (shipped or new) against the schema. */
export function loadConvention(definition: unknown): ConventionDefinition {
  return conventions.load(definition);
}

/** The convention with this id (case-insensitive); an unknown id is an error naming the known ones. */
export function conventionById(id: string, where: Field = field("convention")): ConventionDefinition {
  return conventions.byId(id, where);
}

export function conventionLabels(): { id: string; label: string }[] {
  return DEFINITIONS.map((d) => ({ id: d.id, label: d.label }));
}
