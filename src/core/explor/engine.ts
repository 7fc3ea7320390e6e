/**
 * The EXPLOR computation, the same for every rule set: a line's ceiling and eligible amount,
 * then the mission's contribution and what the association bears. Amounts are exact decimals;
 * only the contribution and the rest are rounded, once, to the cent.
 */
import {
  add,
  type Cents,
  centsToDecimal,
  compare,
  type Decimal,
  min,
  multiply,
  subtract,
  toCents,
  ZERO,
} from "../decimal";
import { type Field, invalid } from "../errors";
import { normalizeCategoryName } from "./category-names";
import type { Category, RuleSet } from "./rule-set";

/** A line's ceiling: an amount (0 when not covered), or none ("sans plafond"). */
export type LineCeiling = Decimal | "none";

export type Observation = "plafonné" | "non pris en charge" | "";

export interface LineAssessment {
  readonly real: Decimal;
  readonly ceiling: LineCeiling;
  readonly eligible: Decimal;
  readonly observation: Observation;
}

const MATCH_CACHE_LIMIT = 10_000;
const matchCache = new WeakMap<RuleSet, Map<string, Category | null>>();

/**
 * The category a name designates (key, label or alias, ignoring case, accents and spacing);
 * undefined for a name the rule set does not know — such a line is simply not covered.
 */
export function findCategory(ruleSet: RuleSet, name: string): Category | undefined {
  return categoryMatcher(ruleSet)(name);
}

/** `findCategory` for one rule set, for a loop over many lines (names already seen are cached). */
export function categoryMatcher(ruleSet: RuleSet): (name: string) => Category | undefined {
  let cache = matchCache.get(ruleSet);
  if (!cache) {
    cache = new Map();
    matchCache.set(ruleSet, cache);
  }
  const seen = cache;
  return (name) => {
    const cached = seen.get(name);
    if (cached !== undefined) return cached ?? undefined;
    const found = ruleSet.byName.get(normalizeCategoryName(name));
    if (seen.size < MATCH_CACHE_LIMIT) seen.set(name, found ?? null);
    return found;
  };
}

/**
 * The ceiling of a line: per day, rate × min(days, max days), or rate × max days when no
 * duration is given; 0 for an unknown or not-covered category.
 */
export function lineCeiling(category: Category | undefined, days: number | undefined): LineCeiling {
  if (!category) return ZERO;
  const c = category.ceiling;
  switch (c.kind) {
    case "fixed":
      return c.amount;
    case "perDay":
      return multiply(c.rate, { units: BigInt(Math.min(days ?? c.maxDays, c.maxDays)), scale: 0 });
    case "none":
      return "none";
    case "notCovered":
      return ZERO;
  }
}

/**
 * One expense line. No amount: nothing to count (undefined), except a daily line given days,
 * which counts at its ceiling — an error when the rule set has no daily rate for it.
 */
export function assessLine(
  ruleSet: RuleSet,
  category: Category | undefined,
  amount: Decimal | undefined,
  days: number | undefined,
  amountField: Field,
): LineAssessment | undefined {
  const ceiling = lineCeiling(category, days);
  if (amount === undefined) {
    if (!category?.daily || days === undefined) return undefined;
    if (ceiling === "none") {
      throw invalid(
        "Montant manquant",
        amountField,
        "",
        `la règle ${ruleSet.id} n'a pas de taux journalier pour « ${category.label} » : indiquez le montant`,
      );
    }
    return { real: ceiling, ceiling, eligible: ceiling, observation: "" };
  }
  if (ceiling === "none") return { real: amount, ceiling, eligible: amount, observation: "" };
  const covered = category !== undefined && category.ceiling.kind !== "notCovered";
  const capped = compare(amount, ceiling) > 0;
  return {
    real: amount,
    ceiling,
    eligible: capped ? ceiling : amount,
    observation: !covered ? "non pris en charge" : capped ? "plafonné" : "",
  };
}

export interface MissionTotals {
  /** Σ actual amounts, lines not covered included. */
  readonly real: Decimal;
  /** Σ eligible lines, after the mission cap. */
  readonly eligible: Decimal;
  /** share × eligible, capped by the maximum contribution, rounded once to the cent. */
  readonly contribution: Cents;
  /** real − contribution + the fixed fee, to the cent. */
  readonly remainder: Cents;
}

/** Running sums of a mission's lines. */
export interface MissionSums {
  real: Decimal;
  eligible: Decimal;
}

export function emptySums(): MissionSums {
  return { real: ZERO, eligible: ZERO };
}

export function addLine(sums: MissionSums, line: LineAssessment): void {
  sums.real = add(sums.real, line.real);
  sums.eligible = add(sums.eligible, line.eligible);
}

export function missionTotals(ruleSet: RuleSet, sums: MissionSums): MissionTotals {
  const eligible = ruleSet.missionCap ? min(sums.eligible, ruleSet.missionCap) : sums.eligible;
  const share = multiply(ruleSet.shareRate, eligible);
  const contribution = toCents(ruleSet.maxContribution ? min(share, ruleSet.maxContribution) : share);
  const remainder = toCents(add(subtract(sums.real, centsToDecimal(contribution)), ruleSet.fixedFee));
  return { real: sums.real, eligible, contribution, remainder };
}
