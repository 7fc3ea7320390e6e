import { describe, expect, it } from "vitest";
import { conventionById, loadConvention } from "../../src/core/convention";
import { CD62_2024 } from "../../src/core/convention/cd62-2024";
import {
  BUDGET_HEADER,
  budgetLayout,
  planSheet,
  REPORT_HEADER,
  type RealisedValue,
  realisedKey,
  reportLayout,
  sheetRef,
} from "../../src/planning/convention-layout";
import { columnLetter, FORMAT, type LayoutCell, type SheetLayout } from "../../src/planning/sheet-layout";

const cd62 = conventionById("CD62-2024");

/** Every cell of a layout by A1 address, with its number format; no cell written twice. */
function grid(layout: SheetLayout): Map<string, { value: LayoutCell; format?: string }> {
  const cells = new Map<string, { value: LayoutCell; format?: string }>();
  for (const block of layout.blocks) {
    block.values.forEach((row, r) => {
      row.forEach((value, c) => {
        const address = `${columnLetter(block.column + c)}${block.row + r}`;
        expect(cells.has(address), `${address} written twice`).toBe(false);
        const format =
          typeof block.numberFormat === "string" ? block.numberFormat : block.numberFormat?.[r]?.[c];
        cells.set(address, format === undefined ? { value } : { value, format });
      });
    });
  }
  return cells;
}

describe("Budget CD62 layout", () => {
  const layout = budgetLayout(cd62);
  const cells = grid(layout);
  const at = (a: string) => cells.get(a)?.value;

  it("is named by the definition, frozen header, print-ready widths", () => {
    expect(layout.name).toBe("Budget CD62");
    expect(layout.frozenRows).toBe(1);
    expect(layout.columnWidths?.reduce((s, w) => s + w, 0)).toBeLessThanOrEqual(1000);
    expect(BUDGET_HEADER.map((_, i) => at(`${columnLetter(i + 1)}1`))).toEqual([
      "Type dépense",
      "Nbre",
      "Unité",
      "Coût unitaire",
      "Total",
      "Descriptif",
    ]);
  });

  it("11 lines with the unit cost as a live COUT_UNITAIRE formula, euros formatted", () => {
    expect([at("A2"), at("B2"), at("C2"), at("D2"), at("E2")]).toEqual([
      "ACC projet de mobilité",
      8,
      "porteur",
      "=COUT_UNITAIRE(E2,B2)",
      1066.52,
    ]);
    expect(at("D12")).toBe("=COUT_UNITAIRE(E12,B12)");
    expect(at("A12")).toBe("Coordination globale");
    expect(cells.get("D2")?.format).toBe(FORMAT.euros);
    expect(cells.get("E12")?.format).toBe(FORMAT.euros);
    expect(cells.get("B2")?.format).toBe(FORMAT.integer);
  });

  it("a total row that sums only the Total column", () => {
    expect([at("A13"), at("D13"), at("E13")]).toEqual(["Total", "", "=SUM(E2:E12)"]);
    expect(cells.has("A14")).toBe(false);
  });
});

describe("Plan de financement layout", () => {
  const { layout, chart } = planSheet(cd62);
  const cells = grid(layout);
  const at = (a: string) => cells.get(a)?.value;

  it("a live PLAN_FINANCEMENT over the charges by category and the receipts", () => {
    expect(at("A3")).toBe("=PLAN_FINANCEMENT(H5:I8,K5:M6)");
    expect([at("H5"), at("H6"), at("H7"), at("H8")]).toEqual(cd62.categories);
    expect(at("I5")).toBe("=SUMIF($I$12:$I$23,H5,$J$12:$J$23)");
    expect([at("K5"), at("L5"), at("M5")]).toEqual(["CD62", "solde", ""]);
    expect([at("K6"), at("L6"), at("M6")]).toEqual(["RECITAL", 2000, ""]);
    expect(cells.get("B4")?.format).toBe(FORMAT.euros);
    expect(cells.get("C4")?.format).toBe(FORMAT.percent);
    expect(cells.get("F8")?.format).toBe(FORMAT.percent);
  });

  it("the ventilation follows the budget sheet, the 3 400 € line split 2 000 + 1 400", () => {
    expect([at("H12"), at("I12"), at("J12")]).toEqual([
      "ACC projet de mobilité",
      "Coûts RH",
      "='Budget CD62'!E2",
    ]);
    const tools = [...cells.entries()].filter(
      ([a, c]) => a.startsWith("H") && c.value === "Développement d'outils PAM",
    );
    // The external part is typed; the staff time is what the budget line leaves.
    expect(tools.map(([a]) => [at(`I${a.slice(1)}`), at(`J${a.slice(1)}`)])).toEqual([
      ["Coûts RH", "='Budget CD62'!E8-SUM(J22)"],
      ["Graphisme et fabrication des outils PAM (prestation externe)", 1400],
    ]);
    expect(at("J23")).toBe("='Budget CD62'!E11");
  });

  it("part du programme block below the plan, shares to a tenth of a percent", () => {
    // Formulas on the plan above and on the network's figures typed in B12 and B15.
    expect([at("A12"), at("B12")]).toEqual(["Produits", 702190]);
    expect([at("A13"), at("B13"), at("C13")]).toEqual(["dont CD62", "=E4", "=ROUND(B13/B12,3)"]);
    expect(cells.get("C13")?.format).toBe(FORMAT.percentOneDecimal);
    expect([at("A16"), at("B16"), at("C16")]).toEqual(["dont programme CD62", "=B8", "=ROUND(B16/B15,3)"]);
    expect([at("A17"), at("B17")]).toEqual(["Résultat budgété 2024", "=B12-B15"]);
    expect([at("A18"), at("B18")]).toEqual(["dont résultat programme CD62", "=E8-B8"]);
  });

  it("a pie chart of receipts by funder from the spilled receipts", () => {
    expect(chart).toEqual({
      range: "D4:E5",
      title: "Recettes par financeur (11\u202f879,54\u00a0€)",
      row: 20,
      column: 1,
      width: 480,
      height: 300,
    });
  });
});

