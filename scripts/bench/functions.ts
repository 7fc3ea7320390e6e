/**
 * Custom functions of the built bundle on large ranges, each timed against an inline float loop
 * doing the same arithmetic, and checked to the cent against a reference computed here in
 * integer cents (independently of the add-on's code).
 */
import type { BundleGlobals } from "../../dev/host/bundle";
import { bestOfPair } from "./timing";

export interface FunctionResult {
  readonly name: string;
  readonly rows: number;
  readonly ms: number;
  readonly baselineMs: number;
  readonly ratio: number;
  readonly correct: boolean;
  readonly mismatch?: string;
}

type Cell = string | number;
type Range = Cell[][];

export const WARM_UP_RUNS = 10;
export const RUNS = 15;

/**
 * HDF 2025 ceilings in cents, per category and per mission, by the category text the sheet holds
 * ("Cadeaux" is not covered).
 */
const CEILING_CENTS: Record<string, number> = {
  Avion: 150_000,
  "Transports locaux": 20_000,
  "Per diem": 15 * 10 * 100,
  Visa: 6_000,
  Hébergement: 30_000,
  Vaccins: 8_000,
  Assurance: 5_200,
  Cadeaux: 0,
};

/** Each line's eligible cents: its category's ceiling used up from the top line down. */
function allocated(cents: readonly number[]): number[] {
  const left = new Map<string, number>();
  return cents.map((c, i) => {
    const category = CATEGORIES[i % CATEGORIES.length] as string;
    const available = left.get(category) ?? CEILING_CENTS[category] ?? 0;
    const eligible = Math.min(c, available);
    left.set(category, available - eligible);
    return eligible;
  });
}
const CATEGORIES = Object.keys(CEILING_CENTS);
const DAYS = 10;
const MISSION_CAP_CENTS = 200_000;
const MAX_CONTRIBUTION_CENTS = 100_000;

/** A repeatable pseudo-random sequence (no Math.random: the same data on every run). */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % n;
  };
}

function call(globals: BundleGlobals, name: string, ...args: unknown[]): unknown {
  const fn = globals[name];
  if (typeof fn !== "function") throw new Error(`${name} absente du bundle`);
  return fn(...args);
}

const toCents = (value: unknown): number => Math.round(Number(value) * 100);
const euros = (cents: number): number => cents / 100;

function timed(
  name: string,
  rows: number,
  ours: () => unknown,
  baseline: () => unknown,
  check: (result: unknown) => string | undefined,
): FunctionResult {
  const [a, b] = bestOfPair(RUNS, WARM_UP_RUNS, ours, baseline);
  const mismatch = check(a.result);
  return {
    name,
    rows,
    ms: a.ms,
    baselineMs: b.ms,
    ratio: a.ms / b.ms,
    correct: mismatch === undefined,
    ...(mismatch ? { mismatch } : {}),
  };
}

/** Compares a column result with expected cents, cell by cell. */
function checkColumn(result: unknown, expected: readonly number[], scale = 100): string | undefined {
  if (!Array.isArray(result) || result.length !== expected.length) return "forme du résultat inattendue";
  for (let i = 0; i < expected.length; i++) {
    const got = Math.round(Number((result[i] as Cell[])[0]) * scale);
    if (got !== expected[i]) return `ligne ${i + 1} : ${got} au lieu de ${expected[i]}`;
  }
  return undefined;
}

function expenseLines(rows: number, seed: number, maxCents: number): { range: Range; cents: number[] } {
  const next = generator(seed);
  const range: Range = [];
  const cents: number[] = [];
  for (let i = 0; i < rows; i++) {
    const c = next(maxCents + 1);
    cents.push(c);
    range.push([CATEGORIES[i % CATEGORIES.length] as string, euros(c)]);
  }
  return { range, cents };
}

const column = (range: Range, j: number): Range => range.map((r) => [r[j] as Cell]);

export function benchEligible(globals: BundleGlobals, rows: number): FunctionResult {
  const { range, cents } = expenseLines(rows, 7, 200_000);
  const categories = column(range, 0);
  const amounts = column(range, 1);
  const expected = allocated(cents);
  const ceilings = CATEGORIES.map((c) => euros(CEILING_CENTS[c] ?? 0));
  return timed(
    "EXPLOR_ELIGIBLE",
    rows,
    () => call(globals, "EXPLOR_ELIGIBLE", categories, amounts, DAYS),
    () => {
      const index = new Map(CATEGORIES.map((c, i) => [c, i]));
      const left = [...ceilings];
      const out: number[][] = new Array(rows);
      for (let i = 0; i < rows; i++) {
        const k = index.get(categories[i]?.[0] as string) ?? 0;
        const eligible = Math.min(Number(amounts[i]?.[0]), left[k] as number);
        left[k] = (left[k] as number) - eligible;
        out[i] = [eligible];
      }
      return out;
    },
    (result) => checkColumn(result, expected),
  );
}

