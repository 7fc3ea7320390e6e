/**
 * What Sheets hands a custom function and what it accepts back. A blank cell arrives as "",
 * a range as a 2D array (rows of cells), a date as a Date.
 */
export type SheetScalar = string | number | boolean | Date;
export type SheetValue = SheetScalar | SheetScalar[][] | null | undefined;
export type SheetCell = string | number | boolean;
export type SheetResult = SheetCell | SheetCell[][];

export function isRange(value: SheetValue): value is SheetScalar[][] {
  return Array.isArray(value);
}

/** A value flattened to cells, row by row, with the shape to give the result back in. */
export interface Cells {
  readonly values: readonly SheetScalar[];
  readonly rows: number;
  readonly cols: number;
  readonly isRange: boolean;
}

export function cellsOf(value: SheetValue): Cells {
  if (!isRange(value)) return { values: [value ?? ""], rows: 1, cols: 1, isRange: false };
  const rows = value.length;
  const cols = value[0]?.length ?? 0;
  return { values: flatten(value, rows, cols), rows, cols, isRange: true };
}

/** Row by row into one array; Array.prototype.flat is many times slower on 10 000 rows. */
function flatten(range: readonly (readonly SheetScalar[])[], rows: number, cols: number): SheetScalar[] {
  const out = new Array<SheetScalar>(rows * cols);
  for (let r = 0; r < rows; r++) {
    const row = range[r] as readonly SheetScalar[];
    for (let c = 0; c < cols; c++) out[r * cols + c] = row[c] as SheetScalar;
  }
  return out;
}

/** Gives per-cell results back in the shape the cells came in: a scalar for a scalar. */
export function inShapeOf<T extends SheetCell>(cells: Cells, results: readonly T[]): T | T[][] {
  if (!cells.isRange) return results[0] as T;
  const out = new Array<T[]>(cells.rows);
  const cols = cells.cols;
  for (let r = 0; r < cells.rows; r++) {
    out[r] = cols === 1 ? [results[r] as T] : results.slice(r * cols, (r + 1) * cols);
  }
  return out;
}

/** The 1-based row (or position along a row) of a flattened cell, for error messages. */
export function lineOf(cells: Cells, index: number): number | undefined {
  if (!cells.isRange) return undefined;
  return cells.cols === 1 || cells.rows === 1 ? index + 1 : Math.floor(index / cells.cols) + 1;
}
