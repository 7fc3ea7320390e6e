import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { menuBudgetConvention } from "../../src/menus/convention";
import { columnLetter } from "../../src/planning/sheet-layout";

/**
 * A small in-memory spreadsheet: cells (value or formula, number format), charts, and a Ui whose
 * prompt and alert answers the test sets. It counts writes to show they are batched.
 */
type Value = string | number | boolean;

class FakeRange {
  constructor(
    private readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly rows: number,
    readonly columns: number,
  ) {}
  private each<T>(f: (address: string, r: number, c: number) => T): T[][] {
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.columns }, (_, c) =>
        f(`${columnLetter(this.column + c)}${this.row + r}`, r, c),
      ),
    );
  }
  setValues(values: Value[][]) {
    this.sheet.log.push("setValues");
    this.each((a, r, c) => this.sheet.set(a, values[r]?.[c] ?? ""));
    return this;
  }
  getValues() {
    return this.each((a) => {
      const v = this.sheet.cells.get(a) ?? "";
      return typeof v === "string" && v.startsWith("=") ? "" : v;
    });
  }
  getFormulas() {
    return this.each((a) => {
      const v = this.sheet.cells.get(a);
      return typeof v === "string" && v.startsWith("=") ? v : "";
    });
  }
  setNumberFormat(format: string) {
    this.each((a) => this.sheet.formats.set(a, format));
    return this;
  }
  setNumberFormats(formats: string[][]) {
    this.each((a, r, c) => this.sheet.formats.set(a, formats[r]?.[c] ?? ""));
    return this;
  }
  setFontWeight() {
    return this;
  }
  setBackground() {
    return this;
  }
  setHorizontalAlignment() {
    return this;
  }
  setWrap() {
    return this;
  }
  setDataValidation(rule: { between: [number, number] }) {
    this.sheet.log.push(`validation ${this.row},${this.column} ×${this.rows}: ${rule.between.join("–")}`);
    return this;
  }
}

interface FakeChart {
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
  position: number[];
}

class FakeSheet {
  readonly cells = new Map<string, Value>();
  readonly formats = new Map<string, string>();
  readonly charts: FakeChart[] = [];
  readonly log: string[] = [];
  frozenRows = 0;
  constructor(private readonly name: string) {}
  getName() {
    return this.name;
  }
  set(address: string, value: Value) {
    if (value === "") this.cells.delete(address);
    else this.cells.set(address, value);
  }
  getLastRow() {
    return Math.max(0, ...[...this.cells.keys()].map((a) => Number(a.replace(/^[A-Z]+/, ""))));
  }
  getRange(row: number | string, column = 1, rows = 1, columns = 1) {
    if (typeof row === "string") {
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(row);
      if (!m) throw new Error(`A1 ${row}`);
      const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const [, c1 = "", r1 = "", c2 = "", r2 = ""] = m;
      return new FakeRange(this, Number(r1), col(c1), Number(r2) - Number(r1) + 1, col(c2) - col(c1) + 1);
    }
    return new FakeRange(this, row, column, rows, columns);
  }
  clear() {
    this.cells.clear();
    this.formats.clear();
    return this;
  }
  setColumnWidth() {
    return this;
  }
  setFrozenRows(n: number) {
    this.frozenRows = n;
  }
  getCharts() {
    return [...this.charts];
  }
  removeChart(chart: FakeChart) {
    this.charts.splice(this.charts.indexOf(chart), 1);
  }
  newChart() {
    const chart: FakeChart = { type: "", ranges: [], options: {}, position: [] };
    const builder = {
      setChartType(type: string) {
        chart.type = type;
        return builder;
      },
      addRange(r: FakeRange) {
        const last = `${columnLetter(r.column + r.columns - 1)}${r.row + r.rows - 1}`;
        chart.ranges.push(`${columnLetter(r.column)}${r.row}:${last}`);
        return builder;
      },
      setPosition(...position: number[]) {
        chart.position = position;
        return builder;
      },
      setOption(key: string, value: unknown) {
        chart.options[key] = value;
        return builder;
      },
      build: () => chart,
    };
    return builder;
  }
  insertChart(chart: FakeChart) {
    this.charts.push(chart);
  }
  activate() {
    this.log.push("activate");
  }
}

class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.getName() === name) ?? null;
  }
  insertSheet(name: string) {
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }
}

