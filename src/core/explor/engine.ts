/**
 * The EXPLOR computation, the same for every rule set. Ceilings are per category and per
 * mission: a category's eligible amount is min(Σ its lines, its ceiling), used up from the top
 * line down; then the mission cap, then the share, rounded once to the cent at the end.
 */
import {
  add,
  type Cents,
  centsToDecimal,
  compare,
  type Decimal,
  MAX_CENTS,
  min,
  multiply,
  subtract,
  toCents,
  cents as wholeCents,
  ZERO,
} from "../decimal";
import { type Field, field, invalid } from "../errors";
import { exceedsMaxAmount, formatEuros, MAX_AMOUNT_TEXT } from "../money";
import { categoryWords, editDistance, normalizeCategoryName } from "./category-names";
import type { Category, RuleSet } from "./rule-set";

/** A ceiling: an amount (0 when not covered), or none ("sans plafond"). */
export type LineCeiling = Decimal | "none";

const MATCH_CACHE_LIMIT = 10_000;
const matchCache = new WeakMap<RuleSet, Map<string, Category | null>>();

/**
 * The category a name designates (key, label, alias or a part of a joined label, ignoring case,
 * accents, spacing, plural…); undefined for a name the rule set does not know.
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

/** Words too common to say two names are about the same thing. */
const COMMON_WORDS = new Set([
  "de",
  "du",
  "des",
  "la",
  "le",
  "les",
  "l",
  "d",
  "a",
  "au",
  "et",
  "en",
  "pour",
  "par",
  "sur",
  "vers",
  "frai",
  "autre",
  "divers",
  "mission",
  "depense",
]);

/**
 * The categories a label not found is probably meant for, by their labels: a typo of a
 * letter or two in one of its names, or a word it shares with one (`Transport`). At most two;
 * never applied, only suggested.
 */
export function suggestCategories(ruleSet: RuleSet, label: string): string[] {
  const key = normalizeCategoryName(label);
  if (key === "") return [];
  const limit = key.length <= 4 ? 1 : 2;
  const found: Category[] = [];
  const keep = (c: Category) => {
    if (!found.includes(c)) found.push(c);
  };
  for (const name of ruleSet.names) if (editDistance(key, name.key, limit) <= limit) keep(name.category);
  if (found.length === 0) {
    const words = categoryWords(label).filter((w) => w.length > 2 && !COMMON_WORDS.has(w));
    for (const name of ruleSet.names) {
      if (
        words.some((w) => name.words.some((n) => n === w || (w.length > 4 && editDistance(w, n, 1) <= 1)))
      ) {
        keep(name.category);
      }
    }
  }
  return found.slice(0, 2).map((c) => c.label);
}

/** `voulez-vous dire « Visa » ?`, or `« A » ou « B »`. */
export function suggestionText(labels: readonly string[]): string {
  return labels.length === 0 ? "" : `voulez-vous dire ${labels.map((l) => `« ${l} »`).join(" ou ")} ?`;
}

/**
 * The ceiling of one line, as EXPLOR_PLAFOND shows it: per day, rate × min(days, max days),
 * or rate × max days when no duration is given; 0 for an unknown or not-covered category.
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

/** A mission's line, once read: its category (or what was typed) and its amount in euros. */
export interface MissionLine {
  /** The category found; undefined for a blank or unknown label. */
  readonly category: Category | undefined;
  /** The label as typed ("" when blank). */
  readonly text: string;
  /** The user said the expense is not covered ("Autre dépense"): never matched to a category. */
  readonly other?: boolean;
  /** In euros; for a daily line given days and no amount, the reader puts its ceiling here. */
  readonly amount: Decimal;
  /** Days, for a daily category. */
  readonly days: number | undefined;
  /** The receipt: true when given, false when missing; undefined when not checked (Prévisionnel). */
  readonly receipt: boolean | undefined;
  /** Where the amount came from, for a "Total trop grand" error: its argument, row and value. */
  readonly amountName: string;
  readonly row: number | undefined;
  readonly amountValue: unknown;
}

export type LineStatus =
  | "covered"
  | "categoryCeiling"
  | "notCovered"
  | "unknownLabel"
  | "noCategory"
  | "missingReceipt";

export interface AssessedLine {
  /** The category's label, or the label as typed. */
  readonly label: string;
  readonly category: Category | undefined;
  readonly real: Decimal;
  /** The category's ceiling for this mission (0 when not covered). */
  readonly ceiling: LineCeiling;
  readonly eligible: Decimal;
  readonly status: LineStatus;
  /** What to tell the user about this line, in French; "" when nothing. */
  readonly observation: string;
}

