/**
 * The public contracts of the custom functions (issue 3 §4, issue 4 §2, issue 5 §2, DOMAIN.md),
 * checked rule by rule through the BUILT bundle with the values Sheets passes: rows of cells for
 * ranges, "" for a blank cell, numbers, text amounts, Dates. Each case names the rule it checks.
 * Cases already in the other test/bundle files are not repeated here.
 */
import { describe, expect, it } from "vitest";
import { callGlobal, loadBundle, tripwireServices } from "../support/bundle";

const touched: string[] = [];
const globals = loadBundle(tripwireServices(touched));
const call = (name: string, ...args: unknown[]) => callGlobal(globals, name, ...args);

/** A column range as Sheets passes it. */
const col = (...cells: unknown[]) => cells.map((c) => [c]);
/** fr-FR money as Intl writes it: narrow no-break space for thousands, no-break space before €. */
const eur = (text: string) => `${text.replace(/ /g, "\u202f")}\u00a0€`;

type Case = readonly [rule: string, args: readonly unknown[], expected: unknown];
type ErrorCase = readonly [rule: string, args: readonly unknown[], message: string];

const DECOMPTE_HEADER = ["Catégorie", "Montant réel", "Plafond", "Montant éligible", "Observation"];
const PLAN_HEADER = ["Dépenses", "Montant", "%", "Recettes", "Montant", "%"];
const CD62_CHARGES = [
  ["Coûts RH", 8139.54],
  ["Frais de transport et fournitures", 200],
  ["Graphisme et fabrication des outils PAM", 1400],
  ["Administratif et coûts indirects", 2140],
];

function expectCases(name: string, cases: readonly Case[]) {
  it.each(cases.map(([rule, args, expected]) => [rule, args, expected] as const))(
    `${name}: %s`,
    (_rule, args, expected) => {
      expect(call(name, ...args)).toEqual(expected);
    },
  );
}

function expectErrors(name: string, cases: readonly ErrorCase[]) {
  it.each(cases.map(([rule, args, message]) => [rule, args, message] as const))(
    `${name} refuses: %s`,
    (_rule, args, message) => {
      expect(() => call(name, ...args)).toThrow(message);
    },
  );
}

describe("CONVERTIR_EUR(montant, taux) — issue 3 §2 and §4", () => {
  expectCases("CONVERTIR_EUR", [
    ["« 1 500,00 € » (French text with the euro sign)", ["1 500,00 €", 1], 1500],
    ["« 1\\u202f500,00 » (narrow no-break space)", ["1\u202f500,00", 1], 1500],
    ["« 1\\u00a0500 » (no-break space)", ["1\u00a0500", 1], 1500],
    ["« 1.500,50 »: two kinds of separator → the last one is decimal", ["1.500,50", 1], 1500.5],
    ["« 1,500.50 »: two kinds of separator → the last one is decimal", ["1,500.50", 1], 1500.5],
    [
      "« 1,500,000 »: a comma repeating between groups of three is a thousands separator",
      ["1,500,000", 1],
      1500000,
    ],
    ["« 1.500.000 »: a dot that repeats is a thousands separator", ["1.500.000", 1], 1500000],
    ["« 1500.5 »: a lone dot is decimal", ["1500.5", 1], 1500.5],
    ["`2,01 € / 2` must give `1,01 €`", ["2,01", 2], 1.01],
    ["`9,45 € / 2` must give `4,73 €`", [9.45, 2], 4.73],
    ["taux may be text parsed as an amount (« 3,3913 »)", [100, "3,3913"], 29.49],
    ["a negative `montant` (a refund) gives a negative result, also as text", ["-1 100", 11], -100],
    ["a blank `montant` stays blank (no silent 0)", ["", 11], ""],
    [
      "each argument may be a range: same shape out, blanks stay blank",
      [[[1100], [""], [2200]], 11],
      [[100], [""], [200]],
    ],
    [
      "one rate per line",
      [
        [[1100], [330]],
        [[11], [3.3]],
      ],
      [[100], [100]],
    ],
  ]);
  expectErrors("CONVERTIR_EUR", [
    [
      "a lone dot followed by exactly three digits (`1.500`) is ambiguous: write `1500` or `1,5`",
      ["1.500", 1],
      "Montant ambigu (montant) : « 1.500 » — écrivez 1500 ou 1,5",
    ],
    [
      "spaces only between groups of three digits (« 1 50 »)",
      ["1 50", 1],
      "Montant invalide (montant) : « 1 50 »",
    ],
    [
      "`taux` ≤ 0 is an error naming `taux` (−1)",
      [100, -1],
      "Taux invalide, il doit être positif (taux) : « -1 »",
    ],
    [
      "a blank `taux` is an error naming `taux`, never a silent 0",
      [100, ""],
      "Taux invalide (taux) : « » (vide)",
    ],
    [
      "in range form the row of the bad cell is named",
      [[[1100], ["abc"]], 11],
      "Montant invalide (montant, ligne 2) : « abc »",
    ],
  ]);
});

