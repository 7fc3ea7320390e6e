/**
 * An in-memory SpreadsheetApp that behaves like Sheets where the add-on relies on it: values
 * as 2D arrays, a string starting with `=` is a formula (and one starting with `+` or `-` that is
 * not a number, as Sheets reads it), one starting with `'` is literal text,
 * blanks read as "", dates come back as Dates, formulas are evaluated (by HyperFormula, with the
 * add-on's own custom functions taken from the built bundle), shapes are checked like Sheets.
 */
import { DetailedCellError, type HyperFormula } from "hyperformula";
import type { CallCounter } from "./counter";

type Cell = string | number | boolean | Date;

export interface CellFormat {
  numberFormat?: string;
  fontWeight?: string;
  background?: string;
  horizontalAlignment?: string;
  wrap?: boolean;
  validation?: FakeDataValidation;
}

export interface ChartSpec {
  type: string;
  ranges: string[];
  position: { row: number; column: number };
  options: Record<string, unknown>;
}

/** What one Sheets cell holds (counted here with a leading apostrophe, to be safe). */
export const MAX_CELL_CHARACTERS = 50_000;
const MS_PER_DAY = 86_400_000;
/** Sheets' day 0: 30/12/1899 (dates are stored as day numbers, in the spreadsheet's zone). */
const EPOCH_UTC = Date.UTC(1899, 11, 30);

/** The workbook's zone when none is said: Lianes' spreadsheets are in Europe/Paris. */
export const WORKBOOK_TIME_ZONE = "Europe/Paris";

function offsetMs(date: Date, timeZone: string): number {
  const text = date.toLocaleString("en-US", { timeZone, timeZoneName: "longOffset" });
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(text);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return (m[1] === "-" ? -minutes : minutes) * 60_000;
}

function isDate(v: unknown): v is Date {
  return typeof v === "object" && v !== null && typeof (v as Date).getTime === "function";
}

/** A Date as the day number Sheets stores: its wall-clock time in the workbook's zone. */
export function toSerial(date: Date, timeZone = WORKBOOK_TIME_ZONE): number {
  return (date.getTime() + offsetMs(date, timeZone) - EPOCH_UTC) / MS_PER_DAY;
}

export function fromSerial(serial: number, timeZone = WORKBOOK_TIME_ZONE): Date {
  const wall = EPOCH_UTC + Math.round(serial * MS_PER_DAY);
  const guess = new Date(wall);
  return new Date(wall - offsetMs(new Date(wall - offsetMs(guess, timeZone)), timeZone));
}

/**
 * A Date whose UTC fields are its wall-clock time in `timeZone`: what a file format without
 * zones (xlsx) must be given for its cell to read as the workbook shows it.
 */
export function wallClock(date: Date, timeZone = WORKBOOK_TIME_ZONE): Date {
  return new Date(EPOCH_UTC + Math.round(toSerial(date, timeZone) * MS_PER_DAY));
}

/** The number format Sheets shows a date in when the cell has none: with its time, if any. */
export function defaultDateFormat(date: Date, timeZone = WORKBOOK_TIME_ZONE): string {
  return wallClock(date, timeZone).getTime() % MS_PER_DAY === 0 ? "dd/mm/yyyy" : "dd/mm/yyyy hh:mm:ss";
}

