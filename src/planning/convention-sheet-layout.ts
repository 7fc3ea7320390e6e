/**
 * The `Convention <identifiant>` sheet as data: general terms, Article 3's dates, Article 4's
 * figures, the network's budget, the plan's categories, the budget lines, the funders, Article 2's
 * commitments and a place for the convention's documents. Written from a definition (a shipped
 * template, or one read from another convention sheet), or blank. `readConventionSheet` reads it
 * back into the same definition; `cells` says where each piece sits, for the linked sheets' formulas.
 */
import {
  CATEGORY_HEADER,
  COMMITMENT_HEADER,
  CONVENTION_SHEET_PREFIX,
  type ConventionDefinition,
  type ConventionSheetCells,
  DOCUMENT_HEADER,
  defaultSheetNames,
  FUNDER_HEADER,
  FUNDER_MODE,
  GENERAL_FIELDS,
  type GeneralKey,
  LINE_HEADER,
  SECTION,
  type SectionKey,
} from "../core/convention";
import {
  asText,
  type Block,
  FORMAT,
  type LayoutCell,
  type SheetLayout,
  type ValidatedRange,
} from "./sheet-layout";

const TITLE_BACKGROUND = "#d2e3fc";
const HEADER_BACKGROUND = "#e8eaed";

/** Empty rows a blank convention offers in each table (more can be inserted). */
const BLANK_ROWS = { categories: 4, lines: 12, funders: 3, commitments: 8, documents: 3 } as const;

/** Days from Sheets' day 0 (30/12/1899) to an ISO date: what a date cell holds. */
export function dateSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function generalValues(c: ConventionDefinition): Record<GeneralKey, LayoutCell> {
  return {
    id: asText(c.id),
    label: asText(c.label),
    year: c.year,
    funderName: asText(c.funder.name),
    funderLabel: asText(c.funder.label),
    budgetSheet: asText(c.sheets.budget),
    planSheet: asText(c.sheets.plan),
    reportSheet: asText(c.sheets.report),
    periodStart: dateSerial(c.period.start),
    periodEnd: dateSerial(c.period.end),
    reportDue: dateSerial(c.reportDue),
    subsidy: c.subsidy,
    forecastTotal: c.forecastTotal,
    networkLabel: asText(c.networkBudget.label),
    networkIncome: c.networkBudget.income,
    networkExpenses: c.networkBudget.expenses,
  };
}

function blankGeneral(id: string): Record<GeneralKey, LayoutCell> {
  const sheets = defaultSheetNames(id);
  const year = /(20\d\d)/.exec(id)?.[1];
  return {
    id: asText(id),
    label: "",
    year: year ? Number(year) : "",
    funderName: "",
    funderLabel: "",
    budgetSheet: asText(sheets.budget),
    planSheet: asText(sheets.plan),
    reportSheet: asText(sheets.report),
    periodStart: "",
    periodEnd: "",
    reportDue: "",
    subsidy: "",
    forecastTotal: "",
    networkLabel: "",
    networkIncome: "",
    networkExpenses: "",
  };
}

const KIND_FORMAT = {
  text: FORMAT.text,
  id: FORMAT.text,
  year: FORMAT.integer,
  date: FORMAT.date,
  amount: FORMAT.euros,
} as const;

function lineCells(l: ConventionDefinition["lines"][number]): LayoutCell[] {
  const [internal, external, ...more] = l.split ?? [];
  if (more.length > 0) {
    throw new Error(
      `ligne « ${l.type} » : une ventilation en plus de deux parts ne tient pas sur la feuille`,
    );
  }
  return [
    asText(l.type),
    l.quantity,
    asText(l.unit),
    l.total,
    asText(internal ? internal.category : (l.category ?? "")),
    external ? external.amount : "",
    external ? asText(external.category) : "",
    asText(l.description ?? ""),
  ];
}

function funderCells(f: ConventionDefinition["funders"][number]): LayoutCell[] {
  if (f.kind === "fixed") return [asText(f.name), FUNDER_MODE.fixed, f.amount, ""];
  if (f.kind === "share") return [asText(f.name), FUNDER_MODE.share, "", f.share];
  return [asText(f.name), FUNDER_MODE.solde, "", ""];
}

function commitmentCells(k: ConventionDefinition["commitments"][number]): LayoutCell[] {
  return [asText(k.action), k.planned ?? "", asText(k.unit ?? "")];
}

const LINE_FORMATS = [
  FORMAT.text,
  "0.##",
  FORMAT.text,
  FORMAT.euros,
  FORMAT.text,
  FORMAT.euros,
  FORMAT.text,
  FORMAT.text,
];
const FUNDER_FORMATS = [FORMAT.text, FORMAT.text, FORMAT.euros, FORMAT.percentOneDecimal];
const COMMITMENT_FORMATS = [FORMAT.text, "0.##", FORMAT.text];

