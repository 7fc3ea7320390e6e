/**
 * Writes the host's spreadsheet as an .xlsx workbook (exceljs), as a user would see it in
 * Sheets: evaluated values, dates at their time in the workbook's zone (Europe/Paris), formulas kept with their results, number formats, bold and
 * backgrounds, column widths, frozen header rows, drop-down lists.
 */
import ExcelJS from "exceljs";
import {
  defaultDateFormat,
  type FakeDataValidation,
  type FakeSheet,
  type FakeSpreadsheet,
  wallClock,
} from "./spreadsheet";

/** exceljs keeps a sheet's validations here; its typings leave the collection out. */
interface WithValidations {
  readonly dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

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

/** A Sheets rule as Excel's: a drop-down list (a warning or a refusal) or a number between two. */
function excelValidation(rule: FakeDataValidation): ExcelJS.DataValidation | undefined {
  const message = {
    showErrorMessage: true,
    errorStyle: rule.allowInvalid ? "warning" : "stop",
    ...(rule.helpText ? { showInputMessage: true, prompt: rule.helpText } : {}),
  } as const;
  if (rule.criteria === "VALUE_IN_LIST") {
    const list = (rule.values[0] as string[]).map((v) => v.replace(/"/g, '""')).join(",");
    return { type: "list", allowBlank: true, formulae: [`"${list}"`], ...message };
  }
  if (rule.criteria === "NUMBER_BETWEEN") {
    return {
      type: "decimal",
      operator: "between",
      allowBlank: true,
      formulae: [rule.values[0] as number, rule.values[1] as number],
      ...message,
    };
  }
  return undefined;
}

/** Cells with the same rule, as runs down each column: `C2:C12` → rule. */
function validationRuns(
  cells: ReadonlyMap<string, ExcelJS.DataValidation>,
): [string, ExcelJS.DataValidation][] {
  const byColumn = new Map<number, [number, ExcelJS.DataValidation][]>();
  for (const [key, validation] of cells) {
    const [c, r] = key.split(",").map(Number) as [number, number];
    const column = byColumn.get(c) ?? [];
    column.push([r, validation]);
    byColumn.set(c, column);
  }
  const runs: [string, ExcelJS.DataValidation][] = [];
  for (const [c, column] of byColumn) {
    column.sort((a, b) => a[0] - b[0]);
    let start = 0;
    for (let i = 1; i <= column.length; i++) {
      const [firstRow, rule] = column[start] as [number, ExcelJS.DataValidation];
      const next = column[i];
      const previousRow = (column[i - 1] as [number, ExcelJS.DataValidation])[0];
      if (next && next[0] === previousRow + 1 && JSON.stringify(next[1]) === JSON.stringify(rule)) continue;
      const letter = columnName(c);
      runs.push([
        firstRow === previousRow ? `${letter}${firstRow}` : `${letter}${firstRow}:${letter}${previousRow}`,
        rule,
      ]);
      start = i;
    }
  }
  return runs;
}

function columnName(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** What a Sheets chart is, in French, for the note that stands for it in the workbook. */
const CHART_KINDS: Readonly<Record<string, string>> = {
  PIE: "en secteurs",
  BAR: "en barres",
  COLUMN: "en colonnes",
  LINE: "en courbes",
  AREA: "en aires",
  SCATTER: "en nuage de points",
  TABLE: "tableau",
};

function addSheet(workbook: ExcelJS.Workbook, sheet: FakeSheet): void {
  const validations = new Map<string, ExcelJS.DataValidation>();
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
    if (rule) {
      const validation = excelValidation(rule);
      if (validation) validations.set(`${c},${r}`, validation);
    }
  }
  // One rule per range, never two overlapping: exceljs's own grouping sorts addresses as
  // text (C10 before C2) and writes C10:C12 over C2:C12, so the runs are made here.
  for (const [address, validation] of validationRuns(validations))
    (ws as unknown as WithValidations).dataValidations.add(address, validation);
  for (const [column, width] of sheet.columnWidths) ws.getColumn(column).width = excelWidth(width);
  for (const chart of sheet.charts) {
    // exceljs writes no charts: say where the Sheets chart is and what it shows.
    const { row, column } = chart.spec.position;
    const title = String(chart.spec.options.title ?? "Graphique");
    ws.getCell(row, column).value =
      `[Graphique ${CHART_KINDS[chart.spec.type] ?? ""} dans Sheets : ${title} — données ${chart.spec.ranges.join(", ")}]`.replace(
        "Graphique  dans",
        "Graphique dans",
      );
  }
}

export async function writeXlsx(spreadsheet: FakeSpreadsheet, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Lianes coopération — module Sheets (démo locale)";
  for (const sheet of spreadsheet.getSheets()) addSheet(workbook, sheet);
  // Named ranges (REGLE_RECITAL_FT…) so the formulas that use them work in the workbook too.
  for (const named of spreadsheet.getNamedRanges()) {
    const range = named.getRange();
    const sheetName = range.getSheet().getName().replace(/'/g, "''");
    const a1 = range
      .getA1Notation()
      .split(":")
      .map((ref) => ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
      .join(":");
    workbook.definedNames.add(`'${sheetName}'!${a1}`, named.getName());
  }
  await workbook.xlsx.writeFile(path);
}
