/**
 * What a fund pays, exactly (decimals in, whole cents out, one rounding to the cent, halves
 * away from zero): `taux` (rate × cost within a minimum and a maximum), `taux annuel` (each
 * year's rate × cost within a yearly maximum) and `forfait` (so much per unit, never more than
 * the cost).
 */
import { type Cents, type Decimal, decimalFromNumber, multiply, toCents } from "../decimal";
import { describeField, type Field, InputError } from "../errors";
import { formatEuros } from "../money";
import type { AnnualRule, FlatRule, RateRule } from "./schema";

function centsOf(euros: number): Cents {
  return toCents(decimalFromNumber(euros));
}

/** `70 %` as the error messages show a rate (up to two decimals: `33,33 %`). */
export function rateText(rate: number): string {
  const percent = decimalFromNumber(rate);
  const shown = Number((Number(percent.units) / 10 ** (percent.scale - 2)).toFixed(2));
  return `${String(shown).replace(".", ",")}\u202f%`;
}

/**
 * `taux`: rate × cost rounded once to the cent, then at most the maximum; below the minimum is
 * an error that shows the computation.
 */
export function rateAid(rule: RateRule, cost: Decimal, where: Field): Cents {
  const aid = toCents(multiply(decimalFromNumber(rule.rate), cost));
  if (rule.maxAid !== undefined && aid > centsOf(rule.maxAid)) return centsOf(rule.maxAid);
  const minimum = centsOf(rule.minAid ?? 0);
  if (aid < minimum) {
    const range =
      rule.maxAid === undefined
        ? `à partir de ${formatEuros(minimum)}`
        : `de ${formatEuros(minimum)} à ${formatEuros(centsOf(rule.maxAid))}`;
    throw new InputError(
      `Aide sous le minimum (${describeField(where)}) : ${rateText(rule.rate)} de ${formatEuros(
        toCents(cost),
      )} = ${formatEuros(aid)}, le dispositif finance ${range}`,
    );
  }
  return aid;
}

/** `taux annuel`: one year's aid, min(rate × cost rounded to the cent, maximum per year). */
export function annualAid(rule: AnnualRule, cost: Decimal): Cents {
  const aid = toCents(multiply(decimalFromNumber(rule.rate), cost));
  const cap = centsOf(rule.maxPerYear);
  return aid > cap ? cap : aid;
}

/** `forfait`: min(forfait × units, cost); no cost means no cap. */
export function flatAid(rule: FlatRule, units: number, cost: Decimal | undefined): Cents {
  const aid = toCents(multiply(decimalFromNumber(rule.perUnit), { units: BigInt(units), scale: 0 }));
  if (cost === undefined) return aid;
  const costCents = toCents(cost);
  return costCents < aid ? costCents : aid;
}