describe("EXPLOR_PLAFOND(categorie, [jours], [regle]) — issue 3 §3–4", () => {
  expectCases("EXPLOR_PLAFOND", [
    ["category matched by key (`per_diem`): 225 without days", ["per_diem"], 225],
    ["category matched by key (`transports_locaux`)", ["transports_locaux"], 200],
    [
      "category matched by the full Annexe 2 label (`Avion + transport du domicile à l'aéroport`)",
      ["Avion + transport du domicile à l'aéroport"],
      1500,
    ],
    ["full label `Vaccins et médicaments`", ["Vaccins et médicaments"], 80],
    ["full label `Assurance Assur Travel`", ["Assurance Assur Travel"], 52],
    ["case-, accent- and whitespace-insensitive (« HEBERGEMENT »)", ["  HEBERGEMENT "], 300],
    ["case-insensitive short form (« avion »)", ["avion"], 1500],
    ["per diem: 15 € × min(jours, 15) — 15 days", ["Per diem", 15], 225],
    ["per diem: 15 € × min(jours, 15) — 16 days", ["Per diem", 16], 225],
    ["0 days → per-diem ceiling 0", ["Per diem", 0], 0],
    ["`regle` default `EXPLOR-HDF-2025`, given explicitly", ["Avion", "", "EXPLOR-HDF-2025"], 1500],
    ["AURA: vaccins not covered → 0", ["Vaccins", "", "EXPLOR-AURA"], 0],
    ["AURA: an unknown category is not covered → 0", ["cadeaux partenaires", "", "EXPLOR-AURA"], 0],
    [
      "AURA: `sans plafond` for per diem too (no per-day rate)",
      ["Per diem", 10, "EXPLOR-AURA"],
      "sans plafond",
    ],
    ["`jours` the same shape as `categorie`", [col("Per diem", "Avion"), col(10, "")], [[150], [1500]]],
    ["a row range gives a row", [[["Per diem", "Avion"]], [[10, ""]]], [[150, 1500]]],
  ]);
  expectErrors("EXPLOR_PLAFOND", [
    [
      "Days are whole numbers ≥ 0 (negative → error)",
      ["Per diem", -1],
      "Nombre de jours invalide (jours) : « -1 » — un nombre entier de jours, 0 ou plus",
    ],
    [
      "days that are not a number → error naming jours",
      ["Per diem", "dix"],
      "Nombre de jours invalide (jours) : « dix »",
    ],
    [
      "in range form the error names the row",
      [col("Per diem", "Per diem"), col(10, -2)],
      "Nombre de jours invalide (jours, ligne 2) : « -2 »",
    ],
  ]);
});

