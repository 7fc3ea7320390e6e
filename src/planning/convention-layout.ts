/**
 * A convention's three sheets as data, in writing order: the budget (convention-budget.ts), the
 * financing plan with its chart (convention-plan.ts) and the Article 5 report
 * (convention-report.ts). Pure: written to Sheets by `writeLayout`.
 */
import type { ConventionDefinition } from "../core/convention";
import { budgetLayout } from "./convention-budget";
import { type PlanSheet, planSheet } from "./convention-plan";
import { type RealisedAmounts, reportLayout } from "./convention-report";
import type { SheetLayout } from "./sheet-layout";

export { BUDGET_FIRST_ROW, BUDGET_HEADER, budgetLayout } from "./convention-budget";
export { sheetRef } from "./convention-cells";
export { type PieChartSpec, type PlanSheet, planSheet } from "./convention-plan";
export {
  REPORT_HEADER,
  type RealisedAmounts,
  type RealisedValue,
  realisedKey,
  reportLayout,
} from "./convention-report";

/** The convention's sheets in writing order, with the plan's chart (for the menu action and the local demo). */
export function conventionLayouts(
  c: ConventionDefinition,
  realised: RealisedAmounts = new Map(),
): { budget: SheetLayout; plan: PlanSheet; report: SheetLayout } {
  return { budget: budgetLayout(c), plan: planSheet(c), report: reportLayout(c, realised) };
}
