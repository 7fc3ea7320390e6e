/**
 * The EXPLOR mission sheet as data: one section per mission (its rule set, the Annexe 2
 * categories or given lines, live formulas for euros, ceilings, eligible amounts, receipts,
 * totals) and a décompte spilled beside it. Pure: written to Sheets by `writeLayout`.
 */
import { toCents } from "../core/decimal";
import { DEFAULT_RULE_SET_ID, OTHER_EXPENSE_LABEL, ruleSetById } from "../core/explor";
import { formatEuros } from "../core/money";
import {
  asText,
  type Block,
  columnLetter,
  FORMAT,
  type LayoutCell,
  type SheetLayout,
  type ValidatedRange,
} from "./sheet-layout";

export const MISSION_SHEET_NAME = "Mission EXPLOR";

export interface ReceiptInput {
  /** As the user would type it, e.g. `12/07/2025`. */
  readonly date?: string;
  readonly supplier?: string;
  readonly service?: string;
  readonly amount?: number | string;
}

export interface MissionLineInput {
  readonly category: string;
  /** In the payment's currency. */
  readonly amount?: number | string;
  /** ISO code; blank or EUR means euros. */
  readonly currency?: string;
  /** InfoEuro rate: units of the currency for 1 EUR. */
  readonly rate?: number | string;
  /** Month of the InfoEuro rate, `AAAA-MM`. */
  readonly month?: string;
  readonly days?: number;
  readonly receipt?: ReceiptInput;
}

/** Before the mission, receipts are not yet expected; in the final décompte, no receipt, no refund. */
export const STAGES = ["Prévisionnel", "Décompte final"] as const;
export type StageLabel = (typeof STAGES)[number];

export interface MissionInput {
  readonly title?: string;
  readonly ruleSetId?: string;
  /** Default Prévisionnel. */
  readonly stage?: StageLabel;
  /** Lines to pre-fill; without them, one empty line per category of the rule set. */
  readonly lines?: readonly MissionLineInput[];
  /** Empty lines left after the pre-filled ones for other expenses. */
  readonly blankRows?: number;
}

export interface MissionSheetOptions {
  readonly name?: string;
  readonly missions?: readonly MissionInput[];
}

/** Columns of a mission's lines, 1-based, in sheet order. */
export const MISSION_COLUMNS = {
  category: 1,
  amount: 2,
  currency: 3,
  rate: 4,
  month: 5,
  euros: 6,
  days: 7,
  ceiling: 8,
  eligible: 9,
  receiptDate: 10,
  supplier: 11,
  service: 12,
  receiptAmount: 13,
  receiptCheck: 14,
} as const;

const HEADERS = [
  "Catégorie",
  "Montant (devise)",
  "Devise",
  "Taux InfoEuro",
  "Mois du taux",
  "Montant en €",
  "Jours",
  "Plafond",
  "Montant éligible",
  "Date du justificatif",
  "Fournisseur",
  "Prestation",
  "Montant du justificatif",
  "Justificatif complet (décompte final)",
];

const WIDTH = HEADERS.length;
/** A mission's rule-set id sits in its title row, in this column; its formulas refer to it. */
export const RULE_COLUMN = 3;
/** Its stage (Prévisionnel, Décompte final) sits in the title row too, in this column. */
export const STAGE_COLUMN = 5;
/** The décompte spills here, one empty column to the right of the lines. */
export const DECOMPTE_COLUMN = WIDTH + 2;
const DECOMPTE_WIDTH = 5;
/** Rows under a mission's lines: expenses, eligible before and after the mission cap, contribution, rest. */
const TOTAL_ROWS = 5;

const FOREIGN_AMOUNT = "#,##0.00#";
const RATE = "#,##0.0000##";
const LINE_FORMATS = [
  FORMAT.text,
  FOREIGN_AMOUNT,
  FORMAT.text,
  RATE,
  FORMAT.text,
  FORMAT.euros,
  FORMAT.integer,
  FORMAT.euros,
  FORMAT.euros,
  FORMAT.date,
  FORMAT.text,
  FORMAT.text,
  FOREIGN_AMOUNT,
  FORMAT.text,
];

