/** A funder's share of the total charges, as users write it: `0,83`, `0.83` or `83 %`. */
import { compare, type Decimal, isNegative, isZero, ONE } from "../decimal";
import { type Field, invalid } from "../errors";
import { parseAmount } from "../money";

const PERCENT_TEXT = /^(.*?)\s*%$/;
const SHARE_HINT = "une fraction entre 0 et 1 (0,83) ou un pourcentage (83 %)";

/** The share exactly as given, 0 < share ≤ 1; anything else is `Part invalide` naming the field. */
export function parseShare(value: unknown, where: Field): Decimal {
  const percentText = typeof value === "string" ? PERCENT_TEXT.exec(value.trim()) : null;
  let share: Decimal;
  try {
    const parsed = parseAmount(percentText ? percentText[1] : value, where, { allowNegative: true });
    share = percentText ? { units: parsed.units, scale: parsed.scale + 2 } : parsed;
  } catch {
    throw invalid("Part invalide", where, value, SHARE_HINT);
  }
  if (isNegative(share) || isZero(share) || compare(share, ONE) > 0) {
    throw invalid("Part invalide", where, value, SHARE_HINT);
  }
  return share;
}
