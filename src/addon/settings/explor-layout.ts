/**
 * An EXPLOR rule's sheet (« plafonds par catégorie »), planned as data: its parameters, then its
 * categories table, in A1:F<n> — the named range REGLE_<IDENTIFIANT> the EXPLOR functions read
 * as their `regle` — with a word of help for each parameter in column C and room below for
 * categories added by hand.
 */
import {
  blankExplorTableRows,
  CATEGORY_COLUMNS,
  explorParameterHelp,
  explorTableRows,
} from "../../core/explor/rule-table";
import type { RuleSetDefinition } from "../../core/explor/schema";
import { asText, type Block, FORMAT, type LayoutCell } from "../../planning/sheet-layout";
import { type RuleSheetPlan, ruleRangeName, ruleSheetName } from "./rule-layout";

const HEADER_BACKGROUND = "#e8eef7";
/** Empty rows left inside the named range, for categories added by hand. */
const SPARE_ROWS = 15;

function formatOf(label: string, value: unknown, inCategories: boolean, column: number): string {
  if (typeof value !== "number") return FORMAT.text;
  if (inCategories) return column === 1 ? FORMAT.euros : FORMAT.integer;
  if (label.startsWith("Taux")) return FORMAT.percent;
  if (label.startsWith("Durée")) return FORMAT.integer;
  return FORMAT.euros;
}

function plan(id: string, table: (string | number)[][]): RuleSheetPlan {
  const rangeName = ruleRangeName(id);
  const header = table.findIndex((r) => r[0] === CATEGORY_COLUMNS[0]);
  const cell = (v: string | number): LayoutCell => (typeof v === "string" ? asText(v) : v);
  const values = table.map((row, r) =>
    row.map((v, c) => {
      // Parameter rows keep their help in column C (the reader reads A and B only).
      if (r > 0 && r < header && c === 2 && row[0] !== "") {
        return `${explorParameterHelp(String(row[0]))}${row[0] === "Identifiant" ? ` ${rangeName}.` : ""}`;
      }
      return cell(v);
    }),
  );
  const blocks: Block[] = [
    {
      row: 1,
      column: 1,
      values,
      numberFormat: table.map((row, r) =>
        row.map((v, c) =>
          c === 0 || r === 0 || r === header ? FORMAT.text : formatOf(String(row[0]), v, r > header, c),
        ),
      ),
      wrap: true,
    },
    { row: 1, column: 1, values: [table[0] as string[]], bold: true, background: HEADER_BACKGROUND },
    {
      row: header + 1,
      column: 1,
      values: [[...CATEGORY_COLUMNS]],
      bold: true,
      background: HEADER_BACKGROUND,
    },
    {
      // In the blank row above the categories, column C: inside the range, read by no one.
      row: header,
      column: 3,
      values: [
        [
          `Dans une formule : =EXPLOR_PRISE_EN_CHARGE(categories; montants; jours; ${rangeName}). Modifiez une valeur : chaque cellule qui utilise la règle est recalculée.`,
        ],
      ],
    },
  ];
  return {
    layout: {
      name: ruleSheetName(id),
      blocks,
      columnWidths: [300, 150, 110, 90, 230, 420],
      frozenRows: 1,
    },
    rangeName,
    rows: table.length + SPARE_ROWS,
    columns: CATEGORY_COLUMNS.length,
  };
}

/** The sheet of an EXPLOR rule set under an identifier (a template's copy, or a duplicate). */
export function explorRuleSheet(definition: RuleSetDefinition, id: string): RuleSheetPlan {
  return plan(id, explorTableRows({ ...definition, id }));
}

export function blankExplorRuleSheet(id: string): RuleSheetPlan {
  return plan(id, blankExplorTableRows(id));
}
