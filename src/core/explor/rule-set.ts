/**
 * A rule set ready for the engine: the validated definition with its amounts as exact
 * decimals and its category names indexed for matching.
 */
import { type Decimal, decimalFromNumber } from "../decimal";
import { normalizeCategoryName } from "./category-names";
import type { CategoryDefinition, CeilingDefinition, RuleSetDefinition } from "./schema";

export type Ceiling =
  | { readonly kind: "fixed"; readonly amount: Decimal }
  | { readonly kind: "perDay"; readonly rate: Decimal; readonly maxDays: number }
  | { readonly kind: "none" }
  | { readonly kind: "notCovered" };

export interface Category {
  readonly key: string;
  readonly label: string;
  readonly aliases: readonly string[];
  readonly daily: boolean;
  readonly ceiling: Ceiling;
}

export interface RuleSet {
  readonly id: string;
  readonly label: string;
  readonly categories: readonly Category[];
  readonly missionCap: Decimal | undefined;
  readonly shareRate: Decimal;
  readonly maxContribution: Decimal | undefined;
  readonly fixedFee: Decimal;
  readonly durationDays: { readonly min: number; readonly max: number };
  /** Normalised key, label and aliases → category. */
  readonly byName: ReadonlyMap<string, Category>;
}

function ceilingOf(c: CeilingDefinition): Ceiling {
  switch (c.kind) {
    case "fixed":
      return { kind: "fixed", amount: decimalFromNumber(c.amount) };
    case "perDay":
      return { kind: "perDay", rate: decimalFromNumber(c.rate), maxDays: c.maxDays };
    default:
      return c;
  }
}

function categoryOf(c: CategoryDefinition): Category {
  return {
    key: c.key,
    label: c.label,
    aliases: c.aliases,
    daily: c.daily ?? false,
    ceiling: ceilingOf(c.ceiling),
  };
}

/** Builds the engine's form of a validated definition; two categories sharing a name is an error. */
export function compileRuleSet(definition: RuleSetDefinition): RuleSet {
  const categories = definition.categories.map(categoryOf);
  const byName = new Map<string, Category>();
  for (const category of categories) {
    for (const name of [category.key, category.label, ...category.aliases]) {
      const normalized = normalizeCategoryName(name);
      const existing = byName.get(normalized);
      if (existing && existing !== category) {
        throw new Error(`${definition.id} : le nom « ${name} » désigne deux catégories`);
      }
      byName.set(normalized, category);
    }
  }
  const optional = (v: number | undefined) => (v === undefined ? undefined : decimalFromNumber(v));
  return {
    id: definition.id,
    label: definition.label,
    categories,
    missionCap: optional(definition.missionCap),
    shareRate: decimalFromNumber(definition.shareRate),
    maxContribution: optional(definition.maxContribution),
    fixedFee: decimalFromNumber(definition.fixedFee),
    durationDays: definition.durationDays,
    byName,
  };
}
