/**
 * The plan as the sidebar holds it (texts typed by the user) read into the core's inputs, with
 * each error tied to the field it concerns. Pure: the page runs it live, the server again
 * before writing.
 */

import {
  type ChargeInput,
  type FinancingPlan,
  financingPlan,
  type ReceiptInput,
} from "../../core/convention/financing-plan";
import { parseShare } from "../../core/convention/share";
import { type Cents, toCents } from "../../core/decimal";
import { type Field, field, InputError, invalid } from "../../core/errors";
import { isBlank, parseAmount } from "../../core/money";

export const MAX_PLAN_LINES = 500;

export interface ChargeDraft {
  readonly category: string;
  readonly amount: string | number;
}

export type FunderKind = "fixed" | "share" | "solde";

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

function amountOf(value: string | number, where: Field): Cents {
  return toCents(parseAmount(value, where));
}

/** Runs `read`; an InputError becomes the error of the field `key`. */
function attempt<T>(errors: FieldError[], key: FieldKey, read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    errors.push({ key, message: error.message });
    return undefined;
  }
}

/** Reads the draft; lines left wholly blank are skipped. */
export function readPlanDraft(draft: PlanDraft): {
  charges: ChargeInput[];
  receipts: ReceiptInput[];
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const charges: ChargeInput[] = [];
  draft.charges.forEach((c, i) => {
    if (isBlank(c.category) && isBlank(c.amount)) return;
    const where = field("dépenses", i + 1);
    if (isBlank(c.category)) {
      errors.push({
        key: `charge-${i}-categorie`,
        message: invalid("Catégorie manquante", where, c.amount).message,
      });
      return;
    }
    const amount = attempt(errors, `charge-${i}-montant`, () => {
      if (isBlank(c.amount)) throw invalid("Montant manquant", where, c.category);
      return amountOf(c.amount, where);
    });
    if (amount !== undefined) charges.push({ category: c.category.trim(), amount });
  });
  const receipts: ReceiptInput[] = [];
  let solde: number | undefined;
  draft.receipts.forEach((r, i) => {
    const value = r.kind === "fixed" ? r.amount : r.kind === "share" ? r.share : "";
    if (isBlank(r.name) && isBlank(value)) return;
    const where = field("recettes", i + 1);
    const name = r.name.trim();
    if (name === "") {
      errors.push({ key: `recette-${i}-nom`, message: invalid("Financeur manquant", where, value).message });
      return;
    }
    if (r.kind === "solde") {
      if (solde !== undefined) {
        errors.push({
          key: `recette-${i}-type`,
          message: invalid("Un seul financeur peut être « solde »", where, name).message,
        });
        return;
      }
      solde = i;
      receipts.push({ kind: "solde", name, where });
      return;
    }
    if (isBlank(value)) {
      const what = r.kind === "fixed" ? "Montant manquant" : "Part manquante";
      errors.push({ key: `recette-${i}-valeur`, message: invalid(what, where, name).message });
      return;
    }
    if (r.kind === "fixed") {
      const amount = attempt(errors, `recette-${i}-valeur`, () => amountOf(r.amount, where));
      if (amount !== undefined) receipts.push({ kind: "fixed", name, where, amount });
    } else {
      const share = attempt(errors, `recette-${i}-valeur`, () => parseShare(r.share, where));
      if (share !== undefined) receipts.push({ kind: "share", name, where, share });
    }
  });
  return { charges, receipts, errors };
}

/** The balanced plan, or what stops it: field errors first, then the core's verdict (the gap). */
export function checkPlan(draft: PlanDraft): PlanCheck {
  const { charges, receipts, errors } = readPlanDraft(draft);
  if (errors.length > 0) {
    const message =
      errors.length === 1 ? "Une saisie est à corriger." : `${errors.length} saisies sont à corriger.`;
    return { ok: false, errors, message };
  }
  try {
    return { ok: true, plan: financingPlan(charges, receipts) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { ok: false, errors: [], message: error.message };
  }
}

const AMOUNT_INPUT = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount as it is shown in an input: `8 139,54` (parseAmount reads it back). */
export function formatAmountInput(c: Cents): string {
  return AMOUNT_INPUT.format(c / 100);
}
