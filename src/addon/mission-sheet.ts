/** `Lianes › Nouvelle mission EXPLOR`: adds a ready-to-fill mission sheet and opens it. */
import { MISSION_SHEET_NAME, missionSheetLayout, uniqueSheetName } from "./mission-layout";
import { writeLayout } from "./sheet-layout";

export function menuNouvelleMissionExplor(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const existing = spreadsheet.getSheets().map((sheet) => sheet.getName());
  const name = uniqueSheetName(MISSION_SHEET_NAME, existing);
  const sheet = spreadsheet.insertSheet(name);
  writeLayout(sheet, missionSheetLayout({ name }));
  sheet.activate();
}
