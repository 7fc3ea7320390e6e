/**
 * A submission taken on its own: its response row read (with the header and the column tags,
 * once), then, under the document lock, its review row appended or rewritten and the decision
 * summary patched. It reads of the review sheet only its header, N° and key columns and the
 * columns the summary uses; it writes one row and a few summary cells. The number of service
 * calls and of cells written does not grow with the number of responses. Whatever it cannot
 * decide on its own (no review sheet yet, columns to tag, a correction to check against every
 * response) it leaves to the full sync, saying why.
 */
import { errorMessage } from "../../core/errors";
import type { CallDefinition } from "../../core/intake/call-schema";
import { cellAsItWas, type PlannedRow, reviewSheetShape } from "../../planning/intake/review-plan";
import { computeReviewRows, reviewSheetName } from "../../planning/intake/review-rows";
import {
  excerptColumns,
  type IncrementalPlan,
  type NewSubmission,
  planSubmissions,
  responseRowOfLink,
  rowsFromExcerpts,
} from "../../planning/intake/submission-plan";
import { decisionSummaryLayout, summarySheetName } from "../../planning/intake/summary";
import { summaryPatch, undoPatch } from "../../planning/intake/summary-patch";
import { replaceSheetContents } from "../sheets";
import { readColumnTags, rememberColumnTags, rememberedColumnTags } from "./response-columns";
import { ensureRows, formatReviewColumns } from "./review-sheet";

/** The responses sheet's header and where each field is, read once per handler. */
export interface ResponsesHeader {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly sheetId: number;
  readonly header: readonly unknown[];
  readonly width: number;
  /** Field id → 0-based column: the tags, or their memo when the header is unchanged. */
  readonly tags: ReadonlyMap<string, number>;
  /** Every field with a column is tagged (else the full sync tags the new ones). */
  readonly tagged: boolean;
}

/** What the handler read of its own response. */
export interface EventResponse {
  readonly columns: ResponsesHeader;
  /** Undefined when the row is blank (deleted before the handler ran). */
  readonly submission: NewSubmission | undefined;
  /** What the header says (columns moved, renamed, unknown), for the log. */
  readonly notes: readonly string[];
}

/**
 * Reads the header, the column tags (their memo while the header is unchanged, else the tags,
 * remembered for the next submissions) and the event's row: the only reads of the responses sheet.
 */
export function readEventResponse(
  call: CallDefinition,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  sheetId: number,
  row: number,
  properties: GoogleAppsScript.Properties.Properties,
  stored: Readonly<Record<string, string>>,
): EventResponse {
  const width = sheet.getLastColumn();
  const header = width > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []) : [];
  const remembered = rememberedColumnTags(stored, call.id, header);
  const tags = remembered ?? (width > 0 ? readColumnTags(sheet) : new Map<string, number>());
  const values = width > 0 && row >= 2 ? (sheet.getRange(row, 1, 1, width).getValues()[0] ?? []) : [];
  const { rows, notes, columns } = computeReviewRows(call, [header, values], sheetId, tags, {
    firstRow: row,
  });
  const tagged = [...columns.keys()].every((field) => tags.has(field));
  if (!remembered && tagged && width > 0) rememberColumnTags(properties, stored, call.id, header, columns);
  const planned = rows[0];
  return {
    columns: { sheet, sheetId, header, width, tags: columns, tagged },
    submission: planned ? { responseRow: row, row: planned } : undefined,
    notes: notes.filter((n) => n.startsWith("Colonnes") || n.startsWith("Questions")),
  };
}

/** Rows read in one range when they are this close together, else one by one. */
const MAX_BLOCK = 100;

/**
 * The responses on `rows` of the responses sheet (other handlers' pending notes), read with
 * the header and columns already known: one range for rows close together. A blank row gives
 * nothing; the caller checks each against its note's hash.
 */
export function readResponseRows(
  call: CallDefinition,
  columns: ResponsesHeader,
  rows: readonly number[],
): Map<number, PlannedRow> {
  const found = new Map<number, PlannedRow>();
  const sorted = [...new Set(rows)].filter((r) => r >= 2).sort((a, b) => a - b);
  const read = (first: number, count: number) => {
    const values = columns.sheet.getRange(first, 1, count, columns.width).getValues();
    const { rows: planned } = computeReviewRows(
      call,
      [columns.header, ...values],
      columns.sheetId,
      columns.tags,
      {
        firstRow: first,
        columnNotes: false,
      },
    );
    for (const p of planned) {
      const row = responseRowOfLinkText(p.link, columns.sheetId);
      if (row !== undefined) found.set(row, p);
    }
  };
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined || columns.width === 0) return found;
  if (last - first < MAX_BLOCK) read(first, last - first + 1);
  else for (const r of sorted) read(r, 1);
  return found;
}

function responseRowOfLinkText(link: string | undefined, sheetId: number): number | undefined {
  return link === undefined ? undefined : responseRowOfLink(link, sheetId);
}

export interface SubmissionsTaken {
  readonly kind: "taken";
  readonly present: readonly NewSubmission[];
  readonly added: readonly NewSubmission[];
  readonly updated: readonly { readonly number: number; readonly submission: NewSubmission }[];
}

export type TakeOutcome = SubmissionsTaken | { readonly kind: "full"; readonly reason: string };

