/**
 * Where a new rule sheet starts from: a shipped template, a blank rule of a type, or an
 * existing rule sheet (read back with the same reader the functions use). Pure: plans only.
 */

import { EXPLOR_AURA } from "../../core/explor/aura";
import { EXPLOR_HDF_2025 } from "../../core/explor/hdf-2025";
import { readExplorTable } from "../../core/explor/rule-table";
import {
  CATEGORY_TYPE,
  describeProblem,
  FUNDING_TEMPLATES,
  FUNDING_TYPES,
  type FundingRule,
  type FundingType,
  normalizeKey,
  readRuleTable,
} from "../../core/funding";
import { blankExplorRuleSheet, explorRuleSheet } from "./explor-layout";
import { fundingRuleSheet, nameForCopy, type RuleSheetPlan } from "./rule-layout";
import type { SheetValues } from "./verify";

/** Something a rule sheet can be written from, under any identifier. */
export interface RuleSource {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  plan(id: string): RuleSheetPlan;
}

function fromFundingRule(rule: FundingRule): RuleSource {
  return {
    id: rule.id,
    name: rule.name ?? rule.id,
    type: rule.type,
    plan: (id) =>
      fundingRuleSheet({ ...rule, id, ...(rule.name ? { name: nameForCopy(rule.name, rule.id, id) } : {}) }),
  };
}

/** Rule kinds beyond the funding types (the EXPLOR categories) add their templates and readers here. */
export interface RuleKind {
  readonly type: string;
  readonly templates: readonly RuleSource[];
  /** A blank rule of this type under an identifier. */
  blank(id: string): RuleSheetPlan;
  /** Reads one of its sheets back: a source, or every problem (French, naming the cell). */
  read(values: SheetValues, sheetName: string): RuleSource | { readonly problems: readonly string[] };
}

const SHIPPED_EXPLOR = [EXPLOR_HDF_2025, EXPLOR_AURA];

/** EXPLOR rules (« plafonds par catégorie »): the shipped rule sets, a blank one, their sheets read back. */
export const EXPLOR_RULE_KIND: RuleKind = {
  type: CATEGORY_TYPE,
  templates: SHIPPED_EXPLOR.map((definition) => ({
    id: definition.id,
    name: definition.label,
    type: CATEGORY_TYPE,
    plan: (id: string) =>
      explorRuleSheet({ ...definition, label: nameForCopy(definition.label, definition.id, id) }, id),
  })),
  blank: blankExplorRuleSheet,
  read(values, sheetName) {
    const read = readExplorTable(values);
    if (read.kind === "problems")
      return { problems: read.problems.map((p) => describeProblem(sheetName, p)) };
    const { definition } = read;
    return {
      id: definition.id,
      name: definition.label,
      type: CATEGORY_TYPE,
      plan: (id: string) =>
        explorRuleSheet({ ...definition, label: nameForCopy(definition.label, definition.id, id) }, id),
    };
  },
};

export const EXTRA_RULE_KINDS: readonly RuleKind[] = [EXPLOR_RULE_KIND];

export function ruleTemplates(): RuleSource[] {
  return [...FUNDING_TEMPLATES.map(fromFundingRule), ...EXTRA_RULE_KINDS.flatMap((k) => k.templates)];
}

export function ruleTypes(): string[] {
  return [...FUNDING_TYPES, ...EXTRA_RULE_KINDS.map((k) => k.type)];
}

/** A template by id, or a blank rule by type name (ignoring case and accents); undefined if neither. */
export function startingPoint(answer: string): { template: RuleSource } | { blankType: string } | undefined {
  const wanted = answer.trim().toUpperCase();
  const template = ruleTemplates().find((t) => t.id === wanted);
  if (template) return { template };
  const type = ruleTypes().find((t) => normalizeKey(t) === normalizeKey(answer));
  return type ? { blankType: type } : undefined;
}

export function blankRulePlan(type: string, id: string): RuleSheetPlan {
  if ((FUNDING_TYPES as readonly string[]).includes(type)) {
    return fundingRuleSheet({ id, type: type as FundingType });
  }
  const kind = EXTRA_RULE_KINDS.find((k) => k.type === type);
  if (!kind) throw new Error(`type de règle sans modèle vierge : ${type}`);
  return kind.blank(id);
}

/** An existing rule sheet as a source for a copy, or its problems (to fix before copying). */
export function readRuleSheet(
  values: SheetValues,
  sheetName: string,
): RuleSource | { readonly problems: readonly string[] } {
  const read = readRuleTable(values);
  if (read.kind === "rule") return fromFundingRule(read.rule);
  if (read.kind === "problems") return { problems: read.problems.map((p) => describeProblem(sheetName, p)) };
  const kind = EXTRA_RULE_KINDS.find((k) => k.type === CATEGORY_TYPE);
  if (!kind) return { problems: [`${sheetName} : les règles « ${CATEGORY_TYPE} » ne se lisent pas encore`] };
  return kind.read(values, sheetName);
}

/** The identifier a copy is offered: next year's for an id ending in a year, else `<id>-2`. */
export function suggestedCopyId(id: string): string {
  const year = /^(.*?)(\d{4})$/.exec(id);
  return year ? `${year[1]}${Number(year[2]) + 1}` : `${id}-2`;
}