describe("Bilan layout", () => {
  it("per line: forecast from the budget sheet, realised left blank, execution rate; Article 5 via PRORATA_SUBVENTION", () => {
    const layout = reportLayout(cd62);
    const cells = grid(layout);
    const at = (a: string) => cells.get(a)?.value;
    expect(REPORT_HEADER.map((_, i) => at(`${columnLetter(i + 1)}1`))).toEqual([
      "Type dépense",
      "Prévu",
      "Réalisé",
      "Taux d'exécution",
    ]);
    expect([at("A2"), at("B2"), at("C2"), at("D2")]).toEqual([
      "ACC projet de mobilité",
      "='Budget CD62'!E2",
      "",
      '=IF(C2="","",IF(ISNUMBER(C2),C2/B2,"Montant à corriger"))',
    ]);
    expect(at("C13")).toBe(
      '=IF(SUMPRODUCT(ISTEXT(C2:C12)*(C2:C12<>""))>0,"Montants à corriger",IF(COUNT(C2:C12)=0,"",SUM(C2:C12)))',
    );
    expect([at("A15"), at("B15"), at("B16")]).toEqual(["Subvention accordée (article 4)", 9879.54, 11879.54]);
    expect(at("B17")).toBe('=IF(ISNUMBER(C13),PRORATA_SUBVENTION(B15,B16,C13),"")');
    expect(String(at("A19"))).toContain(
      "plafonnée à 9\u202f879,54\u00a0€ sur un coût total prévisionnel de 11\u202f879,54\u00a0€",
    );
    expect(cells.get("C2")?.format).toBe(FORMAT.euros);
    expect(cells.get("D2")?.format).toBe(FORMAT.percentOneDecimal);
    expect(layout.frozenRows).toBe(1);
  });

  it("writes back the realised amounts the user typed, matched by line type; text stays text", () => {
    const realised = new Map<string, RealisedValue>([
      [realisedKey("ACC projet de mobilité"), 1000],
      [realisedKey("coordination  GLOBALE"), { formula: "=700+77,67" }],
      [realisedKey("Appui-conseil porteurs"), "-5 en attente"],
      [realisedKey("Déplacements & fournitures"), "=cmd|' /C calc'!A0"],
    ]);
    const cells = grid(reportLayout(cd62, realised));
    expect(cells.get("C2")?.value).toBe(1000);
    expect(cells.get("C3")?.value).toBe("'-5 en attente");
    expect(cells.get("C12")?.value).toBe("=700+77,67");
    // Text the user typed that looks like a formula was text in the sheet: it stays text.
    expect([...cells.values()].map((c) => c.value)).toContain("'=cmd|' /C calc'!A0");
    expect(cells.get("C4")?.value).toBe("");
  });
});

describe("another convention is new data", () => {
  it("its sheet names, funder and figures come from the definition", () => {
    const cd59 = loadConvention({
      ...CD62_2024,
      id: "CD59-2025",
      year: 2025,
      funder: { name: "CD59", label: "Département du Nord" },
      sheets: { budget: "Budget CD59", plan: "Plan CD59", report: "Bilan d'O'Neil" },
    });
    expect(budgetLayout(cd59).name).toBe("Budget CD59");
    const plan = grid(planSheet(cd59).layout);
    expect(plan.get("J12")?.value).toBe("='Budget CD59'!E2");
    expect(plan.get("A17")?.value).toBe("Résultat budgété 2025");
    expect(sheetRef("Bilan d'O'Neil", "A1")).toBe("'Bilan d''O''Neil'!A1");
  });
});