export interface MissionAssessment {
  readonly lines: readonly AssessedLine[];
  /** Σ actual amounts, lines not covered included. */
  readonly real: Decimal;
  /** Σ eligible amounts of the categories, before the mission cap. */
  readonly eligibleBeforeCap: Decimal;
  /** After the mission cap. */
  readonly eligible: Decimal;
  /** "" or `plafond de la mission : 2 000,00 € éligibles sur 2 417,00 €`. */
  readonly capObservation: string;
  /** share × eligible, capped by the maximum contribution, rounded once to the cent. */
  readonly contribution: Cents;
  /** real − contribution + the fixed fee, to the cent. */
  readonly remainder: Cents;
}

/** One object shape for every line (a spread per line costs more than the arithmetic). */
function assessedLine(
  label: string,
  category: Category | undefined,
  real: Decimal,
  ceiling: LineCeiling,
  eligible: Decimal,
  status: LineStatus,
  observation: string,
): AssessedLine {
  return { label, category, real, ceiling, eligible, status, observation };
}

export const NOT_COVERED = "non pris en charge";
const MAX_SUGGESTED_LABELS = 500;
export const MISSING_RECEIPT = "justificatif incomplet — non remboursable";

function euroText(d: Decimal): string {
  return formatEuros(toCents(d));
}

/** True when the line needs a receipt from the association under its category. */
export function needsReceipt(category: Category | undefined): boolean {
  return category !== undefined && category.ceiling.kind !== "notCovered" && category.proof === "receipt";
}

/** The mission's ceiling of a category: per day, the rate × min(the mission's duration, max). */
function missionCeiling(category: Category, duration: number | undefined): LineCeiling {
  return lineCeiling(category, category.daily ? duration : undefined);
}

function ceilingObservation(category: Category, ceiling: Decimal, duration: number | undefined): string {
  const c = category.ceiling;
  if (c.kind === "perDay") {
    const days = Math.min(duration ?? c.maxDays, c.maxDays);
    return `plafond de la catégorie atteint : ${euroText(ceiling)} par mission (${euroText(c.rate)} × ${days} jour${days > 1 ? "s" : ""})`;
  }
  return `plafond de la catégorie atteint : ${euroText(ceiling)} par mission`;
}

function guard(total: Decimal, line: MissionLine): void {
  if (exceedsMaxAmount(total)) {
    throw invalid(
      "Total trop grand",
      field(line.amountName, line.row),
      line.amountValue,
      `la somme des montants dépasse ${MAX_AMOUNT_TEXT}`,
    );
  }
}

/**
 * A mission: each category's ceiling used up from the top line down, lines without a receipt
 * (when receipts are checked) or outside the rule set at 0 with their reason, then the mission
 * cap, the share and the rest. Throws "Total trop grand" naming the line where Σ amounts goes
 * over 1 000 000 000 000 €.
 */
