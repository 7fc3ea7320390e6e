/**
 * A rule set ready for the engine: the validated definition with its amounts as exact
 * decimals and its category names indexed for matching.
 */
import { type Decimal, decimalFromNumber } from "../decimal";
import { categoryWords, nameParts, normalizeCategoryName } from "./category-names";
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
  /** Who provides the proof (see the schema); `receipt` lines need one in the final décompte. */
  readonly proof: "receipt" | "programme" | "flat";
}

/** A name of a category, normalised, with its words: what suggestions compare a label with. */
export interface CategoryName {
  readonly key: string;
  readonly words: readonly string[];
  readonly category: Category;
}

export interface RuleSet {
  readonly id: string;
  readonly label: string;
  /** `Annexe 2`, or the rule set's id: where a label not covered is "hors". */
  readonly source: string;
  readonly categories: readonly Category[];
  readonly missionCap: Decimal | undefined;
  readonly shareRate: Decimal;
  readonly maxContribution: Decimal | undefined;
  readonly fixedFee: Decimal;
  readonly durationDays: { readonly min: number; readonly max: number };
  /** Normalised key, label, aliases and label parts → category. */
  readonly byName: ReadonlyMap<string, Category>;
  /** Every name (label, aliases, parts), for suggestions. */
  readonly names: readonly CategoryName[];
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
    proof: c.proof ?? "receipt",
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
  // The parts of a joined label ("Vaccins et médicaments") name it too, unless a part is
  // already another category's name or a part of two labels: then it names neither.
  const partOwner = new Map<string, Category | null>();
  for (const category of categories) {
    for (const part of [category.label, ...category.aliases].flatMap(nameParts)) {
      const normalized = normalizeCategoryName(part);
      const owner = partOwner.get(normalized);
      partOwner.set(normalized, owner === undefined || owner === category ? category : null);
    }
  }
  for (const [normalized, owner] of partOwner) {
    if (owner && !byName.has(normalized)) byName.set(normalized, owner);
  }
  const names: CategoryName[] = [];
  for (const category of categories) {
    const all = [category.label, ...category.aliases];
    for (const name of [...all, ...all.flatMap(nameParts)]) {
      names.push({ key: normalizeCategoryName(name), words: categoryWords(name), category });
    }
  }
  const optional = (v: number | undefined) => (v === undefined ? undefined : decimalFromNumber(v));
  return {
    id: definition.id,
    label: definition.label,
    source: definition.source ?? `la règle ${definition.id}`,
    categories,
    missionCap: optional(definition.missionCap),
    shareRate: decimalFromNumber(definition.shareRate),
    maxContribution: optional(definition.maxContribution),
    fixedFee: decimalFromNumber(definition.fixedFee),
    durationDays: definition.durationDays,
    byName,
    names,
  };
}
