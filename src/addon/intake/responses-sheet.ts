/** Where a call's responses are: the sheet Forms writes its form's responses to, once linked. */
import type { IntakeState } from "./state";

/** By its id (stable when renamed), else by the form it is linked to. */
export function findResponsesSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: IntakeState,
): GoogleAppsScript.Spreadsheet.Sheet | undefined {
  const sheets = spreadsheet.getSheets();
  return (
    sheets.find((s) => state.responsesSheetId !== undefined && s.getSheetId() === state.responsesSheetId) ??
    sheets.find((s) => (s.getFormUrl() ?? "").includes(state.formId))
  );
}
