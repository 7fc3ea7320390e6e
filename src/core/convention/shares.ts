/** Ratios rounded exactly: a unit cost, a share to the tenth of a percent, Article 5's prorata. */
import {
  type Cents,
  type Decimal,
  divideRoundHalfAway,
  divideToCents,
  isNegative,
  isZero,
  min,
  mulDivToCents,
} from "../decimal";

const THOUSAND = BigInt(1000);

function isPositive(d: Decimal): boolean {
  return !isNegative(d) && !isZero(d);
}

/** total ÷ quantity to the cent, halves away from zero (1 066,52 € / 8 → 133,32 €). */
export function unitCost(total: Decimal, quantity: Decimal): Cents {
  if (!isPositive(quantity)) throw new RangeError("quantité ≤ 0");
  return divideToCents(total, quantity);
}

/** part ÷ whole in tenths of a percent, halves away from zero (9 879,54 / 702 190 → 14 ‰ = 1,4 %). */
export function perMille(part: Cents, whole: Cents): number {
  if (whole <= 0) throw new RangeError("total ≤ 0");
  return Number(divideRoundHalfAway(BigInt(part) * THOUSAND, BigInt(whole)));
}

/**
 * Article 5: the subsidy prorated to the execution rate, subsidy × min(actual, forecast) ÷
 * forecast, rounded once to the cent (9 879,54 × 10 000 ÷ 11 879,54 → 8 316,43).
 */
export function proratedSubsidy(subsidy: Decimal, forecast: Decimal, actual: Decimal): Cents {
  if (!isPositive(forecast)) throw new RangeError("prévisionnel ≤ 0");
  return mulDivToCents(subsidy, min(actual, forecast), forecast);
}
