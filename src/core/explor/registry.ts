/** The rule sets that ship, by id; each is validated and compiled on first use only. */
import * as z from "zod/mini";
import { type Field, field, invalid } from "../errors";
import { EXPLOR_AURA } from "./aura";
import { EXPLOR_HDF_2025 } from "./hdf-2025";
import { compileRuleSet, type RuleSet } from "./rule-set";
import { type RuleSetDefinition, ruleSetSchema } from "./schema";

export const DEFAULT_RULE_SET_ID = "EXPLOR-HDF-2025";

const DEFINITIONS: readonly RuleSetDefinition[] = [EXPLOR_HDF_2025, EXPLOR_AURA];

export const RULE_SET_IDS: readonly string[] = DEFINITIONS.map((d) => d.id);

const compiled = new Map<string, RuleSet>();

/** Validates a definition (shipped or not) and compiles it for the engine. */
export function loadRuleSet(definition: unknown): RuleSet {
  const result = z.safeParse(ruleSetSchema, definition);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".") || "(racine)"} : ${i.message}`);
    throw new Error(`Définition de règle EXPLOR invalide — ${issues.join(" ; ")}`);
  }
  return compileRuleSet(result.data);
}

/** The rule set with this id (case-insensitive); an unknown id is an error naming it and the known ones. */
export function ruleSetById(id: string, where: Field = field("regle")): RuleSet {
  const wanted = id.trim().toUpperCase();
  const cached = compiled.get(wanted);
  if (cached) return cached;
  const definition = DEFINITIONS.find((d) => d.id === wanted);
  if (!definition) {
    throw invalid("Règle EXPLOR inconnue", where, id, `règles connues : ${RULE_SET_IDS.join(", ")}`);
  }
  const ruleSet = loadRuleSet(definition);
  compiled.set(wanted, ruleSet);
  return ruleSet;
}

/** Reads a `regle` argument: blank means the default rule set. */
export function ruleSetOf(value: unknown, where: Field = field("regle")): RuleSet {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
    return ruleSetById(DEFAULT_RULE_SET_ID, where);
  }
  if (typeof value !== "string") {
    throw invalid(
      "Règle EXPLOR invalide",
      where,
      value,
      `attendu un identifiant comme ${DEFAULT_RULE_SET_ID}`,
    );
  }
  return ruleSetById(value, where);
}
