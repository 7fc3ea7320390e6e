import { afterEach, describe, expect, it } from "vitest";
import { MISSION_A, MISSION_B, sheetLines } from "../../dev/fixtures/explor-missions";
import { EXPLOR_HDF_2025 } from "../../src/core/explor/hdf-2025";
import { menuNouvelleMissionExplor } from "../../src/menus/mission";
import {
  DECOMPTE_COLUMN,
  INCOMPLETE_RECEIPT,
  MISSION_SHEET_NAME,
  missionSheetLayout,
  RULE_COLUMN,
  uniqueSheetName,
} from "../../src/planning/mission-layout";
import type { LayoutCell, SheetLayout } from "../../src/planning/sheet-layout";
import { columnLetter } from "../../src/planning/sheet-layout";

/** The layout as a grid of cells keyed by A1 address, checking no two blocks overlap. */
function grid(layout: SheetLayout): Map<string, LayoutCell> {
  const cells = new Map<string, LayoutCell>();
  for (const block of layout.blocks) {
    block.values.forEach((row, r) => {
      row.forEach((value, c) => {
        const address = `${columnLetter(block.column + c)}${block.row + r}`;
        expect(cells.has(address), `${address} written twice`).toBe(false);
        cells.set(address, value);
      });
    });
  }
  return cells;
}

/** The letter of the column whose header (row 1) is `title`. */
function col(cells: Map<string, LayoutCell>, title: string): string {
  for (let c = 1; c <= 30; c++) if (cells.get(`${columnLetter(c)}1`) === title) return columnLetter(c);
  throw new Error(`no column ${title}`);
}

describe("the mission sheet layout", () => {
  const layout = missionSheetLayout();
  const cells = grid(layout);
  const [category, amount, currency, rate, euros, days, ceiling, eligible] = [
    "Catégorie",
    "Montant (devise)",
    "Devise",
    "Taux InfoEuro",
    "Montant en €",
    "Jours",
    "Plafond",
    "Montant éligible",
  ].map((t) => col(cells, t));
  const [receiptDate, supplier, service, receiptAmount, check] = [
    "Date du justificatif",
    "Fournisseur",
    "Prestation",
    "Montant du justificatif",
    "Justificatif",
  ].map((t) => col(cells, t));
  const rule = `$${columnLetter(RULE_COLUMN)}$2`;
  const first = 3;
  const last = first + EXPLOR_HDF_2025.categories.length + 5 - 1;

  it("is named Mission EXPLOR, with a frozen header and widths for every column", () => {
    expect(layout.name).toBe(MISSION_SHEET_NAME);
    expect(layout.frozenRows).toBe(1);
    expect(layout.columnWidths).toHaveLength(DECOMPTE_COLUMN + 4);
  });

  it("pre-fills the Annexe 2 categories under the default rule set", () => {
    expect(cells.get(`${columnLetter(RULE_COLUMN)}2`)).toBe("EXPLOR-HDF-2025");
    const labels = EXPLOR_HDF_2025.categories.map((_, i) => cells.get(`${category}${first + i}`));
    expect(labels).toEqual(EXPLOR_HDF_2025.categories.map((c) => c.label));
    expect(cells.get(`${category}${last}`)).toBe("");
  });

  it("converts to euros with CONVERTIR_EUR only for a foreign currency", () => {
    expect(cells.get(`${euros}4`)).toBe(
      `=IF(${amount}4="","",IF(OR(${currency}4="",UPPER(${currency}4)="EUR"),${amount}4,CONVERTIR_EUR(${amount}4,${rate}4)))`,
    );
  });

  it("computes ceilings and eligible amounts with one call per column over the mission's lines", () => {
    expect(cells.get(`${ceiling}${first}`)).toBe(
      `=EXPLOR_PLAFOND(${category}${first}:${category}${last},${days}${first}:${days}${last},${rule})`,
    );
    expect(cells.get(`${eligible}${first}`)).toBe(
      `=EXPLOR_ELIGIBLE(${category}${first}:${category}${last},${euros}${first}:${euros}${last},${days}${first}:${days}${last},${rule})`,
    );
    expect(cells.get(`${ceiling}${first + 1}`)).toBe("");
  });

  it("flags a line with an amount whose receipt lacks a field", () => {
    expect(cells.get(`${check}5`)).toBe(
      `=IF(${amount}5="","",IF(OR(${receiptDate}5="",${supplier}5="",${service}5="",${receiptAmount}5=""),"${INCOMPLETE_RECEIPT}",""))`,
    );
  });

  it("totals the mission with the EXPLOR functions and spills the décompte beside it", () => {
    const args = `${category}${first}:${category}${last},${euros}${first}:${euros}${last},${days}${first}:${days}${last},${rule}`;
    expect(cells.get(`A${last + 1}`)).toBe("Total des dépenses");
    expect(cells.get(`${euros}${last + 1}`)).toBe(`=SUM(${euros}${first}:${euros}${last})`);
    expect(cells.get(`A${last + 2}`)).toBe("Prise en charge EXPLOR");
    expect(cells.get(`${eligible}${last + 2}`)).toBe(`=EXPLOR_PRISE_EN_CHARGE(${args})`);
    expect(cells.get(`A${last + 3}`)).toBe("Reste à charge association");
    expect(cells.get(`${eligible}${last + 3}`)).toBe(`=EXPLOR_RESTE_A_CHARGE(${args})`);
    expect(cells.get(`${columnLetter(DECOMPTE_COLUMN)}2`)).toBe(`=EXPLOR_DECOMPTE(${args})`);
  });

  it("formats amounts in euros and days as whole numbers", () => {
    const lines = layout.blocks.find((b) => b.row === first);
    const formats = lines?.numberFormat;
    if (!Array.isArray(formats)) throw new Error("no per-cell formats");
    const format = (letter: string | undefined) => formats[0]?.[(letter ?? "").charCodeAt(0) - 65];
    expect(format(euros)).toBe('#,##0.00\\ "€"');
    expect(format(eligible)).toBe('#,##0.00\\ "€"');
    expect(format(days)).toBe("0");
  });
});

