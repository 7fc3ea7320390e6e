import { describe, expect, it } from "vitest";
import {
  COUT_UNITAIRE,
  PLAN_FINANCEMENT,
  POURCENTAGES,
  PRORATA_SUBVENTION,
} from "../../src/functions/convention";

const unitCost = COUT_UNITAIRE.run;
const percents = POURCENTAGES.run;
const plan = PLAN_FINANCEMENT.run;
const prorata = PRORATA_SUBVENTION.run;

// The CD62 plan's inputs as Sheets passes them: rows of cells, blanks as "".
const CHARGES = [
  ["Coûts RH", 6139.54],
  ["Frais de transport et fournitures", 200],
  ["", ""],
  ["Graphisme et fabrication des outils PAM (prestation externe)", 1400],
  ["coûts  rh", "2 000,00 €"],
  ["Administratif et coûts indirects", 2140],
];
const RECEIPTS = [
  ["CD62", "solde"],
  ["RECITAL", 2000],
];

describe("COUT_UNITAIRE", () => {
  it("divides and rounds half away from zero once: 1 066,52 / 8 → 133,32; 2,01 / 2 → 1,01", () => {
    expect(unitCost(1066.52, 8)).toBe(133.32);
    expect(unitCost(2.01, 2)).toBe(1.01);
    expect(unitCost("399,95 €", 6)).toBe(66.66);
    expect(unitCost(1088.74, "7")).toBe(155.53);
    expect(unitCost(444.38, 4)).toBe(111.1);
  });

  it("a blank row stays blank; ranges keep their shape", () => {
    expect(unitCost("", "")).toBe("");
    expect(unitCost([[1066.52], [""], [3400]], [[8], [""], [1]])).toEqual([[133.32], [""], [3400]]);
  });

  it.each([
    [1066.52, 0, "Quantité invalide, elle doit être strictement positive (quantite) : « 0 »"],
    [1066.52, -8, "Quantité invalide, elle doit être strictement positive (quantite) : « -8 »"],
    [1066.52, "", "Nombre invalide (quantite) : « » (vide)"],
    ["abc", 8, "Montant invalide (total) : « abc »"],
    [-5, 1, "Montant négatif non accepté (total) : « -5 »"],
  ])("COUT_UNITAIRE(%j; %j) is an error", (total, quantity, message) => {
    expect(() => unitCost(total, quantity)).toThrow(message);
  });

  it("names the row in a range and refuses mismatched shapes", () => {
    expect(() => unitCost([[10], [20]], [[1], [0]])).toThrow("(quantite, ligne 2) : « 0 »");
    expect(() => unitCost([[10], [20]], [[1], [2], [3]])).toThrow("Formes différentes");
  });
});

describe("POURCENTAGES", () => {
  it("CD62 charges: 0,68 / 0,02 / 0,12 / 0,18 (the deliberation's 69 % + … = 101 % is avoided)", () => {
    const result = percents([[8139.54], [200], [1400], [2140]]) as number[][];
    expect(result).toEqual([[0.68], [0.02], [0.12], [0.18]]);
    expect(result.flat().reduce((s, p) => s + Math.round(p * 100), 0)).toBe(100);
  });

  it("CD62 receipts 0,83 / 0,17; [1;1;1] → 0,34 / 0,33 / 0,33; a row keeps its shape; blanks stay blank", () => {
    expect(percents([[9879.54], [2000]])).toEqual([[0.83], [0.17]]);
    expect(percents([[1], [1], [1]])).toEqual([[0.34], [0.33], [0.33]]);
    expect(percents([[1, "", 1, 1]])).toEqual([[0.34, "", 0.33, 0.33]]);
    expect(percents(42)).toBe(1);
  });

  it.each([
    [[[1], [-2]], "Montant négatif non accepté (montants, ligne 2) : « -2 »"],
    [[[0], [""]], "Total nul (montants)"],
    [[[""], [""]], "Total nul (montants)"],
    [[["abc"]], "Montant invalide (montants, ligne 1) : « abc »"],
    [
      [
        [1, 2],
        [3, 4],
      ],
      "une seule colonne ou une seule ligne attendue, pas 2 lignes × 2 colonnes",
    ],
  ])("POURCENTAGES(%j) is an error", (range, message) => {
    expect(() => percents(range)).toThrow(message);
  });

  it("stays fast on 10 000 rows and sums to exactly 1", () => {
    const range = Array.from({ length: 10_000 }, (_, i) => [((i * 7919) % 100_000) / 100 + 0.01]);
    const started = performance.now();
    const result = percents(range) as number[][];
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.reduce((s, [p]) => s + Math.round((p as number) * 100), 0)).toBe(100);
  });
});

