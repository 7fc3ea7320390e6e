import { type Cents, centsToEuros } from "../core/decimal";

/** Amounts go back to Sheets as plain numbers in euros; the sheet formats them. */
export function centsResult(c: Cents): number {
  return centsToEuros(c);
}