export interface ConventionSheetLayout {
  readonly layout: SheetLayout;
  readonly cells: ConventionSheetCells;
}

/**
 * The convention sheet named `sheetName` for a definition, or blank (`undefined`) with the id
 * the name gives and room to fill in.
 */
export function conventionSheetLayout(
  c: ConventionDefinition | undefined,
  sheetName: string,
  blankId = "",
): ConventionSheetLayout {
  const blocks: Block[] = [];
  const validations: ValidatedRange[] = [];
  blocks.push({
    row: 2,
    column: 1,
    values: [
      [
        "Paramètres de la convention : modifiez les cellules, puis Lianes › Paramètres › Vérifier les paramètres. " +
          "Lianes › Budget de convention… écrit le budget, le plan de financement et le bilan, qui suivent cette feuille par formules.",
      ],
    ],
    wrap: false,
  });
  let row = 4;

  const values = c ? generalValues(c) : blankGeneral(blankId);
  const general = {} as Record<GeneralKey, number>;
  const title = (key: SectionKey) => {
    blocks.push({ row, column: 1, values: [[SECTION[key], ""]], bold: true, background: TITLE_BACKGROUND });
    row += 1;
  };
  for (const section of ["general", "period", "subsidy", "network"] as const) {
    title(section);
    const fields = GENERAL_FIELDS.filter((f) => f.section === section);
    blocks.push({
      row,
      column: 1,
      values: fields.map((f) => [f.label, values[f.key]]),
      numberFormat: fields.map((f) => [FORMAT.text, KIND_FORMAT[f.kind]]),
    });
    fields.forEach((f, i) => {
      general[f.key] = row + i;
    });
    row += fields.length + 1;
  }

  const table = (
    key: SectionKey,
    header: readonly string[],
    rows: LayoutCell[][],
    blankCount: number,
    formats: readonly string[],
  ): number[] => {
    title(key);
    blocks.push({
      row,
      column: 1,
      values: [[...header]],
      bold: true,
      background: HEADER_BACKGROUND,
      wrap: true,
    });
    row += 1;
    const body = rows.length > 0 ? rows : Array.from({ length: blankCount }, () => header.map(() => ""));
    blocks.push({ row, column: 1, values: body, numberFormat: body.map(() => [...formats]), wrap: true });
    const dataRows = rows.map((_, i) => row + i);
    const first = row;
    row += body.length + 1;
    if (key === "funders") {
      validations.push({
        row: first,
        column: 2,
        rows: body.length,
        columns: 1,
        rule: {
          list: Object.values(FUNDER_MODE),
          strict: true,
          help: `Mode de financement : ${Object.values(FUNDER_MODE).join(", ")}.`,
        },
      });
    }
    return dataRows;
  };
  // The title follows the identifier and the label typed below.
  const [idCell, labelCell] = [`B${general.id}`, `B${general.label}`];
  blocks.unshift({
    row: 1,
    column: 1,
    values: [[`="${CONVENTION_SHEET_PREFIX}"&${idCell}&IF(${labelCell}="",""," — "&${labelCell})`]],
    bold: true,
  });
  const categoryRows = table(
    "categories",
    CATEGORY_HEADER,
    (c?.categories ?? []).map((name) => [asText(name)]),
    BLANK_ROWS.categories,
    [FORMAT.text],
  );
  const lineRows = table(
    "lines",
    LINE_HEADER,
    (c?.lines ?? []).map(lineCells),
    BLANK_ROWS.lines,
    LINE_FORMATS,
  );
  const funderRows = table(
    "funders",
    FUNDER_HEADER,
    (c?.funders ?? []).map(funderCells),
    BLANK_ROWS.funders,
    FUNDER_FORMATS,
  );
  const commitmentRows = table(
    "commitments",
    COMMITMENT_HEADER,
    (c?.commitments ?? []).map(commitmentCells),
    BLANK_ROWS.commitments,
    COMMITMENT_FORMATS,
  );
  // Links to the documents made for this convention (letters, reports), written there later.
  table("documents", DOCUMENT_HEADER, [], BLANK_ROWS.documents, [FORMAT.text, FORMAT.text, FORMAT.date]);

  return {
    layout: {
      name: sheetName,
      frozenRows: 1,
      columnWidths: [330, 200, 90, 110, 260, 110, 260, 340],
      blocks,
      validations,
    },
    cells: { sheet: sheetName, general, categoryRows, lineRows, funderRows, commitmentRows },
  };
}
