/** Writing the sheets the add-on plans (src/planning) into Sheets: one `setValues` per block. */
import { type ChartLayout, rectangular, type SheetLayout } from "../planning/sheet-layout";

const CHART_TYPE = { bar: "BAR", column: "COLUMN", pie: "PIE" } as const;

/** The sheet's charts replaced by the layout's (Charts service: Sheets' own chart builder). */
function replaceCharts(sheet: GoogleAppsScript.Spreadsheet.Sheet, charts: readonly ChartLayout[]): void {
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  for (const c of charts) {
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType[CHART_TYPE[c.kind]])
      .addRange(sheet.getRange(c.data.row, c.data.column, c.data.rows, c.data.columns))
      .setNumHeaders(1)
      .setPosition(c.anchor.row, c.anchor.column, 0, 0)
      .setOption("title", c.title)
      .setOption("width", c.width)
      .setOption("height", c.height)
      .setOption("legend", { position: "bottom" })
      .build();
    sheet.insertChart(chart);
  }
}

/**
 * Gets the sheet named like the layout (or adds it), clears it and writes the layout. Its charts
 * are made with the sheet: clearing a sheet keeps its charts, whose data ranges are fixed blocks
 * of the layout, so a rewrite costs no chart call.
 */
export function replaceSheetContents(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  layout: SheetLayout,
): GoogleAppsScript.Spreadsheet.Sheet {
  const found = spreadsheet.getSheetByName(layout.name);
  const sheet = found ?? spreadsheet.insertSheet(layout.name);
  sheet.clear();
  writeLayout(sheet, layout);
  applyValidations(sheet, layout);
  if (layout.charts && !found) replaceCharts(sheet, layout.charts);
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
export function applyValidations(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  layout: SheetLayout,
  app: Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, "newDataValidation"> = SpreadsheetApp,
): void {
  for (const v of layout.validations ?? []) {
    const r = v.rule;
    const rule =
      r === "amount"
        ? app
            .newDataValidation()
            .requireNumberBetween(0, 1_000_000_000_000)
            .setAllowInvalid(false)
            .setHelpText("Un montant en euros, de 0 à 1 000 000 000 000.")
            .build()
        : app
            .newDataValidation()
            .requireValueInList([...r.list], true)
            .setAllowInvalid(!r.strict)
            .setHelpText(r.help)
            .build();
    sheet.getRange(v.row, v.column, v.rows, v.columns).setDataValidation(rule);
  }
}