describe("EXPLOR_ELIGIBLE(categorie, montant, [jours], [regle]) — issue 3 §4", () => {
  expectCases("EXPLOR_ELIGIBLE", [
    ["min(montant, plafond): exactly at the ceiling", ["Avion", 1500], 1500],
    ["min(montant, plafond): one cent over the ceiling", ["Avion", 1500.01], 1500],
    ["a text amount in French style", ["Avion", "1 720,00 €"], 1500],
    ['a category with a blank amount gives `""`', ["Visa", ""], ""],
    ["an amount with a blank category is not covered (0)", ["", 100], 0],
    ['category and amount both blank gives `""`', ["", ""], ""],
    ["per diem 16 days paid 300 → 225", ["Per diem", 300, 16], 225],
    ["0 days → per-diem ceiling 0", ["Per diem", 100, 0], 0],
    ["a per-diem line with no days and no amount is blank", ["Per diem", ""], ""],
    ["AURA: no per-category ceiling", ["Avion", 1720, "", "EXPLOR-AURA"], 1720],
    ["AURA: vaccins not covered → 0", ["Vaccins", 95, "", "EXPLOR-AURA"], 0],
    [
      "per-diem lines with days and no amount count at their ceiling; the mission's ceiling (18 days → 225) is shared top down",
      [col("Per diem", "Per diem"), col("", ""), col(10, 18)],
      [[150], [75]],
    ],
    [
      "a row range gives a row (Mission B, 18 days)",
      [[["Avion", "Visa", "Per diem"]], [[1720, 80, ""]], 18],
      [[1500, 60, 225]],
    ],
  ]);
  expectErrors("EXPLOR_ELIGIBLE", [
    [
      "a negative amount names the argument, the row and the value",
      [col("Avion", "Visa"), col(100, -5)],
      "Montant négatif non accepté (montant, ligne 2) : « -5 »",
    ],
    [
      "fractional days → error naming the row",
      [col("Per diem", "Visa"), col(100, 50), col(10, 1.5)],
      "Nombre de jours invalide (jours, ligne 2) : « 1.5 »",
    ],
    [
      "under a rule set with no per-diem rate, a per-diem line with days and no amount is an error",
      ["Per diem", "", 10, "EXPLOR-AURA"],
      "Montant manquant (montant) : « » (vide) — la règle EXPLOR-AURA n'a pas de taux journalier pour « Per diem » : indiquez le montant",
    ],
    [
      "`montant` must have the same shape",
      [col("Avion", "Visa"), col(1, 2, 3)],
      "Formes différentes : montant (3 lignes × 1 colonne) doit avoir la forme de categorie (2 lignes × 1 colonne)",
    ],
    [
      "`jours` is blank, one number or the same shape",
      [col("Avion", "Visa", "Per diem"), col(1, 2, 3), col(10, 12)],
      "Formes différentes : jours (2 lignes × 1 colonne) doit avoir la forme de categorie (3 lignes × 1 colonne)",
    ],
  ]);
});

describe("EXPLOR_PRISE_EN_CHARGE and EXPLOR_RESTE_A_CHARGE — issue 3 §4", () => {
  expectCases("EXPLOR_PRISE_EN_CHARGE", [
    [
      "a per-diem line with days counts at its ceiling: 50 % × (150 + 850)",
      [col("Per diem", "Avion"), col("", 850), 10],
      500,
    ],
    [
      "mission cap: Σ eligible exactly 2 000 € → 1 000 €",
      [col("Avion", "Hébergement", "Transports locaux"), col(1500, 300, 200)],
      1000,
    ],
    [
      "mission cap: Σ eligible one cent over 2 000 € → still 1 000 €",
      [col("Avion", "Hébergement", "Transports locaux"), col(1500, 300, 200.01)],
      1000,
    ],
    ["rounded half away from zero to the cent (50 % of 0,05 → 0,03)", [col("Avion"), col(0.05)], 0.03],
    ["a category with a blank amount counts 0", [col("Avion", "Visa"), col(0.01, "")], 0.01],
    [
      "AURA: 50 %, no mission cap, vaccins not covered",
      [col("Avion", "Vaccins"), col(3000, 95), "", "EXPLOR-AURA"],
      1500,
    ],
  ]);
  expectCases("EXPLOR_RESTE_A_CHARGE", [
    [
      "per diem with days: real = eligible = ceiling (150 + 850 − 500)",
      [col("Per diem", "Avion"), col("", 850), 10],
      500,
    ],
    [
      "Σ actual amounts, lines not covered included (blank category 50 €)",
      [col("cadeaux partenaires", ""), col(100, 50)],
      150,
    ],
    ["minus the ROUNDED contribution (0,05 − 0,03)", [col("Avion"), col(0.05)], 0.02],
    [
      "AURA: + the rule set's fixed fee of 200 € (3 095 − 1 500 + 200)",
      [col("Avion", "Vaccins"), col(3000, 95), "", "EXPLOR-AURA"],
      1795,
    ],
  ]);
});

