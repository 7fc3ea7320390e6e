import { describe, expect, it } from "vitest";
import {
  allocations,
  budgetLines,
  budgetTotal,
  CONVENTION_IDS,
  conventionById,
  conventionPlan,
  DEFAULT_CONVENTION_ID,
  financingPlan,
  groupCharges,
  independentlyRoundedPercents,
  loadConvention,
  programmeShare,
  subsidyDue,
  wholePercents,
} from "../../src/core/convention";
import { CD62_2024 } from "../../src/core/convention/cd62-2024";
import { type Cents, cents, decimalFromNumber } from "../../src/core/decimal";
import { field } from "../../src/core/errors";
import { formatEuros } from "../../src/core/money";
import { CD62_CHARGES, CD62_RECEIPTS, CD62_TOTAL } from "../support/cd62";

const c = (euros: number): Cents => cents(Math.round(euros * 100));
const euros = (x: Cents) => x / 100;
const cd62 = conventionById("CD62-2024");

describe("the CD62 2024 convention definition", () => {
  it("is the first and default convention, found by id in any case", () => {
    expect(CONVENTION_IDS[0]).toBe("CD62-2024");
    expect(DEFAULT_CONVENTION_ID).toBe("CD62-2024");
    expect(conventionById(" cd62-2024 ")).toBe(cd62);
  });

  it("budget: 11 lines, exact unit costs rounded half up, total 11 879,54 €", () => {
    const lines = budgetLines(cd62);
    expect(lines).toHaveLength(11);
    expect(lines.map((l) => euros(l.unitCost))).toEqual([
      133.32, 66.66, 155.53, 111.1, 866.55, 825.23, 3400, 670.5, 200, 2140, 777.67,
    ]);
    expect(formatEuros(budgetTotal(cd62))).toBe("11\u202f879,54\u00a0€");
  });

  it("allocations split the 3 400 € tools line into 2 000 € Coûts RH and 1 400 € external design", () => {
    const tools = allocations(cd62).filter((a) => a.type === "Développement d'outils PAM");
    expect(tools.map((a) => [a.category, euros(a.amount)])).toEqual([
      ["Coûts RH", 2000],
      ["Graphisme et fabrication des outils PAM (prestation externe)", 1400],
    ]);
    expect(allocations(cd62)).toHaveLength(12);
  });

  it("financing plan: charges by category 68/2/12/18 %, CD62 9 879,54 (83 %) and RECITAL 2 000 (17 %)", () => {
    const plan = conventionPlan(cd62);
    const shown = (l: { label: string; amount: Cents; percent: number }) => ({
      label: l.label,
      amount: euros(l.amount),
      percent: l.percent,
    });
    expect(plan.charges.map(shown)).toEqual(CD62_CHARGES);
    expect(plan.receipts.map(shown)).toEqual(CD62_RECEIPTS);
    expect(euros(plan.total)).toBe(CD62_TOTAL);
  });

  it("the CD62 deliberation's table rounded each line alone (69+2+12+18 = 101 %); largest remainder gives 100 %", () => {
    const charges = [c(8139.54), c(200), c(1400), c(2140)];
    const deliberationWay = independentlyRoundedPercents(charges);
    expect(deliberationWay).toEqual([69, 2, 12, 18]);
    expect(deliberationWay.reduce((s, p) => s + p, 0)).toBe(101);
    const ours = wholePercents(charges);
    expect(ours).toEqual([68, 2, 12, 18]);
    expect(ours.reduce((s, p) => s + p, 0)).toBe(100);
  });

  it("programme share: 1,4 % of produits, 1,6 % of charges, résultat −40 445,00 €, programme 0,00 €", () => {
    const share = programmeShare(cd62);
    expect(euros(share.income)).toBe(702190);
    expect(share.receipts).toEqual([
      { name: "CD62", amount: c(9879.54), perMille: 14 },
      { name: "RECITAL", amount: c(2000) },
    ]);
    expect(euros(share.expenses)).toBe(742635);
    expect(euros(share.programme)).toBe(11879.54);
    expect(share.programmePerMille).toBe(16);
    expect(formatEuros(share.result)).toBe("-40\u202f445,00\u00a0€");
    expect(share.programmeResult).toBe(0);
  });

  it("Article 5: 10 000,00 € spent → 8 316,43 €; the forecast or more → the capped 9 879,54 €", () => {
    expect(euros(subsidyDue(cd62, c(10000)))).toBe(8316.43);
    expect(euros(subsidyDue(cd62, c(11879.54)))).toBe(9879.54);
    expect(euros(subsidyDue(cd62, c(15000)))).toBe(9879.54);
    expect(euros(subsidyDue(cd62, c(0)))).toBe(0);
  });
});

