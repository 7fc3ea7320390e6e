import { divideToCents, isNegative, isZero } from "../core/decimal";
import { field, invalid } from "../core/errors";
import { parseAmount } from "../core/money";
import { customFunction } from "./registry";
import { centsResult } from "./results";

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
  returns: "Montant en euros, arrondi au centime (négatif pour un remboursement).",
  examples: ["=CONVERTIR_EUR(1100; 11) → 100", '=CONVERTIR_EUR("1 250,500"; 3,3913) → 368,74'],
  errors: [
    "Montant invalide (montant) : « abc »",
    "Taux invalide, il doit être positif (taux) : « 0 »",
    "Taux invalide (taux) : « x »",
  ],
  run(montant, taux) {
    const amount = parseAmount(montant, field("montant"), { allowNegative: true });
    const rate = parseAmount(taux, field("taux"), { allowNegative: true, noun: "Taux" });
    if (isNegative(rate) || isZero(rate))
      throw invalid("Taux invalide, il doit être positif", field("taux"), taux);
    return centsResult(divideToCents(amount, rate));
  },
});

export const moneyFunctions = [CONVERTIR_EUR];