/**
 * Takes submissions into the review sheet (the caller holds the document lock). Everything is
 * read and computed before the first write; a write that fails is undone (rewritten rows put
 * back, appended rows emptied, summary cells put back) and the error goes on.
 */
export function takeSubmissions(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  call: CallDefinition,
  responsesSheetId: number,
  submissions: readonly NewSubmission[],
): TakeOutcome {
  const review = spreadsheet.getSheetByName(reviewSheetName(call));
  if (!review) return { kind: "full", reason: "première réponse, la feuille d'instruction est à créer" };
  const lastRow = review.getLastRow();
  if (lastRow < 1) return { kind: "full", reason: "feuille d'instruction vide" };
  const shape = reviewSheetShape(call);
  // Columns right of the reviewer ones (the jury's) are read too: the summary ranks from them.
  const width = Math.max(review.getLastColumn(), shape.headers.length);
  const header = review.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const { head, tailFrom } = excerptColumns(shape);
  const bodyRows = lastRow - 1;
  const body =
    bodyRows > 0
      ? rowsFromExcerpts(
          shape,
          review.getRange(2, 1, bodyRows, head).getValues(),
          review.getRange(2, tailFrom + 1, bodyRows, width - tailFrom).getValues(),
          width,
        )
      : [];
  const linkColumn = shape.computedCount;
  const plan = planSubmissions(call, header, body, submissions, (sheetRow) =>
    responseRowOfLink(review.getRange(sheetRow, linkColumn).getFormula(), responsesSheetId),
  );
  if (plan.kind === "full") return plan;
  const taken: SubmissionsTaken = {
    kind: "taken",
    present: plan.present,
    added: plan.appended.submissions,
    updated: plan.rewrites.map((w) => ({ number: w.number, submission: w.submission })),
  };
  if (plan.rewrites.length === 0 && plan.appended.written.length === 0) return taken;
  writePlan(spreadsheet, review, call, plan);
  return taken;
}

function writePlan(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  review: GoogleAppsScript.Spreadsheet.Sheet,
  call: CallDefinition,
  plan: IncrementalPlan,
): void {
  const shape = reviewSheetShape(call);
  const summaryBefore = decisionSummaryLayout(call, plan.before);
  const summaryAfter = decisionSummaryLayout(call, plan.after);
  const summarySheet = spreadsheet.getSheetByName(summarySheetName(call));
  const patch = summarySheet
    ? summaryPatch(summaryBefore, summaryAfter, summarySheet.getDataRange().getValues())
    : undefined;
  const { firstRow, formatFrom, written } = plan.appended;
  const width = shape.headers.length;
  // The rules and formats of the application above, for the new rows (one read of each).
  const model =
    written.length > 0 && formatFrom !== undefined ? review.getRange(formatFrom, 1, 1, width) : undefined;
  const rules = model?.getDataValidations()[0];
  const formats = model?.getNumberFormats()[0];
  const maxRows = written.length > 0 ? review.getMaxRows() : 0;
  // The rows a correction rewrites, as they are, to put back if a write fails.
  const originals = plan.rewrites.map((w) => {
    const range = review.getRange(w.sheetRow, 1, 1, shape.computedCount);
    return { range, values: range.getValues()[0] ?? [], formulas: range.getFormulas()[0] ?? [] };
  });

  // Everything is read and computed: now the writes, undone if one of them fails.
  let rewritten = 0;
  let appended = false;
  let summaryTouched = false;
  try {
    for (const [i, w] of plan.rewrites.entries()) {
      originals[i]?.range.setValues([[...w.computed]]);
      rewritten++;
    }
    if (written.length > 0) {
      ensureRows(review, firstRow + written.length - 1, maxRows);
      appended = true;
      const range = review.getRange(firstRow, 1, written.length, width).setValues(written.map((r) => [...r]));
      if (rules && formats) {
        range.setDataValidations(written.map(() => [...rules]));
        range.setNumberFormats(written.map(() => [...formats]));
      } else {
        formatReviewColumns(review, call, firstRow, written.length);
      }
    }
    summaryTouched = true;
    if (summarySheet && patch) {
      for (const w of patch) {
        summarySheet
          .getRange(w.row, w.column, w.values.length, w.values[0]?.length ?? 0)
          .setValues(w.values.map((r) => [...r]));
      }
    } else {
      replaceSheetContents(spreadsheet, summaryAfter);
    }
  } catch (error) {
    try {
      for (const o of originals.slice(0, rewritten)) {
        o.range.setValues([o.values.map((v, j) => cellAsItWas(v, o.formulas[j]))]);
      }
      if (appended) review.getRange(firstRow, 1, written.length, width).clearContent();
      if (summaryTouched) {
        if (summarySheet && patch) {
          for (const w of undoPatch(patch, summaryBefore, summaryAfter)) {
            summarySheet
              .getRange(w.row, w.column, w.values.length, w.values[0]?.length ?? 0)
              .setValues(w.values.map((r) => [...r]));
          }
        } else {
          replaceSheetContents(spreadsheet, summaryBefore);
        }
      }
    } catch (undoError) {
      console.error(
        "La feuille d'instruction n'a pas pu être remise dans son état d'avant l'envoi " +
          `(${errorMessage(undoError)}) : relancez Lianes › Synchroniser les candidatures.`,
      );
    }
    throw error;
  }
}
