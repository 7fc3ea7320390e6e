/** The convention's budget sheet as data: its lines with live unit costs and totals. Pure. */
import { budgetLines, type ConventionDefinition } from "../core/convention";
import { centsToEuros } from "../core/decimal";
import { HEADER_BACKGROUND, TOTAL_BACKGROUND } from "./convention-cells";
import { asText, FORMAT, type SheetLayout } from "./sheet-layout";

export const BUDGET_HEADER = ["Type dépense", "Nbre", "Unité", "Coût unitaire", "Total", "Descriptif"];
/** Row of the first budget line; column E holds each line's total. */
export const BUDGET_FIRST_ROW = 2;
/** The budget column holding each line's total. */
export const BUDGET_TOTAL_COLUMN = "E";

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
