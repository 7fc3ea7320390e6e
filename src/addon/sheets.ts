/** Creating or refreshing the sheets the add-on owns. */
import { applyConditionalFormats, applyValidations, type SheetLayout, writeLayout } from "./sheet-layout";

/** Gets the sheet named like the layout (or adds it), clears it and writes the layout. */
export function replaceSheetContents(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  layout: SheetLayout,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = spreadsheet.getSheetByName(layout.name) ?? spreadsheet.insertSheet(layout.name);
  sheet.clear();
  writeLayout(sheet, layout);
  applyValidations(sheet, layout);
  applyConditionalFormats(sheet, layout);
  return sheet;
}
