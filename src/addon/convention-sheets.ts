/**
 * A convention's budget, financing plan (with a pie chart of receipts) and report sheets,
 * written or rewritten; the realised amounts typed in the report are kept.
 */
import type { ConventionDefinition } from "../core/convention";
import { isBlank } from "../core/money";
import {
  conventionLayouts,
  type PieChartSpec,
  type RealisedAmounts,
  type RealisedValue,
  realisedKey,
} from "../planning/convention-layout";
import type { LayoutCell } from "../planning/sheet-layout";
import { replaceSheetContents } from "./sheets";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The realised column of an existing report, by line type: typed values, or the user's own formulas. */
export function readRealised(sheet: Sheet | null): RealisedAmounts {
  const realised = new Map<string, RealisedValue>();
  if (!sheet || sheet.getLastRow() < 2) return realised;
  const range = sheet.getRange(2, 1, sheet.getLastRow() - 1, 3);
  const values = range.getValues();
  const formulas = range.getFormulas();
  values.forEach(([type, , amount], r) => {
    const formula = formulas[r]?.[2] ?? "";
    if (isBlank(type) || (isBlank(amount) && formula === "")) return;
    // A formula is the user's own and stays one; a text that looks like a formula stays text.
    const value =
      formula !== "" ? { formula } : amount instanceof Date ? amount.toISOString() : (amount as LayoutCell);
    realised.set(realisedKey(String(type)), value);
  });
  return realised;
}

/** Replaces the sheet's charts by one pie chart of receipts by funder (Charts service, kept apart). */
export function insertReceiptsPie(sheet: Sheet, spec: PieChartSpec): void {
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.PIE)
    .addRange(sheet.getRange(spec.range))
    .setPosition(spec.row, spec.column, 0, 0)
    .setOption("title", spec.title)
    .setOption("pieSliceText", "percentage")
    .setOption("width", spec.width)
    .setOption("height", spec.height)
    .build();
  sheet.insertChart(chart);
}

/** Writes (or rewrites) the convention's three sheets; returns the budget sheet. */
export function writeConventionSheets(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  convention: ConventionDefinition,
): Sheet {
  const layouts = conventionLayouts(
    convention,
    readRealised(spreadsheet.getSheetByName(convention.sheets.report)),
  );
  const budget = replaceSheetContents(spreadsheet, layouts.budget);
  const plan = replaceSheetContents(spreadsheet, layouts.plan.layout);
  insertReceiptsPie(plan, layouts.plan.chart);
  replaceSheetContents(spreadsheet, layouts.report);
  return budget;
}
