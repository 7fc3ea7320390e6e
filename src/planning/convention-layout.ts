/**
 * A convention's three sheets as data: the budget table with live unit costs, the financing
 * plan (a live PLAN_FINANCEMENT fed by the budget sheet, its inputs beside it, the programme's
 * share in the network's budget, a pie chart of receipts), and the Article 5 report. Pure:
 * written to Sheets by `writeLayout`.
 */
import {
  allocations,
  budgetLines,
  type ConventionDefinition,
  conventionPlan,
  programmeShare,
} from "../core/convention";
import { cents, centsToEuros } from "../core/decimal";
import { normalizeCategoryName } from "../core/explor/category-names";
import { formatEuros } from "../core/money";
import { asText, type Block, columnLetter, FORMAT, type LayoutCell, type SheetLayout } from "./sheet-layout";

const HEADER_BACKGROUND = "#e8eaed";
const TOTAL_BACKGROUND = "#f1f3f4";

/** `'Budget CD62'!E2`: a cell of another sheet, its name quoted as Sheets wants. */
export function sheetRef(sheetName: string, address: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${address}`;
}

function euros(amount: number): number {
  return centsToEuros(cents(Math.round(amount * 100)));
}

// ——— Budget ———

export const BUDGET_HEADER = ["Type dépense", "Nbre", "Unité", "Coût unitaire", "Total", "Descriptif"];
/** Row of the first budget line; column E holds each line's total. */
export const BUDGET_FIRST_ROW = 2;
const BUDGET_TOTAL_COLUMN = "E";

export function budgetLayout(c: ConventionDefinition): SheetLayout {
  const lines = budgetLines(c);
  const last = BUDGET_FIRST_ROW + lines.length - 1;
  const wholeQuantities = lines.every((l) => Number.isInteger(l.quantity));
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
        values: lines.map((l, i) => {
          const row = BUDGET_FIRST_ROW + i;
          return [
            asText(l.type),
            l.quantity,
            asText(l.unit),
            `=COUT_UNITAIRE(E${row},B${row})`,
            centsToEuros(l.total),
            asText(l.description),
          ];
        }),
        numberFormat: lines.map(() => rowFormats),
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

export function planSheet(c: ConventionDefinition): PlanSheet {
  const parts = allocations(c);
  const plan = conventionPlan(c);
  const share = programmeShare(c, plan);
  const splitLines = new Set(c.lines.flatMap((l, i) => (l.split ? [i] : [])));
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

  // Inputs beside the plan. Charges by category (the plan's `depenses`), each summing the
  // ventilation of the budget lines below it, which follows the budget sheet.
  const inputFirst = PLAN_ROW + 2;
  const categoriesLast = inputFirst + c.categories.length - 1;
  const ventilationFirst = categoriesLast + 4;
  const ventilationLast = ventilationFirst + parts.length - 1;
  const [typeColumn, categoryColumn, amountColumn] = [INPUT_COLUMN, INPUT_COLUMN + 1, INPUT_COLUMN + 2];
  const charges: Block[] = [
    title(PLAN_ROW, INPUT_COLUMN, "Charges par catégorie (données du plan)"),
    header(PLAN_ROW + 1, INPUT_COLUMN, ["Catégorie", "Montant"]),
    {
      row: inputFirst,
      column: INPUT_COLUMN,
      values: c.categories.map((category, i) => [
        asText(category),
        `=SUMIF(${absolute(categoryColumn, ventilationFirst, ventilationLast)},${columnLetter(INPUT_COLUMN)}${
          inputFirst + i
        },${absolute(amountColumn, ventilationFirst, ventilationLast)})`,
      ]),
      numberFormat: c.categories.map(() => [FORMAT.text, FORMAT.euros]),
      wrap: true,
    },
    title(ventilationFirst - 2, INPUT_COLUMN, "Ventilation des lignes du budget"),
    header(ventilationFirst - 1, INPUT_COLUMN, ["Type dépense", "Catégorie", "Montant"]),
    {
      row: ventilationFirst,
      column: typeColumn,
      values: parts.map((p, i) => {
        const budgetCell = sheetRef(c.sheets.budget, `${BUDGET_TOTAL_COLUMN}${BUDGET_FIRST_ROW + p.line}`);
        if (!splitLines.has(p.line)) return [asText(p.type), asText(p.category), `=${budgetCell}`];
        // A split line: its other parts are amounts typed here (2 000 € of staff time, 1 400 € of
        // external design); its first part is what the budget line leaves, so editing the budget
        // (or a part) updates the plan.
        const first = parts.findIndex((q) => q.line === p.line);
        if (i !== first) return [asText(p.type), asText(p.category), centsToEuros(p.amount)];
        const others = parts.flatMap((q, j) => (q.line === p.line && j !== first ? [j] : []));
        const otherCells = others.map((j) => `${columnLetter(amountColumn)}${ventilationFirst + j}`);
        return [asText(p.type), asText(p.category), `=${budgetCell}-SUM(${otherCells.join(",")})`];
      }),
      numberFormat: parts.map(() => [FORMAT.text, FORMAT.text, FORMAT.euros]),
      wrap: true,
    },
  ];
  const receiptsLast = inputFirst + c.funders.length - 1;
  const receipts: Block[] = [
    title(PLAN_ROW, RECEIPTS_COLUMN, "Recettes (données du plan)"),
    header(PLAN_ROW + 1, RECEIPTS_COLUMN, ["Financeur", "Montant", "Part"]),
    {
      row: inputFirst,
      column: RECEIPTS_COLUMN,
      values: c.funders.map((f): LayoutCell[] => [
        asText(f.name),
        f.kind === "fixed" ? euros(f.amount) : f.kind === "solde" ? "solde" : "",
        f.kind === "share" ? f.share : "",
      ]),
      numberFormat: c.funders.map(() => [FORMAT.text, FORMAT.euros, FORMAT.percentOneDecimal]),
    },
  ];

  // The plan itself: one formula whose table spills over A:F.
  // Its height is bounded by its inputs' (one line per category row, one per funder row).
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

  // The programme's share in the network's budget.
  const shareRow = planLast + 3;
  const funder = c.funder.name;
  // Formulas on the network's figures (typed in B) and on the plan above: editing the budget
  // or a figure updates the block. Shares are rounded to a tenth of a percent, as shown.
  const incomeRow = shareRow + 1;
  const expensesRow = incomeRow + share.receipts.length + 1;
  const planTotals = planLast;
  const ratio = (row: number, of: number) => `=ROUND(B${row}/B${of},3)`;
  const shareValues: LayoutCell[][] = [
    [
      "Part du programme dans le budget de Lianes coopération",
      asText(share.label),
      `Part intervention ${funder}`,
    ],
    ["Produits", centsToEuros(share.income), ""],
    ...share.receipts.map((r, i): LayoutCell[] => [
      asText(r.name === funder ? `dont ${r.name}` : `dont cofinancement ${r.name} du programme`),
      `=E${PLAN_ROW + 1 + i}`,
      r.perMille === undefined ? "" : ratio(incomeRow + 1 + i, incomeRow),
    ]),
    ["Charges", centsToEuros(share.expenses), ""],
    [asText(`dont programme ${funder}`), `=B${planTotals}`, ratio(expensesRow + 1, expensesRow)],
    [`Résultat budgété ${c.year}`, `=B${incomeRow}-B${expensesRow}`, ""],
    [asText(`dont résultat programme ${funder}`), `=E${planTotals}-B${planTotals}`, ""],
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
      columnWidths: [330, 110, 60, 130, 110, 60, 30, 300, 300, 110, 120, 110, 80],
      blocks: [
        { row: 1, column: 1, values: [[asText(`Plan de financement — ${c.label}`)]], bold: true },
        planBlock,
        ...charges,
        ...receipts,
        ...shareBlocks,
      ],
    },
    chart: {
      range: range(4, receiptsFirst, 5, receiptsFirst + c.funders.length - 1),
      title: `Recettes par financeur (${formatEuros(plan.total)})`,
      // Below the share block, over columns A–C: clear of the inputs and of the plan's spill.
      row: shareRow + shareValues.length + 1,
      column: 1,
      width: 480,
      height: 300,
    },
  };
}

// ——— Report (bilan, Article 5) ———

export const REPORT_HEADER = ["Type dépense", "Prévu", "Réalisé", "Taux d'exécution"];

/** What the Bilan shows instead of a rate or a total when a realised cell is not an amount. */
const AMOUNT_TO_FIX = "Montant à corriger";
const AMOUNTS_TO_FIX = "Montants à corriger";

/** A realised cell as the user left it: a typed value (text stays text), or their own formula. */
export type RealisedValue = LayoutCell | { readonly formula: string };

/** Realised amounts the user typed, by budget line type (matched case-, accent- and space-insensitively). */
export type RealisedAmounts = ReadonlyMap<string, RealisedValue>;

export function realisedKey(type: string): string {
  return normalizeCategoryName(type);
}

export function reportLayout(c: ConventionDefinition, realised: RealisedAmounts = new Map()): SheetLayout {
  const first = BUDGET_FIRST_ROW;
  const last = first + c.lines.length - 1;
  const total = last + 1;
  const terms = total + 2;
  const lineFormats = [FORMAT.text, FORMAT.euros, FORMAT.euros, FORMAT.percentOneDecimal];
  const kept = (type: string): LayoutCell => {
    const value = realised.get(realisedKey(type));
    if (value === undefined) return "";
    if (typeof value === "object") return value.formula;
    return typeof value === "string" ? asText(value) : value;
  };
  return {
    name: c.sheets.report,
    frozenRows: 1,
    // The realised column takes amounts only: Sheets refuses anything else as it is typed.
    validations: [{ row: first, column: 3, rows: c.lines.length, columns: 1, rule: "amount" }],
    columnWidths: [330, 120, 120, 120],
    blocks: [
      { row: 1, column: 1, values: [REPORT_HEADER], bold: true, background: HEADER_BACKGROUND, wrap: true },
      {
        row: first,
        column: 1,
        values: c.lines.map((l, i) => {
          const row = first + i;
          return [
            asText(l.type),
            `=${sheetRef(c.sheets.budget, `${BUDGET_TOTAL_COLUMN}${row}`)}`,
            kept(l.type),
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
          ["Subvention accordée (article 4)", euros(c.subsidy)],
          ["Coût total prévisionnel (article 4)", euros(c.forecastTotal)],
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
            asText(
              `Article 4 : l'intervention du ${c.funder.label} est plafonnée à ${formatEuros(
                cents(Math.round(c.subsidy * 100)),
              )} sur un coût total prévisionnel de ${formatEuros(cents(Math.round(c.forecastTotal * 100)))}. ` +
                "Article 5 : si les dépenses réalisées sont inférieures, la subvention est calculée au prorata du taux d'exécution.",
            ),
          ],
        ],
        wrap: true,
      },
    ],
  };
}

/** The convention's sheets in writing order, with the plan's chart (for the menu action and the local demo). */
export function conventionLayouts(
  c: ConventionDefinition,
  realised: RealisedAmounts = new Map(),
): { budget: SheetLayout; plan: PlanSheet; report: SheetLayout } {
  return { budget: budgetLayout(c), plan: planSheet(c), report: reportLayout(c, realised) };
}
