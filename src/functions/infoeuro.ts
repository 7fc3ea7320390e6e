import { infoEuroRate } from "../addon/infoeuro";
import { toNumber } from "../core/decimal";
import { field, requireSingleCell } from "../core/errors";
import { EURO, parseCurrencyCode, parseRateMonth } from "../core/infoeuro";
import { isBlank } from "../core/money";
import { customFunction } from "./registry";

export const TAUX_INFOEURO = customFunction({
  name: "TAUX_INFOEURO",
  summary:
    "Taux InfoEuro de la Commission européenne (unités de la devise pour 1 €) d'une devise pour un mois, à utiliser avec CONVERTIR_EUR.",
  params: [
    { name: "devise", description: "Code ISO 4217 de la devise (ex. MAD, TND, XOF).", example: '"MAD"' },
    {
      name: "mois",
      description: "Mois du paiement : une date, ou un texte comme 2025-07 ou 07/2025.",
      example: '"2025-07"',
    },
  ],
  returns: "Le taux du mois, exact (non arrondi) ; 1 pour EUR.",
  examples: [
    '=TAUX_INFOEURO("MAD"; "2025-07") → le taux publié pour juillet 2025 (10,5866 dans les taux enregistrés de la démo)',
    '=TAUX_INFOEURO("tnd"; A2) → le taux du dinar tunisien du mois de la date en A2',
    '=CONVERTIR_EUR(9000; TAUX_INFOEURO("MAD"; "07/2025")) → 850,13 avec le taux 10,5866',
    '=TAUX_INFOEURO("EUR"; "") → 1',
  ],
  errors: [
    "Devise invalide (devise) : « 12 » — attendu un code ISO 4217 de trois lettres, ex. MAD",
    "Une seule cellule attendue (devise), pas une plage",
    "Devise inconnue (devise) : « XYZ » — InfoEuro ne publie pas de taux pour cette devise en juillet 2025",
    "Mois invalide (mois) : « 13/2025 » — attendu une date ou un mois comme 2025-07 ou 07/2025",
    "Aucun taux InfoEuro publié pour juillet 2099 (mois) — la Commission publie les taux d'un mois à la fin du mois précédent ; saisissez le taux à la main si besoin",
    "InfoEuro injoignable pour mai 2025 (pas de réponse du serveur) — saisissez le taux à la main",
    "Réponse InfoEuro inattendue pour avril 2025 : champ « 0.value » invalide — le format du service a peut-être changé ; saisissez le taux à la main",
  ],
  run(devise, mois) {
    requireSingleCell(devise, field("devise"));
    requireSingleCell(mois, field("mois"));
    const code = parseCurrencyCode(devise);
    if (code === EURO && isBlank(mois)) return 1;
    return toNumber(infoEuroRate(code, parseRateMonth(mois)).rate);
  },
});

export const infoEuroFunctions = [TAUX_INFOEURO];