/** A date shown through a Sheets date format (`dd/mm/yyyy`, `dd/mm/yyyy hh:mm:ss`…) in `timeZone`. */
export function formatDate(date: Date, format: string, timeZone = WORKBOOK_TIME_ZONE): string {
  const w = wallClock(date, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  let afterHours = false;
  return format.replace(/yyyy|yy|dd|d|hh|h|mm|m|ss|s/gi, (token) => {
    const t = token.toLowerCase();
    if (t === "yyyy") return String(w.getUTCFullYear());
    if (t === "yy") return two(w.getUTCFullYear() % 100);
    if (t === "dd" || t === "d") return t === "dd" ? two(w.getUTCDate()) : String(w.getUTCDate());
    if (t === "hh" || t === "h") {
      afterHours = true;
      return t === "hh" ? two(w.getUTCHours()) : String(w.getUTCHours());
    }
    if (t === "ss" || t === "s") return t === "ss" ? two(w.getUTCSeconds()) : String(w.getUTCSeconds());
    // mm: minutes right after hours, else the month.
    const n = afterHours ? w.getUTCMinutes() : w.getUTCMonth() + 1;
    afterHours = false;
    return t === "mm" ? two(n) : String(n);
  });
}

function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `C:C` or `B:D`: whole columns (the rows are the sheet's). */
function parseColumnsA1(a1: string): { column: number; columns: number } | undefined {
  const m = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(a1.trim());
  if (!m) return undefined;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [c1, c2] = [col(m[1] as string), col(m[2] as string)];
  return { column: Math.min(c1, c2), columns: Math.abs(c2 - c1) + 1 };
}

function parseA1(a1: string): { row: number; column: number; rows: number; columns: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(a1.trim());
  if (!m) throw new Error(`Range not found: ${a1}`);
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [r1, c1] = [Number(m[2]), col(m[1] as string)];
  const [r2, c2] = m[3] ? [Number(m[4]), col(m[3])] : [r1, c1];
  return {
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    columns: Math.abs(c2 - c1) + 1,
  };
}

export class FakeDataValidation {
  constructor(
    readonly criteria: string,
    readonly values: readonly unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getCriteriaType() {
    return this.criteria;
  }
  getCriteriaValues() {
    return [...this.values];
  }
  getAllowInvalid() {
    return this.allowInvalid;
  }
  getHelpText() {
    return this.helpText;
  }
}

class DataValidationBuilder {
  private criteria = "";
  private values: unknown[] = [];
  private allowInvalid = true;
  private helpText = "";
  requireValueInList(values: string[], _showDropdown?: boolean) {
    this.criteria = "VALUE_IN_LIST";
    this.values = [values];
    return this;
  }
  requireCheckbox() {
    this.criteria = "CHECKBOX";
    this.values = [];
    return this;
  }
  requireNumberBetween(min: number, max: number) {
    this.criteria = "NUMBER_BETWEEN";
    this.values = [min, max];
    return this;
  }
  setAllowInvalid(allow: boolean) {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string) {
    this.helpText = text;
    return this;
  }
  build() {
    return new FakeDataValidation(this.criteria, this.values, this.allowInvalid, this.helpText);
  }
}

/** A conditional-format rule as Sheets keeps it: a custom formula, a style, the ranges it covers. */
export class FakeConditionalFormatRule {
  constructor(
    readonly formula: string,
    readonly style: { readonly fontColor?: string; readonly background?: string; readonly bold?: boolean },
    readonly ranges: readonly FakeRange[],
  ) {}
  getRanges() {
    return [...this.ranges];
  }
  getBooleanCondition() {
    const formula = this.formula;
    const style = this.style;
    return {
      getCriteriaType: () => "CUSTOM_FORMULA",
      getCriteriaValues: () => [formula],
      getFontColorObject: () =>
        style.fontColor ? { asRgbColor: () => ({ asHexString: () => style.fontColor }) } : null,
      getBackgroundObject: () =>
        style.background ? { asRgbColor: () => ({ asHexString: () => style.background }) } : null,
      getBold: () => style.bold ?? null,
    };
  }
}

class ConditionalFormatRuleBuilder {
  private formula = "";
  private style: { fontColor?: string; background?: string; bold?: boolean } = {};
  private ranges: FakeRange[] = [];
  whenFormulaSatisfied(formula: string) {
    if (!formula.startsWith("=")) throw new Error("Invalid argument: formula");
    this.formula = formula;
    return this;
  }
  setFontColor(color: string) {
    this.style.fontColor = color;
    return this;
  }
  setBackground(color: string) {
    this.style.background = color;
    return this;
  }
  setBold(bold: boolean) {
    this.style.bold = bold;
    return this;
  }
  setRanges(ranges: FakeRange[]) {
    this.ranges = [...ranges];
    return this;
  }
  build() {
    if (this.formula === "") throw new Error("A conditional format rule needs a condition.");
    return new FakeConditionalFormatRule(this.formula, { ...this.style }, this.ranges);
  }
}

class ChartBuilder {
  private spec: ChartSpec = { type: "", ranges: [], position: { row: 1, column: 1 }, options: {} };
  constructor(private readonly sheet: FakeSheet) {}
  setChartType(type: unknown) {
    this.spec.type = String(type);
    return this;
  }
  asPieChart() {
    this.spec.type = "PIE";
    return this;
  }
  addRange(range: FakeRange) {
    this.spec.ranges.push(range.getA1Notation());
    return this;
  }
  setPosition(row: number, column: number, _offsetX: number, _offsetY: number) {
    this.spec.position = { row, column };
    return this;
  }
  setOption(name: string, value: unknown) {
    this.spec.options[name] = value;
    return this;
  }
  setTitle(title: string) {
    return this.setOption("title", title);
  }
  setNumHeaders(headers: number) {
    return this.setOption("numHeaders", headers);
  }
  build() {
    return { spec: { ...this.spec }, sheet: this.sheet, getId: () => `chart-${this.spec.ranges.join()}` };
  }
}

let metadataCounter = 0;

export class FakeDeveloperMetadata {
  readonly id = ++metadataCounter;
  constructor(
    private readonly sheet: FakeSheet,
    private readonly key: string,
    private readonly value: string,
    public column: number,
  ) {}
  getId() {
    return this.id;
  }
  getKey() {
    return this.key;
  }
  getValue() {
    return this.value;
  }
  getLocation() {
    const sheet = this.sheet;
    const column = this.column;
    return {
      getLocationType: () => "COLUMN",
      getColumn: () => sheet.getRange(1, column, sheet.getMaxRows(), 1),
    };
  }
  remove() {
    const list = this.sheet.columnMetadata;
    list.splice(list.indexOf(this), 1);
  }
}

class FakeDeveloperMetadataFinder {
  private key: string | undefined;
  constructor(private readonly metadata: readonly FakeDeveloperMetadata[]) {}
  withKey(key: string) {
    this.key = key;
    return this;
  }
  find() {
    return this.metadata.filter((m) => this.key === undefined || m.getKey() === this.key);
  }
}

export class FakeRange {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly column: number,
    private readonly rows: number,
    private readonly columns: number,
  ) {
    if (row < 1 || column < 1 || rows < 1 || columns < 1) {
      throw new Error("Les coordonnées de la plage ne sont pas valides.");
    }
  }
  getSheet() {
    return this.sheet;
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.column;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.columns;
  }
  getLastRow() {
    return this.row + this.rows - 1;
  }
  getLastColumn() {
    return this.column + this.columns - 1;
  }
  getA1Notation() {
    const start = `${columnLetter(this.column - 1)}${this.row}`;
    return this.rows === 1 && this.columns === 1
      ? start
      : `${start}:${columnLetter(this.getLastColumn() - 1)}${this.getLastRow()}`;
  }
  offset(rowOffset: number, columnOffset: number, rows = this.rows, columns = this.columns) {
    return new FakeRange(this.sheet, this.row + rowOffset, this.column + columnOffset, rows, columns);
  }
  private cells<T>(f: (r: number, c: number) => T): T[][] {
    return Array.from({ length: this.rows }, (_, i) =>
      Array.from({ length: this.columns }, (_, j) => f(this.row + i, this.column + j)),
    );
  }
  private checkShape(values: unknown[][]): void {
    if (!Array.isArray(values) || values.length !== this.rows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${
          Array.isArray(values) ? values.length : 0
        } but the range has ${this.rows}.`,
      );
    }
    for (const row of values) {
      if (!Array.isArray(row) || row.length !== this.columns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${
            Array.isArray(row) ? row.length : 0
          } but the range has ${this.columns}.`,
        );
      }
    }
  }
  getValues(): Cell[][] {
    return this.cells((r, c) => this.sheet.valueAt(r, c));
  }
  getValue(): Cell {
    return this.sheet.valueAt(this.row, this.column);
  }
  getDisplayValues(): string[][] {
    return this.cells((r, c) => this.sheet.displayAt(r, c));
  }
  getFormulas(): string[][] {
    return this.cells((r, c) => this.sheet.formulaAt(r, c));
  }
  getFormula(): string {
    return this.sheet.formulaAt(this.row, this.column);
  }
  setValues(values: unknown[][]) {
    this.checkShape(values);
    this.sheet.write(this.row, this.column, values);
    return this;
  }
  setValue(value: unknown) {
    this.sheet.write(
      this.row,
      this.column,
      this.cells(() => value),
    );
    return this;
  }
  setFormulas(formulas: string[][]) {
    this.checkShape(formulas);
    this.sheet.write(this.row, this.column, formulas);
    return this;
  }
  setFormula(formula: string) {
    return this.setValue(formula);
  }
  clearContent() {
    this.sheet.write(
      this.row,
      this.column,
      this.cells(() => ""),
    );
    return this;
  }
  /** Contents, formats and validation rules of the range, as Range.clear() does. */
  clear() {
    this.clearContent();
    this.cells((r, c) => this.sheet.formats.delete(`${r},${c}`));
    return this;
  }
  private format(apply: (f: CellFormat, r: number, c: number) => void) {
    this.cells((r, c) => apply(this.sheet.formatAt(r, c), r, c));
    return this;
  }
  setNumberFormat(format: string) {
    return this.format((f) => {
      f.numberFormat = format;
    });
  }
  setNumberFormats(formats: string[][]) {
    this.checkShape(formats);
    return this.format((f, r, c) => {
      f.numberFormat = formats[r - this.row]?.[c - this.column] as string;
    });
  }
  getNumberFormat() {
    return this.sheet.formatAt(this.row, this.column).numberFormat ?? "General";
  }
  getNumberFormats() {
    return this.cells((r, c) => this.sheet.formatAt(r, c).numberFormat ?? "General");
  }
  setFontWeight(weight: string) {
    return this.format((f) => {
      f.fontWeight = weight;
    });
  }
  getFontWeight() {
    return this.sheet.formatAt(this.row, this.column).fontWeight ?? "normal";
  }
  setBackground(color: string) {
    return this.format((f) => {
      f.background = color;
    });
  }
  getBackground() {
    return this.sheet.formatAt(this.row, this.column).background ?? "#ffffff";
  }
  setHorizontalAlignment(alignment: string) {
    return this.format((f) => {
      f.horizontalAlignment = alignment;
    });
  }
  setWrap(wrap: boolean) {
    return this.format((f) => {
      f.wrap = wrap;
    });
  }
  setDataValidation(rule: FakeDataValidation | null) {
    return this.format((f) => {
      if (rule) f.validation = rule;
      else delete f.validation;
    });
  }
  getDataValidation() {
    return this.sheet.formatAt(this.row, this.column).validation ?? null;
  }
  getDataValidations() {
    return this.cells((r, c) => this.sheet.formatAt(r, c).validation ?? null);
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]) {
    this.checkShape(rules);
    return this.format((f, r, c) => {
      const rule = rules[r - this.row]?.[c - this.column];
      if (rule) f.validation = rule;
      else delete f.validation;
    });
  }
  /** Only on whole columns here (the location the add-on uses). */
  addDeveloperMetadata(key: string, value?: string) {
    if (this.row !== 1 || this.rows < this.sheet.getMaxRows()) {
      throw new Error("not implemented in the local host: developer metadata on anything but whole columns");
    }
    for (let c = this.column; c < this.column + this.columns; c++) {
      this.sheet.columnMetadata.push(new FakeDeveloperMetadata(this.sheet, key, value ?? "", c));
    }
    return this;
  }
  activate() {
    this.sheet.activeRange = this;
    return this;
  }
}

