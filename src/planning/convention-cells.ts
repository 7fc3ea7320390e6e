/** What a convention's three sheets share: their colours, cross-sheet references, amounts in euros. */
import { cents, centsToEuros } from "../core/decimal";

export const HEADER_BACKGROUND = "#e8eaed";
export const TOTAL_BACKGROUND = "#f1f3f4";

/** `'Budget CD62'!E2`: a cell of another sheet, its name quoted as Sheets wants. */
export function sheetRef(sheetName: string, address: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${address}`;
}

/** A definition's amount as the euros a cell holds (rounded to the cent). */
export function euros(amount: number): number {
  return centsToEuros(cents(Math.round(amount * 100)));
}