describe("convention definitions are data", () => {
  it("next year's convention is a new definition: another funder, one share funder", () => {
    const next = loadConvention({
      ...CD62_2024,
      id: "CD59-2025",
      funder: { name: "CD59", label: "Département du Nord" },
      sheets: { budget: "Budget CD59", plan: "Plan CD59", report: "Bilan CD59" },
      funders: [
        { kind: "share", name: "CD59", share: 0.75 },
        { kind: "solde", name: "Fonds propres" },
      ],
    });
    const plan = conventionPlan(next);
    expect(plan.receipts.map((r) => [r.label, euros(r.amount), r.percent])).toEqual([
      ["CD59", 8909.66, 75],
      ["Fonds propres", 2969.88, 25],
    ]);
  });

  it.each([
    [{ ...CD62_2024, id: "bad id" }, "id"],
    [
      { ...CD62_2024, lines: [{ ...CD62_2024.lines[0], category: "Inconnue" }] },
      "catégorie de ligne absente",
    ],
    [
      {
        ...CD62_2024,
        lines: [
          {
            ...CD62_2024.lines[6],
            split: [
              { category: "Coûts RH", amount: 2000 },
              { category: "Coûts RH", amount: 1300 },
            ],
          },
        ],
      },
      "ventilation",
    ],
    [{ ...CD62_2024, lines: [{ ...CD62_2024.lines[0], split: [] }] }, "split"],
    [
      {
        ...CD62_2024,
        funders: [
          { kind: "solde", name: "A" },
          { kind: "solde", name: "B" },
        ],
      },
      "au plus un financeur",
    ],
    [{ ...CD62_2024, subsidy: 10.001 }, "deux décimales"],
    [{ ...CD62_2024, funders: [{ kind: "share", name: "A", share: 1.2 }] }, "funders"],
  ])("refuses an invalid definition (%#)", (definition, message) => {
    expect(() => loadConvention(definition)).toThrow(message);
  });

  it("an unknown id is an error naming it and the known ones", () => {
    expect(() => conventionById("CD62-2023")).toThrow(
      "Convention inconnue (convention) : « CD62-2023 » — conventions connues : CD62-2024",
    );
  });
});

describe("financing plan engine", () => {
  const where = field("recettes", 1);
  const charges = [
    { category: "Coûts RH", amount: c(8139.54) },
    { category: "Frais", amount: c(3740) },
  ];

  it("groups categories case-, accent- and space-insensitively in order of first appearance", () => {
    expect(
      groupCharges([
        { category: "Coûts RH", amount: c(100) },
        { category: "Frais", amount: c(5) },
        { category: "  couts  rh ", amount: c(0.5) },
      ]),
    ).toEqual([
      { category: "Coûts RH", amount: c(100.5) },
      { category: "Frais", amount: c(5) },
    ]);
  });

  it("names both totals and the gap when receipts fall short or exceed", () => {
    expect(() =>
      financingPlan(charges, [{ kind: "fixed", name: "CD62", where, amount: c(10929.54) }]),
    ).toThrow(
      "Plan de financement déséquilibré : total des charges 11\u202f879,54\u00a0€, total des produits 10\u202f929,54\u00a0€, il manque 950,00\u00a0€",
    );
    expect(() => financingPlan(charges, [{ kind: "fixed", name: "CD62", where, amount: c(12000) }])).toThrow(
      "excédent de 120,46\u00a0€",
    );
  });

  it("parts adding up to exactly 100 % leave the rounding to the largest share (first if tied)", () => {
    const thirds = [{ category: "X", amount: c(100) }];
    const share = (name: string, s: number, row: number) => ({
      kind: "share" as const,
      name,
      where: field("recettes", row),
      share: decimalFromNumber(s),
    });
    const plan = financingPlan(thirds, [share("A", 0.335, 1), share("B", 0.335, 2), share("C", 0.33, 3)]);
    expect(plan.receipts.map((r) => euros(r.amount))).toEqual([33.5, 33.5, 33]);
    const odd = financingPlan([{ category: "X", amount: c(0.05) }], [share("A", 0.5, 1), share("B", 0.5, 2)]);
    // 0,025 rounds to 0,03 twice (0,06 ≠ 0,05): the largest (first) takes 0,05 − 0,03.
    expect(odd.receipts.map((r) => euros(r.amount))).toEqual([0.02, 0.03]);
  });

  it("refuses two solde funders, a negative solde, no receipt, no charge", () => {
    const solde = (name: string, row: number) => ({
      kind: "solde" as const,
      name,
      where: field("recettes", row),
    });
    expect(() => financingPlan(charges, [solde("A", 1), solde("B", 2)])).toThrow(
      "Un seul financeur peut être « solde » (recettes, ligne 2) : « B »",
    );
    expect(() =>
      financingPlan(charges, [{ kind: "fixed", name: "RECITAL", where, amount: c(12000) }, solde("CD62", 2)]),
    ).toThrow(
      "Solde négatif (recettes, ligne 2) : « CD62 » — les autres recettes (12\u202f000,00\u00a0€) dépassent",
    );
    expect(() => financingPlan(charges, [])).toThrow("sans recette");
    expect(() => financingPlan([], [solde("A", 1)])).toThrow("sans dépense");
    expect(() => financingPlan([{ category: "X", amount: c(0) }], [solde("A", 1)])).toThrow(
      "total des dépenses est nul",
    );
  });
});

describe("whole percentages by largest remainder", () => {
  it("ties go to the earlier line: [1;1;1] → 34/33/33", () => {
    expect(wholePercents([c(1), c(1), c(1)])).toEqual([34, 33, 33]);
  });

  it("compares remainders exactly where floating point would not", () => {
    // Exact shares 16,67 / 66,67 / 16,67 %: three equal remainders, two points to give → the first two.
    // In floating point 4/6×100 has a larger fraction than 1/6×100, and the third line would win.
    expect(wholePercents([c(1), c(4), c(1)])).toEqual([17, 67, 16]);
    expect(wholePercents([c(0), c(5)])).toEqual([0, 100]);
  });

  it("refuses a zero total", () => {
    expect(() => wholePercents([c(0), c(0)])).toThrow();
  });
});

describe("whole percentages beyond 2^53", () => {
  it("switches to exact big integers for very large totals and gives the same rounding", () => {
    const huge = [cents(99_999_999_999_999), cents(99_999_999_999_999), cents(99_999_999_999_999)];
    expect(wholePercents(huge)).toEqual([34, 33, 33]);
    // 1 : 4 : 1 scaled up keeps its exact ties: the first two lines get the points.
    const k = 10_000_000_000_000;
    expect(wholePercents([cents(k), cents(4 * k), cents(k)])).toEqual([17, 67, 16]);
  });
});
