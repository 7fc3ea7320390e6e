/** The rule sets that ship, by id; each is validated and compiled on first use only. */
import { catalogue } from "../catalogue";
import { type Field, field } from "../errors";
import { EXPLOR_AURA } from "./aura";
import { EXPLOR_HDF_2025 } from "./hdf-2025";
import { compileRuleSet, type RuleSet } from "./rule-set";
import { explorRuleSetOfTable } from "./rule-table";
import { ruleSetSchema } from "./schema";

const ruleSets = catalogue({
  schema: ruleSetSchema,
  definitions: [EXPLOR_HDF_2025, EXPLOR_AURA],
  words: {
    unknown: "Règle EXPLOR inconnue",
    invalid: "Règle EXPLOR invalide",
    known: "règles connues",
    badDefinition: "Définition de règle EXPLOR invalide",
  },
  prepare: compileRuleSet,
});

export const DEFAULT_RULE_SET_ID = ruleSets.defaultId;
export const RULE_SET_IDS = ruleSets.ids;

/** Validates a definition (shipped or not) and compiles it for the engine. */
export function loadRuleSet(definition: unknown): RuleSet {
  return ruleSets.load(definition);
}

/** The rule set with this id (case-insensitive); an unknown id is an error naming it and the known ones. */
export function ruleSetById(id: string, where: Field = field("regle")): RuleSet {
  return ruleSets.byId(id, where);
}

/**
 * Reads a `regle` argument: blank means the default rule set; a range (a `Règle …` sheet's
 * table, or its named range REGLE_EXPLOR_HDF_2026) is read cell by cell.
 */
export function ruleSetOf(value: unknown, where: Field = field("regle")): RuleSet {
  if (Array.isArray(value)) return explorRuleSetOfTable(value);
  return ruleSets.of(value, where);
}
