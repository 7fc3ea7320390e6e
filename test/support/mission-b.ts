/**
 * Mission B's décompte (DOMAIN.md §2; ceilings of Annexe 2 of the EXPLOR 2025 call, rule set
 * EXPLOR-HDF-2025, 18 days), defined once for every test: each line's actual amount, ceiling,
 * eligible amount and note, then the totals. The lines themselves are dev/fixtures/explor-missions.
 */
export const DECOMPTE_HEADER = ["Catégorie", "Montant réel", "Plafond", "Montant éligible", "Observation"];

/** Mission B's lines as the décompte shows them, the last one's label as the user typed it. */
export function missionBDecompte(giftsLabel = "cadeaux partenaires"): (string | number)[][] {
  return [
    DECOMPTE_HEADER,
    ["Avion + transport du domicile à l'aéroport", 1720, 1500, 1500, "plafonné"],
    ["Transports locaux", 260, 200, 200, "plafonné"],
    ["Per diem", 270, 225, 225, "plafonné"],
    ["Visa", 80, 60, 60, "plafonné"],
    ["Hébergement", 420, 300, 300, "plafonné"],
    ["Vaccins et médicaments", 95, 80, 80, "plafonné"],
    ["Assurance Assur Travel", 52, 52, 52, ""],
    [giftsLabel, 100, 0, 0, "non pris en charge"],
    ...MISSION_B_TOTALS,
  ];
}

/** 2 997 € spent, 2 000 € eligible (the mission cap), half paid by Lianes, the rest borne. */
export const MISSION_B_TOTALS: (string | number)[][] = [
  ["Total", 2997, "", 2000, ""],
  ["Prise en charge", "", "", 1000, ""],
  ["Reste à charge association", "", "", 1997, ""],
];