describe("EXPLOR_DECOMPTE(categories, montants, [jours], [regle]) — issue 3 §4", () => {
  it("a per-diem line with days and no amount: real = eligible = ceiling; blank rows left out", () => {
    expect(call("EXPLOR_DECOMPTE", col("Per diem", ""), col("", ""), 10)).toEqual([
      DECOMPTE_HEADER,
      ["Per diem", 150, 150, 150, ""],
      ["Total", 150, "", 150, ""],
      ["Total éligible retenu", "", 2000, 150, ""],
      ["Prise en charge", "", "", 75, ""],
      ["Reste à charge association", "", "", 75, ""],
    ]);
  });

  it('`Observation`: `""` exactly at the ceiling, « plafond de la catégorie atteint » one cent over', () => {
    const atCeiling = call("EXPLOR_DECOMPTE", col("Avion", "Visa"), col(1500, 60)) as unknown[][];
    const oneCentOver = call("EXPLOR_DECOMPTE", col("Avion", "Visa"), col(1500.01, 60)) as unknown[][];
    expect(atCeiling.slice(1, 3).map((row) => row.slice(1))).toEqual([
      [1500, 1500, 1500, ""],
      [60, 60, 60, ""],
    ]);
    expect(oneCentOver.slice(1, 3).map((row) => row.slice(1))).toEqual([
      [1500.01, 1500, 1500, "plafond de la catégorie atteint : 1\u202f500,00\u00a0€ par mission"],
      [60, 60, 60, ""],
    ]);
    expect(oneCentOver.slice(-4)).toEqual([
      ["Total", 1560.01, "", 1560, ""],
      ["Total éligible retenu", "", 2000, 1560, ""],
      ["Prise en charge", "", "", 780, ""],
      ["Reste à charge association", "", "", 780.01, ""],
    ]);
  });

  it("an amount with a blank category is a line `non pris en charge` (0 eligible)", () => {
    const table = call("EXPLOR_DECOMPTE", col("Visa", ""), col(40, 40)) as unknown[][];
    expect(table).toHaveLength(1 + 2 + 4);
    expect(table[2]?.slice(1)).toEqual([40, 0, 0, "non pris en charge — catégorie manquante"]);
    expect(table[3]).toEqual(["Total", 80, "", 40, ""]);
  });

  it("AURA: the ceiling column reads `sans plafond`, the reste includes the 200 € fee", () => {
    const table = call("EXPLOR_DECOMPTE", col("Avion"), col(1500), "", "EXPLOR-AURA") as unknown[][];
    expect(table[0]).toEqual(DECOMPTE_HEADER);
    expect(table[1]?.slice(1)).toEqual([1500, "sans plafond", 1500, ""]);
    expect(table.slice(-4)).toEqual([
      ["Total", 1500, "", 1500, ""],
      ["Total éligible retenu", "", "sans plafond", 1500, ""],
      ["Prise en charge", "", "", 750, ""],
      ["Reste à charge association", "", "", 950, ""],
    ]);
  });

  it("per diem 16 days paid 300 → 225, its ceiling reached (scalar form)", () => {
    expect(call("EXPLOR_DECOMPTE", "Per diem", 300, 16)).toEqual([
      DECOMPTE_HEADER,
      [
        "Per diem",
        300,
        225,
        225,
        "plafond de la catégorie atteint : 225,00\u00a0€ par mission (15,00\u00a0€ × 15 jours)",
      ],
      ["Total", 300, "", 225, ""],
      ["Total éligible retenu", "", 2000, 225, ""],
      ["Prise en charge", "", "", 112.5, ""],
      ["Reste à charge association", "", "", 187.5, ""],
    ]);
  });
});

describe("COUT_UNITAIRE(total, quantite) — issue 4 §2, DOMAIN §4 budget table", () => {
  expectCases("COUT_UNITAIRE", [
    ["Appui-conseil porteurs: 399,95 / 6 → 66,66", [399.95, 6], 66.66],
    ["PAM (modules 2025): 1 088,74 / 7 → 155,53", [1088.74, 7], 155.53],
    ["ACC projet jumelage: 444,38 / 4 → 111,10", [444.38, 4], 111.1],
    ["`9,45 € / 2` must give `4,73 €`", ["9,45", 2], 4.73],
    ["a range of totals with one quantity", [col(100, 200), 4], [[25], [50]]],
  ]);
  expectErrors("COUT_UNITAIRE", [
    [
      "quantité ≤ 0 → error (−1)",
      [100, -1],
      "Quantité invalide, elle doit être strictement positive (quantite) : « -1 »",
    ],
    [
      "quantité ≤ 0 in a range names the row",
      [col(100, 200), col(2, 0)],
      "Quantité invalide, elle doit être strictement positive (quantite, ligne 2) : « 0 »",
    ],
    [
      "an unreadable total names the row",
      [col(100, "abc"), col(2, 2)],
      "Montant invalide (total, ligne 2) : « abc »",
    ],
  ]);
});

