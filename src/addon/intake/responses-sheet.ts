/** Where a call's responses are: the sheet Forms writes its form's responses to, once linked. */
import type { IntakeState } from "./state";

/** By its id (stable when renamed), else by the form it is linked to. */
export function findResponsesSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: IntakeState,
): GoogleAppsScript.Spreadsheet.Sheet | undefined {
  const byId = state.responsesSheetId === undefined ? null : spreadsheet.getSheetById(state.responsesSheetId);
  return byId ?? spreadsheet.getSheets().find((s) => (s.getFormUrl() ?? "").includes(state.formId));
}
