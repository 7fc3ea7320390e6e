/** Mission days as users give them: a whole number ≥ 0, as a Sheets number or as text. */
import { type Field, invalid } from "../errors";
import { wholeNumberOf } from "../money";

const MAX_DAYS = 100_000;
const WHOLE = /^\d+$/;

export function parseDays(value: unknown, where: Field): number {
  const n =
    typeof value === "number"
      ? wholeNumberOf(value)
      : typeof value === "string" && WHOLE.test(value.trim())
        ? +value
        : NaN;
  if (!Number.isInteger(n) || n < 0) {
    throw invalid("Nombre de jours invalide", where, value, "un nombre entier de jours, 0 ou plus");
  }
  if (n > MAX_DAYS) throw invalid("Nombre de jours trop grand", where, value, "au plus 100 000");
  return n;
}
