/**
 * Writes the host's spreadsheet as an .xlsx workbook (exceljs), as a user would see it in
 * Sheets: evaluated values, dates at their time in the workbook's zone (Europe/Paris), formulas kept with their results, number formats, bold and
 * backgrounds, column widths, frozen header rows, drop-down lists.
 */
import ExcelJS from "exceljs";
import { defaultDateFormat, type FakeSheet, type FakeSpreadsheet, wallClock } from "./spreadsheet";

/** Sheets' pixels to Excel's character widths (about 7 px a character, plus padding). */
function excelWidth(pixels: number): number {
  return Math.max(4, Math.round(((pixels - 5) / 7) * 100) / 100);
}

function argb(color: string): string {
  return `FF${color.replace("#", "").toUpperCase()}`;
}

function isDate(v: unknown): v is Date {
  return typeof v === "object" && v !== null && typeof (v as Date).getTime === "function";
}

/** xlsx has no time zones: a date is written as its wall-clock time in the workbook's zone. */
function excelValue(value: unknown, timeZone: string): ExcelJS.CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (isDate(value)) return wallClock(value, timeZone);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

function addSheet(workbook: ExcelJS.Workbook, sheet: FakeSheet): void {
  const frozen = sheet.getFrozenRows();
  const ws = workbook.addWorksheet(sheet.getName(), {
    views: frozen > 0 ? [{ state: "frozen", ySplit: frozen }] : [],
  });
  const rows = sheet.getLastRow();
  const columns = sheet.getLastColumn();
  const timeZone = sheet.getParent().getSpreadsheetTimeZone();
  if (rows > 0 && columns > 0) {
    const range = sheet.getRange(1, 1, rows, columns);
    const values = range.getValues();
    const formulas = range.getFormulas();
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const original = values[r]?.[c];
        const value = excelValue(original, timeZone);
        const formula = formulas[r]?.[c];
        const cell = ws.getCell(r + 1, c + 1);
        if (formula) {
          const result = value instanceof Date ? value : (value as string | number | boolean | null);
          cell.value = {
            formula: formula.replace(/^=/, ""),
            result: result ?? "",
          } as ExcelJS.CellFormulaValue;
        } else if (value !== null) {
          cell.value = value;
        }
        // As Sheets shows a date in a cell without a format: the day, and its time if it has one.
        if (isDate(original)) cell.numFmt = defaultDateFormat(original, timeZone);
      }
    }
  }
  for (const [key, format] of sheet.formats) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    const cell = ws.getCell(r, c);
    if (format.numberFormat) cell.numFmt = format.numberFormat.replace(/\\ /g, " ");
    if (format.fontWeight === "bold") cell.font = { bold: true };
    if (format.background)
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(format.background) } };
    if (format.horizontalAlignment || format.wrap) {
      cell.alignment = {
        ...(format.horizontalAlignment
          ? { horizontal: format.horizontalAlignment as ExcelJS.Alignment["horizontal"] }
          : {}),
        ...(format.wrap ? { wrapText: true, vertical: "top" as const } : {}),
      };
    }
    const rule = format.validation;
    if (rule?.criteria === "VALUE_IN_LIST") {
      const list = (rule.values[0] as string[]).map((v) => v.replace(/"/g, '""')).join(",");
      cell.dataValidation = { type: "list", allowBlank: true, formulae: [`"${list}"`] };
    } else if (rule?.criteria === "NUMBER_BETWEEN") {
      cell.dataValidation = {
        type: "decimal",
        operator: "between",
        allowBlank: true,
        formulae: [rule.values[0] as number, rule.values[1] as number],
      };
    }
  }
  for (const [column, width] of sheet.columnWidths) ws.getColumn(column).width = excelWidth(width);
  for (const chart of sheet.charts) {
    // exceljs writes no charts: say where the Sheets chart is and what it shows.
    const { row, column } = chart.spec.position;
    const title = String(chart.spec.options.title ?? "Graphique");
    ws.getCell(row, column).value =
      `[Graphique ${chart.spec.type} dans Sheets : ${title} — ${chart.spec.ranges.join(", ")}]`;
  }
}

export async function writeXlsx(spreadsheet: FakeSpreadsheet, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Lianes coopération — module Sheets (démo locale)";
  for (const sheet of spreadsheet.getSheets()) addSheet(workbook, sheet);
  await workbook.xlsx.writeFile(path);
}