describe("POURCENTAGES(montants) — issue 4 §2", () => {
  expectCases("POURCENTAGES", [
    ["CD62 receipts → 83 % / 17 %", [col(9879.54, 2000)], [[0.83], [0.17]]],
    ["text amounts in French style", [col("9 879,54 €", "2 000,00 €")], [[0.83], [0.17]]],
    [
      "largest remainder, ties going to the earlier line (6 × 1 → 0,17 ×4, 0,16 ×2)",
      [col(1, 1, 1, 1, 1, 1)],
      [[0.17], [0.17], [0.17], [0.17], [0.16], [0.16]],
    ],
    ["[2;1] → 0,67 / 0,33", [col(2, 1)], [[0.67], [0.33]]],
    ["one row keeps its shape", [[[1, 2, 3]]], [[0.17, 0.33, 0.5]]],
    ["zeros next to a positive amount are fine", [col(1, 0, 0)], [[1], [0], [0]]],
  ]);
  expectErrors("POURCENTAGES", [
    [
      "an all-blank range is an error (total 0)",
      [col("", "")],
      "Total nul (montants) : impossible de calculer des pourcentages",
    ],
    ["an unreadable amount names the row", [col(1, "abc")], "Montant invalide (montants, ligne 2) : « abc »"],
  ]);
});

