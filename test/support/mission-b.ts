/**
 * Mission B's décompte (DOMAIN.md §2; ceilings of Annexe 2 of the EXPLOR 2025 call, rule set
 * EXPLOR-HDF-2025, 18 days), defined once for every test: each line's actual amount, ceiling,
 * eligible amount and note, then the totals with the mission cap. Amounts in notes are written
 * the fr-FR way (narrow no-break space between thousands, no-break space before €). The lines
 * themselves are dev/fixtures/explor-missions.
 */
export const DECOMPTE_HEADER = ["Catégorie", "Montant réel", "Plafond", "Montant éligible", "Observation"];

const atCeiling = (euros: string) => `plafond de la catégorie atteint : ${euros} par mission`;

/** Total, the mission cap (2 000 € eligible of 2 417 €), half paid by Lianes, the rest borne. */
export const MISSION_B_TOTALS: (string | number)[][] = [
  ["Total", 2997, "", 2417, ""],
  [
    "Total éligible retenu",
    "",
    2000,
    2000,
    "plafond de la mission : 2\u202f000,00\u00a0€ éligibles sur 2\u202f417,00\u00a0€",
  ],
  ["Prise en charge", "", "", 1000, ""],
  ["Reste à charge association", "", "", 1997, ""],
];

/** Mission B's décompte, the last line's label as the user typed it. */
export function missionBDecompte(giftsLabel = "cadeaux partenaires"): (string | number)[][] {
  return [
    DECOMPTE_HEADER,
    ["Avion + transport du domicile à l'aéroport", 1720, 1500, 1500, atCeiling("1\u202f500,00\u00a0€")],
    ["Transports locaux", 260, 200, 200, atCeiling("200,00\u00a0€")],
    ["Per diem", 270, 225, 225, `${atCeiling("225,00\u00a0€")} (15,00\u00a0€ × 15 jours)`],
    ["Visa", 80, 60, 60, atCeiling("60,00\u00a0€")],
    ["Hébergement", 420, 300, 300, atCeiling("300,00\u00a0€")],
    ["Vaccins et médicaments", 95, 80, 80, atCeiling("80,00\u00a0€")],
    ["Assurance Assur Travel", 52, 52, 52, ""],
    [giftsLabel, 100, 0, 0, "non pris en charge — libellé hors Annexe 2"],
    ...MISSION_B_TOTALS,
  ];
}
