/**
 * The convention's financing-plan sheet as data: a live PLAN_FINANCEMENT fed by the budget sheet,
 * its inputs beside it, the programme's share in the network's budget, and the pie chart of
 * receipts. Pure.
 */
import { allocations, type ConventionDefinition, conventionPlan, programmeShare } from "../core/convention";
import { centsToEuros } from "../core/decimal";
import { formatEuros } from "../core/money";
import { BUDGET_FIRST_ROW, BUDGET_TOTAL_COLUMN } from "./convention-budget";
import { euros, HEADER_BACKGROUND, sheetRef } from "./convention-cells";
import { asText, type Block, columnLetter, FORMAT, type LayoutCell, type SheetLayout } from "./sheet-layout";

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
      values: parts.map((p) => [
        asText(p.type),
        asText(p.category),
        // A split line's parts are fixed amounts of the definition; a whole line follows the budget sheet.
        splitLines.has(p.line)
          ? centsToEuros(p.amount)
          : `=${sheetRef(c.sheets.budget, `${BUDGET_TOTAL_COLUMN}${BUDGET_FIRST_ROW + p.line}`)}`,
      ]),
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
  const shareValues: LayoutCell[][] = [
    [
      "Part du programme dans le budget de Lianes coopération",
      asText(share.label),
      `Part intervention ${funder}`,
    ],
    ["Produits", centsToEuros(share.income), ""],
    ...share.receipts.map((r): LayoutCell[] => [
      asText(r.name === funder ? `dont ${r.name}` : `dont cofinancement ${r.name} du programme`),
      centsToEuros(r.amount),
      r.perMille === undefined ? "" : r.perMille / 1000,
    ]),
    ["Charges", centsToEuros(share.expenses), ""],
    [asText(`dont programme ${funder}`), centsToEuros(share.programme), share.programmePerMille / 1000],
    [`Résultat budgété ${c.year}`, centsToEuros(share.result), ""],
    [asText(`dont résultat programme ${funder}`), centsToEuros(share.programmeResult), ""],
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
