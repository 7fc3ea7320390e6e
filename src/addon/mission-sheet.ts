/** A new mission sheet, ready to fill (the menu item and the calculator sidebar add one). */
import {
  MISSION_SHEET_NAME,
  type MissionInput,
  missionSheetLayout,
  uniqueSheetName,
} from "../planning/mission-layout";
import { applyValidations, writeLayout } from "./sheets";

/** Adds a mission sheet under a free name (`Mission EXPLOR 2`…), opens it and answers its name. */
export function insertMissionSheet(missions?: readonly MissionInput[]): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const existing = spreadsheet.getSheets().map((sheet) => sheet.getName());
  const name = uniqueSheetName(MISSION_SHEET_NAME, existing);
  const sheet = spreadsheet.insertSheet(name);
  const layout = missionSheetLayout(missions ? { name, missions } : { name });
  writeLayout(sheet, layout);
  applyValidations(sheet, layout);
  sheet.activate();
  return name;
}
