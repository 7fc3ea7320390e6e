/**
 * The financing plan of the CD62 deliberation of 14/10/2024 (table « Financement du projet » of
 * the programme annexed to it), defined once for every test: charges and receipts in euros, with
 * whole percentages adding up to 100 (the deliberation's own table reads 69 + 2 + 12 + 18 = 101 %).
 */
export interface Cd62Line {
  readonly label: string;
  readonly amount: number;
  /** Whole percent of its side's total. */
  readonly percent: number;
}

export const CD62_CHARGES: readonly Cd62Line[] = [
  { label: "Coûts RH", amount: 8139.54, percent: 68 },
  { label: "Frais de transport et fournitures", amount: 200, percent: 2 },
  { label: "Graphisme et fabrication des outils PAM (prestation externe)", amount: 1400, percent: 12 },
  { label: "Administratif et coûts indirects", amount: 2140, percent: 18 },
];

export const CD62_RECEIPTS: readonly Cd62Line[] = [
  { label: "CD62", amount: 9879.54, percent: 83 },
  { label: "RECITAL", amount: 2000, percent: 17 },
];

export const CD62_TOTAL = 11879.54;

/**
 * The plan as PLAN_FINANCEMENT returns it and the sheets show it: header, the longer side's lines
 * (percentages as fractions), totals. `receipts` in the order they were given.
 */
export function cd62PlanTable(receipts: readonly string[] = ["CD62", "RECITAL"]): (string | number)[][] {
  const ordered = receipts.map((label) => CD62_RECEIPTS.find((r) => r.label === label) as Cd62Line);
  return [
    ["Dépenses", "Montant", "%", "Recettes", "Montant", "%"],
    ...CD62_CHARGES.map((c, i) => {
      const r = ordered[i];
      return [
        c.label,
        c.amount,
        c.percent / 100,
        ...(r ? [r.label, r.amount, r.percent / 100] : ["", "", ""]),
      ];
    }),
    ["TOTAL CHARGES", CD62_TOTAL, 1, "TOTAL PRODUITS", CD62_TOTAL, 1],
  ];
}