const HEADER_BACKGROUND = "#e8f0fe";
const MISSION_BACKGROUND = "#f1f3f4";
const DEFAULT_BLANK_ROWS = 5;

function cell(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

function span(column: number, first: number, last: number): string {
  return `${cell(column, first)}:${cell(column, last)}`;
}

function text(value: string | undefined): string {
  return value === undefined ? "" : asText(value);
}

function lineValues(line: MissionLineInput | undefined, row: number, stage: string): LayoutCell[] {
  const c = MISSION_COLUMNS;
  const amount = cell(c.amount, row);
  const currency = cell(c.currency, row);
  const receipt = [c.receiptDate, c.supplier, c.service, c.receiptAmount].map((k) => `${cell(k, row)}=""`);
  const values: LayoutCell[] = new Array<LayoutCell>(WIDTH).fill("");
  const set = (column: number, value: LayoutCell) => {
    values[column - 1] = value;
  };
  set(c.category, text(line?.category));
  set(c.amount, line?.amount ?? "");
  set(c.currency, text(line?.currency));
  set(c.rate, line?.rate ?? "");
  set(c.month, text(line?.month));
  set(
    c.euros,
    `=IF(${amount}="","",IF(OR(${currency}="",UPPER(${currency})="EUR"),${amount},CONVERTIR_EUR(${amount},${cell(c.rate, row)})))`,
  );
  set(c.days, line?.days ?? "");
  set(c.receiptDate, text(line?.receipt?.date));
  set(c.supplier, text(line?.receipt?.supplier));
  set(c.service, text(line?.receipt?.service));
  set(c.receiptAmount, line?.receipt?.amount ?? "");
  // Blank until the final décompte: the EXPLOR functions then check nothing. In the final
  // décompte, VRAI when the receipt has its date, supplier, service and amount.
  set(
    c.receiptCheck,
    `=IF(OR(${cell(c.euros, row)}="",${stage}<>"${STAGES[1]}"),"",NOT(OR(${receipt.join(",")})))`,
  );
  return values;
}

/** A mission's section: title row, lines, three total rows, and its décompte beside them. */
function sectionBlocks(
  mission: MissionInput,
  top: number,
): { blocks: Block[]; height: number; validations: ValidatedRange[] } {
  const ruleSet = ruleSetById(mission.ruleSetId ?? DEFAULT_RULE_SET_ID);
  const given: readonly (MissionLineInput | undefined)[] =
    mission.lines ?? ruleSet.categories.map((category) => ({ category: category.label }));
  const lines = [...given, ...new Array<undefined>(mission.blankRows ?? DEFAULT_BLANK_ROWS).fill(undefined)];
  const first = top + 1;
  const last = top + lines.length;
  const c = MISSION_COLUMNS;
  const rule = `$${columnLetter(RULE_COLUMN)}$${top}`;
  const stage = `$${columnLetter(STAGE_COLUMN)}$${top}`;
  const missionArgs = `${span(c.category, first, last)},${span(c.euros, first, last)},${span(c.days, first, last)},${rule},${span(c.receiptCheck, first, last)}`;

  const lineRows = lines.map((line, i) => lineValues(line, first + i, stage));
  const firstRow = lineRows[0];
  if (firstRow) {
    firstRow[c.ceiling - 1] =
      `=EXPLOR_PLAFOND(${span(c.category, first, last)},${span(c.days, first, last)},${rule})`;
    firstRow[c.eligible - 1] = `=EXPLOR_ELIGIBLE(${missionArgs})`;
  }
  const totalsTop = last + 1;
  const totalRow = (label: string, column: number, formula: string): LayoutCell[] => {
    const row: LayoutCell[] = new Array<LayoutCell>(WIDTH).fill("");
    row[0] = label;
    row[column - 1] = formula;
    return row;
  };
  const height = lines.length + 1 + TOTAL_ROWS;
  const decompte: LayoutCell[][] = Array.from({ length: height }, () =>
    new Array<LayoutCell>(DECOMPTE_WIDTH).fill(""),
  );
  (decompte[0] as LayoutCell[])[0] = `=EXPLOR_DECOMPTE(${missionArgs})`;
  const decompteFormats = decompte.map(() => [
    FORMAT.text,
    FORMAT.euros,
    FORMAT.euros,
    FORMAT.euros,
    FORMAT.text,
  ]);

  const titleRow: LayoutCell[] = new Array<LayoutCell>(WIDTH).fill("");
  titleRow[0] = asText(mission.title ?? MISSION_SHEET_NAME);
  titleRow[RULE_COLUMN - 2] = "Règle :";
  titleRow[RULE_COLUMN - 1] = ruleSet.id;
  titleRow[STAGE_COLUMN - 2] = "Étape :";
  titleRow[STAGE_COLUMN - 1] = mission.stage ?? STAGES[0];

  const blocks: Block[] = [
    { row: top, column: 1, values: [titleRow], bold: true, background: MISSION_BACKGROUND },
    { row: first, column: 1, values: lineRows, numberFormat: lineRows.map(() => LINE_FORMATS) },
    {
      row: totalsTop,
      column: 1,
      values: [
        totalRow("Total des dépenses", c.euros, `=SUM(${span(c.euros, first, last)})`),
        totalRow(
          "Total éligible avant plafond de la mission",
          c.eligible,
          `=SUM(${span(c.eligible, first, last)})`,
        ),
        totalRow(
          `Total éligible retenu (plafond de la mission : ${ruleSet.missionCap ? formatEuros(toCents(ruleSet.missionCap)) : "aucun"})`,
          c.eligible,
          `=EXPLOR_TOTAL_ELIGIBLE(${missionArgs})`,
        ),
        totalRow("Prise en charge EXPLOR", c.eligible, `=EXPLOR_PRISE_EN_CHARGE(${missionArgs})`),
        totalRow("Reste à charge association", c.eligible, `=EXPLOR_RESTE_A_CHARGE(${missionArgs})`),
      ],
      numberFormat: FORMAT.euros,
      bold: true,
    },
    { row: top, column: DECOMPTE_COLUMN, values: decompte, numberFormat: decompteFormats },
  ];
  const validations: ValidatedRange[] = [
    {
      row: top,
      column: STAGE_COLUMN,
      rows: 1,
      columns: 1,
      rule: {
        list: STAGES,
        strict: true,
        help: "Prévisionnel, ou Décompte final : remboursement sur justificatifs.",
      },
    },
    {
      row: first,
      column: c.category,
      rows: lines.length,
      columns: 1,
      rule: {
        list: [...ruleSet.categories.map((k) => k.label), OTHER_EXPENSE_LABEL],
        strict: false,
        help: `Une catégorie de ${ruleSet.source}. Tout autre libellé est une dépense non prise en charge.`,
      },
    },
  ];
  return { blocks, height, validations };
}

/** A mission sheet: one header row, then each mission's section, one empty row apart. */
export function missionSheetLayout(options: MissionSheetOptions = {}): SheetLayout {
  const header: LayoutCell[] = [...HEADERS, "", "Décompte EXPLOR", "", "", "", ""];
  const blocks: Block[] = [
    {
      row: 1,
      column: 1,
      values: [header],
      bold: true,
      background: HEADER_BACKGROUND,
      wrap: true,
      numberFormat: FORMAT.text,
    },
  ];
  let top = 2;
  const validations: ValidatedRange[] = [];
  for (const mission of options.missions ?? [{}]) {
    const section = sectionBlocks(mission, top);
    blocks.push(...section.blocks);
    validations.push(...section.validations);
    top += section.height + 1;
  }
  return {
    name: options.name ?? MISSION_SHEET_NAME,
    blocks,
    validations,
    columnWidths: [
      260, 110, 70, 100, 90, 110, 60, 110, 120, 110, 160, 180, 120, 150, 24, 260, 110, 110, 120, 150,
    ],
    frozenRows: 1,
  };
}

/** `Mission EXPLOR`, or `Mission EXPLOR 2`, 3… when taken (sheet names ignore case). */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  let n = 2;
  while (taken.has(`${base} ${n}`.toLowerCase())) n++;
  return `${base} ${n}`;
}
