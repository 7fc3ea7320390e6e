/**
 * The one reader of a financing plan, for the PLAN_FINANCEMENT function and the plan panel alike:
 * rows of values as the user typed them (cells or the panel's inputs) read into the core's
 * charges and receipts, every problem gathered as a French error tied to its line and column,
 * running totals kept within 1 000 000 000 000 € (so no sum ever leaves whole cents).
 */
import { type Cents, cents, MAX_CENTS } from "../decimal";
import { type Field, field, InputError, invalid } from "../errors";
import { amountCents, isBlank, MAX_AMOUNT_TEXT } from "../money";
import { type ChargeInput, type FinancingPlan, financingPlan, type ReceiptInput } from "./financing-plan";
import { parseShare } from "./share";

export type FunderKind = "fixed" | "share" | "solde";

/** A charge line: a category and an amount, as typed. */
export interface ChargeRow {
  readonly category: unknown;
  readonly amount: unknown;
}

/**
 * A receipt line: a funder and, for a kind the user chose (the panel), its value; without a
 * kind (a sheet's row), `amount` holds an amount or the word « solde », `share` a share.
 */
export interface ReceiptRow {
  readonly name: unknown;
  readonly kind?: FunderKind;
  readonly amount?: unknown;
  readonly share?: unknown;
}

/** How the lists are named in errors: the function's arguments, or the panel's headings. */
export interface PlanNames {
  readonly charges: string;
  readonly receipts: string;
}

export type PlanColumn = "categorie" | "montant" | "nom" | "type" | "valeur";

/** One problem of one line (0-based index), with its French error. */
export interface PlanProblem {
  readonly list: "charges" | "receipts";
  readonly index: number;
  readonly column: PlanColumn;
  readonly error: InputError;
}

export interface PlanReading {
  readonly charges: ChargeInput[];
  readonly receipts: ReceiptInput[];
  readonly problems: PlanProblem[];
}

const SOLDE = "solde";

/** A running sum of amounts read line by line: an error at the line where it passes the maximum. */
function addWithin(sum: Cents, amount: Cents, where: Field, original: unknown, what: string): Cents {
  const total = sum + amount;
  if (total > MAX_CENTS) {
    throw invalid("Total trop grand", where, original, `la somme des ${what} dépasse ${MAX_AMOUNT_TEXT}`);
  }
  return cents(total);
}

/** Reads the lines; lines left wholly blank are skipped, every other problem is gathered. */
export function readPlanRows(
  chargeRows: readonly ChargeRow[],
  receiptRows: readonly ReceiptRow[],
  names: PlanNames,
): PlanReading {
  const problems: PlanProblem[] = [];
  const attempt = <T>(list: PlanProblem["list"], index: number, column: PlanColumn, read: () => T) => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push({ list, index, column, error });
      return undefined;
    }
  };

  const charges: ChargeInput[] = [];
  let chargesTotal = cents(0);
  chargeRows.forEach(({ category, amount }, i) => {
    if (isBlank(category) && isBlank(amount)) return;
    const where = field(names.charges, i + 1);
    if (isBlank(category)) {
      problems.push({
        list: "charges",
        index: i,
        column: "categorie",
        error: invalid("Catégorie manquante", where, amount),
      });
      return;
    }
    const line = attempt("charges", i, "montant", () => {
      if (isBlank(amount)) throw invalid("Montant manquant", where, category);
      const read = amountCents(amount, where);
      chargesTotal = addWithin(chargesTotal, read, where, amount, "dépenses");
      return read;
    });
    if (line !== undefined) charges.push({ category: String(category).trim(), amount: line });
  });

  const receipts: ReceiptInput[] = [];
  let fixedTotal = cents(0);
  let solde: number | undefined;
  receiptRows.forEach((row, i) => {
    const where = field(names.receipts, i + 1);
    const problem = (column: PlanColumn, error: InputError) =>
      problems.push({ list: "receipts", index: i, column, error });
    const kind = row.kind ?? kindOfCells(row);
    const value = kind === "share" ? row.share : kind === "fixed" ? row.amount : "";
    const filled = row.kind ? !isBlank(value) : !isBlank(row.amount) || !isBlank(row.share);
    if (isBlank(row.name) && !filled) return;
    if (isBlank(row.name)) {
      const shown = row.kind ? value : isBlank(row.amount) ? row.share : row.amount;
      problem("nom", invalid("Financeur manquant", where, shown));
      return;
    }
    const name = String(row.name).trim();
    if (!row.kind && !isBlank(row.amount) && !isBlank(row.share)) {
      problem(
        "valeur",
        invalid(
          "Montant et part remplis tous les deux",
          where,
          name,
          "indiquez soit un montant, soit une part",
        ),
      );
      return;
    }
    if (!row.kind && !filled) {
      problem(
        "valeur",
        invalid("Montant manquant", where, name, "indiquez un montant, « solde » ou une part"),
      );
      return;
    }
    if (kind === "solde") {
      if (solde !== undefined) {
        problem("type", invalid("Un seul financeur peut être « solde »", where, name));
        return;
      }
      solde = i;
      receipts.push({ kind: "solde", name, where });
      return;
    }
    if (isBlank(value)) {
      problem("valeur", invalid(kind === "fixed" ? "Montant manquant" : "Part manquante", where, name));
      return;
    }
    if (kind === "fixed") {
      const amount = attempt("receipts", i, "valeur", () => {
        const read = amountCents(value, where);
        fixedTotal = addWithin(fixedTotal, read, where, value, "recettes");
        return read;
      });
      if (amount !== undefined) receipts.push({ kind: "fixed", name, where, amount });
    } else {
      const share = attempt("receipts", i, "valeur", () => parseShare(value, where));
      if (share !== undefined) receipts.push({ kind: "share", name, where, share });
    }
  });
  return { charges, receipts, problems };
}

/** A sheet row's kind: « solde » typed as its amount, an amount, else a share. */
function kindOfCells(row: ReceiptRow): FunderKind {
  if (typeof row.amount === "string" && row.amount.trim().toLowerCase() === SOLDE) return "solde";
  return isBlank(row.amount) && !isBlank(row.share) ? "share" : "fixed";
}

export type PlanCheck =
  | { readonly ok: true; readonly plan: FinancingPlan }
  /** Line problems, or (none) a plan-wide one such as the gap of an unbalanced plan. */
  | { readonly ok: false; readonly problems: readonly PlanProblem[]; readonly error: InputError };

/** The balanced plan, or what stops it: the lines' problems first, then the plan's (the gap). */
export function checkPlanRows(
  charges: readonly ChargeRow[],
  receipts: readonly ReceiptRow[],
  names: PlanNames,
): PlanCheck {
  const reading = readPlanRows(charges, receipts, names);
  const [first] = reading.problems;
  if (first) return { ok: false, problems: reading.problems, error: first.error };
  try {
    return { ok: true, plan: financingPlan(reading.charges, reading.receipts) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { ok: false, problems: [], error };
  }
}

/** The balanced plan, or the first problem as an InputError (custom functions show one). */
export function readFinancingPlan(
  charges: readonly ChargeRow[],
  receipts: readonly ReceiptRow[],
  names: PlanNames,
): FinancingPlan {
  const checked = checkPlanRows(charges, receipts, names);
  if (!checked.ok) throw checked.error;
  return checked.plan;
}