describe("PLAN_FINANCEMENT", () => {
  it("the CD62 plan: categories grouped, CD62 as solde 9 879,54 (83 %), RECITAL 2 000 (17 %)", () => {
    expect(plan(CHARGES, RECEIPTS)).toEqual([
      ["Dépenses", "Montant", "%", "Recettes", "Montant", "%"],
      ["Coûts RH", 8139.54, 0.68, "CD62", 9879.54, 0.83],
      ["Frais de transport et fournitures", 200, 0.02, "RECITAL", 2000, 0.17],
      ["Graphisme et fabrication des outils PAM (prestation externe)", 1400, 0.12, "", "", ""],
      ["Administratif et coûts indirects", 2140, 0.18, "", "", ""],
      ["TOTAL CHARGES", 11879.54, 1, "TOTAL PRODUITS", 11879.54, 1],
    ]);
  });

  it("receipts by share: 0,83 or `83 %`, rounded; parts adding up to 100 % give the remainder to the largest", () => {
    const byShares = plan(CHARGES, [
      ["CD62", "", "83 %"],
      ["RECITAL", "", 0.17],
    ]) as unknown[][];
    // 83 % of 11 879,54 = 9 860,0182 → 9 860,02; 17 % = 2 019,5218 → 2 019,52.
    expect(byShares[1]?.slice(3)).toEqual(["CD62", 9860.02, 0.83]);
    expect(byShares[2]?.slice(3)).toEqual(["RECITAL", 2019.52, 0.17]);
    // Half of 100,01 is 50,005: rounded twice it would make 100,02; the first (largest, tied) takes 100,01 − 50,01.
    const halves = plan(
      [["Coûts", 100.01]],
      [
        ["A", "", "50 %"],
        ["B", "", 0.5],
      ],
    ) as unknown[][];
    expect(halves.slice(1, 3).map((r) => r.slice(3, 5))).toEqual([
      ["A", 50],
      ["B", 50.01],
    ]);
    const mixed = plan(
      [["Coûts", 1000]],
      [
        ["Région", "", "50 %"],
        ["Fondation", 200, ""],
        ["Association", "Solde", ""],
      ],
    ) as unknown[][];
    expect(mixed.slice(1, 4).map((r) => r.slice(3))).toEqual([
      ["Région", 500, 0.5],
      ["Fondation", 200, 0.2],
      ["Association", 300, 0.3],
    ]);
  });

  it("more receipts than charges pad the charges side with blanks", () => {
    expect(
      plan(
        [["Coûts", 100]],
        [
          ["A", 60],
          ["B", 40],
        ],
      ),
    ).toEqual([
      ["Dépenses", "Montant", "%", "Recettes", "Montant", "%"],
      ["Coûts", 100, 1, "A", 60, 0.6],
      ["", "", "", "B", 40, 0.4],
      ["TOTAL CHARGES", 100, 1, "TOTAL PRODUITS", 100, 1],
    ]);
  });

  it.each([
    [
      CHARGES,
      [
        ["CD62", 8929.54],
        ["RECITAL", 2000],
      ],
      "Plan de financement déséquilibré : total des charges 11\u202f879,54\u00a0€, total des produits 10\u202f929,54\u00a0€, il manque 950,00\u00a0€",
    ],
    [
      CHARGES,
      [["CD62", 12879.54]],
      "total des produits 12\u202f879,54\u00a0€, excédent de 1\u202f000,00\u00a0€",
    ],
    [
      CHARGES,
      [
        ["CD62", "solde"],
        ["RECITAL", "SOLDE"],
      ],
      "Un seul financeur peut être « solde » (recettes, ligne 2) : « RECITAL »",
    ],
    [
      CHARGES,
      [
        ["RECITAL", 12000],
        ["CD62", "solde"],
      ],
      "Solde négatif (recettes, ligne 2) : « CD62 »",
    ],
    [CHARGES, [["CD62", -5]], "Montant négatif non accepté (recettes, ligne 1) : « -5 »"],
    [CHARGES, [["CD62", "beaucoup"]], "Montant invalide (recettes, ligne 1) : « beaucoup »"],
    [CHARGES, [["", ""]], "Plan de financement sans recette"],
    [CHARGES, [["CD62", 100, 0.5]], "Montant et part remplis tous les deux (recettes, ligne 1) : « CD62 »"],
    [CHARGES, [["CD62", "", ""]], "Montant manquant (recettes, ligne 1) : « CD62 »"],
    [CHARGES, [["CD62", "", 1.2]], "Part invalide (recettes, ligne 1) : « 1.2 »"],
    [CHARGES, [["CD62", "", "120 %"]], "Part invalide (recettes, ligne 1) : « 120 % »"],
    [CHARGES, [["CD62", "", "-10 %"]], "Part invalide (recettes, ligne 1) : « -10 % »"],
    [CHARGES, [["", 100]], "Financeur manquant (recettes, ligne 1) : « 100 »"],
    [[["Coûts", -1]], RECEIPTS, "Montant négatif non accepté (depenses, ligne 1) : « -1 »"],
    [[["", 100]], RECEIPTS, "Catégorie manquante (depenses, ligne 1) : « 100 »"],
    [[["Coûts", ""]], RECEIPTS, "Montant manquant (depenses, ligne 1) : « Coûts »"],
    [[["", ""]], RECEIPTS, "Plan de financement sans dépense"],
    [[["Coûts", 100, 3]], RECEIPTS, "Plage invalide (depenses) : 2 colonnes attendues, pas 3"],
    [100, RECEIPTS, "Plage attendue (depenses)"],
  ])("PLAN_FINANCEMENT error %#", (depenses, recettes, message) => {
    expect(() => plan(depenses, recettes)).toThrow(message);
  });

  it("stays fast on 2 000 expense lines", () => {
    const lines = Array.from({ length: 2000 }, (_, i) => [
      `Catégorie ${i % 40}`,
      ((i * 7919) % 100_000) / 100,
    ]);
    const started = performance.now();
    const result = plan(lines, [["Financeur", "solde"]]) as unknown[][];
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result).toHaveLength(1 + 40 + 1);
  });
});