export function assessMission(ruleSet: RuleSet, lines: readonly MissionLine[]): MissionAssessment {
  let real: Decimal = ZERO;
  for (const line of lines) real = add(real, line.amount);
  if (exceedsMaxAmount(real)) {
    // Name the line where the sum goes over.
    let running: Decimal = ZERO;
    for (const line of lines) {
      running = add(running, line.amount);
      guard(running, line);
    }
  }
  // A mission's duration is the largest day count given on its daily lines.
  let duration: number | undefined;
  for (const line of lines) {
    if (line.category?.daily && line.days !== undefined) duration = Math.max(duration ?? 0, line.days);
  }
  const left = new Map<Category, Decimal>();
  const ceilings = new Map<Category, LineCeiling>();
  const ceilingOf = (category: Category) => {
    let c = ceilings.get(category);
    if (c === undefined) {
      c = missionCeiling(category, duration);
      ceilings.set(category, c);
    }
    return c;
  };
  const reached = new Map<Category, string>();
  const reachedText = (category: Category, ceiling: Decimal) => {
    let text = reached.get(category);
    if (text === undefined) {
      text = ceilingObservation(category, ceiling, duration);
      reached.set(category, text);
    }
    return text;
  };
  const suggested = new Map<string, string>();
  const suggestionOf = (text: string) => {
    let observation = suggested.get(text);
    if (observation === undefined) {
      // Suggestions for the first labels only: 10 000 different typos must not cost seconds.
      const hint =
        suggested.size < MAX_SUGGESTED_LABELS ? suggestionText(suggestCategories(ruleSet, text)) : "";
      observation = `${NOT_COVERED} — libellé hors ${ruleSet.source}${hint ? ` ; ${hint}` : ""}`;
      suggested.set(text, observation);
    }
    return observation;
  };
  let eligibleBeforeCap: Decimal = ZERO;
  const assessed = new Array<AssessedLine>(lines.length);
  lines.forEach((line, i) => {
    const category = line.other ? undefined : line.category;
    const real = line.amount;
    if (!category) {
      const blank = line.text.trim() === "";
      assessed[i] = assessedLine(
        blank ? "Sans catégorie" : line.text,
        category,
        real,
        ZERO,
        ZERO,
        blank ? "noCategory" : "unknownLabel",
        blank ? `${NOT_COVERED} — catégorie manquante` : suggestionOf(line.text),
      );
      return;
    }
    const ceiling = ceilingOf(category);
    if (category.ceiling.kind === "notCovered") {
      assessed[i] = assessedLine(category.label, category, real, ceiling, ZERO, "notCovered", NOT_COVERED);
      return;
    }
    if (line.receipt === false && needsReceipt(category)) {
      assessed[i] = assessedLine(
        category.label,
        category,
        real,
        ceiling,
        ZERO,
        "missingReceipt",
        MISSING_RECEIPT,
      );
      return;
    }
    if (ceiling === "none") {
      eligibleBeforeCap = add(eligibleBeforeCap, real);
      assessed[i] = assessedLine(category.label, category, real, ceiling, real, "covered", "");
      return;
    }
    const available = left.get(category) ?? ceiling;
    const capped = compare(real, available) > 0;
    const eligible = capped ? available : real;
    left.set(category, capped ? ZERO : subtract(available, real));
    eligibleBeforeCap = add(eligibleBeforeCap, eligible);
    assessed[i] = capped
      ? assessedLine(
          category.label,
          category,
          real,
          ceiling,
          eligible,
          "categoryCeiling",
          reachedText(category, ceiling),
        )
      : assessedLine(category.label, category, real, ceiling, eligible, "covered", "");
  });
  return { lines: assessed, ...missionTotals(ruleSet, real, eligibleBeforeCap) };
}

/** After the lines: the mission cap, the share rounded once to the cent, what the association bears. */
function missionTotals(
  ruleSet: RuleSet,
  real: Decimal,
  eligibleBeforeCap: Decimal,
): Omit<MissionAssessment, "lines"> {
  const cap = ruleSet.missionCap;
  const capped = cap !== undefined && compare(eligibleBeforeCap, cap) > 0;
  const eligible = capped ? cap : eligibleBeforeCap;
  const share = multiply(ruleSet.shareRate, eligible);
  const contribution = toCents(ruleSet.maxContribution ? min(share, ruleSet.maxContribution) : share);
  const remainder = toCents(add(subtract(real, centsToDecimal(contribution)), ruleSet.fixedFee));
  return {
    real,
    eligibleBeforeCap,
    eligible,
    capObservation: capped
      ? `plafond de la mission : ${euroText(cap)} éligibles sur ${euroText(eligibleBeforeCap)}`
      : "",
    contribution,
    remainder,
  };
}

/**
 * A mission whose every amount is a whole number of cents, in columns (one entry per line counted):
 * what `assessMission` computes, in integer cents, without an object per line.
 */
export interface CentsMission {
  readonly count: number;
  /** Index of the line's category in `ruleSet.categories`; -1 for a blank or unknown label, or « Autre dépense ». */
  readonly categories: ArrayLike<number>;
  /** Whole cents, each at most the largest amount. */
  readonly cents: ArrayLike<number>;
  /** Days of the line, -1 when none. */
  readonly days: ArrayLike<number>;
  /** 0: not checked (Prévisionnel), 1: receipt given, 2: missing. */
  readonly receipts: ArrayLike<number>;
}

/** The totals of `assessMission` and each line's eligible amount in cents, for a CentsMission. */
export interface CentsAssessment {
  readonly totals: Omit<MissionAssessment, "lines">;
  /** Each counted line's eligible amount, in whole cents. */
  readonly eligibleCents: Float64Array;
}

/** Whole cents of a ceiling, or undefined when it is not a whole number of cents. */
function ceilingCents(c: LineCeiling): number | undefined {
  if (c === "none") return Number.POSITIVE_INFINITY;
  const cents = toCents(c);
  return compare(centsToDecimal(wholeCents(cents)), c) === 0 ? cents : undefined;
}

