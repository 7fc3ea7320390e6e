/**
 * What a sync writes to the review sheet, computed in full from what it read: the computed
 * columns of the rows already there (in the user's order, whatever sort or filter), and the
 * new applications appended below. Reviewer columns of existing rows are never part of it.
 */
import { isBlankRow } from "../../core/blank";
import { InputError } from "../../core/errors";
import type { CallDefinition } from "../../core/intake/call-schema";
import { asDate, formatParisDateTime } from "../../core/intake/paris-time";
import { keyParts } from "../../core/intake/response-key";
import {
  computedColumns,
  type ReviewRow,
  reviewerColumns,
  type Status,
  weightedScoreFormula,
} from "../../core/intake/review";
import { asText, columnLetter, type LayoutCell } from "../sheet-layout";

/** What a sync needs of an application's row. */
export type PlannedRow = Pick<ReviewRow, "key" | "status" | "values"> & {
  /** A formula linking to the response's row in the responses sheet. */
  readonly link?: string;
};

/** After the computed columns: where staff open the whole response. */
const LINK_HEADER = "Réponse complète";
const LINK_GONE = "Réponse supprimée de la feuille de réponses";

/** The link cell of a response's row: a jump to that row of the responses sheet. */
export function responseLink(responsesSheetId: number, responseRow: number): string {
  return `=HYPERLINK("#gid=${responsesSheetId}&range=A${responseRow}","Voir la réponse")`;
}

export interface ReviewSheetShape {
  readonly headers: readonly string[];
  readonly computedCount: number;
  readonly keyColumn: number;
  readonly receivedAtColumn: number;
  readonly applicantColumn: number;
  readonly statusColumn: number;
  readonly decisionColumn: number;
  readonly scoreColumns: readonly number[];
  readonly weightedScoreColumn: number;
}

/**
 * The key a review row holds, exactly as the sync wrote it (not trimmed: a key the user
 * changed, even by a space, is no longer the application's); "" for a row without one.
 */
export function keyOfReviewRow(shape: ReviewSheetShape, row: readonly unknown[]): string {
  return String(row[shape.keyColumn] ?? "");
}

/** The index in `values` (header at 0) of the row holding this key, or -1. */
export function findReviewRow(
  shape: ReviewSheetShape,
  values: readonly (readonly unknown[])[],
  key: string,
): number {
  return values.findIndex((r, i) => i > 0 && key !== "" && keyOfReviewRow(shape, r) === key);
}

/** Column positions (0-based) of a call's review sheet. */
export function reviewSheetShape(call: CallDefinition): ReviewSheetShape {
  const computed = computedColumns(call);
  const reviewer = reviewerColumns(call);
  const all = [...computed, { id: "link", header: LINK_HEADER }, ...reviewer];
  const index = (id: string) => all.findIndex((c) => c.id === id);
  return {
    headers: all.map((c) => c.header),
    computedCount: computed.length + 1,
    keyColumn: index("key"),
    receivedAtColumn: index("receivedAt"),
    applicantColumn: index("applicant"),
    statusColumn: index("status"),
    decisionColumn: index("decision"),
    scoreColumns: reviewer.filter((c) => c.id.startsWith("score:")).map((c) => index(c.id)),
    weightedScoreColumn: index("weightedScore"),
  };
}

/** A cell read back from the sheet, written again unchanged (text stays text). */
function keptCell(value: unknown): LayoutCell {
  const date = asDate(value);
  if (date) return formatParisDateTime(date);
  return typeof value === "number" || typeof value === "boolean" ? value : asText(String(value ?? ""));
}

/** A cell put back exactly as it was read: its formula, else its value (text kept as text). */
export function cellAsItWas(value: unknown, formula = ""): LayoutCell | Date {
  if (formula) return formula;
  if (asDate(value)) return value as Date;
  return typeof value === "number" || typeof value === "boolean" ? value : asText(String(value ?? ""));
}

export function sheetCell(value: unknown): LayoutCell {
  return typeof value === "string" ? asText(value) : (value as LayoutCell);
}

export interface ReviewPlan {
  /** Header row, when the sheet has none yet. */
  readonly header?: readonly string[];
  /** Computed columns of rows 2…, one per existing row, in sheet order (empty when none). */
  readonly computed: readonly (readonly LayoutCell[])[];
  /** Full rows to append after the existing ones. */
  readonly appended: readonly (readonly LayoutCell[])[];
  /** Existing rows whose response is no longer in the responses sheet (kept as they are), by N°. */
  readonly orphans: readonly { readonly key: string; readonly number: number }[];
  /** N° of applications whose response was corrected in the responses sheet (same row, new key). */
  readonly edited: readonly number[];
  /** Sheet rows (1-based) with content but no key: left as they are. */
  readonly keyless: readonly number[];
  /** Existing applications whose computed columns were refreshed. */
  readonly updated: number;
  /** The sheet's values as they will read after the sync, header included (for the summary). */
  readonly after: readonly (readonly unknown[])[];
}

/**
 * Refuses a review sheet whose columns are not the call's (moved or renamed by hand): a sync
 * or an erasure would write into the wrong ones. A French input error naming the columns.
 */
export function checkReviewHeader(call: CallDefinition, header: readonly unknown[]): void {
  const shape = reviewSheetShape(call);
  const missing = shape.headers.filter((h, i) => String(header[i] ?? "").trim() !== h);
  if (missing.length === 0) return;
  const advice =
    "remettez ces colonnes à leur place et sous leur nom, ou renommez la feuille pour en recréer une";
  throw new InputError(
    `La feuille « ${call.review.sheetName} » n'a pas les colonnes attendues (${missing.join(", ")}) : ${advice}.`,
    { field: `feuille « ${call.review.sheetName} »`, value: missing.join(", "), advice },
  );
}

