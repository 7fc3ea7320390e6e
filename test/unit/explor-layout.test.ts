import { afterEach, describe, expect, it } from "vitest";
import { MISSION_A, MISSION_B, sheetLines } from "../../dev/fixtures/explor-missions";
import { EXPLOR_HDF_2025 } from "../../src/core/explor/hdf-2025";
import { menuNouvelleMissionExplor } from "../../src/menus/mission";
import {
  DECOMPTE_COLUMN,
  MISSION_SHEET_NAME,
  missionSheetLayout,
  RULE_COLUMN,
  STAGE_COLUMN,
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
    "Justificatif complet (décompte final)",
  ].map((t) => col(cells, t));
  const rule = `$${columnLetter(RULE_COLUMN)}$2`;
  const stage = `$${columnLetter(STAGE_COLUMN)}$2`;
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
      `=EXPLOR_ELIGIBLE(${category}${first}:${category}${last},${euros}${first}:${euros}${last},${days}${first}:${days}${last},${rule},${check}${first}:${check}${last})`,
    );
    expect(cells.get(`${ceiling}${first + 1}`)).toBe("");
  });

  it("starts as Prévisionnel: the stage cell is a dropdown of the two stages", () => {
    expect(cells.get(`${columnLetter(STAGE_COLUMN)}2`)).toBe("Prévisionnel");
    expect(layout.validations).toContainEqual({
      row: 2,
      column: STAGE_COLUMN,
      rows: 1,
      columns: 1,
      rule: { list: ["Prévisionnel", "Décompte final"], strict: true, help: expect.any(String) },
    });
  });

  it("offers the rule set's categories and « Autre dépense » in a dropdown that warns on other text", () => {
    const rule = layout.validations?.find((v) => v.column === 1)?.rule;
    expect(rule).toEqual({
      list: [...EXPLOR_HDF_2025.categories.map((c) => c.label), "Autre dépense (non prise en charge)"],
      strict: false,
      help: "Une catégorie de Annexe 2. Tout autre libellé est une dépense non prise en charge.",
    });
  });

  it("checks receipts only in the final décompte: VRAI when date, supplier, service and amount are there", () => {
    expect(cells.get(`${check}5`)).toBe(
      `=IF(OR(${euros}5="",${stage}<>"Décompte final"),"",NOT(OR(${receiptDate}5="",${supplier}5="",${service}5="",${receiptAmount}5="")))`,
    );
  });

  it("totals the mission with the EXPLOR functions and spills the décompte beside it", () => {
    const args = `${category}${first}:${category}${last},${euros}${first}:${euros}${last},${days}${first}:${days}${last},${rule},${check}${first}:${check}${last}`;
    expect(cells.get(`A${last + 1}`)).toBe("Total des dépenses");
    expect(cells.get(`${euros}${last + 1}`)).toBe(`=SUM(${euros}${first}:${euros}${last})`);
    expect(cells.get(`A${last + 2}`)).toBe("Total éligible avant plafond de la mission");
    expect(cells.get(`${eligible}${last + 2}`)).toBe(`=SUM(${eligible}${first}:${eligible}${last})`);
    expect(cells.get(`A${last + 3}`)).toBe(
      "Total éligible retenu (plafond de la mission : 2\u202f000,00\u00a0€)",
    );
    expect(cells.get(`${eligible}${last + 3}`)).toBe(`=EXPLOR_TOTAL_ELIGIBLE(${args})`);
    expect(cells.get(`A${last + 4}`)).toBe("Prise en charge EXPLOR");
    expect(cells.get(`${eligible}${last + 4}`)).toBe(`=EXPLOR_PRISE_EN_CHARGE(${args})`);
    expect(cells.get(`A${last + 5}`)).toBe("Reste à charge association");
    expect(cells.get(`${eligible}${last + 5}`)).toBe(`=EXPLOR_RESTE_A_CHARGE(${args})`);
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
    // Mission A: title row 2, six lines 3–8, totals 9–13; Mission B starts after one empty row.
    expect(cells.get("A2")).toBe(MISSION_A.title);
    expect(cells.get("A3")).toBe("Avion");
    expect(cells.get("B5")).toBe(150);
    expect(cells.get("G5")).toBe(10);
    expect(cells.get("I13")).toBe("=EXPLOR_RESTE_A_CHARGE(A3:A8,F3:F8,G3:G8,$C$2,N3:N8)");
    expect(cells.get("A15")).toBe(MISSION_B.title);
    expect(cells.get("C15")).toBe("EXPLOR-AURA");
    expect(cells.get("I16")).toBe("=EXPLOR_ELIGIBLE(A16:A25,F16:F25,G16:G25,$C$15,N16:N25)");
    expect(cells.get("P15")).toBe("=EXPLOR_DECOMPTE(A16:A25,F16:F25,G16:G25,$C$15,N16:N25)");
    expect(cells.get("I29")).toBe("=EXPLOR_PRISE_EN_CHARGE(A16:A25,F16:F25,G16:G25,$C$15,N16:N25)");
  });

  it("keeps text that looks like a formula as text", () => {
    expect(cells.get("A24")).toBe('\'=HYPERLINK("x")');
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
    const builder: Record<string, unknown> = new Proxy(
      {},
      {
        get: (_t, method) => () => {
          if (method === "build") calls.push("validation");
          return builder;
        },
      },
    );
    globals.SpreadsheetApp = {
      newDataValidation: () => builder,
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
    // The stage dropdown and the category dropdown.
    expect(calls.filter((c) => c === "validation")).toHaveLength(2);
    expect(calls.at(-1)).toBe("activate");
  });
});
