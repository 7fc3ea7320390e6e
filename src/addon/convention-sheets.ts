/**
 * The conventions a workbook owns, and the menu actions on them.
 *
 * - `Lianes › Paramètres › Nouvelle convention…` writes a `Convention <identifiant>` sheet from a
 *   shipped template, from another convention of the workbook, or blank.
 * - `Lianes › Budget de convention…` lists the workbook's conventions and the shipped templates,
 *   reads the chosen convention's sheet (writing it from its template first if the workbook has
 *   none), confirms before replacing sheets that hold something, then writes its budget,
 *   financing plan (with a pie chart of receipts) and report, every figure a formula on the
 *   convention sheet. Refreshing rewrites the same sheets; what the user typed in the report
 *   (realised amounts and quantities, comments, the date it was handed in) is kept.
 */
import {
  type ConventionDefinition,
  type ConventionSheet,
  checkConventionSheet,
  conventionById,
  conventionIdOfSheet,
  conventionLabels,
  conventionSheetName,
  GENERAL_FIELDS,
  readConventionSheet,
} from "../core/convention";
import { field, invalid } from "../core/errors";
import { asDate, parisIsoDate } from "../core/intake/paris-time";
import { isBlank } from "../core/money";
import {
  ACTIVITY_HEADER,
  conventionLayouts,
  type PieChartSpec,
  type RealisedValue,
  type ReportInputs,
  realisedKey,
  SUBMITTED_LABEL,
} from "../planning/convention-layout";
import { conventionSheetLayout, dateSerial } from "../planning/convention-sheet-layout";
import type { LayoutCell } from "../planning/sheet-layout";
import { replaceSheetContents } from "./sheets";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A convention the menus offer: a sheet of the workbook, or a shipped template. */
export interface ConventionChoice {
  readonly id: string;
  readonly label: string;
  /** The workbook's sheet, when it has one (it wins over a template of the same id). */
  readonly sheet?: Sheet;
  readonly template?: ConventionDefinition;
}

/** The `Intitulé` a convention sheet shows, without reading it whole. */
function labelOf(values: readonly (readonly unknown[])[]): string {
  const label = GENERAL_FIELDS.find((f) => f.key === "label")?.label ?? "";
  const row = values.find((r) => String(r[0] ?? "").trim() === label);
  const text = row && !isBlank(row[1]) ? String(row[1]).trim() : "";
  return text === "" ? "(intitulé à compléter)" : text;
}

/** The workbook's conventions, in sheet order, then the shipped templates it does not hold. */
export function conventionChoices(spreadsheet: Spreadsheet): ConventionChoice[] {
  const choices: ConventionChoice[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    const id = conventionIdOfSheet(sheet.getName());
    if (id === undefined) continue;
    choices.push({ id: id.toUpperCase(), label: labelOf(sheet.getDataRange().getValues()), sheet });
  }
  for (const { id, label } of conventionLabels()) {
    if (!choices.some((c) => c.id === id)) choices.push({ id, label, template: conventionById(id) });
  }
  return choices;
}

export function describeChoices(choices: readonly ConventionChoice[]): string {
  return choices
    .map(
      (c) =>
        `• ${c.id} — ${c.label} (${c.sheet ? `feuille « ${c.sheet.getName()} »` : "modèle livré avec le module"})`,
    )
    .join("\n");
}

export function choiceById(choices: readonly ConventionChoice[], id: string): ConventionChoice {
  const wanted = id.trim().toUpperCase();
  const choice = choices.find((c) => c.id === wanted);
  if (!choice) {
    throw invalid(
      "Convention inconnue",
      field("convention"),
      id,
      `conventions connues : ${choices.map((c) => c.id).join(", ")}`,
    );
  }
  return choice;
}

/** Reads a convention sheet (its values, evaluated as Sheets shows them). */
export function readConvention(sheet: Sheet): ConventionSheet {
  return readConventionSheet(sheet.getName(), sheet.getDataRange().getValues());
}

/** Every problem of a convention sheet, for `Vérifier les paramètres`. */
export function checkConvention(sheet: Sheet): string[] {
  return checkConventionSheet(sheet.getName(), sheet.getDataRange().getValues());
}

/** Writes `Convention <id>` (a new sheet) from a definition, or blank. */
export function writeConventionSheet(
  spreadsheet: Spreadsheet,
  id: string,
  definition: ConventionDefinition | undefined,
): Sheet {
  const { layout } = conventionSheetLayout(definition, conventionSheetName(id), id);
  return replaceSheetContents(spreadsheet, layout);
}

function valueAsTyped(value: unknown, formula: string): RealisedValue | undefined {
  // A formula is the user's own and stays one; a text that looks like a formula stays text.
  if (formula !== "") return { formula };
  if (isBlank(value)) return undefined;
  // A date (the day the report was handed in) goes back as the day number a date cell holds.
  const date = asDate(value);
  if (date) return dateSerial(parisIsoDate(date));
  return value as LayoutCell;
}

/**
 * What the user typed in an existing report: realised amounts by line type, realised quantities
 * and comments by commitment, the date the report was handed in.
 */
export function readReportInputs(sheet: Sheet | null): ReportInputs {
  const amounts = new Map<string, RealisedValue>();
  const activity = new Map<string, { realised: RealisedValue; comment: RealisedValue }>();
  let submitted: RealisedValue = "";
  if (!sheet || sheet.getLastRow() < 2) return { amounts, activity, submitted };
  const range = sheet.getRange(1, 1, sheet.getLastRow(), Math.max(5, sheet.getLastColumn()));
  const values = range.getValues();
  const formulas = range.getFormulas();
  let section: "lines" | "other" | "activity" = "lines";
  values.forEach((row, r) => {
    if (r === 0) return;
    const label = row[0];
    const text = String(label ?? "").trim();
    if (text === "Total") section = "other";
    if (text === ACTIVITY_HEADER[0] && row[1] === ACTIVITY_HEADER[1]) {
      section = "activity";
      return;
    }
    if (text === SUBMITTED_LABEL) {
      submitted = valueAsTyped(row[1], formulas[r]?.[1] ?? "") ?? "";
      section = "other";
      return;
    }
    if (isBlank(label)) {
      if (section === "activity") section = "other";
      return;
    }
    if (section === "lines") {
      const value = valueAsTyped(row[2], formulas[r]?.[2] ?? "");
      if (value !== undefined) amounts.set(realisedKey(text), value);
    } else if (section === "activity") {
      const realised = valueAsTyped(row[2], formulas[r]?.[2] ?? "");
      const comment = valueAsTyped(row[4], formulas[r]?.[4] ?? "");
      if (realised !== undefined || comment !== undefined) {
        activity.set(realisedKey(text), { realised: realised ?? "", comment: comment ?? "" });
      }
    }
  });
  return { amounts, activity, submitted };
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

/** Writes (or rewrites) the convention's three sheets, linked to its convention sheet; returns the budget sheet. */
export function writeConventionSheets(spreadsheet: Spreadsheet, convention: ConventionSheet): Sheet {
  const { definition, cells } = convention;
  const layouts = conventionLayouts(
    definition,
    cells,
    readReportInputs(spreadsheet.getSheetByName(definition.sheets.report)),
  );
  const budget = replaceSheetContents(spreadsheet, layouts.budget);
  const plan = replaceSheetContents(spreadsheet, layouts.plan.layout);
  insertReceiptsPie(plan, layouts.plan.chart);
  replaceSheetContents(spreadsheet, layouts.report);
  return budget;
}
