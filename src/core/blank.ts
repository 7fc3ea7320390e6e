/**
 * What counts as nothing typed, one rule for every reader: a cell Sheets passes as empty, a
 * text of spaces only, an answer or a row made of nothing else.
 */

/** True for what Sheets passes for an empty cell, and for a text of spaces only. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A form answer left empty: a blank value, or a list of choices all blank. */
export function isBlankAnswer(value: unknown): boolean {
  return isBlank(value) || (Array.isArray(value) && value.every(isBlank));
}

/** A sheet row with nothing in it. */
export function isBlankRow(row: readonly unknown[]): boolean {
  return row.every(isBlank);
}