/** A category's ceiling that counts nothing (not covered, or a receipt missing). */
const NOTHING = -1;

/**
 * `assessMission` in integer cents: the same ceilings used up from the top line down, the same
 * totals (built by the same code from exact sums). Undefined when the integer path cannot say
 * (Σ over the largest amount: `assessMission` names the line; a ceiling not in whole cents).
 */
export function assessCents(ruleSet: RuleSet, m: CentsMission): CentsAssessment | undefined {
  const { count, categories, cents, days, receipts } = m;
  const all = ruleSet.categories;
  let real = 0;
  let duration = -1;
  for (let i = 0; i < count; i++) {
    real += cents[i] as number;
    // Each term ≤ MAX_CENTS and the sum checked at every step: always an exact integer.
    if (real > MAX_CENTS) return undefined;
    const d = days[i] as number;
    const k = categories[i] as number;
    if (d > duration && k >= 0 && all[k]?.daily) duration = d;
  }
  const missionDays = duration < 0 ? undefined : duration;
  // Per category: what is left of its ceiling (∞ without one), NaN until first used.
  const left = new Float64Array(all.length).fill(Number.NaN);
  const eligibleCents = new Float64Array(count);
  let eligibleBeforeCap = 0;
  for (let i = 0; i < count; i++) {
    const k = categories[i] as number;
    if (k < 0) continue;
    let available = left[k] as number;
    if (Number.isNaN(available)) {
      const category = all[k] as Category;
      if (category.ceiling.kind === "notCovered") available = NOTHING;
      else {
        const ceiling = ceilingCents(missionCeiling(category, missionDays));
        if (ceiling === undefined) return undefined;
        available = ceiling;
      }
      left[k] = available;
    }
    if (available === NOTHING) continue;
    if (receipts[i] === 2 && needsReceipt(all[k])) continue;
    const real = cents[i] as number;
    const eligible = real > available ? available : real;
    left[k] = available - eligible;
    eligibleCents[i] = eligible;
    eligibleBeforeCap += eligible;
  }
  return {
    totals: missionTotals(
      ruleSet,
      centsToDecimal(wholeCents(real)),
      centsToDecimal(wholeCents(eligibleBeforeCap)),
    ),
    eligibleCents,
  };
}

/** The amount a daily line given days and no amount counts: its ceiling; an error without a daily rate. */
export function dailyAmount(ruleSet: RuleSet, category: Category, days: number, amountField: Field): Decimal {
  const ceiling = lineCeiling(category, days);
  if (ceiling === "none" || category.ceiling.kind === "notCovered") {
    throw invalid(
      "Montant manquant",
      amountField,
      "",
      `la règle ${ruleSet.id} n'a pas de taux journalier pour « ${category.label} » : indiquez le montant`,
    );
  }
  return ceiling;
}

/** The décompte's columns. */
export const DECOMPTE_HEADER = ["Catégorie", "Montant réel", "Plafond", "Montant éligible", "Observation"];
/** Rows after the lines: Total, Total éligible retenu, Prise en charge, Reste à charge. */
export const DECOMPTE_TOTAL_ROWS = 4;
const NO_CEILING = "sans plafond";

/** Euros as a plain number for a sheet, rounded to the cent. */
export function eurosNumber(d: Decimal): number {
  return toCents(d) / 100;
}

function ceilingCell(c: LineCeiling): number | string {
  return c === "none" ? NO_CEILING : eurosNumber(c);
}

/**
 * A mission's décompte as a table: the header, one row per counted line (category, actual,
 * ceiling, eligible, observation), then the total before the mission cap, the total kept after
 * it (with the cap's observation), the contribution and what the association bears.
 */
export function decompteRows(ruleSet: RuleSet, a: MissionAssessment): (string | number)[][] {
  const rows: (string | number)[][] = [[...DECOMPTE_HEADER]];
  for (const line of a.lines) {
    rows.push([
      line.label,
      eurosNumber(line.real),
      ceilingCell(line.ceiling),
      eurosNumber(line.eligible),
      line.observation,
    ]);
  }
  rows.push(
    ["Total", eurosNumber(a.real), "", eurosNumber(a.eligibleBeforeCap), ""],
    [
      "Total éligible retenu",
      "",
      ruleSet.missionCap ? eurosNumber(ruleSet.missionCap) : NO_CEILING,
      eurosNumber(a.eligible),
      a.capObservation,
    ],
    ["Prise en charge", "", "", a.contribution / 100, ""],
    ["Reste à charge association", "", "", a.remainder / 100, ""],
  );
  return rows;
}
