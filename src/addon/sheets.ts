/** Writing the sheets the add-on plans (src/planning) into Sheets: one `setValues` per block. */
import { rectangular, type SheetLayout } from "../planning/sheet-layout";

/** Gets the sheet named like the layout (or adds it), clears it and writes the layout. */
export function replaceSheetContents(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  layout: SheetLayout,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = spreadsheet.getSheetByName(layout.name) ?? spreadsheet.insertSheet(layout.name);
  sheet.clear();
  writeLayout(sheet, layout);
  applyValidations(sheet, layout);
  return sheet;
}

/** Writes a layout into an existing, cleared sheet. */
export function writeLayout(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: SheetLayout): void {
  for (const block of layout.blocks) {
    const { rows, columns } = rectangular(block);
    const range = sheet.getRange(block.row, block.column, rows, columns);
    range.setValues(block.values.map((r) => [...r]));
    if (typeof block.numberFormat === "string") range.setNumberFormat(block.numberFormat);
    else if (block.numberFormat) range.setNumberFormats(block.numberFormat.map((r) => [...r]));
    if (block.bold) range.setFontWeight("bold");
    if (block.background) range.setBackground(block.background);
    if (block.horizontalAlignment) range.setHorizontalAlignment(block.horizontalAlignment);
    if (block.wrap) range.setWrap(true);
  }
  layout.columnWidths?.forEach((width, i) => {
    sheet.setColumnWidth(i + 1, width);
  });
  if (layout.frozenRows) sheet.setFrozenRows(layout.frozenRows);
}

/** Puts the layout's validation rules on its cells (Sheets only: rules come from SpreadsheetApp). */
export function applyValidations(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: SheetLayout): void {
  for (const v of layout.validations ?? []) {
    const rule = SpreadsheetApp.newDataValidation()
      .requireNumberBetween(0, 1_000_000_000_000)
      .setAllowInvalid(false)
      .setHelpText("Un montant en euros, de 0 à 1 000 000 000 000.")
      .build();
    sheet.getRange(v.row, v.column, v.rows, v.columns).setDataValidation(rule);
  }
}
