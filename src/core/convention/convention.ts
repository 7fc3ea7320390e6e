/**
 * What a convention definition gives once computed: its budget lines in cents with their unit
 * cost, the charges allocated to the plan's categories, the balanced financing plan, the share
 * of the programme in the network's budget, and the subsidy due under Article 5.
 */
import { type Cents, cents, centsToDecimal, decimalFromNumber } from "../decimal";
import { field } from "../errors";
import { normalizeCategoryName } from "../explor/category-names";
import { type ChargeInput, type FinancingPlan, financingPlan, type ReceiptInput } from "./financing-plan";
import type { ConventionDefinition } from "./schema";
import { perMille, proratedSubsidy, unitCost } from "./shares";

function toCentsExact(euros: number): Cents {
  return cents(Math.round(euros * 100));
}

export interface BudgetLine {
  readonly type: string;
  readonly quantity: number;
  readonly unit: string;
  readonly unitCost: Cents;
  readonly total: Cents;
  readonly description: string;
}

export function budgetLines(c: ConventionDefinition): BudgetLine[] {
  return c.lines.map((l) => {
    const total = toCentsExact(l.total);
    return {
      type: l.type,
      quantity: l.quantity,
      unit: l.unit,
      unitCost: unitCost(centsToDecimal(total), decimalFromNumber(l.quantity)),
      total,
      description: l.description ?? "",
    };
  });
}

export function budgetTotal(c: ConventionDefinition): Cents {
  return cents(c.lines.reduce((s, l) => s + toCentsExact(l.total), 0));
}

/** One part of a budget line in one category of the plan. */
export interface Allocation {
  /** Index of the budget line. */
  readonly line: number;
  readonly type: string;
  readonly category: string;
  readonly amount: Cents;
}

/**
 * Every line's parts, ordered by the definition's categories then by line, so that grouping
 * them by first appearance gives the categories in the definition's order.
 */
export function allocations(c: ConventionDefinition): Allocation[] {
  const rank = new Map(c.categories.map((name, i) => [normalizeCategoryName(name), i]));
  const label = (name: string) => c.categories[rank.get(normalizeCategoryName(name)) ?? -1] ?? name;
  const parts = c.lines.flatMap((l, line) =>
    (l.split ?? [{ category: l.category ?? "", amount: l.total }]).map((a) => ({
      line,
      type: l.type,
      category: label(a.category),
      amount: toCentsExact(a.amount),
    })),
  );
  const order = (a: Allocation) => rank.get(normalizeCategoryName(a.category)) ?? c.categories.length;
  return parts.sort((a, b) => order(a) - order(b) || a.line - b.line);
}

export function receiptInputs(c: ConventionDefinition): ReceiptInput[] {
  return c.funders.map((f, i) => {
    const where = field("financeurs", i + 1);
    if (f.kind === "fixed") return { kind: "fixed", name: f.name, where, amount: toCentsExact(f.amount) };
    if (f.kind === "share") return { kind: "share", name: f.name, where, share: decimalFromNumber(f.share) };
    return { kind: "solde", name: f.name, where };
  });
}

export function conventionPlan(c: ConventionDefinition): FinancingPlan {
  const charges: ChargeInput[] = allocations(c).map((a) => ({ category: a.category, amount: a.amount }));
  return financingPlan(charges, receiptInputs(c));
}

/** The "part du programme dans le budget de Lianes" block; shares in tenths of a percent. */
export interface ProgrammeShare {
  readonly label: string;
  readonly income: Cents;
  readonly receipts: readonly { readonly name: string; readonly amount: Cents; readonly perMille?: number }[];
  readonly expenses: Cents;
  readonly programme: Cents;
  readonly programmePerMille: number;
  readonly result: Cents;
  readonly programmeResult: Cents;
}

export function programmeShare(
  c: ConventionDefinition,
  plan: FinancingPlan = conventionPlan(c),
): ProgrammeShare {
  const income = toCentsExact(c.networkBudget.income);
  const expenses = toCentsExact(c.networkBudget.expenses);
  const produced = plan.receipts.reduce((s, r) => s + r.amount, 0);
  return {
    label: c.networkBudget.label,
    income,
    receipts: plan.receipts.map((r) =>
      r.label === c.funder.name
        ? { name: r.label, amount: r.amount, perMille: perMille(r.amount, income) }
        : { name: r.label, amount: r.amount },
    ),
    expenses,
    programme: plan.total,
    programmePerMille: perMille(plan.total, expenses),
    result: cents(income - expenses),
    programmeResult: cents(produced - plan.total),
  };
}

/** Article 5 for this convention: the subsidy due for what was actually spent. */
export function subsidyDue(c: ConventionDefinition, actual: Cents): Cents {
  return proratedSubsidy(
    centsToDecimal(toCentsExact(c.subsidy)),
    centsToDecimal(toCentsExact(c.forecastTotal)),
    centsToDecimal(actual),
  );
}
