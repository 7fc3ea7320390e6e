import { describe, expect, it } from "vitest";
import { conventionById } from "../../src/core/convention";
import {
  budgetLayout,
  planSheet,
  type RealisedValue,
  reportLayout,
} from "../../src/planning/convention-layout";
import { cd62PlanTable } from "../support/cd62";
import { evaluateWorkbook } from "../support/workbook";

const cd62 = conventionById("CD62-2024");

describe("the CD62 sheets computed by a formula engine with the built bundle", () => {
  const plan = planSheet(cd62);
  const realised = new Map([
    ["accprojetdemobilite", 1000],
    ["coordinationglobale", 9000],
  ]);
  const value = evaluateWorkbook([budgetLayout(cd62), plan.layout, reportLayout(cd62, realised)]);
  const budget = (a: string) => value("Budget CD62", a);
  const planValue = (a: string) => value("Plan de financement", a);
  const report = (a: string) => value("Bilan", a);

  it("Budget CD62: live unit costs 133,32 … and a total of the Total column only, 11 879,54", () => {
    expect(["D2", "D3", "D4", "D5", "D8"].map(budget)).toEqual([133.32, 66.66, 155.53, 111.1, 3400]);
    expect(budget("A13")).toBe("Total");
    expect(budget("E13")).toBe(11879.54);
    expect(budget("D13")).toBe("");
  });

  it("Plan de financement: charges by category and receipts, balanced, 68/2/12/18 and 83/17", () => {
    const rows = [3, 4, 5, 6, 7, 8].map((r) =>
      ["A", "B", "C", "D", "E", "F"].map((c) => planValue(`${c}${r}`)),
    );
    expect(rows).toEqual(cd62PlanTable());
    expect(plan.chart.range).toBe("D4:E5");
  });

  it("part du programme: 1,4 % of produits, 1,6 % of charges, résultat −40 445,00, programme 0,00", () => {
    const rows = [11, 12, 13, 14, 15, 16, 17, 18].map((r) =>
      ["A", "B", "C"].map((c) => planValue(`${c}${r}`)),
    );
    expect(rows).toEqual([
      [
        "Part du programme dans le budget de Lianes coopération",
        "Budget global Lianes 2024",
        "Part intervention CD62",
      ],
      ["Produits", 702190, ""],
      ["dont CD62", 9879.54, 0.014],
      ["dont cofinancement RECITAL du programme", 2000, ""],
      ["Charges", 742635, ""],
      ["dont programme CD62", 11879.54, 0.016],
      ["Résultat budgété 2024", -40445, ""],
      ["dont résultat programme CD62", 0, ""],
    ]);
  });

  it("Bilan: execution rates, total realised 10 000,00 → subsidy due 8 316,43", () => {
    expect(report("B2")).toBe(1066.52);
    expect(report("C2")).toBe(1000);
    expect(report("D2")).toBeCloseTo(1000 / 1066.52, 9);
    expect(report("D3")).toBe("");
    expect(report("B13")).toBe(11879.54);
    expect(report("C13")).toBe(10000);
    expect(report("B15")).toBe(9879.54);
    expect(report("B16")).toBe(11879.54);
    expect(report("B17")).toBe(8316.43);
  });

  it("Bilan with a realised cell that is not an amount says so in French, never an engine message", () => {
    const typo = evaluateWorkbook([
      budgetLayout(cd62),
      reportLayout(
        cd62,
        new Map<string, RealisedValue>([
          ["accprojetdemobilite", "abc"],
          ["coordinationglobale", 9000],
        ]),
      ),
    ]);
    expect(typo("Bilan", "D2")).toBe("Montant à corriger");
    // A user's own formula that gives "" on a line is no typo: the total stays a number.
    const blankFormula = evaluateWorkbook([
      budgetLayout(cd62),
      reportLayout(
        cd62,
        new Map<string, RealisedValue>([
          ["accprojetdemobilite", { formula: '=IF(1>2,1,"")' }],
          ["coordinationglobale", 9000],
        ]),
      ),
    ]);
    expect(blankFormula("Bilan", "C13")).toBe(9000);
    expect(typo("Bilan", "C13")).toBe("Montants à corriger");
    expect(typo("Bilan", "D13")).toBe("");
    expect(typo("Bilan", "B17")).toBe("");
    expect(reportLayout(cd62).validations).toEqual([
      { row: 2, column: 3, rows: cd62.lines.length, columns: 1, rule: "amount" },
    ]);
  });

  it("Bilan with nothing realised yet leaves the subsidy due blank", () => {
    const empty = evaluateWorkbook([budgetLayout(cd62), reportLayout(cd62)]);
    expect(empty("Bilan", "C13")).toBe("");
    expect(empty("Bilan", "B17")).toBe("");
  });
});
