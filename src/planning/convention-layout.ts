/**
 * A convention's three sheets as data, every figure a formula on its `Convention <identifiant>`
 * sheet: editing a line, a funder, a figure of Article 4 or a commitment there updates the
 * budget table (live unit costs), the financing plan (a live PLAN_FINANCEMENT fed by the
 * convention's lines and funders, the programme's share in the network's budget, a pie chart of
 * receipts) and the report (Article 5's prorata, the activity report of Article 2, the report's
 * due date of Article 3). Pure: written to Sheets by `writeLayout`.
 */
import {
  COMMITMENT_COLUMN,
  type ConventionDefinition,
  type ConventionSheetCells,
  FUNDER_COLUMN,
  FUNDER_MODE,
  LINE_COLUMN,
  VALUE_COLUMN,
} from "../core/convention";
import { normalizeCategoryName } from "../core/explor/category-names";
import {
  asText,
  type Block,
  type ConditionalFormat,
  columnLetter,
  FORMAT,
  type LayoutCell,
  type SheetLayout,
} from "./sheet-layout";

const HEADER_BACKGROUND = "#e8eaed";
const TOTAL_BACKGROUND = "#f1f3f4";
const TITLE_BACKGROUND = "#d2e3fc";

/** `'Budget CD62'!E2`: a cell of another sheet, its name quoted as Sheets wants. */
export function sheetRef(sheetName: string, address: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${address}`;
}

/** References to the convention sheet's cells. */
class Source {
  constructor(readonly cells: ConventionSheetCells) {}
  at(row: number, column: number): string {
    return sheetRef(this.cells.sheet, `${columnLetter(column)}${row}`);
  }
  general(key: keyof ConventionSheetCells["general"]): string {
    return this.at(this.cells.general[key], VALUE_COLUMN);
  }
  line(i: number, column: keyof typeof LINE_COLUMN): string {
    return this.at(this.cells.lineRows[i] as number, LINE_COLUMN[column]);
  }
  funder(i: number, column: keyof typeof FUNDER_COLUMN): string {
    return this.at(this.cells.funderRows[i] as number, FUNDER_COLUMN[column]);
  }
  commitment(i: number, column: keyof typeof COMMITMENT_COLUMN): string {
    return this.at(this.cells.commitmentRows[i] as number, COMMITMENT_COLUMN[column]);
  }
  category(i: number): string {
    return this.at(this.cells.categoryRows[i] as number, 1);
  }
}

/** A text cell of the convention, blank when it is (a bare reference would show 0). */
function textOf(ref: string): string {
  return `=IF(ISBLANK(${ref}),"",${ref})`;
}

/** A number of the convention, blank when it is. */
function numberOf(ref: string): string {
  return `=IF(ISBLANK(${ref}),"",${ref})`;
}

// ——— Budget ———

export const BUDGET_HEADER = ["Type dépense", "Nbre", "Unité", "Coût unitaire", "Total", "Descriptif"];
/** Row of the first budget line; column E holds each line's total. */
export const BUDGET_FIRST_ROW = 2;
const BUDGET_TOTAL_COLUMN = "E";

/** The total of budget line `i` on the budget sheet, which the plan and the report read. */
function budgetTotal(c: ConventionDefinition, i: number): string {
  return sheetRef(c.sheets.budget, `${BUDGET_TOTAL_COLUMN}${BUDGET_FIRST_ROW + i}`);
}

export function budgetLayout(c: ConventionDefinition, cells: ConventionSheetCells): SheetLayout {
  const source = new Source(cells);
  const last = BUDGET_FIRST_ROW + c.lines.length - 1;
  const wholeQuantities = c.lines.every((l) => Number.isInteger(l.quantity));
  const quantityFormat = wholeQuantities ? FORMAT.integer : "#,##0.00";
  const rowFormats = [FORMAT.text, quantityFormat, FORMAT.text, FORMAT.euros, FORMAT.euros, FORMAT.text];
  return {
    name: c.sheets.budget,
    frozenRows: 1,
    columnWidths: [300, 60, 80, 110, 110, 340],
    blocks: [
      { row: 1, column: 1, values: [BUDGET_HEADER], bold: true, background: HEADER_BACKGROUND, wrap: true },
      {
        row: BUDGET_FIRST_ROW,
        column: 1,
        values: c.lines.map((_, i) => {
          const row = BUDGET_FIRST_ROW + i;
          return [
            textOf(source.line(i, "type")),
            `=${source.line(i, "quantity")}`,
            textOf(source.line(i, "unit")),
            `=COUT_UNITAIRE(E${row},B${row})`,
            `=${source.line(i, "total")}`,
            textOf(source.line(i, "description")),
          ];
        }),
        numberFormat: c.lines.map(() => rowFormats),
        wrap: true,
      },
      {
        row: last + 1,
        column: 1,
        values: [
          [
            "Total",
            "",
            "",
            "",
            `=SUM(${BUDGET_TOTAL_COLUMN}${BUDGET_FIRST_ROW}:${BUDGET_TOTAL_COLUMN}${last})`,
            "",
          ],
        ],
        numberFormat: [rowFormats],
        bold: true,
        background: TOTAL_BACKGROUND,
      },
    ],
  };
}

// ——— Financing plan ———

export interface PieChartSpec {
  readonly range: string;
  readonly title: string;
  /** Top-left cell the chart is anchored to, and its size in pixels. */
  readonly row: number;
  readonly column: number;
  readonly width: number;
  readonly height: number;
}

export interface PlanSheet {
  readonly layout: SheetLayout;
  readonly chart: PieChartSpec;
}

const PLAN_ROW = 3;
const INPUT_COLUMN = 8; // H: category blocks (then the ventilation below them)
const RECEIPTS_COLUMN = 11; // K: funder, L: amount, M: share

function range(column: number, first: number, lastColumn: number, last: number): string {
  return `${columnLetter(column)}${first}:${columnLetter(lastColumn)}${last}`;
}

function absolute(column: number, first: number, last: number): string {
  const letter = columnLetter(column);
  return `$${letter}$${first}:$${letter}$${last}`;
}

export function planSheet(c: ConventionDefinition, cells: ConventionSheetCells): PlanSheet {
  const source = new Source(cells);
  const title = (row: number, column: number, text: string): Block => ({
    row,
    column,
    values: [[text]],
    bold: true,
  });
  const header = (row: number, column: number, titles: string[]): Block => ({
    row,
    column,
    values: [titles],
    bold: true,
    background: HEADER_BACKGROUND,
  });

  // Inputs beside the plan: charges by category (the plan's `depenses`), each summing the
  // ventilation of the budget lines below, which follows the convention sheet line by line.
  const inputFirst = PLAN_ROW + 2;
  const categoriesLast = inputFirst + c.categories.length - 1;
  const receiptsLast = inputFirst + c.funders.length - 1;
  const ventilationFirst = Math.max(categoriesLast, receiptsLast) + 4;
  const ventilationLast = ventilationFirst + c.lines.length - 1;
  const V = { type: INPUT_COLUMN, category: INPUT_COLUMN + 1, amount: INPUT_COLUMN + 2 };
  const X = { category: INPUT_COLUMN + 3, amount: INPUT_COLUMN + 4 };
  const sumOf = (categoryColumn: number, amountColumn: number, row: number) =>
    `SUMPRODUCT((${absolute(categoryColumn, ventilationFirst, ventilationLast)}=${columnLetter(INPUT_COLUMN)}${row})*${absolute(
      amountColumn,
      ventilationFirst,
      ventilationLast,
    )})`;
  const charges: Block[] = [
    title(PLAN_ROW, INPUT_COLUMN, "Charges par catégorie (données du plan)"),
    header(PLAN_ROW + 1, INPUT_COLUMN, ["Catégorie", "Montant"]),
    {
      row: inputFirst,
      column: INPUT_COLUMN,
      values: c.categories.map((_, i) => {
        const row = inputFirst + i;
        // Amounts in cents summed as numbers: ROUND(…, 2) gives back the exact cents the float sum approaches.
        return [
          textOf(source.category(i)),
          `=ROUND(${sumOf(V.category, V.amount, row)}+${sumOf(X.category, X.amount, row)},2)`,
        ];
      }),
      numberFormat: c.categories.map(() => [FORMAT.text, FORMAT.euros]),
      wrap: true,
    },
    title(ventilationFirst - 2, INPUT_COLUMN, "Ventilation des lignes du budget"),
    header(ventilationFirst - 1, INPUT_COLUMN, [
      "Type dépense",
      "Catégorie",
      "Montant",
      "Catégorie de la part externe",
      "Part externe",
    ]),
    {
      row: ventilationFirst,
      column: INPUT_COLUMN,
      values: c.lines.map((_, i) => [
        textOf(source.line(i, "type")),
        textOf(source.line(i, "category")),
        // The line's total as the budget sheet shows it (the convention's, or what was typed over it).
        `=ROUND(${budgetTotal(c, i)}-N(${source.line(i, "external")}),2)`,
        textOf(source.line(i, "externalCategory")),
        `=N(${source.line(i, "external")})`,
      ]),
      numberFormat: c.lines.map(() => [FORMAT.text, FORMAT.text, FORMAT.euros, FORMAT.text, FORMAT.euros]),
      wrap: true,
    },
  ];
  const mode = (i: number) => `LOWER(TRIM(${source.funder(i, "mode")}))`;
  const receipts: Block[] = [
    title(PLAN_ROW, RECEIPTS_COLUMN, "Recettes (données du plan)"),
    header(PLAN_ROW + 1, RECEIPTS_COLUMN, ["Financeur", "Montant", "Part"]),
    {
      row: inputFirst,
      column: RECEIPTS_COLUMN,
      values: c.funders.map((_, i): LayoutCell[] => [
        textOf(source.funder(i, "name")),
        `=IF(${mode(i)}="${FUNDER_MODE.solde}","solde",IF(${mode(i)}="${FUNDER_MODE.fixed}",${source.funder(i, "amount")},""))`,
        `=IF(${mode(i)}="${FUNDER_MODE.share}",${source.funder(i, "share")},"")`,
      ]),
      numberFormat: c.funders.map(() => [FORMAT.text, FORMAT.euros, FORMAT.percentOneDecimal]),
    },
  ];

  // The plan itself: one formula whose table spills over A:F, one line per category and per
  // funder (the categories are distinct), then the totals.
  const planHeight = 1 + Math.max(c.categories.length, c.funders.length) + 1;
  const planLast = PLAN_ROW + planHeight - 1;
  const formula = `=PLAN_FINANCEMENT(${range(INPUT_COLUMN, inputFirst, INPUT_COLUMN + 1, categoriesLast)},${range(
    RECEIPTS_COLUMN,
    inputFirst,
    RECEIPTS_COLUMN + 2,
    receiptsLast,
  )})`;
  const planFormats = [FORMAT.text, FORMAT.euros, FORMAT.percent, FORMAT.text, FORMAT.euros, FORMAT.percent];
  const planBlock: Block = {
    row: PLAN_ROW,
    column: 1,
    values: Array.from({ length: planHeight }, (_, r) =>
      r === 0 ? [formula, "", "", "", "", ""] : ["", "", "", "", "", ""],
    ),
    numberFormat: Array.from({ length: planHeight }, () => planFormats),
  };

  // The programme's share in the network's budget: the network's figures from the convention
  // sheet, the programme's from the plan above (its receipts in the funders' order, its total).
  const shareRow = planLast + 3;
  const funder = source.general("funderName");
  const income = source.general("networkIncome");
  const expenses = source.general("networkExpenses");
  const name = (i: number) => `${columnLetter(RECEIPTS_COLUMN)}${inputFirst + i}`;
  const receiptAmount = (i: number) => `E${PLAN_ROW + 1 + i}`;
  const shareValues: LayoutCell[][] = [
    [
      "Part du programme dans le budget de Lianes coopération",
      textOf(source.general("networkLabel")),
      `="Part intervention "&${funder}`,
    ],
    ["Produits", `=${income}`, ""],
    ...c.funders.map((_, i): LayoutCell[] => [
      `=IF(${name(i)}=${funder},"dont "&${name(i)},"dont cofinancement "&${name(i)}&" du programme")`,
      `=${receiptAmount(i)}`,
      `=IF(${name(i)}=${funder},ROUND(${receiptAmount(i)}/${income},3),"")`,
    ]),
    ["Charges", `=${expenses}`, ""],
    [`="dont programme "&${funder}`, `=B${planLast}`, `=ROUND(B${planLast}/${expenses},3)`],
    [`="Résultat budgété "&${source.general("year")}`, `=ROUND(${income}-${expenses},2)`, ""],
    [`="dont résultat programme "&${funder}`, `=ROUND(E${planLast}-B${planLast},2)`, ""],
  ];
  const shareBlocks: Block[] = [
    {
      row: shareRow,
      column: 1,
      values: [shareValues[0] as LayoutCell[]],
      bold: true,
      background: HEADER_BACKGROUND,
      wrap: true,
    },
    {
      row: shareRow + 1,
      column: 1,
      values: shareValues.slice(1),
      numberFormat: shareValues.slice(1).map(() => [FORMAT.text, FORMAT.euros, FORMAT.percentOneDecimal]),
    },
  ];

  const receiptsFirst = PLAN_ROW + 1;
  return {
    layout: {
      name: c.sheets.plan,
      columnWidths: [330, 110, 60, 130, 110, 60, 30, 300, 300, 110, 260, 110, 80],
      blocks: [
        { row: 1, column: 1, values: [[`="Plan de financement — "&${source.general("label")}`]], bold: true },
        planBlock,
        ...charges,
        ...receipts,
        ...shareBlocks,
      ],
    },
    chart: {
      range: range(4, receiptsFirst, 5, receiptsFirst + c.funders.length - 1),
      title: "Recettes par financeur",
      // Below the share block, over columns A–C: clear of the inputs and of the plan's spill.
      row: shareRow + shareValues.length + 1,
      column: 1,
      width: 480,
      height: 300,
    },
  };
}

// ——— Report (bilan: Article 5's prorata, Article 2's activity report, Article 3's due date) ———

export const REPORT_HEADER = ["Type dépense", "Prévu", "Réalisé", "Taux d'exécution"];
export const ACTIVITY_TITLE = "Rapport d'activité (article 2)";
export const ACTIVITY_HEADER = ["Action", "Prévu", "Réalisé", "Taux d'exécution", "Commentaire"];
export const DUE_LABEL = "Bilan à remettre au plus tard le (article 3)";
export const SUBMITTED_LABEL = "Bilan remis le";
export const REPORT_STATE_LABEL = "État du bilan";
/** Sheets' red for what is late. */
export const LATE_RED = "#d93025";
const LATE_BACKGROUND = "#fce8e6";

/** What the Bilan shows instead of a rate or a total when a realised cell is not an amount. */
const AMOUNT_TO_FIX = "Montant à corriger";
const AMOUNTS_TO_FIX = "Montants à corriger";
const NUMBER_TO_FIX = "Nombre à corriger";

/** A realised cell as the user left it: a typed value (text stays text), or their own formula. */
export type RealisedValue = LayoutCell | { readonly formula: string };

/** Realised amounts the user typed, by budget line type (matched case-, accent- and space-insensitively). */
export type RealisedAmounts = ReadonlyMap<string, RealisedValue>;

/** What the user typed in a report, kept when it is written again. */
export interface ReportInputs {
  /** Realised amounts, by budget line type. */
  readonly amounts: RealisedAmounts;
  /** Realised quantity and comment, by commitment action. */
  readonly activity: ReadonlyMap<
    string,
    { readonly realised: RealisedValue; readonly comment: RealisedValue }
  >;
  /** The date the report was handed in, as typed. */
  readonly submitted: RealisedValue;
}

export const NO_REPORT_INPUTS: ReportInputs = { amounts: new Map(), activity: new Map(), submitted: "" };

export function realisedKey(type: string): string {
  return normalizeCategoryName(type);
}

function kept(value: RealisedValue | undefined): LayoutCell {
  if (value === undefined) return "";
  if (typeof value === "object") return value.formula;
  return typeof value === "string" ? asText(value) : value;
}

/** Rows of the report, for the writer and for reading back what the user typed. */
export function reportRows(c: ConventionDefinition): {
  first: number;
  last: number;
  total: number;
  terms: number;
  activityHeader: number;
  activityFirst: number;
  due: number;
  submitted: number;
  state: number;
} {
  const first = BUDGET_FIRST_ROW;
  const last = first + c.lines.length - 1;
  const total = last + 1;
  const terms = total + 2;
  const activityTitle = terms + 6;
  const activityHeader = activityTitle + 1;
  const activityFirst = activityHeader + 1;
  const due = activityFirst + Math.max(c.commitments.length, 1) + 1;
  return {
    first,
    last,
    total,
    terms,
    activityHeader,
    activityFirst,
    due,
    submitted: due + 1,
    state: due + 2,
  };
}

export function reportLayout(
  c: ConventionDefinition,
  cells: ConventionSheetCells,
  inputs: ReportInputs = NO_REPORT_INPUTS,
): SheetLayout {
  const source = new Source(cells);
  const rows = reportRows(c);
  const { first, last, total, terms } = rows;
  const lineFormats = [FORMAT.text, FORMAT.euros, FORMAT.euros, FORMAT.percentOneDecimal];
  const activityFormats = [FORMAT.text, "0.##", "0.##", FORMAT.percentOneDecimal, FORMAT.text];
  const activity = c.commitments.map((k, i): LayoutCell[] => {
    const row = rows.activityFirst + i;
    const typed = inputs.activity.get(realisedKey(k.action));
    return [
      textOf(source.commitment(i, "action")),
      numberOf(source.commitment(i, "planned")),
      kept(typed?.realised),
      // A qualitative commitment (nothing planned) has no rate; its realised cell may say what was done.
      `=IF(OR(B${row}="",C${row}=""),"",IF(ISNUMBER(C${row}),C${row}/B${row},"${NUMBER_TO_FIX}"))`,
      kept(typed?.comment),
    ];
  });
  const { due, submitted, state } = rows;
  const late: ConditionalFormat = {
    row: due,
    column: 2,
    rows: 1,
    columns: 1,
    formula: `=AND(ISNUMBER($B$${due}),$B$${submitted}="",TODAY()>$B$${due})`,
    fontColor: LATE_RED,
    background: LATE_BACKGROUND,
    bold: true,
  };
  return {
    name: c.sheets.report,
    frozenRows: 1,
    // The realised column takes amounts only: Sheets refuses anything else as it is typed.
    validations: [{ row: first, column: 3, rows: c.lines.length, columns: 1, rule: "amount" }],
    conditionalFormats: [late, { ...late, row: state, formula: late.formula }],
    columnWidths: [330, 120, 120, 120, 300],
    // Realised against planned, per budget line and per commitment, right of the tables (column G).
    charts: [
      {
        kind: "bar",
        title: "Réalisé et prévu par ligne du budget",
        data: { row: 1, column: 1, rows: c.lines.length + 1, columns: 3 },
        anchor: { row: 1, column: 7 },
        width: 520,
        height: Math.max(220, 40 * c.lines.length + 80),
      },
      ...(c.commitments.length > 0
        ? [
            {
              kind: "bar" as const,
              title: "Engagements de l'article 2 : réalisé et prévu",
              data: { row: rows.activityHeader, column: 1, rows: c.commitments.length + 1, columns: 3 },
              anchor: { row: rows.activityHeader, column: 7 },
              width: 520,
              height: Math.max(200, 34 * c.commitments.length + 80),
            },
          ]
        : []),
    ],
    blocks: [
      { row: 1, column: 1, values: [REPORT_HEADER], bold: true, background: HEADER_BACKGROUND, wrap: true },
      {
        row: first,
        column: 1,
        values: c.lines.map((l, i) => {
          const row = first + i;
          return [
            textOf(source.line(i, "type")),
            `=${budgetTotal(c, i)}`,
            kept(inputs.amounts.get(realisedKey(l.type))),
            `=IF(C${row}="","",IF(ISNUMBER(C${row}),C${row}/B${row},"${AMOUNT_TO_FIX}"))`,
          ];
        }),
        numberFormat: c.lines.map(() => lineFormats),
        wrap: true,
      },
      {
        row: total,
        column: 1,
        values: [
          [
            "Total",
            `=SUM(B${first}:B${last})`,
            `=IF(SUMPRODUCT(ISTEXT(C${first}:C${last})*(C${first}:C${last}<>""))>0,"${AMOUNTS_TO_FIX}",IF(COUNT(C${first}:C${last})=0,"",SUM(C${first}:C${last})))`,
            `=IF(ISNUMBER(C${total}),C${total}/B${total},"")`,
          ],
        ],
        numberFormat: [lineFormats],
        bold: true,
        background: TOTAL_BACKGROUND,
      },
      {
        row: terms,
        column: 1,
        values: [
          ["Subvention accordée (article 4)", `=${source.general("subsidy")}`],
          ["Coût total prévisionnel (article 4)", `=${source.general("forecastTotal")}`],
          [
            "Subvention due (article 5)",
            `=IF(ISNUMBER(C${total}),PRORATA_SUBVENTION(B${terms},B${terms + 1},C${total}),"")`,
          ],
        ],
        numberFormat: [0, 1, 2].map(() => [FORMAT.text, FORMAT.euros]),
      },
      {
        row: terms + 4,
        column: 1,
        values: [
          [
            "Article 4 : l'intervention du financeur est plafonnée à la subvention accordée, sur le coût total prévisionnel. " +
              "Article 5 : si les dépenses réalisées sont inférieures, la subvention est calculée au prorata du taux d'exécution.",
          ],
        ],
        wrap: true,
      },
      {
        row: rows.activityHeader - 1,
        column: 1,
        values: [[ACTIVITY_TITLE, "", "", "", ""]],
        bold: true,
        background: TITLE_BACKGROUND,
      },
      {
        row: rows.activityHeader,
        column: 1,
        values: [ACTIVITY_HEADER],
        bold: true,
        background: HEADER_BACKGROUND,
        wrap: true,
      },
      ...(activity.length > 0
        ? [
            {
              row: rows.activityFirst,
              column: 1,
              values: activity,
              numberFormat: activity.map(() => activityFormats),
              wrap: true,
            },
          ]
        : [
            {
              row: rows.activityFirst,
              column: 1,
              values: [["Aucun engagement dans la convention (section « Engagements (article 2) »)."]],
            },
          ]),
      {
        row: due,
        column: 1,
        values: [
          [DUE_LABEL, `=${source.general("reportDue")}`],
          [SUBMITTED_LABEL, kept(inputs.submitted)],
          [
            REPORT_STATE_LABEL,
            `=IF(ISNUMBER(B${submitted}),"Remis",IF(B${submitted}<>"","Date à corriger",IF(TODAY()>B${due},"En retard","À remettre")))`,
          ],
        ],
        numberFormat: [
          [FORMAT.text, FORMAT.date],
          [FORMAT.text, FORMAT.date],
          [FORMAT.text, FORMAT.text],
        ],
        bold: true,
      },
    ],
  };
}

/** The convention's sheets in writing order, with the plan's chart (for the menu action and the local demo). */
export function conventionLayouts(
  c: ConventionDefinition,
  cells: ConventionSheetCells,
  inputs: ReportInputs = NO_REPORT_INPUTS,
): { budget: SheetLayout; plan: PlanSheet; report: SheetLayout } {
  return {
    budget: budgetLayout(c, cells),
    plan: planSheet(c, cells),
    report: reportLayout(c, cells, inputs),
  };
}
