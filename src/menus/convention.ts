/**
 * The menu actions on a workbook's conventions.
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
  checkConvention,
  choiceById,
  conventionChoices,
  describeChoices,
  readConvention,
  writeConventionSheet,
  writeConventionSheets,
} from "../addon/convention-sheets";
import { askForDefinition } from "../addon/dialogs";
import {
  type ConventionDefinition,
  type ConventionSheet,
  conventionById,
  conventionFromTemplate,
  conventionSheetName,
  DEFAULT_CONVENTION_ID,
} from "../core/convention";
import { field, InputError, invalid } from "../core/errors";
import { conventionSheetLayout } from "../planning/convention-sheet-layout";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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
export function menuNouvelleConvention(): void {
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