export class FakeSheet {
  private frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
  readonly formats = new Map<string, CellFormat>();
  readonly charts: ReturnType<ChartBuilder["build"]>[] = [];
  /** Cells that hold a Date (HyperFormula stores a day number). */
  readonly dateCells = new Set<string>();
  /** Developer metadata on whole columns: it moves with its column, whatever its header says. */
  readonly columnMetadata: FakeDeveloperMetadata[] = [];
  conditionalFormatRules: FakeConditionalFormatRule[] = [];
  activeRange: FakeRange | undefined;
  private maxRows = 1000;

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    private name: string,
    private readonly id: number,
  ) {}

  private get hfId(): number {
    const id = this.spreadsheet.hf.getSheetId(this.name);
    if (id === undefined) throw new Error(`Sheet ${this.name} has been deleted`);
    return id;
  }
  getName() {
    return this.name;
  }
  setName(name: string) {
    this.spreadsheet.hf.renameSheet(this.hfId, name);
    this.name = name;
    return this;
  }
  getSheetId() {
    return this.id;
  }
  getIndex() {
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }
  getParent() {
    return this.spreadsheet;
  }
  activate() {
    this.spreadsheet.activeSheet = this;
    return this;
  }
  getRange(rowOrA1: number | string, column?: number, rows = 1, columns = 1) {
    if (typeof rowOrA1 === "string") {
      const whole = parseColumnsA1(rowOrA1);
      if (whole) return new FakeRange(this, 1, whole.column, this.getMaxRows(), whole.columns);
      const a = parseA1(rowOrA1);
      return new FakeRange(this, a.row, a.column, a.rows, a.columns);
    }
    return new FakeRange(this, rowOrA1, column ?? 1, rows, columns);
  }
  /** Like Sheets: the last row holding something; a row whose content was cleared does not count. */
  getLastRow(): number {
    const hf = this.spreadsheet.hf;
    const sheet = this.hfId;
    const { height, width } = hf.getSheetDimensions(sheet);
    for (let row = height - 1; row >= 0; row--) {
      for (let col = 0; col < width; col++) if (!hf.isCellEmpty({ sheet, row, col })) return row + 1;
    }
    return 0;
  }
  /** Like Sheets: the last column holding something. */
  getLastColumn(): number {
    const hf = this.spreadsheet.hf;
    const sheet = this.hfId;
    const { height, width } = hf.getSheetDimensions(sheet);
    for (let col = width - 1; col >= 0; col--) {
      for (let row = 0; row < height; row++) if (!hf.isCellEmpty({ sheet, row, col })) return col + 1;
    }
    return 0;
  }
  /** The grid's height: 1 000 rows for a new sheet, as in Sheets; inserting or deleting rows changes it. */
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return Math.max(26, this.getLastColumn());
  }
  getDataRange() {
    return new FakeRange(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  /** Like Sheets, the only write that grows the grid by itself. */
  appendRow(row: unknown[]) {
    const at = this.getLastRow() + 1;
    this.maxRows = Math.max(this.maxRows, at);
    this.write(at, 1, [row]);
    return this;
  }
  insertRowsAfter(after: number, count: number) {
    // Rows past the data are blank already: only rows inserted inside it move cells down.
    if (after < this.getLastRow()) this.spreadsheet.hf.addRows(this.hfId, [after, count]);
    this.maxRows += count;
    return this;
  }
  deleteRow(row: number) {
    return this.deleteRows(row, 1);
  }
  deleteRows(row: number, count: number) {
    this.spreadsheet.hf.removeRows(this.hfId, [row - 1, count]);
    this.maxRows = Math.max(1, this.maxRows - count);
    return this;
  }
  clear() {
    this.spreadsheet.hf.clearSheet(this.hfId);
    this.formats.clear();
    this.dateCells.clear();
    return this;
  }
  clearContents() {
    this.spreadsheet.hf.clearSheet(this.hfId);
    this.dateCells.clear();
    return this;
  }
  setColumnWidth(column: number, width: number) {
    this.columnWidths.set(column, width);
    return this;
  }
  setColumnWidths(start: number, count: number, width: number) {
    for (let c = start; c < start + count; c++) this.columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(column: number) {
    return this.columnWidths.get(column) ?? 100;
  }
  setFrozenRows(rows: number) {
    this.frozenRows = rows;
    return this;
  }
  getFrozenRows() {
    return this.frozenRows;
  }
  setTabColor(_color: string) {
    return this;
  }
  createDeveloperMetadataFinder() {
    return new FakeDeveloperMetadataFinder(this.columnMetadata);
  }
  /**
   * Moves whole columns before `destinationIndex` (1-based, in the layout before the move), as a
   * user dragging them: values, formats, dates and column metadata go with them.
   */
  moveColumns(columnSpec: FakeRange, destinationIndex: number) {
    const start = columnSpec.getColumn();
    const count = columnSpec.getNumColumns();
    if (destinationIndex >= start && destinationIndex <= start + count) return;
    const width = Math.max(this.getLastColumn(), start + count - 1, destinationIndex);
    const order = Array.from({ length: width }, (_, i) => i + 1).filter(
      (c) => c < start || c >= start + count,
    );
    const moved = Array.from({ length: count }, (_, i) => start + i);
    const before = order.findIndex((c) => c >= destinationIndex);
    order.splice(before < 0 ? order.length : before, 0, ...moved);
    const newColumnOf = new Map(order.map((old, i) => [old, i + 1]));
    this.spreadsheet.hf.moveColumns(this.hfId, start - 1, count, destinationIndex - 1);
    const remap = (key: string) => {
      const [r, c] = key.split(",").map(Number) as [number, number];
      return `${r},${newColumnOf.get(c) ?? c}`;
    };
    const dates = [...this.dateCells].map(remap);
    this.dateCells.clear();
    for (const d of dates) this.dateCells.add(d);
    const formats = [...this.formats].map(([k, f]) => [remap(k), f] as const);
    this.formats.clear();
    for (const [k, f] of formats) this.formats.set(k, f);
    for (const m of this.columnMetadata) m.column = newColumnOf.get(m.column) ?? m.column;
  }
  getFormUrl(): string | null {
    return this.spreadsheet.formUrlOf(this);
  }
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]) {
    this.conditionalFormatRules = [...rules];
  }
  getConditionalFormatRules() {
    return [...this.conditionalFormatRules];
  }
  /**
   * The style conditional formatting gives a cell now, as Sheets would draw it: the first rule
   * covering the cell whose formula (written for the range's top-left cell, absolute references
   * only here) is true. Undefined when none applies.
   */
  conditionalStyleAt(row: number, column: number): FakeConditionalFormatRule["style"] | undefined {
    for (const rule of this.conditionalFormatRules) {
      const covers = rule.ranges.some(
        (r) =>
          row >= r.getRow() &&
          row <= r.getLastRow() &&
          column >= r.getColumn() &&
          column <= r.getLastColumn(),
      );
      if (!covers) continue;
      if (/(^|[^$A-Z])[A-Z]+\d/.test(rule.formula.replace(/"[^"]*"/g, "").replace(/'[^']*'!/g, ""))) {
        throw new Error(
          `not implemented in the local host: relative references in a conditional format (${rule.formula})`,
        );
      }
      const value = this.spreadsheet.hf.calculateFormula(rule.formula, this.hfId);
      if (value === true) return rule.style;
    }
    return undefined;
  }
  newChart() {
    return new ChartBuilder(this);
  }
  insertChart(chart: ReturnType<ChartBuilder["build"]>) {
    this.charts.push(chart);
  }
  getCharts() {
    return [...this.charts];
  }
  removeChart(chart: ReturnType<ChartBuilder["build"]>) {
    const i = this.charts.indexOf(chart);
    if (i >= 0) this.charts.splice(i, 1);
  }

  formatAt(row: number, column: number): CellFormat {
    const key = `${row},${column}`;
    let f = this.formats.get(key);
    if (!f) {
      f = {};
      this.formats.set(key, f);
    }
    return f;
  }

  write(row: number, column: number, values: unknown[][]): void {
    const hf = this.spreadsheet.hf;
    const sheet = this.hfId;
    // Like Sheets: a range past the grid cannot be written (insertRowsAfter first, or appendRow).
    if (row + values.length - 1 > this.maxRows) {
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    }
    // Like Sheets: one over-long text makes the whole write fail, nothing is written.
    if (values.some((r) => r.some((v) => typeof v === "string" && v.length > MAX_CELL_CHARACTERS))) {
      throw new Error(
        `Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`,
      );
    }
    // Array.from: the bundle's arrays come from another realm, which HyperFormula does not accept.
    const contents = Array.from(values, (r, i) =>
      Array.from(r, (v, j) => {
        const key = `${row + i},${column + j}`;
        if (isDate(v)) {
          this.dateCells.add(key);
          return toSerial(v, this.spreadsheet.timeZone);
        }
        this.dateCells.delete(key);
        if (v === null || v === undefined || v === "") return null;
        if (typeof v === "number" || typeof v === "boolean") return v;
        return String(v);
      }),
    );
    this.spreadsheet.counter.count("Sheets: écriture de cellules", values.length * (values[0]?.length ?? 0));
    hf.setCellContents({ sheet, row: row - 1, col: column - 1 }, contents);
    // Like Sheets: a text starting with + or - that is not a number is read as a formula.
    contents.forEach((r, i) => {
      r.forEach((v, j) => {
        if (typeof v !== "string" || !SIGNED.test(v)) return;
        const address = { sheet, row: row - 1 + i, col: column - 1 + j };
        if (hf.getCellValueType(address) !== "STRING") return;
        const french = frenchNumber(v);
        hf.setCellContents(address, [[french ?? `=${v}`]]);
      });
    });
  }

  valueAt(row: number, column: number): Cell {
    const address = { sheet: this.hfId, row: row - 1, col: column - 1 };
    const v = this.spreadsheet.hf.getCellValue(address);
    if (v instanceof DetailedCellError) return v.value === "#VALUE!" && v.message ? "#ERROR!" : v.value;
    if (v === null || v === undefined) return "";
    if (typeof v === "number" && this.holdsDate(address, row, column))
      return fromSerial(v, this.spreadsheet.timeZone);
    return v;
  }

  /** A Date written there, text Sheets reads as a date, or a number formatted as one. */
  private holdsDate(
    address: { sheet: number; row: number; col: number },
    row: number,
    column: number,
  ): boolean {
    if (this.dateCells.has(`${row},${column}`) || isDateFormat(this.formats.get(`${row},${column}`)))
      return true;
    const type = this.spreadsheet.hf.getCellValueDetailedType(address);
    return type === "NUMBER_DATE" || type === "NUMBER_DATETIME";
  }

  /** The message of a cell's error (a custom function's French error, as its tooltip shows). */
  errorAt(row: number, column: number): string | undefined {
    const v = this.spreadsheet.hf.getCellValue({ sheet: this.hfId, row: row - 1, col: column - 1 });
    return v instanceof DetailedCellError ? v.message || v.value : undefined;
  }

  formulaAt(row: number, column: number): string {
    return this.spreadsheet.hf.getCellFormula({ sheet: this.hfId, row: row - 1, col: column - 1 }) ?? "";
  }

  displayAt(row: number, column: number): string {
    const v = this.valueAt(row, column);
    if (isDate(v)) {
      const format = this.formats.get(`${row},${column}`)?.numberFormat;
      const zone = this.spreadsheet.timeZone;
      return formatDate(
        v,
        isDateFormat({ numberFormat: format }) && format ? format : defaultDateFormat(v, zone),
        zone,
      );
    }
    if (typeof v === "number") return v.toLocaleString("fr-FR");
    if (typeof v === "boolean") return v ? "VRAI" : "FAUX";
    return v;
  }
}

/**
 * Text Sheets reads as a formula when typed or written by setValue(s): `=…`, and `+…` or `-…`
 * (two characters or more) unless it is a number. A lone `+` or `-` stays text; an apostrophe
 * first keeps any of them as text.
 */
const SIGNED = /^[+-]./s;

/** A signed number as fr_FR Sheets reads it (`-5,5`, `-12 345,50`), else undefined. */
function frenchNumber(text: string): number | undefined {
  const m = /^([+-])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?$/.exec(text);
  if (!m) return undefined;
  const n = Number(`${m[2]?.replace(/\D/g, "")}.${m[3] ?? "0"}`);
  return m[1] === "-" ? -n : n;
}

function isDateFormat(f: CellFormat | undefined): boolean {
  return !!f?.numberFormat && /^[dmy/ :hs]+$/i.test(f.numberFormat);
}

/** `[A-Za-z_][A-Za-z0-9_]*`, and not a cell reference (A1, R1C1): what Sheets accepts as a range name. */
const RANGE_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const CELL_LIKE = /^(?:[A-Za-z]{1,3}\d+|R\d*C\d*)$/i;

/** A named range: a name formulas use for a range, kept by HyperFormula as a named expression. */
export class FakeNamedRange {
  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly name: string,
  ) {}
  getName() {
    return this.name;
  }
  getRange() {
    const target = this.spreadsheet.namedRanges.get(this.name);
    if (!target) throw new Error(`Named range ${this.name} has been removed`);
    return target;
  }
  setRange(range: FakeRange) {
    this.spreadsheet.setNamedRange(this.name, range);
    return this;
  }
  remove() {
    this.spreadsheet.removeNamedRange(this.name);
  }
}

