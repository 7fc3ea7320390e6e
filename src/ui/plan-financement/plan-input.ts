/**
 * The plan as the sidebar holds it (texts typed by the user), read by the core's one plan reader
 * (core/convention/plan-reader, also behind PLAN_FINANCEMENT) with each error tied to the input
 * it concerns. Pure: the page runs it live, the server again before writing.
 */

import type { ChargeInput, FinancingPlan, ReceiptInput } from "../../core/convention/financing-plan";
import {
  checkPlanRows,
  type FunderKind,
  type PlanProblem,
  readPlanRows,
} from "../../core/convention/plan-reader";
import type { Cents } from "../../core/decimal";

export const MAX_PLAN_LINES = 500;

export interface ChargeDraft {
  readonly category: string;
  readonly amount: string | number;
}

export type { FunderKind };

export type ReceiptDraft =
  | { readonly kind: "fixed"; readonly name: string; readonly amount: string | number }
  | { readonly kind: "share"; readonly name: string; readonly share: string | number }
  | { readonly kind: "solde"; readonly name: string };

export interface PlanDraft {
  readonly charges: readonly ChargeDraft[];
  readonly receipts: readonly ReceiptDraft[];
}

/** Which input an error belongs to: `charge-0-montant`, `recette-1-valeur`… (0-based index). */
export type FieldKey =
  `${"charge" | "recette"}-${number}-${"categorie" | "montant" | "nom" | "type" | "valeur"}`;

export interface FieldError {
  readonly key: FieldKey;
  readonly message: string;
}

export type PlanCheck =
  | { readonly ok: true; readonly plan: FinancingPlan }
  /** Field errors, or (none) a plan-wide problem such as the gap of an unbalanced plan. */
  | { readonly ok: false; readonly errors: readonly FieldError[]; readonly message: string };

/** The panel names the lists by their headings. */
const PANEL_NAMES = { charges: "dépenses", receipts: "recettes" } as const;

function keyOf(p: PlanProblem): FieldKey {
  return `${p.list === "charges" ? "charge" : "recette"}-${p.index}-${p.column}`;
}

function fieldErrors(problems: readonly PlanProblem[]): FieldError[] {
  return problems.map((p) => ({ key: keyOf(p), message: p.error.message }));
}

/** Reads the draft with the core's plan reader; lines left wholly blank are skipped. */
export function readPlanDraft(draft: PlanDraft): {
  charges: ChargeInput[];
  receipts: ReceiptInput[];
  errors: FieldError[];
} {
  const { charges, receipts, problems } = readPlanRows(draft.charges, draft.receipts, PANEL_NAMES);
  return { charges, receipts, errors: fieldErrors(problems) };
}

/** The balanced plan, or what stops it: field errors first, then the core's verdict (the gap). */
export function checkPlan(draft: PlanDraft): PlanCheck {
  const checked = checkPlanRows(draft.charges, draft.receipts, PANEL_NAMES);
  if (checked.ok) return checked;
  const errors = fieldErrors(checked.problems);
  if (errors.length === 0) return { ok: false, errors, message: checked.error.message };
  const message =
    errors.length === 1 ? "Une saisie est à corriger." : `${errors.length} saisies sont à corriger.`;
  return { ok: false, errors, message };
}

const AMOUNT_INPUT = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount as it is shown in an input: `8 139,54` (parseAmount reads it back). */
export function formatAmountInput(c: Cents): string {
  return AMOUNT_INPUT.format(c / 100);
}