/** The rows of a review sheet's values that hold something, header left out. */
export function applicationRows(values: readonly (readonly unknown[])[]): (readonly unknown[])[] {
  return values.slice(1).filter((r) => !isBlankRow(r));
}

/**
 * Plans a sync. `existing` is the review sheet's values (header included, may be empty);
 * `rows` the computed rows of every response, in arrival order, numbered from 1; `formulas` the
 * sheet's formulas, to keep those of rows the sync does not own. A row the user emptied, or one
 * without a key (typed by hand), is left as it is, in its place, and its N° is not given again.
 */
export function planReviewSync(
  call: CallDefinition,
  existing: readonly (readonly unknown[])[],
  rows: readonly PlannedRow[],
  formulas: readonly (readonly string[])[] = [],
): ReviewPlan {
  const shape = reviewSheetShape(call);
  const header = existing[0];
  const hasHeader = header?.some((h) => h !== "") ?? false;
  if (header && hasHeader) checkReviewHeader(call, header);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const body = existing.slice(1);
  const existingKeys = new Set(body.map((b) => keyOfReviewRow(shape, b)));
  const editedResponses = responsesByIdentity(rows.filter((r) => !existingKeys.has(r.key)));
  const edited: number[] = [];
  const seen = new Set<string>();
  const orphans: { key: string; number: number }[] = [];
  let lastNumber = 0;
  const computed: LayoutCell[][] = [];
  const after: unknown[][] = [hasHeader && header ? [...header] : [...shape.headers]];
  const keyless: number[] = [];
  body.forEach((r, i) => {
    const key = keyOfReviewRow(shape, r);
    const number = typeof r[0] === "number" ? r[0] : 0;
    lastNumber = Math.max(lastNumber, number);
    if (key === "" || isBlankRow(r)) {
      // Not an application the sync knows (emptied, or typed by hand): written back as it is.
      const cellFormulas = formulas[i + 1] ?? [];
      computed.push(r.slice(0, shape.computedCount).map((v, j) => cellFormulas[j] || keptCell(v)));
      after.push([...r]);
      if (!isBlankRow(r)) keyless.push(i + 2);
      return;
    }
    seen.add(key);
    let row = byKey.get(key);
    const sameResponse = row ? undefined : editedResponses.get(identityOf(key) ?? "");
    if (sameResponse && !seen.has(sameResponse.key)) {
      // Its answers were corrected in the responses sheet: same row, new key and computed columns.
      row = sameResponse;
      seen.add(row.key);
      edited.push(number);
    }
    if (!row) orphans.push({ key, number });
    const values = row
      ? [number || row.values[0], ...row.values.slice(1)]
      : r.slice(0, shape.computedCount - 1);
    const link = row ? (row.link ?? "") : LINK_GONE;
    computed.push([...values.map(row ? sheetCell : keptCell), link]);
    after.push([...values, link, ...r.slice(shape.computedCount)]);
  });
  const firstNewRow = body.length + 2;
  const appended = rows
    .filter((r) => !seen.has(r.key))
    .map((r, i) => {
      const { raw, written } = newRow(call, shape, r, lastNumber + i + 1, firstNewRow + i);
      after.push(raw);
      return written;
    });
  return {
    ...(hasHeader ? {} : { header: shape.headers }),
    computed,
    appended,
    orphans,
    keyless,
    edited,
    updated: seen.size - edited.length,
    after,
  };
}

/**
 * Who sent a response and when: the second it arrived and the e-mail, from a key
 * `second|e-mail|hash`. Undefined without an e-mail (two anonymous responses may share a second).
 */
export function identityOf(key: string): string | undefined {
  const parts = keyParts(key);
  return parts?.email ? `${parts.second}|${parts.email}` : undefined;
}

/** New responses by identity, for those that are the only one with theirs. */
function responsesByIdentity(rows: readonly PlannedRow[]): Map<string, PlannedRow> {
  const byIdentity = new Map<string, PlannedRow | null>();
  for (const r of rows) {
    const identity = identityOf(r.key);
    if (identity !== undefined) byIdentity.set(identity, byIdentity.has(identity) ? null : r);
  }
  return new Map([...byIdentity].filter((e): e is [string, PlannedRow] => e[1] !== null));
}

/** A new application's row: its computed columns (applicant text escaped in `written`), status and score formula. */
export function newRow(
  call: CallDefinition,
  shape: ReviewSheetShape,
  row: PlannedRow,
  number: number,
  sheetRow: number,
): { raw: unknown[]; written: LayoutCell[] } {
  const scoreCells = shape.scoreColumns.map((c) => `${columnLetter(c + 1)}${sheetRow}`);
  const reviewer: Record<number, LayoutCell> = {
    [shape.statusColumn]: row.status satisfies Status,
    [shape.weightedScoreColumn]: weightedScoreFormula(call.review.criteria, scoreCells),
  };
  const values = [number, ...row.values.slice(1)];
  const rest = shape.headers
    .slice(shape.computedCount)
    .map((_, i) => reviewer[shape.computedCount + i] ?? "");
  const link = row.link ?? "";
  return {
    raw: [...values, link, ...rest],
    written: [...values.map(sheetCell), link, ...rest],
  };
}
