/** The funding rules that ship as data templates, by id; each validated on first use only. */
import { catalogue } from "../catalogue";
import type { Field } from "../errors";
import { type FundingRule, fundingRuleSchema } from "./schema";
import { FUNDING_TEMPLATES } from "./templates";

const rules = catalogue({
  schema: fundingRuleSchema,
  definitions: FUNDING_TEMPLATES,
  words: {
    unknown: "Dispositif inconnu",
    invalid: "Dispositif invalide",
    known: "dispositifs connus",
    badDefinition: "Définition de dispositif invalide",
  },
  prepare: (rule) => rule,
});

export const FUNDING_RULE_IDS = rules.ids;

/** Validates a rule definition (shipped or new). */
export function loadFundingRule(definition: unknown): FundingRule {
  return rules.load(definition);
}

/** The shipped rule with this id (case-insensitive); an unknown id names the known ones. */
export function fundingRuleById(id: string, where: Field): FundingRule {
  return rules.byId(id, where);
}
