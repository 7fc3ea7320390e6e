import { describe, expect, it } from "vitest";
import { conventionById, loadConvention } from "../../src/core/convention";
import { CD62_2024 } from "../../src/core/convention/cd62-2024";
import {
  ACTIVITY_HEADER,
  BUDGET_HEADER,
  budgetLayout,
  LATE_RED,
  NO_REPORT_INPUTS,
  planSheet,
  REPORT_HEADER,
  type RealisedValue,
  realisedKey,
  reportLayout,
  sheetRef,
} from "../../src/planning/convention-layout";
import { conventionSheetLayout } from "../../src/planning/convention-sheet-layout";
import { columnLetter, FORMAT, type LayoutCell, type SheetLayout } from "../../src/planning/sheet-layout";

const cd62 = conventionById("CD62-2024");
/** Where the Convention sheet puts each piece (lines from row 37, funders from 51, commitments from 56). */
const { cells: source } = conventionSheetLayout(cd62, "Convention CD62-2024");
const C = "'Convention CD62-2024'!";

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

describe("Budget CD62 layout: every cell a formula on the Convention sheet", () => {
  const layout = budgetLayout(cd62, source);
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

  it("11 lines read from the Convention sheet's rows 37–47, the unit cost a live COUT_UNITAIRE", () => {
    expect(source.lineRows).toEqual([37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47]);
    expect([at("A2"), at("B2"), at("C2"), at("D2"), at("E2"), at("F2")]).toEqual([
      `=IF(ISBLANK(${C}A37),"",${C}A37)`,
      `=${C}B37`,
      `=IF(ISBLANK(${C}C37),"",${C}C37)`,
      "=COUT_UNITAIRE(E2,B2)",
      `=${C}D37`,
      `=IF(ISBLANK(${C}H37),"",${C}H37)`,
    ]);
    expect(at("E12")).toBe(`=${C}D47`);
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
  const { layout, chart } = planSheet(cd62, source);
  const cells = grid(layout);
  const at = (a: string) => cells.get(a)?.value;

  it("a live PLAN_FINANCEMENT over the charges by category and the receipts", () => {
    expect(at("A3")).toBe("=PLAN_FINANCEMENT(H5:I8,K5:M6)");
    expect([at("H5"), at("H8")]).toEqual([
      `=IF(ISBLANK(${C}A30),"",${C}A30)`,
      `=IF(ISBLANK(${C}A33),"",${C}A33)`,
    ]);
    expect(at("I5")).toBe(
      "=ROUND(SUMPRODUCT(($I$12:$I$22=H5)*$J$12:$J$22)+SUMPRODUCT(($K$12:$K$22=H5)*$L$12:$L$22),2)",
    );
    expect(cells.get("B4")?.format).toBe(FORMAT.euros);
    expect(cells.get("C4")?.format).toBe(FORMAT.percent);
    expect(cells.get("F8")?.format).toBe(FORMAT.percent);
  });

  it("receipts follow the funders' mode: solde, fixed amount or share", () => {
    const mode = `LOWER(TRIM(${C}B51))`;
    expect([at("K5"), at("L5"), at("M5")]).toEqual([
      `=IF(ISBLANK(${C}A51),"",${C}A51)`,
      `=IF(${mode}="solde","solde",IF(${mode}="montant fixe",${C}C51,""))`,
      `=IF(${mode}="part",${C}D51,"")`,
    ]);
  });

  it("the ventilation: each line's internal part and external part (the 3 400 € line: 1 400 € external)", () => {
    expect([at("H12"), at("I12"), at("J12"), at("K12"), at("L12")]).toEqual([
      `=IF(ISBLANK(${C}A37),"",${C}A37)`,
      `=IF(ISBLANK(${C}E37),"",${C}E37)`,
      `=ROUND('Budget CD62'!E2-N(${C}F37),2)`,
      `=IF(ISBLANK(${C}G37),"",${C}G37)`,
      `=N(${C}F37)`,
    ]);
    expect(at("J22")).toBe(`=ROUND('Budget CD62'!E12-N(${C}F47),2)`);
    expect(cells.has("H23")).toBe(false);
  });

  it("part du programme block below the plan: the network's figures from the Convention sheet, shares to a tenth of a percent", () => {
    expect([at("A12"), at("B12")]).toEqual(["Produits", `=${C}B25`]);
    expect([at("A13"), at("B13"), at("C13")]).toEqual([
      `=IF(K5=${C}B8,"dont "&K5,"dont cofinancement "&K5&" du programme")`,
      "=E4",
      `=IF(K5=${C}B8,ROUND(E4/${C}B25,3),"")`,
    ]);
    expect(cells.get("C13")?.format).toBe(FORMAT.percentOneDecimal);
    expect([at("A16"), at("B16"), at("C16")]).toEqual([
      `="dont programme "&${C}B8`,
      "=B8",
      `=ROUND(B8/${C}B26,3)`,
    ]);
    expect([at("A17"), at("B17")]).toEqual([`="Résultat budgété "&${C}B7`, `=ROUND(${C}B25-${C}B26,2)`]);
  });

  it("a pie chart of receipts by funder from the spilled receipts", () => {
    expect(chart).toEqual({
      range: "D4:E5",
      title: "Recettes par financeur",
      row: 20,
      column: 1,
      width: 480,
      height: 300,
    });
  });
});

describe("Bilan layout", () => {
  it("per line: forecast from the Convention sheet, realised left blank, execution rate; Article 5 via PRORATA_SUBVENTION", () => {
    const layout = reportLayout(cd62, source);
    const cells = grid(layout);
    const at = (a: string) => cells.get(a)?.value;
    expect(REPORT_HEADER.map((_, i) => at(`${columnLetter(i + 1)}1`))).toEqual([
      "Type dépense",
      "Prévu",
      "Réalisé",
      "Taux d'exécution",
    ]);
    expect([at("A2"), at("B2"), at("C2"), at("D2")]).toEqual([
      `=IF(ISBLANK(${C}A37),"",${C}A37)`,
      "='Budget CD62'!E2",
      "",
      '=IF(C2="","",IF(ISNUMBER(C2),C2/B2,"Montant à corriger"))',
    ]);
    expect(at("C13")).toBe(
      '=IF(SUMPRODUCT(ISTEXT(C2:C12)*(C2:C12<>""))>0,"Montants à corriger",IF(COUNT(C2:C12)=0,"",SUM(C2:C12)))',
    );
    expect([at("A15"), at("B15"), at("B16")]).toEqual([
      "Subvention accordée (article 4)",
      `=${C}B20`,
      `=${C}B21`,
    ]);
    expect(at("B17")).toBe('=IF(ISNUMBER(C13),PRORATA_SUBVENTION(B15,B16,C13),"")');
    expect(cells.get("C2")?.format).toBe(FORMAT.euros);
    expect(cells.get("D2")?.format).toBe(FORMAT.percentOneDecimal);
    expect(layout.frozenRows).toBe(1);
  });

  it("the activity report: planned from Article 2's commitments, realised typed, rate; a qualitative line has no rate", () => {
    const cells = grid(reportLayout(cd62, source));
    const at = (a: string) => cells.get(a)?.value;
    expect(ACTIVITY_HEADER.map((_, i) => at(`${columnLetter(i + 1)}22`))).toEqual([
      "Action",
      "Prévu",
      "Réalisé",
      "Taux d'exécution",
      "Commentaire",
    ]);
    expect([at("A23"), at("B23"), at("C23"), at("D23")]).toEqual([
      `=IF(ISBLANK(${C}A56),"",${C}A56)`,
      `=IF(ISBLANK(${C}B56),"",${C}B56)`,
      "",
      '=IF(OR(B23="",C23=""),"",IF(ISNUMBER(C23),C23/B23,"Nombre à corriger"))',
    ]);
    expect(at("A30")).toBe(`=IF(ISBLANK(${C}A63),"",${C}A63)`);
  });

  it("the due date of Article 3, red while it is past and no report date is entered", () => {
    const layout = reportLayout(cd62, source);
    const cells = grid(layout);
    const at = (a: string) => cells.get(a)?.value;
    expect([at("A32"), at("B32")]).toEqual(["Bilan à remettre au plus tard le (article 3)", `=${C}B17`]);
    expect([at("A33"), at("B33")]).toEqual(["Bilan remis le", ""]);
    expect(cells.get("B32")?.format).toBe(FORMAT.date);
    expect(layout.conditionalFormats?.[0]).toEqual({
      row: 32,
      column: 2,
      rows: 1,
      columns: 1,
      formula: '=AND(ISNUMBER($B$32),$B$33="",TODAY()>$B$32)',
      fontColor: LATE_RED,
      background: "#fce8e6",
      bold: true,
    });
  });

  it("writes back what the user typed: realised amounts by line type (text stays text), quantities and comments by action, the date handed in", () => {
    const amounts = new Map<string, RealisedValue>([
      [realisedKey("ACC projet de mobilité"), 1000],
      [realisedKey("coordination  GLOBALE"), { formula: "=700+77,67" }],
      [realisedKey("Appui-conseil porteurs"), "-5 en attente"],
      [realisedKey("Déplacements & fournitures"), "=cmd|' /C calc'!A0"],
    ]);
    const activity = new Map([
      [
        realisedKey("Mise à jour de la base de données des jumelages du Pas-de-Calais"),
        { realised: "Fait", comment: "=1+1" },
      ],
    ]);
    const cells = grid(
      reportLayout(cd62, source, { ...NO_REPORT_INPUTS, amounts, activity, submitted: 45744 }),
    );
    expect(cells.get("C2")?.value).toBe(1000);
    expect(cells.get("C3")?.value).toBe("'-5 en attente");
    expect(cells.get("C12")?.value).toBe("=700+77,67");
    // Text the user typed that looks like a formula was text in the sheet: it stays text.
    expect([...cells.values()].map((c) => c.value)).toContain("'=cmd|' /C calc'!A0");
    expect(cells.get("C4")?.value).toBe("");
    expect([cells.get("C28")?.value, cells.get("E28")?.value]).toEqual(["Fait", "'=1+1"]);
    expect(cells.get("B33")?.value).toBe(45744);
  });
});

describe("another convention is new data", () => {
  it("its sheet names come from the definition, its figures from its own Convention sheet", () => {
    const cd59 = loadConvention({
      ...CD62_2024,
      id: "CD59-2025",
      year: 2025,
      funder: { name: "CD59", label: "Département du Nord" },
      sheets: { budget: "Budget CD59", plan: "Plan CD59", report: "Bilan d'O'Neil" },
    });
    const { cells: cd59Cells } = conventionSheetLayout(cd59, "Convention CD59-2025");
    expect(budgetLayout(cd59, cd59Cells).name).toBe("Budget CD59");
    const plan = grid(planSheet(cd59, cd59Cells).layout);
    expect(plan.get("J12")?.value).toBe("=ROUND('Budget CD59'!E2-N('Convention CD59-2025'!F37),2)");
    expect(sheetRef("Bilan d'O'Neil", "A1")).toBe("'Bilan d''O''Neil'!A1");
  });
});