export function benchContribution(globals: BundleGlobals, rows: number): FunctionResult {
  // Small amounts, so that the eligible total stays under the mission cap and the half-cent rounding counts.
  const { range, cents } = expenseLines(rows, 11, 35);
  const categories = column(range, 0);
  const amounts = column(range, 1);
  const eligible = allocated(cents).reduce((a, b) => a + b, 0);
  // 50 % of the capped total, half away from zero to the cent, then the maximum contribution.
  const expected = Math.min(
    Math.floor((Math.min(eligible, MISSION_CAP_CENTS) + 1) / 2),
    MAX_CONTRIBUTION_CENTS,
  );
  const ceilings = CATEGORIES.map((c) => euros(CEILING_CENTS[c] ?? 0));
  return timed(
    "EXPLOR_PRISE_EN_CHARGE",
    rows,
    () => call(globals, "EXPLOR_PRISE_EN_CHARGE", categories, amounts, DAYS),
    () => {
      const index = new Map(CATEGORIES.map((c, i) => [c, i]));
      const left = [...ceilings];
      let total = 0;
      for (let i = 0; i < rows; i++) {
        const k = index.get(categories[i]?.[0] as string) ?? 0;
        const eligible = Math.min(Number(amounts[i]?.[0]), left[k] as number);
        left[k] = (left[k] as number) - eligible;
        total += eligible;
      }
      return Math.min(Math.round(Math.min(total, 2000) * 50) / 100, 1000);
    },
    (result) =>
      toCents(result) === expected ? undefined : `${toCents(result)} au lieu de ${expected} centimes`,
  );
}

/** Largest-remainder whole percents in integers: floor each share, then +1 to the largest remainders, earlier first. */
function referencePercents(cents: readonly number[]): number[] {
  const total = cents.reduce((s, c) => s + c, 0);
  const percents = cents.map((c) => Math.floor((c * 100) / total));
  const missing = 100 - percents.reduce((s, p) => s + p, 0);
  const order = cents
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = ((cents[a] as number) * 100) % total;
      const rb = ((cents[b] as number) * 100) % total;
      return rb - ra || a - b;
    });
  for (const i of order.slice(0, missing)) percents[i] = (percents[i] as number) + 1;
  return percents;
}

export function benchPercentages(globals: BundleGlobals, rows: number): FunctionResult {
  const { range, cents } = expenseLines(rows, 13, 500_000);
  const amounts = column(range, 1);
  const expected = referencePercents(cents);
  return timed(
    "POURCENTAGES",
    rows,
    () => call(globals, "POURCENTAGES", amounts),
    () => {
      let total = 0;
      for (let i = 0; i < rows; i++) total += Number(amounts[i]?.[0]);
      const out: number[][] = new Array(rows);
      for (let i = 0; i < rows; i++) out[i] = [Math.round((Number(amounts[i]?.[0]) / total) * 100) / 100];
      return out;
    },
    (result) => checkColumn(result, expected),
  );
}

const PLAN_CATEGORIES = [
  "Coûts RH",
  "Frais de transport et fournitures",
  "Graphisme et fabrication",
  "Administratif et coûts indirects",
  "Communication",
  "Location de salles",
  "Restauration",
  "Hébergement",
  "Traduction",
  "Évaluation",
  "Petit équipement",
  "Frais bancaires",
];
const FIXED_RECEIPT_CENTS = 200_000;

export function benchPlan(globals: BundleGlobals, lines: number): FunctionResult {
  const next = generator(17);
  const expenses: Range = [];
  const sums = new Map<string, number>();
  for (let i = 0; i < lines; i++) {
    const category = PLAN_CATEGORIES[i % PLAN_CATEGORIES.length] as string;
    const c = 100 + next(250_000);
    expenses.push([category, euros(c)]);
    sums.set(category, (sums.get(category) ?? 0) + c);
  }
  const receipts: Range = [
    ["RECITAL", euros(FIXED_RECEIPT_CENTS)],
    ["CD62", "solde"],
  ];
  const charges = [...sums.values()];
  const total = charges.reduce((s, c) => s + c, 0);
  const receiptCents = [FIXED_RECEIPT_CENTS, total - FIXED_RECEIPT_CENTS];
  const chargePercents = referencePercents(charges);
  const receiptPercents = referencePercents(receiptCents);
  const expected: Cell[][] = [["Dépenses", "Montant", "%", "Recettes", "Montant", "%"]];
  [...sums.keys()].forEach((label, i) => {
    expected.push([
      label,
      charges[i] as number,
      chargePercents[i] as number,
      ...(i < 2
        ? [i === 0 ? "RECITAL" : "CD62", receiptCents[i] as number, receiptPercents[i] as number]
        : ["", "", ""]),
    ]);
  });
  expected.push(["TOTAL CHARGES", total, 100, "TOTAL PRODUITS", total, 100]);
  return timed(
    "PLAN_FINANCEMENT",
    lines,
    () => call(globals, "PLAN_FINANCEMENT", expenses, receipts),
    () => {
      const groups = new Map<string, number>();
      let sum = 0;
      for (const [category, amount] of expenses) {
        groups.set(category as string, (groups.get(category as string) ?? 0) + Number(amount));
        sum += Number(amount);
      }
      const rows = [...groups].map(([label, amount]) => [
        label,
        amount,
        Math.round((amount / sum) * 100) / 100,
      ]);
      return [...rows, ["CD62", sum - 2000, Math.round(((sum - 2000) / sum) * 100) / 100]];
    },
    (result) => checkPlan(result, expected),
  );
}

/** Texts compare as is; amounts (cents) and percents (whole) compare after scaling the result by 100. */
function checkPlan(result: unknown, expected: readonly Cell[][]): string | undefined {
  if (!Array.isArray(result) || result.length !== expected.length) return "nombre de lignes inattendu";
  for (let r = 0; r < expected.length; r++) {
    const row = expected[r] as Cell[];
    for (let c = 0; c < row.length; c++) {
      const want = row[c];
      const got = (result[r] as Cell[])[c];
      const same = typeof want === "number" ? toCents(got) === want : got === want;
      if (!same)
        return `ligne ${r + 1}, colonne ${c + 1} : « ${String(got)} » au lieu de « ${String(want)} »`;
    }
  }
  return undefined;
}
