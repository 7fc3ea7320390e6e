/**
 * `Lianes › Budget de convention…`: choose a convention definition, confirm before replacing
 * sheets that hold something, then write its budget, financing plan (with a pie chart of
 * receipts) and report sheets. Refreshing rewrites the same sheets; the realised amounts typed
 * in the report are kept.
 */
import { writeConventionSheets } from "../addon/convention-sheets";
import { askForDefinition } from "../addon/dialogs";
import {
  CONVENTION_IDS,
  type ConventionDefinition,
  conventionById,
  conventionLabels,
  DEFAULT_CONVENTION_ID,
} from "../core/convention";

function sheetsWithContent(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  c: ConventionDefinition,
): string[] {
  return [c.sheets.budget, c.sheets.plan, c.sheets.report].filter((name) => {
    const sheet = spreadsheet.getSheetByName(name);
    return sheet !== null && sheet.getLastRow() > 0;
  });
}

/** Lianes › Budget de convention… */
export function menuBudgetConvention(): void {
  const ui = SpreadsheetApp.getUi();
  const list = conventionLabels()
    .map((c) => `• ${c.id} — ${c.label}`)
    .join("\n");
  const convention = askForDefinition(ui, {
    title: "Budget de convention",
    question: `Conventions disponibles :\n${list}\n\nIdentifiant de la convention (laissez vide pour ${DEFAULT_CONVENTION_ID}) :`,
    defaultId: DEFAULT_CONVENTION_ID,
    byId: conventionById,
    unknown: (error) => ({
      title: "Convention inconnue",
      message: `${error.message}\n\nConventions : ${CONVENTION_IDS.join(", ")}`,
    }),
  });
  if (!convention) return;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const filled = sheetsWithContent(spreadsheet, convention);
  if (filled.length > 0) {
    const confirm = ui.alert(
      "Remplacer les feuilles ?",
      `${filled.map((n) => `« ${n} »`).join(", ")} ${filled.length > 1 ? "existent déjà et seront réécrites" : "existe déjà et sera réécrite"}. ` +
        `Les montants réalisés saisis dans « ${convention.sheets.report} » sont conservés. Continuer ?`,
      ui.ButtonSet.YES_NO,
    );
    if (confirm !== ui.Button.YES) return;
  }
  writeConventionSheets(spreadsheet, convention).activate();
}
