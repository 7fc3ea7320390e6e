/** A1 notation, as Sheets names cells. */

/** A column's letters, from its number as Sheets counts (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
