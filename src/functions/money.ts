import { compare, type Decimal, divideToCents, isNegative, isZero, multiply } from "../core/decimal";
import { type Field, field, InputError, invalid, quote } from "../core/errors";
import { isBlank, MAX_AMOUNT, MAX_AMOUNT_TEXT, parseAmount } from "../core/money";
import { centsResult } from "../planning/results";
import { customFunction } from "./registry";
import { cellsOf, inShapeOf, lineOf } from "./sheet-values";

/** amount ÷ rate to the cent, an error naming the amount when the result would be absurd. */
function convert(amount: Decimal, rate: Decimal, where: Field, original: unknown, rateText: unknown): number {
  const absolute = isNegative(amount) ? { units: -amount.units, scale: amount.scale } : amount;
  if (compare(absolute, multiply(MAX_AMOUNT, rate)) > 0) {
    throw invalid(
      "Montant converti trop grand",
      where,
      original,
      `au taux ${quote(rateText)}, le résultat dépasse ${MAX_AMOUNT_TEXT}`,
    );
  }
  return centsResult(divideToCents(amount, rate));
}

export const CONVERTIR_EUR = customFunction({
  name: "CONVERTIR_EUR",
  summary:
    "Convertit un montant en devise étrangère en euros au taux InfoEuro (unités de la devise pour 1 €), arrondi au centime.",
  params: [
    {
      name: "montant",
      description: "Montant dans la devise (nombre ou texte, ex. 1 250,500).",
      example: "1250.5",
    },
    {
      name: "taux",
      description: "Taux InfoEuro du mois du paiement : unités de la devise pour 1 €.",
      example: "10.9718",
    },
  ],
  returns:
    "Montant en euros, arrondi au centime (négatif pour un remboursement) ; même forme que montant, vide pour un montant vide.",
  examples: ["=CONVERTIR_EUR(1100; 11) → 100", '=CONVERTIR_EUR("1 250,500"; 3,3913) → 368,74'],
  errors: [
    "Montant invalide (montant) : « abc »",
    "Taux invalide, il doit être positif (taux) : « 0 »",
    "Taux invalide (taux) : « x »",
    "Montant converti trop grand (montant) : « 1000000000000 » — au taux « 0.0001 », le résultat dépasse 1 000 000 000 000 €",
  ],
  run(montant, taux) {
    const amounts = cellsOf(montant);
    const rates = cellsOf(taux);
    const oneRate = rates.values.length === 1;
    if (!oneRate && (rates.rows !== amounts.rows || rates.cols !== amounts.cols)) {
      throw new InputError(
        `Formes différentes : taux (${rates.rows} × ${rates.cols}) doit être une seule cellule ou avoir la forme de montant (${amounts.rows} × ${amounts.cols})`,
      );
    }
    const results = amounts.values.map((m, i) => {
      const t = oneRate ? rates.values[0] : rates.values[i];
      if (isBlank(m)) return "";
      const line = lineOf(amounts, i);
      const amountField = field("montant", line);
      const amount = parseAmount(m, amountField, { allowNegative: true });
      const rateField = field("taux", oneRate ? undefined : line);
      const rate = parseAmount(t, rateField, { allowNegative: true, noun: "Taux" });
      if (isNegative(rate) || isZero(rate))
        throw invalid("Taux invalide, il doit être positif", rateField, t);
      return convert(amount, rate, amountField, m, t);
    });
    return inShapeOf(amounts, results);
  },
});

export const moneyFunctions = [CONVERTIR_EUR];
