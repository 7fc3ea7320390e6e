/**
 * Server side of the "Plan de financement" sidebar: the charges to start from (the selected
 * range, or the budget of a convention) and writing the balanced plan at the active cell.
 */
import * as z from "zod/mini";
import { openSidebar } from "../../addon/sidebars";
import {
  allocations,
  CONVENTION_IDS,
  type ConventionDefinition,
  conventionById,
  DEFAULT_CONVENTION_ID,
  type FinancingPlan,
  groupCharges,
} from "../../core/convention";
import { centsToEuros } from "../../core/decimal";
import { InputError } from "../../core/errors";
import { formatEuros, isBlank } from "../../core/money";
import { parseInFrench } from "../../core/zod-french";
import { asText, FORMAT } from "../../planning/sheet-layout";
import { checkPlan, formatAmountInput, MAX_PLAN_LINES, type PlanDraft, readPlanDraft } from "./plan-input";

/** Lianes › Plan de financement (panneau)… */
export function menuPlanFinancement(): void {
  openSidebar({ file: "plan-financement", title: "Plan de financement" });
}

export interface LoadedCharges {
  /** Where the charges come from, for the user: `la sélection Feuille1!A2:B5`. */
  readonly source: string;
  readonly charges: { readonly category: string; readonly amount: string }[];
}

const text = z.string().check(z.maxLength(200));
const amount = z.union([z.string().check(z.maxLength(40)), z.number()]);
const chargeSchema = z.strictObject({ category: text, amount });
const receiptSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("fixed"), name: text, amount }),
  z.strictObject({ kind: z.literal("share"), name: text, share: amount }),
  z.strictObject({ kind: z.literal("solde"), name: text }),
]);
const planSchema = z.strictObject({
  charges: z.array(chargeSchema).check(z.maxLength(MAX_PLAN_LINES)),
  receipts: z.array(receiptSchema).check(z.maxLength(MAX_PLAN_LINES)),
});

/** The payload's keys as the panel names them. */
const FIELD_NAMES = {
  charges: "dépenses",
  receipts: "recettes",
  category: "catégorie",
  amount: "montant",
  kind: "type",
  name: "financeur",
  share: "part",
};

/** The payload of the page, checked: the sidebar is not the only possible caller. */
function parsePayload(payload: unknown): PlanDraft {
  return parseInFrench(planSchema, payload, "Plan de financement refusé", FIELD_NAMES);
}

function selectedCharges(range: GoogleAppsScript.Spreadsheet.Range | null): LoadedCharges | undefined {
  if (range?.getNumColumns() !== 2) return undefined;
  if (range.getNumRows() > MAX_PLAN_LINES) {
    throw new InputError(`Sélection trop grande : au plus ${MAX_PLAN_LINES} lignes de dépenses`);
  }
  const rows = range.getValues().map(([category, value]) => ({
    category: isBlank(category) ? "" : String(category),
    amount:
      typeof value === "number" || typeof value === "string" ? value : isBlank(value) ? "" : String(value),
  }));
  const { charges, errors } = readPlanDraft({ charges: rows, receipts: [] });
  const first = errors[0];
  if (first) throw new InputError(`Sélection ${range.getA1Notation()} : ${first.message}`);
  if (charges.length === 0) return undefined;
  return {
    source: `la sélection ${range.getSheet().getName()}!${range.getA1Notation()}`,
    charges: charges.map((c) => ({ category: c.category, amount: formatAmountInput(c.amount) })),
  };
}

/** The convention whose budget sheet is in this spreadsheet, else the default one. */
function conventionOf(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): ConventionDefinition {
  for (const id of CONVENTION_IDS) {
    const c = conventionById(id);
    if (spreadsheet.getSheetByName(c.sheets.budget)) return c;
  }
  return conventionById(DEFAULT_CONVENTION_ID);
}

/** Panel entry point: the charges of the selected two-column range, or of the convention's budget. */
export function serverChargesPlanFinancement(): LoadedCharges {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const fromSelection = selectedCharges(spreadsheet.getActiveRange());
  if (fromSelection) return fromSelection;
  const c = conventionOf(spreadsheet);
  const charges = groupCharges(allocations(c).map((a) => ({ category: a.category, amount: a.amount })));
  return {
    source: `le budget de la convention ${c.id} (« ${c.sheets.budget} »)`,
    charges: charges.map((ch) => ({ category: ch.category, amount: formatAmountInput(ch.amount) })),
  };
}

const HEADER = ["Dépenses", "Montant", "%", "Recettes", "Montant", "%"];
const ROW_FORMATS = [FORMAT.text, FORMAT.euros, FORMAT.percent, FORMAT.text, FORMAT.euros, FORMAT.percent];

/** Header, the longer side's lines, the totals: values and their formats. */
function planTable(plan: FinancingPlan): { values: (string | number)[][]; formats: string[][] } {
  const height = Math.max(plan.charges.length, plan.receipts.length);
  const values: (string | number)[][] = [HEADER];
  for (let i = 0; i < height; i++) {
    const charge = plan.charges[i];
    const receipt = plan.receipts[i];
    values.push([
      ...(charge ? [asText(charge.label), centsToEuros(charge.amount), charge.percent / 100] : ["", "", ""]),
      ...(receipt
        ? [asText(receipt.label), centsToEuros(receipt.amount), receipt.percent / 100]
        : ["", "", ""]),
    ]);
  }
  const total = centsToEuros(plan.total);
  values.push(["TOTAL CHARGES", total, 1, "TOTAL PRODUITS", total, 1]);
  return { values, formats: values.map((_, i) => (i === 0 ? HEADER.map(() => FORMAT.text) : ROW_FORMATS)) };
}

export interface WrittenPlan {
  readonly sheet: string;
  readonly range: string;
  readonly total: string;
}

/** Panel entry point: checks the plan again and writes it at the active cell, never over data. */
export function serverEcrirePlanFinancement(payload: unknown): WrittenPlan {
  const checked = checkPlan(parsePayload(payload));
  if (!checked.ok) {
    const first = checked.errors[0];
    throw new InputError(first ? first.message : checked.message);
  }
  const { values, formats } = planTable(checked.plan);
  const cell = SpreadsheetApp.getActiveSpreadsheet().getActiveCell();
  const sheet = cell.getSheet();
  const target = sheet.getRange(cell.getRow(), cell.getColumn(), values.length, HEADER.length);
  if (target.getValues().some((row) => row.some((v) => !isBlank(v)))) {
    throw new InputError(
      `Écriture refusée : la plage ${target.getA1Notation()} de « ${sheet.getName()} » n'est pas vide. ` +
        "Choisissez une cellule avec assez de place libre (6 colonnes).",
    );
  }
  target.setValues(values);
  target.setNumberFormats(formats);
  sheet.getRange(cell.getRow(), cell.getColumn(), 1, HEADER.length).setFontWeight("bold");
  sheet.getRange(cell.getRow() + values.length - 1, cell.getColumn(), 1, HEADER.length).setFontWeight("bold");
  return {
    sheet: sheet.getName(),
    range: target.getA1Notation(),
    total: formatEuros(checked.plan.total),
  };
}