describe("PLAN_FINANCEMENT(depenses, recettes) — issue 4 §2", () => {
  expectCases("PLAN_FINANCEMENT", [
    [
      "parts adding up to 100 %: every share but the largest rounded, the largest gets the rest (CD62 0,83 / RECITAL 0,17)",
      [
        CD62_CHARGES,
        [
          ["CD62", "", 0.83],
          ["RECITAL", "", 0.17],
        ],
      ],
      [
        PLAN_HEADER,
        ["Coûts RH", 8139.54, 0.68, "CD62", 9860.02, 0.83],
        ["Frais de transport et fournitures", 200, 0.02, "RECITAL", 2019.52, 0.17],
        ["Graphisme et fabrication des outils PAM", 1400, 0.12, "", "", ""],
        ["Administratif et coûts indirects", 2140, 0.18, "", "", ""],
        ["TOTAL CHARGES", 11879.54, 1, "TOTAL PRODUITS", 11879.54, 1],
      ],
    ],
    [
      "two-column recettes: `Solde` (any case) and a text amount « 2 000,00 € »",
      [
        CD62_CHARGES,
        [
          ["CD62", "Solde"],
          ["RECITAL", "2 000,00 €"],
        ],
      ],
      [
        PLAN_HEADER,
        ["Coûts RH", 8139.54, 0.68, "CD62", 9879.54, 0.83],
        ["Frais de transport et fournitures", 200, 0.02, "RECITAL", 2000, 0.17],
        ["Graphisme et fabrication des outils PAM", 1400, 0.12, "", "", ""],
        ["Administratif et coûts indirects", 2140, 0.18, "", "", ""],
        ["TOTAL CHARGES", 11879.54, 1, "TOTAL PRODUITS", 11879.54, 1],
      ],
    ],
    [
      "tied largest parts: the first one gets the rest (0,5 × 100,01: B rounded to 50,01, A 50,00)",
      [
        [["RH", 100.01]],
        [
          ["A", "", 0.5],
          ["B", "", 0.5],
        ],
      ],
      [
        PLAN_HEADER,
        ["RH", 100.01, 1, "A", 50, 0.5],
        ["", "", "", "B", 50.01, 0.5],
        ["TOTAL CHARGES", 100.01, 1, "TOTAL PRODUITS", 100.01, 1],
      ],
    ],
    [
      '`part` as text `50 %`; the shorter side padded with `""`',
      [
        [
          ["RH", 100],
          ["Transport", 50],
        ],
        [
          ["A", "", 0.5],
          ["B", "", "50 %"],
        ],
      ],
      [
        PLAN_HEADER,
        ["RH", 100, 0.67, "A", 75, 0.5],
        ["Transport", 50, 0.33, "B", 75, 0.5],
        ["TOTAL CHARGES", 150, 1, "TOTAL PRODUITS", 150, 1],
      ],
    ],
    [
      "a part next to a `solde`: part × total charges, the solde balances",
      [
        [["RH", 100]],
        [
          ["A", "", 0.333],
          ["B", "solde"],
        ],
      ],
      [
        PLAN_HEADER,
        ["RH", 100, 1, "A", 33.3, 0.33],
        ["", "", "", "B", 66.7, 0.67],
        ["TOTAL CHARGES", 100, 1, "TOTAL PRODUITS", 100, 1],
      ],
    ],
    [
      "same category (case-, accent-, space-insensitive) summed into the first, in order of first appearance",
      [
        [
          ["Coûts RH", 60],
          ["Frais", 10],
          [" couts rh ", 40],
        ],
        [["A", "solde"]],
      ],
      [
        PLAN_HEADER,
        ["Coûts RH", 100, 0.91, "A", 110, 1],
        ["Frais", 10, 0.09, "", "", ""],
        ["TOTAL CHARGES", 110, 1, "TOTAL PRODUITS", 110, 1],
      ],
    ],
    [
      'more receipts than expenses: the expense side padded with `""`',
      [
        [
          ["RH", 100],
          ["Frais", 50],
        ],
        [
          ["A", "solde"],
          ["B", 10],
          ["C", 20],
          ["D", 5],
        ],
      ],
      [
        PLAN_HEADER,
        ["RH", 100, 0.67, "A", 115, 0.77],
        ["Frais", 50, 0.33, "B", 10, 0.07],
        ["", "", "", "C", 20, 0.13],
        ["", "", "", "D", 5, 0.03],
        ["TOTAL CHARGES", 150, 1, "TOTAL PRODUITS", 150, 1],
      ],
    ],
  ]);
  expectErrors("PLAN_FINANCEMENT", [
    [
      "receipts exceeding charges: `… excédent de …`",
      [[["RH", 100]], [["A", 150]]],
      `Plan de financement déséquilibré : total des charges ${eur("100,00")}, total des produits ${eur("150,00")}, excédent de ${eur("50,00")}`,
    ],
    [
      "a part and a fixed amount that do not balance name the gap",
      [
        CD62_CHARGES,
        [
          ["CD62", "", 0.8316],
          ["RECITAL", 2000, ""],
        ],
      ],
      `Plan de financement déséquilibré : total des charges ${eur("11 879,54")}, total des produits ${eur("11 879,03")}, il manque ${eur("0,51")}`,
    ],
    [
      "two `solde` funders",
      [
        [["RH", 100]],
        [
          ["A", "solde"],
          ["B", "solde"],
        ],
      ],
      "Un seul financeur peut être « solde » (recettes, ligne 2) : « B »",
    ],
    [
      "a negative solde",
      [
        [["RH", 100]],
        [
          ["A", 150],
          ["B", "solde"],
        ],
      ],
      `Solde négatif (recettes, ligne 2) : « B » — les autres recettes (${eur("150,00")}) dépassent le total des charges (${eur("100,00")}) de ${eur("50,00")}`,
    ],
    [
      "a negative receipt amount",
      [
        [["RH", 100]],
        [
          ["A", -10],
          ["B", "solde"],
        ],
      ],
      "Montant négatif non accepté (recettes, ligne 1) : « -10 »",
    ],
    [
      "an unreadable receipt amount",
      [
        [["RH", 100]],
        [
          ["A", "abc"],
          ["B", "solde"],
        ],
      ],
      "Montant invalide (recettes, ligne 1) : « abc »",
    ],
    [
      "a row with both `montant` and `part` filled",
      [[["RH", 100]], [["A", "solde", 0.5]]],
      "Montant et part remplis tous les deux (recettes, ligne 1) : « A » — indiquez soit un montant, soit une part",
    ],
    [
      "a part number above 1",
      [[["RH", 100]], [["A", "", 1.2]]],
      "Part invalide (recettes, ligne 1) : « 1.2 » — une fraction entre 0 et 1 (0,83) ou un pourcentage (83 %)",
    ],
    [
      "no receipts at all",
      [[["RH", 100]], [["", ""]]],
      "Plan de financement sans recette (recettes) : aucune ligne remplie",
    ],
    [
      "a negative expense amount",
      [[["RH", -5]], [["A", "solde"]]],
      "Montant négatif non accepté (depenses, ligne 1) : « -5 »",
    ],
    [
      "an unreadable expense amount",
      [[["RH", "abc"]], [["A", "solde"]]],
      "Montant invalide (depenses, ligne 1) : « abc »",
    ],
  ]);
});