describe("a sheet with Missions A and B", () => {
  const layout = missionSheetLayout({
    name: "EXPLOR",
    missions: [
      { title: MISSION_A.title, lines: sheetLines(MISSION_A), blankRows: 0 },
      {
        title: MISSION_B.title,
        ruleSetId: "EXPLOR-AURA",
        lines: [...sheetLines(MISSION_B), { category: '=HYPERLINK("x")', amount: 1 }],
        blankRows: 1,
      },
    ],
  });
  const cells = grid(layout);

  it("stacks the sections, each with its own rule cell and line range", () => {
    expect(layout.name).toBe("EXPLOR");
    // Mission A: title row 2, six lines 3–8, totals 9–11; Mission B starts after one empty row.
    expect(cells.get("A2")).toBe(MISSION_A.title);
    expect(cells.get("A3")).toBe("Avion");
    expect(cells.get("B5")).toBe(150);
    expect(cells.get("G5")).toBe(10);
    expect(cells.get("I11")).toBe("=EXPLOR_RESTE_A_CHARGE(A3:A8,F3:F8,G3:G8,$C$2)");
    expect(cells.get("A13")).toBe(MISSION_B.title);
    expect(cells.get("C13")).toBe("EXPLOR-AURA");
    expect(cells.get("I14")).toBe("=EXPLOR_ELIGIBLE(A14:A23,F14:F23,G14:G23,$C$13)");
    expect(cells.get("P13")).toBe("=EXPLOR_DECOMPTE(A14:A23,F14:F23,G14:G23,$C$13)");
    expect(cells.get("I25")).toBe("=EXPLOR_PRISE_EN_CHARGE(A14:A23,F14:F23,G14:G23,$C$13)");
  });

  it("keeps text that looks like a formula as text", () => {
    expect(cells.get("A22")).toBe('\'=HYPERLINK("x")');
  });

  it("refuses an unknown rule set", () => {
    expect(() => missionSheetLayout({ missions: [{ ruleSetId: "EXPLOR-XYZ" }] })).toThrow(/EXPLOR-XYZ/);
  });
});

describe("a new mission sheet's name", () => {
  it("is Mission EXPLOR, then Mission EXPLOR 2, 3… ignoring case", () => {
    expect(uniqueSheetName("Mission EXPLOR", ["Feuille 1"])).toBe("Mission EXPLOR");
    expect(uniqueSheetName("Mission EXPLOR", ["mission explor"])).toBe("Mission EXPLOR 2");
    expect(uniqueSheetName("Mission EXPLOR", ["Mission EXPLOR", "Mission EXPLOR 2"])).toBe(
      "Mission EXPLOR 3",
    );
  });
});

describe("Lianes › Nouvelle mission EXPLOR", () => {
  const globals = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete globals.SpreadsheetApp;
  });

  it("inserts a uniquely named sheet, writes the layout block by block and opens it", () => {
    const calls: string[] = [];
    const range = new Proxy(
      {},
      {
        get:
          (_t, method) =>
          (..._args: unknown[]) => {
            calls.push(`range.${String(method)}`);
            return range;
          },
      },
    );
    const sheet = {
      getRange: (row: number, column: number, rows: number, columns: number) => {
        calls.push(`getRange(${row},${column},${rows},${columns})`);
        return range;
      },
      setColumnWidth: () => calls.push("setColumnWidth"),
      setFrozenRows: (n: number) => calls.push(`setFrozenRows(${n})`),
      activate: () => calls.push("activate"),
    };
    globals.SpreadsheetApp = {
      getActiveSpreadsheet: () => ({
        getSheets: () => [{ getName: () => "Mission EXPLOR" }],
        insertSheet: (name: string) => {
          calls.push(`insertSheet(${name})`);
          return sheet;
        },
      }),
    };
    menuNouvelleMissionExplor();
    expect(calls[0]).toBe("insertSheet(Mission EXPLOR 2)");
    const writes = calls.filter((c) => c === "range.setValues").length;
    expect(writes).toBe(missionSheetLayout().blocks.length);
    expect(calls).toContain("setFrozenRows(1)");
    expect(calls.at(-1)).toBe("activate");
  });
});