function absoluteA1(range: FakeRange): string {
  const quoted = `'${range.getSheet().getName().replace(/'/g, "''")}'`;
  const a1 = range
    .getA1Notation()
    .split(":")
    .map((ref) => ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
  return `${quoted}!${a1}`;
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  /** Named ranges by name (Sheets matches them ignoring case; names are kept as given). */
  readonly namedRanges = new Map<string, FakeRange>();
  activeSheet: FakeSheet | undefined;
  private sheetCounter = 0;
  /** Set by the host: the form linked to a sheet, for Sheet.getFormUrl. */
  formUrlOf: (sheet: FakeSheet) => string | null = () => null;

  constructor(
    readonly hf: HyperFormula,
    readonly counter: CallCounter,
    private readonly id = "classeur-lianes",
    private readonly name = "Lianes — suivi",
  ) {}

  getId() {
    return this.id;
  }
  getName() {
    return this.name;
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  /** The workbook's time zone: how its dates are stored, shown and exported. */
  timeZone = WORKBOOK_TIME_ZONE;
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string) {
    this.timeZone = timeZone;
  }
  getSpreadsheetLocale() {
    return "fr_FR";
  }
  getSheets() {
    return [...this.sheets];
  }
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.getName() === name) ?? null;
  }
  getSheetById(id: number) {
    return this.sheets.find((s) => s.getSheetId() === id) ?? null;
  }
  insertSheet(name?: string, index?: number) {
    const sheetName = name ?? `Feuille ${this.sheets.length + 1}`;
    if (this.getSheetByName(sheetName)) {
      throw new Error(
        `Une feuille portant le nom « ${sheetName} » existe déjà. Veuillez saisir un autre nom.`,
      );
    }
    this.hf.addSheet(sheetName);
    this.sheetCounter += 1;
    const sheet = new FakeSheet(this, sheetName, this.sheetCounter);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    this.activeSheet = sheet;
    return sheet;
  }
  deleteSheet(sheet: FakeSheet) {
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new Error("Feuille introuvable");
    const id = this.hf.getSheetId(sheet.getName());
    if (id !== undefined) this.hf.removeSheet(id);
    this.sheets.splice(i, 1);
  }
  getActiveSheet() {
    return this.activeSheet ?? this.sheets[0] ?? this.insertSheet();
  }
  setActiveSheet(sheet: FakeSheet) {
    this.activeSheet = sheet;
    return sheet;
  }
  getActiveRange() {
    return this.getActiveSheet().activeRange ?? this.getActiveSheet().getRange(1, 1);
  }
  getActiveCell() {
    const r = this.getActiveRange();
    return r.getSheet().getRange(r.getRow(), r.getColumn());
  }
  getRange(a1: string) {
    const [sheetName, cells] = a1.includes("!") ? a1.split("!") : [this.getActiveSheet().getName(), a1];
    const sheet = this.getSheetByName((sheetName ?? "").replace(/^'|'$/g, ""));
    if (!sheet) throw new Error(`Range not found: ${a1}`);
    return sheet.getRange(cells ?? "");
  }
  toast(_message: string, _title?: string) {}

  /** Names a range (or moves an existing name to it); formulas using the name recalculate. */
  setNamedRange(name: string, range: FakeRange) {
    if (!RANGE_NAME.test(name) || CELL_LIKE.test(name) || /^(true|false)$/i.test(name)) {
      throw new Error(`Le nom de plage « ${name} » n'est pas valide.`);
    }
    const existing = [...this.namedRanges.keys()].find((n) => n.toUpperCase() === name.toUpperCase());
    const expression = `=${absoluteA1(range)}`;
    if (existing) {
      this.hf.changeNamedExpression(existing, expression);
      this.namedRanges.set(existing, range);
    } else {
      this.hf.addNamedExpression(name, expression);
      this.namedRanges.set(name, range);
    }
  }
  getRangeByName(name: string) {
    const key = [...this.namedRanges.keys()].find((n) => n.toUpperCase() === name.toUpperCase());
    return key ? (this.namedRanges.get(key) ?? null) : null;
  }
  getNamedRanges() {
    return [...this.namedRanges.keys()].map((name) => new FakeNamedRange(this, name));
  }
  removeNamedRange(name: string) {
    const key = [...this.namedRanges.keys()].find((n) => n.toUpperCase() === name.toUpperCase());
    if (!key) throw new Error(`Named range ${name} not found`);
    this.hf.removeNamedExpression(key);
    this.namedRanges.delete(key);
  }
}

export function createSpreadsheetApp(spreadsheet: FakeSpreadsheet, ui: unknown) {
  return {
    getActiveSpreadsheet: () => spreadsheet,
    getActive: () => spreadsheet,
    getUi: () => ui,
    newDataValidation: () => new DataValidationBuilder(),
    newConditionalFormatRule: () => new ConditionalFormatRuleBuilder(),
    flush: () => {},
    DataValidationCriteria: { VALUE_IN_LIST: "VALUE_IN_LIST", NUMBER_BETWEEN: "NUMBER_BETWEEN" },
  };
}