describe("PRORATA_SUBVENTION(subvention, cout_previsionnel, depenses_realisees) — issue 4 §2", () => {
  expectCases("PRORATA_SUBVENTION", [
    ["actual equal to the forecast → the whole subsidy", [9879.54, 11879.54, 11879.54], 9879.54],
    ["nothing spent → 0", [9879.54, 11879.54, 0], 0],
    [
      "text amounts: `9 879,54; 11 879,54; 10 000` → 8 316,43",
      ["9 879,54 €", "11 879,54 €", "10 000,00 €"],
      8316.43,
    ],
  ]);
  expectErrors("PRORATA_SUBVENTION", [
    [
      "one cell per argument: a range is refused, not glued into one value",
      [[[9879.54], [1000]], 11879.54, 10000],
      "Une seule cellule attendue (subvention), pas une plage",
    ],
    [
      "a negative subsidy names the value",
      [-1, 11879.54, 100],
      "Montant négatif non accepté (subvention) : « -1 »",
    ],
    [
      "a forecast ≤ 0 names the value (−5)",
      [9879.54, -5, 100],
      "Coût prévisionnel invalide, il doit être strictement positif (cout_previsionnel) : « -5 »",
    ],
    [
      "a negative actual spending names the value",
      [9879.54, 11879.54, -1],
      "Montant négatif non accepté (depenses_realisees) : « -1 »",
    ],
    [
      "unreadable actual spending",
      [9879.54, 11879.54, "abc"],
      "Montant invalide (depenses_realisees) : « abc »",
    ],
  ]);
});

describe("PAYS_APD(pays) — issue 5 §2", () => {
  expectCases("PAYS_APD", [
    [
      "the library's old French name `Congo, République démocratique`",
      ["Congo, République démocratique"],
      true,
    ],
    ["the library's French name with hyphen and apostrophe (`Côte-d'Ivoire`)", ["Côte-d'Ivoire"], true],
    ["a typographic apostrophe is a space too (`Côte d’Ivoire`)", ["Côte d’Ivoire"], true],
    ["alpha-3 code (`CIV`)", ["CIV"], true],
    ["alpha-2 code, lower case (`ci`)", ["ci"], true],
    ["the library's `Sud-Soudan`", ["Sud-Soudan"], true],
    ["alias `Soudan du Sud`", ["Soudan du Sud"], true],
    ["alias `Eswatini`", ["Eswatini"], true],
    ["alias `Tanzanie`", ["Tanzanie"], true],
    ["alias `République centrafricaine`", ["République centrafricaine"], true],
    ["Kosovo, not an ISO country: `XK`", ["XK"], true],
    ["Kosovo, not an ISO country: `XKX`", ["XKX"], true],
    ["the DAC's English name `Viet Nam`", ["Viet Nam"], true],
    ["the DAC's English name `Türkiye`", ["Türkiye"], true],
    ["the DAC's English name `West Bank and Gaza Strip`", ["West Bank and Gaza Strip"], true],
    ["case-insensitive (`SENEGAL`)", ["SENEGAL"], true],
    ["FALSE for a known country not on the list (France)", ["France"], false],
    ["FALSE for a known country not on the list (Uruguay)", ["Uruguay"], false],
    ["a row range answers cell by cell", [[["Maroc", "Chili"]]], [[true, false]]],
    [
      "a blank cell in a range gives a blank result (issue 12 §4)",
      [col("Maroc", "", "Chili")],
      [[true], [""], [false]],
    ],
  ]);
  expectErrors("PAYS_APD", [
    ["`Autre pays` is no country", ["Autre pays"], "Pays inconnu (pays) : « Autre pays »"],
  ]);
});

