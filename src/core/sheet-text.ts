/**
 * The one rule for text the add-on writes to a sheet: applicant or user text Sheets (or a
 * spreadsheet a sheet is later exported to) could read as a formula is written as literal text.
 *
 * A text is formula-like when it starts with `=`, `+`, `-`, `@` (or their full-width forms
 * `＝ ＋ － ＠`), a tab, a carriage return or a line feed, or when such a sign follows leading
 * spaces or invisible characters (zero-width, bidirectional controls, byte-order mark). A text
 * starting with an apostrophe also needs one more: Sheets would swallow it. Numbers are never
 * text: a JS number cell is written as a number, whatever its sign.
 */

/** Spaces and invisible characters a formula sign may hide behind. */
const INVISIBLE = "\\s\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF";
const SIGNS = "=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20";
const FORMULA_LIKE = new RegExp(`^(?:[\\t\\r\\n']|[${INVISIBLE}]*[${SIGNS}])`);

/** A text Sheets would read as a formula (or a number sign), or whose leading apostrophe it would eat. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_LIKE.test(text);
}

/** Sheets' limit for one cell: a longer text makes the whole write fail. */
export const MAX_CELL_TEXT = 50_000;

/** Text cut to `max` characters at most, saying so (the rest stays in the form's responses). */
export function fitInCell(text: string, max = MAX_CELL_TEXT): string {
  if (text.length <= max) return text;
  const note = ` […] (texte tronqué : ${text.length.toLocaleString("fr-FR")} caractères)`;
  return text.slice(0, max - note.length) + note;
}

/**
 * Applicant or user text as written to a cell: literal (apostrophe prefix) when formula-like,
 * the apostrophe included in what the cell holds.
 */
export function literalText(text: string): string {
  if (!looksLikeFormula(text)) return fitInCell(text);
  return `'${fitInCell(text, MAX_CELL_TEXT - 1)}`;
}
