/** Creating or refreshing the sheets the add-on owns. */
import { applyValidations, type ChartLayout, type SheetLayout, writeLayout } from "./sheet-layout";

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