describe("EXPLOR_ELIGIBILITE(departement, pays, deja_beneficiaire, nouveau_projet, duree_jours, date_depot, [appel]) — issue 5 §2", () => {
  const eligible = (departement: unknown) => [departement, "Maroc", "Non", "", 10, ""] as const;
  const HORS_HDF = "Non éligible : siège hors Hauts-de-France";
  expectCases("EXPLOR_ELIGIBILITE", [
    [
      'a range row left entirely blank (the end of a column) gives ""',
      [
        [["62"], [""], ["75"]],
        [["Maroc"], [""], ["Maroc"]],
        [["Non"], [""], ["Non"]],
        [[""], [""], [""]],
        [[10], [""], [10]],
        [[""], [""], [""]],
      ],
      [["Éligible"], [""], ["Non éligible : siège hors Hauts-de-France"]],
    ],
    ["département code `02` is in", eligible("02"), "Éligible"],
    ["département as a number (2)", eligible(2), "Éligible"],
    ["a 4-digit number is a postal code that lost its leading zero (2000)", eligible(2000), "Éligible"],
    ["a 5-digit postal code as text (`02000`)", eligible("02000"), "Éligible"],
    ["département 59 is in", eligible(59), "Éligible"],
    ["postal code 60000 (Oise) is in", eligible(60000), "Éligible"],
    ["a name like `Somme`", eligible("Somme"), "Éligible"],
    ["a name, case-insensitive, without hyphens (`pas de calais`)", eligible("pas de calais"), "Éligible"],
    ["`Nord`", eligible("Nord"), "Éligible"],
    ["`Aisne`", eligible("Aisne"), "Éligible"],
    ["`Oise`", eligible("Oise"), "Éligible"],
    ["a French département outside the region (`2A`)", eligible("2A"), HORS_HDF],
    ["an overseas département (`971`)", eligible("971"), HORS_HDF],
    [
      "`pays partenaire inconnu (« … »)` for a name the add-on does not know",
      [62, "Atlantide", "Non", "", 10, ""],
      "Non éligible : pays partenaire inconnu (« Atlantide »)",
    ],
    [
      "`Oui`/`Non`, case-insensitive: already funded, no new project",
      [62, "Maroc", "oui", "non", 10, ""],
      "Non éligible : déjà financée par EXPLOR sans nouveau projet",
    ],
    ["booleans: already funded with a new project", [62, "Maroc", true, true, 10, ""], "Éligible"],
    ["`Oui`/`Oui`: already funded with a new project", [62, "Maroc", "Oui", "Oui", 10, ""], "Éligible"],
    [
      "`durée hors 7–15 jours`: 6 days",
      [62, "Maroc", "Non", "", 6, ""],
      "Non éligible : durée hors 7–15 jours",
    ],
    ["7 days is in", [62, "Maroc", "Non", "", 7, ""], "Éligible"],
    ["15 days is in", [62, "Maroc", "Non", "", 15, ""], "Éligible"],
    ["16 days is out", [62, "Maroc", "Non", "", 16, ""], "Non éligible : durée hors 7–15 jours"],
    [
      "ISO text read in Europe/Paris: last second on time",
      [62, "Maroc", "Non", "", 10, "2025-06-15T23:59:59"],
      "Éligible",
    ],
    [
      "ISO text read in Europe/Paris: at 2025-06-16 00:00:00 late",
      [62, "Maroc", "Non", "", 10, "2025-06-16T00:00:00"],
      "Non éligible : candidature hors délai",
    ],
    [
      "ISO text with an explicit offset (22:00Z is midnight in Paris)",
      [62, "Maroc", "Non", "", 10, "2025-06-15T22:00:00Z"],
      "Non éligible : candidature hors délai",
    ],
    ["a date without time, the day of the deadline", [62, "Maroc", "Non", "", 10, "15/06/2025"], "Éligible"],
    ["a Date from the day before", [62, "Maroc", "Non", "", 10, new Date(2025, 5, 14, 12)], "Éligible"],
    [
      "`appel` default `EXPLOR-2025`, given explicitly",
      [62, "Maroc", "Non", "", 10, "", "EXPLOR-2025"],
      "Éligible",
    ],
    [
      "a yes/no range answers row by row, single values applying to every row",
      [62, "Maroc", "Oui", col("Oui", "Non"), 10, ""],
      [["Éligible"], ["Non éligible : déjà financée par EXPLOR sans nouveau projet"]],
    ],
  ]);
  expectErrors("EXPLOR_ELIGIBILITE", [
    [
      "a value that is no French département at all (99)",
      eligible(99),
      "Département inconnu (departement) : « 99 » — attendu un code (62), un code postal (62000) ou un nom (Pas-de-Calais)",
    ],
    [
      "a fractional duration",
      [62, "Maroc", "Non", "", 10.5, ""],
      "Durée invalide (duree_jours) : « 10.5 » — attendu un nombre entier de jours",
    ],
    [
      "a negative duration",
      [62, "Maroc", "Non", "", -1, ""],
      "Durée invalide (duree_jours) : « -1 » — attendu un nombre entier de jours",
    ],
    [
      "an impossible date",
      [62, "Maroc", "Non", "", 10, "31/02/2025"],
      "Date invalide (date_depot) : « 31/02/2025 » — attendu une date comme 15/06/2025 23:59:59",
    ],
  ]);
});

describe("every call above", () => {
  it("touched no Apps Script service", () => {
    expect(touched).toEqual([]);
  });
});
