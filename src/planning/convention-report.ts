/** The convention's report sheet (bilan, Article 5) as data: planned, realised, rate of execution. Pure. */
import type { ConventionDefinition } from "../core/convention";
import { cents } from "../core/decimal";
import { normalizeCategoryName } from "../core/explor/category-names";
import { formatEuros } from "../core/money";
import { BUDGET_FIRST_ROW, BUDGET_TOTAL_COLUMN } from "./convention-budget";
import { euros, HEADER_BACKGROUND, sheetRef, TOTAL_BACKGROUND } from "./convention-cells";
import { asText, FORMAT, type LayoutCell, type SheetLayout } from "./sheet-layout";

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
