/**
 * A financing plan: charges grouped by category, receipts from funders given as a fixed amount,
 * a share of the total charges or the balance ("solde"), whole percentages adding up to 100 on
 * each side, and a balance check that names both totals and the gap.
 */
import {
  type Cents,
  cents,
  centsToDecimal,
  compare,
  type Decimal,
  mulDivToCents,
  ONE,
  sum,
} from "../decimal";
import { describeField, type Field, InputError, invalid } from "../errors";
import { normalizeCategoryName } from "../explor/category-names";
import { formatEuros } from "../money";
import { wholePercents } from "./percentages";

export interface ChargeInput {
  readonly category: string;
  readonly amount: Cents;
}

export type ReceiptInput = { readonly name: string; readonly where: Field } & (
  | { readonly kind: "fixed"; readonly amount: Cents }
  /** A fraction of the total charges, 0 < share ≤ 1, exactly as given. */
  | { readonly kind: "share"; readonly share: Decimal }
  | { readonly kind: "solde" }
);

export interface PlanLine {
  readonly label: string;
  readonly amount: Cents;
  /** Whole percent of its side's total. */
  readonly percent: number;
}

export interface FinancingPlan {
  readonly charges: readonly PlanLine[];
  readonly receipts: readonly PlanLine[];
  readonly total: Cents;
}

/** Sums charges of the same category (case, accents, spacing ignored) into the first one, in order of first appearance. */
export function groupCharges(rows: readonly ChargeInput[]): ChargeInput[] {
  const byKey = new Map<string, { category: string; amount: number }>();
  // Long plans repeat a few category names: normalise each distinct text once.
  const keys = new Map<string, string>();
  for (const row of rows) {
    let key = keys.get(row.category);
    if (key === undefined) {
      key = normalizeCategoryName(row.category);
      keys.set(row.category, key);
    }
    const group = byKey.get(key);
    if (group) group.amount += row.amount;
    else byKey.set(key, { category: row.category.trim(), amount: row.amount });
  }
  return [...byKey.values()].map((g) => ({ category: g.category, amount: cents(g.amount) }));
}

/** Amounts of share funders; parts adding up to exactly 100 % leave the rounding gap to the largest share. */
function shareAmounts(receipts: readonly ReceiptInput[], total: Cents): Map<number, Cents> {
  const shares: { index: number; share: Decimal }[] = [];
  receipts.forEach((r, index) => {
    if (r.kind === "share") shares.push({ index, share: r.share });
  });
  const amounts = new Map<number, Cents>();
  const totalDecimal = centsToDecimal(total);
  for (const { index, share } of shares) amounts.set(index, mulDivToCents(share, totalDecimal, ONE));
  if (shares.length > 1 && compare(sum(shares.map((s) => s.share)), ONE) === 0) {
    const largest = shares.reduce((best, s) => (compare(s.share, best.share) > 0 ? s : best));
    let others = 0;
    for (const { index } of shares) if (index !== largest.index) others += amounts.get(index) as number;
    amounts.set(largest.index, cents(total - others));
  }
  return amounts;
}

function receiptAmounts(receipts: readonly ReceiptInput[], total: Cents): Cents[] {
  const soldes = receipts.filter((r) => r.kind === "solde");
  if (soldes.length > 1) {
    const [, second] = soldes as [ReceiptInput, ReceiptInput];
    throw invalid("Un seul financeur peut être « solde »", second.where, second.name);
  }
  const shares = shareAmounts(receipts, total);
  const amounts = receipts.map((r, i) =>
    r.kind === "fixed" ? r.amount : r.kind === "share" ? (shares.get(i) as Cents) : undefined,
  );
  const others = amounts.reduce<number>((s, a) => s + (a ?? 0), 0);
  return receipts.map((r, i) => {
    const amount = amounts[i];
    if (amount !== undefined) return amount;
    const balance = total - others;
    if (balance < 0) {
      throw new InputError(
        `Solde négatif (${describeField(r.where)}) : « ${r.name} » — les autres recettes (${formatEuros(cents(others))}) dépassent le total des charges (${formatEuros(total)}) de ${formatEuros(cents(-balance))}`,
      );
    }
    return cents(balance);
  });
}

/** The balanced plan, or an InputError naming the gap. */
export function financingPlan(
  charges: readonly ChargeInput[],
  receipts: readonly ReceiptInput[],
): FinancingPlan {
  const grouped = groupCharges(charges);
  if (grouped.length === 0)
    throw new InputError("Plan de financement sans dépense (depenses) : aucune ligne remplie");
  if (receipts.length === 0)
    throw new InputError("Plan de financement sans recette (recettes) : aucune ligne remplie");
  const total = cents(grouped.reduce((s, c) => s + c.amount, 0));
  if (total === 0) throw new InputError("Plan de financement sans charge : le total des dépenses est nul");
  const amounts = receiptAmounts(receipts, total);
  const produced = cents(amounts.reduce((s, a) => s + a, 0));
  if (produced !== total) {
    const gap = cents(Math.abs(total - produced));
    throw new InputError(
      `Plan de financement déséquilibré : total des charges ${formatEuros(total)}, total des produits ${formatEuros(produced)}, ${
        produced < total ? `il manque ${formatEuros(gap)}` : `excédent de ${formatEuros(gap)}`
      }`,
    );
  }
  const chargePercents = wholePercents(grouped.map((c) => c.amount));
  const receiptPercents = wholePercents(amounts);
  return {
    charges: grouped.map((c, i) => ({
      label: c.category,
      amount: c.amount,
      percent: chargePercents[i] as number,
    })),
    receipts: receipts.map((r, i) => ({
      label: r.name,
      amount: amounts[i] as Cents,
      percent: receiptPercents[i] as number,
    })),
    total,
  };
}
