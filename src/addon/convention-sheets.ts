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
  conventionFromTemplate,
  conventionIdOfSheet,
  conventionLabels,
  conventionSheetName,
  DEFAULT_CONVENTION_ID,
  GENERAL_FIELDS,
  readConventionSheet,
} from "../core/convention";
import { field, InputError, invalid } from "../core/errors";
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
} from "./convention-layout";
import { conventionSheetLayout, dateSerial } from "./convention-sheet-layout";
import { askForDefinition } from "./dialogs";
import type { LayoutCell } from "./sheet-layout";
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

function describeChoices(choices: readonly ConventionChoice[]): string {
  return choices
    .map(
      (c) =>
        `• ${c.id} — ${c.label} (${c.sheet ? `feuille « ${c.sheet.getName()} »` : "modèle livré avec le module"})`,
    )
    .join("\n");
}

function choiceById(choices: readonly ConventionChoice[], id: string): ConventionChoice {
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

function sheetsWithContent(spreadsheet: Spreadsheet, c: ConventionDefinition): string[] {
  return [c.sheets.budget, c.sheets.plan, c.sheets.report].filter((name) => {
    const sheet = spreadsheet.getSheetByName(name);
    return sheet !== null && sheet.getLastRow() > 0;
  });
}

/** Lianes › Budget de convention… */
export function menuBudgetConvention(): void {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const choices = conventionChoices(spreadsheet);
  const choice = askForDefinition(ui, {
    title: "Budget de convention",
    question: `Conventions disponibles :\n${describeChoices(choices)}\n\nIdentifiant de la convention (laissez vide pour ${DEFAULT_CONVENTION_ID}) :`,
    defaultId: DEFAULT_CONVENTION_ID,
    byId: (id) => choiceById(choices, id),
    unknown: (error) => ({
      title: "Convention inconnue",
      message: `${error.message}\n\nConventions : ${choices.map((c) => c.id).join(", ")}`,
    }),
  });
  if (!choice) return;
  // A shipped template the workbook does not hold yet becomes its convention sheet, written
  // with the rest once confirmed (the sheet reads back into the very same definition).
  let convention: ConventionSheet;
  if (choice.sheet) {
    try {
      convention = readConvention(choice.sheet);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      ui.alert(`Convention ${choice.id} à corriger`, error.message, ui.ButtonSet.OK);
      choice.sheet.activate();
      return;
    }
  } else {
    const definition = choice.template ?? conventionById(choice.id);
    const { cells } = conventionSheetLayout(definition, conventionSheetName(choice.id));
    convention = { definition, cells };
  }
  const c = convention.definition;
  const filled = sheetsWithContent(spreadsheet, c);
  if (filled.length > 0) {
    const confirm = ui.alert(
      "Remplacer les feuilles ?",
      `${filled.map((n) => `« ${n} »`).join(", ")} ${filled.length > 1 ? "existent déjà et seront réécrites" : "existe déjà et sera réécrite"}. ` +
        `Ce qui est saisi dans « ${c.sheets.report} » (réalisé, commentaires, date de remise) est conservé. Continuer ?`,
      ui.ButtonSet.YES_NO,
    );
    if (confirm !== ui.Button.YES) return;
  }
  const sheet = choice.sheet ?? writeConventionSheet(spreadsheet, choice.id, c);
  writeConventionSheets(spreadsheet, convention).activate();
  const problems = checkConvention(sheet);
  if (problems.length > 0) {
    ui.alert(
      `Convention ${c.id} : à vérifier`,
      `Les feuilles sont écrites, mais la feuille « ${sheet.getName()} » a ${problems.length > 1 ? `${problems.length} incohérences` : "une incohérence"} :\n• ${problems.join("\n• ")}`,
      ui.ButtonSet.OK,
    );
  }
}

const BLANK = "VIERGE";
const ID_PATTERN = /^[A-Z0-9][A-Z0-9-]*$/;

/** Lianes › Paramètres › Nouvelle convention… */
export function menuNewConvention(): void {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const choices = conventionChoices(spreadsheet);
  const source = ui.prompt(
    "Nouvelle convention",
    `Partir de quelle convention ?\n${describeChoices(choices)}\n\n` +
      `Identifiant du modèle (laissez vide pour ${DEFAULT_CONVENTION_ID}, écrivez « vierge » pour une convention vierge) :`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (source.getSelectedButton() !== ui.Button.OK) return;
  const sourceId = source.getResponseText().trim() || DEFAULT_CONVENTION_ID;
  let template: ConventionDefinition | undefined;
  if (sourceId.toUpperCase() !== BLANK) {
    try {
      const choice = choiceById(choices, sourceId);
      template = choice.sheet ? readConvention(choice.sheet).definition : choice.template;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      ui.alert(
        "Modèle inutilisable",
        `${error.message}\n\nConventions : ${choices.map((c) => c.id).join(", ")}`,
        ui.ButtonSet.OK,
      );
      return;
    }
  }
  const answer = ui.prompt(
    "Nouvelle convention",
    `Identifiant de la nouvelle convention (majuscules, chiffres et tirets, par exemple ${suggestId(template)}) :`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const typed = answer.getResponseText().trim();
  const id = typed.toUpperCase();
  if (!ID_PATTERN.test(id)) {
    ui.alert(
      "Identifiant invalide",
      `${invalid("Identifiant invalide", field("identifiant"), typed, "majuscules, chiffres et tirets, comme CD62-2025").message}`,
      ui.ButtonSet.OK,
    );
    return;
  }
  const name = conventionSheetName(id);
  if (spreadsheet.getSheetByName(name) || choices.some((c) => c.id === id && c.sheet)) {
    ui.alert(
      "Convention existante",
      `La feuille « ${name} » existe déjà : elle n'est pas remplacée. Modifiez-la, ou choisissez un autre identifiant.`,
      ui.ButtonSet.OK,
    );
    return;
  }
  const sheet = writeConventionSheet(spreadsheet, id, template && conventionFromTemplate(template, id));
  sheet.activate();
  ui.alert(
    "Convention créée",
    `La feuille « ${name} » est créée${template ? ` à partir de ${template.id}` : " vierge"}. ` +
      "Modifiez ses cellules, vérifiez-la (Lianes › Paramètres › Vérifier les paramètres), " +
      "puis écrivez son budget, son plan de financement et son bilan (Lianes › Budget de convention…).",
    ui.ButtonSet.OK,
  );
}

/** CD62-2025 for a template of 2024, else the template's id with its year moved on. */
function suggestId(template: ConventionDefinition | undefined): string {
  if (!template) return "CD59-2025";
  const next = String(template.year + 1);
  return template.id.includes(String(template.year))
    ? template.id.split(String(template.year)).join(next)
    : `${template.id}-${next}`;
}