const Button = { OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO" };
let spreadsheet: FakeSpreadsheet;
let promptAnswer: { button: string; text: string };
let confirmAnswer: string;
let alerts: string[];
const globals = globalThis as Record<string, unknown>;

beforeEach(() => {
  spreadsheet = new FakeSpreadsheet();
  promptAnswer = { button: Button.OK, text: "" };
  confirmAnswer = Button.YES;
  alerts = [];
  const ui = {
    Button,
    ButtonSet: { OK: "OK", OK_CANCEL: "OK_CANCEL", YES_NO: "YES_NO" },
    prompt: (_title: string, message: string) => {
      alerts.push(`prompt: ${message}`);
      return { getSelectedButton: () => promptAnswer.button, getResponseText: () => promptAnswer.text };
    },
    alert: (title: string, message: string, buttons: string) => {
      alerts.push(`${title}: ${message}`);
      return buttons === "YES_NO" ? confirmAnswer : Button.OK;
    },
  };
  const validation = () => {
    const rule = { between: [0, 0] as [number, number] };
    const builder = {
      requireNumberBetween: (min: number, max: number) => {
        rule.between = [min, max];
        return builder;
      },
      setAllowInvalid: () => builder,
      setHelpText: () => builder,
      build: () => rule,
    };
    return builder;
  };
  globals.SpreadsheetApp = {
    getUi: () => ui,
    getActiveSpreadsheet: () => spreadsheet,
    newDataValidation: validation,
  };
  globals.Charts = { ChartType: { PIE: "PIE" } };
});

afterEach(() => {
  delete globals.SpreadsheetApp;
  delete globals.Charts;
});

const names = () => spreadsheet.sheets.map((s) => s.getName());
const sheet = (name: string) => spreadsheet.getSheetByName(name) as FakeSheet;

describe("Lianes › Budget de convention…", () => {
  it("lists the conventions, CD62-2024 first and by default, and writes the three sheets", () => {
    menuBudgetConvention();
    expect(alerts[0]).toContain("• CD62-2024 — Département du Pas-de-Calais");
    expect(alerts[0]).toContain("laissez vide pour CD62-2024");
    expect(names()).toEqual(["Budget CD62", "Plan de financement", "Bilan"]);
    expect(sheet("Budget CD62").cells.get("D2")).toBe("=COUT_UNITAIRE(E2,B2)");
    expect(sheet("Budget CD62").formats.get("E13")).toBe('#,##0.00\\ "€"');
    expect(sheet("Budget CD62").frozenRows).toBe(1);
    expect(sheet("Budget CD62").log.at(-1)).toBe("activate");
    expect(sheet("Plan de financement").cells.get("A3")).toBe("=PLAN_FINANCEMENT(H5:I8,K5:M6)");
    expect(sheet("Bilan").cells.get("B17")).toBe('=IF(ISNUMBER(C13),PRORATA_SUBVENTION(B15,B16,C13),"")');
    expect(sheet("Bilan").log).toContain("validation 2,3 ×11: 0–1000000000000");
  });

  it("adds one pie chart of receipts by funder on the plan sheet", () => {
    menuBudgetConvention();
    expect(sheet("Plan de financement").charts).toEqual([
      {
        type: "PIE",
        ranges: ["D4:E5"],
        options: {
          title: "Recettes par financeur (11\u202f879,54\u00a0€)",
          pieSliceText: "percentage",
          width: 480,
          height: 300,
        },
        position: [20, 1, 0, 0],
      },
    ]);
  });

  it("writes in batches: one setValues per block", () => {
    menuBudgetConvention();
    expect(sheet("Budget CD62").log.filter((l) => l === "setValues")).toHaveLength(3);
  });

  it("refreshing asks first, then gives the same sheets, one chart, and keeps the realised amounts", () => {
    menuBudgetConvention();
    const before = new Map(spreadsheet.sheets.map((s) => [s.getName(), new Map(s.cells)]));
    sheet("Bilan").set("C2", 1000);
    sheet("Bilan").set("C12", "=9000");
    alerts = [];
    menuBudgetConvention();
    expect(alerts[1]).toContain("« Budget CD62 », « Plan de financement », « Bilan » existent déjà");
    expect(names()).toEqual(["Budget CD62", "Plan de financement", "Bilan"]);
    expect(sheet("Plan de financement").charts).toHaveLength(1);
    expect(sheet("Budget CD62").cells).toEqual(before.get("Budget CD62"));
    expect(sheet("Bilan").cells.get("C2")).toBe(1000);
    expect(sheet("Bilan").cells.get("C12")).toBe("=9000");
    expect(sheet("Bilan").cells.get("C3")).toBeUndefined();
  });

  it("answering No to the confirmation changes nothing", () => {
    menuBudgetConvention();
    sheet("Budget CD62").set("A2", "ma ligne");
    confirmAnswer = Button.NO;
    menuBudgetConvention();
    expect(sheet("Budget CD62").cells.get("A2")).toBe("ma ligne");
  });

  it("does not ask when the sheets do not exist or are empty", () => {
    spreadsheet.insertSheet("Bilan");
    menuBudgetConvention();
    expect(alerts.filter((a) => a.startsWith("Remplacer"))).toEqual([]);
    expect(names()).toEqual(["Bilan", "Budget CD62", "Plan de financement"]);
  });

  it("cancel writes nothing; an unknown convention is named in an alert", () => {
    promptAnswer = { button: Button.CANCEL, text: "" };
    menuBudgetConvention();
    expect(names()).toEqual([]);
    promptAnswer = { button: Button.OK, text: "CD62-2019" };
    menuBudgetConvention();
    expect(names()).toEqual([]);
    expect(alerts.at(-1)).toContain("Convention inconnue (convention) : « CD62-2019 »");
  });
});
