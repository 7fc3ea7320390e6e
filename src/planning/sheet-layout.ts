/**
 * A sheet the add-on writes, described as data first (computed in full, tested without
 * Sheets), then written in one go: one `setValues` per block, formats per block.
 * A string cell starting with `=` is a formula; text that must stay text goes through
 * `asText` so Sheets never reads it as a formula.
 */
import { literalText } from "../core/sheet-text";

export type LayoutCell = string | number | boolean;

export interface Block {
  /** 1-based top-left cell. */
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly LayoutCell[])[];
  /** One number format for the whole block, or one per cell (same shape as values). */
  readonly numberFormat?: string | readonly (readonly string[])[];
  readonly bold?: boolean;
  readonly background?: string;
  readonly horizontalAlignment?: "left" | "center" | "right";
  readonly wrap?: boolean;
}

/** Cells that only accept what their rule allows (Sheets rejects the rest as it is typed). */
export interface ValidatedRange {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
  /**
   * `amount`: a number of euros, from 0 to 1 000 000 000 000; a list: a dropdown of these
   * values, other text refused (`strict`) or only flagged with a warning.
   */
  readonly rule: "amount" | ListRule;
}

export interface ListRule {
  readonly list: readonly string[];
  readonly strict: boolean;
  readonly help: string;
}

/**
 * A cell shown in red while a formula holds (Sheets' conditional formatting, re-evaluated as the
 * sheet changes and as days pass): the formula is written for the range's top-left cell.
 */
export interface ConditionalFormat {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
  readonly formula: string;
  readonly fontColor: string;
  readonly background?: string;
  readonly bold?: boolean;
}

/** A chart of a block of the sheet, drawn by Sheets' chart builder and anchored at a cell. */
export interface ChartLayout {
  readonly kind: "bar" | "column" | "pie";
  readonly title: string;
  /** The data: labels in the first column, a series per other column, headers in the first row. */
  readonly data: {
    readonly row: number;
    readonly column: number;
    readonly rows: number;
    readonly columns: number;
  };
  /** Top-left cell (1-based) and size in pixels. */
  readonly anchor: { readonly row: number; readonly column: number };
  readonly width: number;
  readonly height: number;
}

export interface SheetLayout {
  readonly name: string;
  readonly blocks: readonly Block[];
  readonly validations?: readonly ValidatedRange[];
  readonly conditionalFormats?: readonly ConditionalFormat[];
  /** Widths in pixels, from column A. */
  readonly columnWidths?: readonly number[];
  readonly frozenRows?: number;
  /** The sheet's charts: a sheet written from its layout holds these and no other. */
  readonly charts?: readonly ChartLayout[];
}

export { columnLetter } from "../core/a1";

/** fr-FR formats as Sheets stores them (the spreadsheet locale renders separators). */
export const FORMAT = {
  euros: '#,##0.00\\ "€"',
  percent: "0%",
  percentOneDecimal: "0.0%",
  integer: "0",
  date: "dd/mm/yyyy",
  dateTime: "dd/mm/yyyy hh:mm:ss",
  text: "@",
} as const;

/**
 * Applicant or user text, stored literally even when it looks like a formula (the rule is
 * core's `looksLikeFormula`, one place for every sheet the add-on writes), cut to what a cell holds.
 */
export function asText(value: string): string {
  return literalText(value);
}

/** The block's size; a block that is not a full rectangle is a bug in its layout. */
export function rectangular(block: Block): { rows: number; columns: number } {
  const rows = block.values.length;
  const columns = block.values[0]?.length ?? 0;
  if (rows === 0 || columns === 0 || block.values.some((r) => r.length !== columns)) {
    throw new Error(`bloc non rectangulaire en ligne ${block.row}, colonne ${block.column}`);
  }
  return { rows, columns };
}