describe("PRORATA_SUBVENTION", () => {
  it("Article 5: 9 879,54 on 11 879,54 with 10 000 spent → 8 316,43; at or above the forecast → 9 879,54", () => {
    expect(prorata(9879.54, 11879.54, 10000)).toBe(8316.43);
    expect(prorata(9879.54, 11879.54, 11879.54)).toBe(9879.54);
    expect(prorata("9 879,54 €", "11 879,54 €", 20000)).toBe(9879.54);
    expect(prorata(9879.54, 11879.54, 0)).toBe(0);
  });

  it.each([
    [
      9879.54,
      0,
      10000,
      "Coût prévisionnel invalide, il doit être strictement positif (cout_previsionnel) : « 0 »",
    ],
    [
      9879.54,
      -1,
      10000,
      "Coût prévisionnel invalide, il doit être strictement positif (cout_previsionnel) : « -1 »",
    ],
    [-1, 11879.54, 10000, "Montant négatif non accepté (subvention) : « -1 »"],
    [9879.54, 11879.54, -10, "Montant négatif non accepté (depenses_realisees) : « -10 »"],
    [9879.54, 11879.54, "", "Montant invalide (depenses_realisees) : « » (vide)"],
  ])("PRORATA_SUBVENTION(%j; %j; %j) is an error", (s, f, a, message) => {
    expect(() => prorata(s, f, a)).toThrow(message);
  });
});
