/**
 * What one submission (or a few, taken together under the lock) changes in the review sheet,
 * planned from a small part of it: the N° and key of each row, and the columns the decision
 * summary reads. A response already there by its key changes nothing (a replayed event); one
 * that corrects an application (same second, same e-mail, its own responses row) rewrites that
 * row's computed columns; any other is appended. Whatever this plan cannot decide from what it
 * was given goes to the full sync, which reads everything (`kind: "full"`, with the reason).
 * Pure: no Apps Script service; `responseRowOf` reads what a row's link points to, when asked.
 */
import type { CallDefinition } from "../../core/intake/call-schema";
import type { LayoutCell } from "../sheet-layout";
import {
  identityOf,
  keyOfReviewRow,
  newRow,
  type PlannedRow,
  type ReviewSheetShape,
  reviewSheetShape,
  sheetCell,
} from "./review-plan";

/** A response to take: its row in the responses sheet and its computed review row. */
export interface NewSubmission {
  readonly responseRow: number;
  readonly row: PlannedRow;
}

export interface RowRewrite {
  /** 1-based row of the review sheet. */
  readonly sheetRow: number;
  readonly number: number;
  readonly submission: NewSubmission;
  /** The computed columns and the link, as written (reviewer columns are never part of it). */
  readonly computed: readonly LayoutCell[];
}

export interface IncrementalPlan {
  readonly kind: "incremental";
  /** Responses already in the review sheet under their key: nothing to write for them. */
  readonly present: readonly NewSubmission[];
  readonly rewrites: readonly RowRewrite[];
  /** Full rows to write from `firstRow` on, one per new application, in arrival order. */
  readonly appended: {
    readonly firstRow: number;
    /**
     * The row just above, when it is an application the add-on wrote: the new rows take its
     * rules and formats (status list, scores, dates); else they are set from the call.
     */
    readonly formatFrom: number | undefined;
    readonly written: readonly (readonly LayoutCell[])[];
    readonly submissions: readonly NewSubmission[];
  };
  /** The review sheet's values as read, header first (unread columns blank): the summary before. */
  readonly before: readonly (readonly unknown[])[];
  /** The same after the writes: the summary after. */
  readonly after: readonly (readonly unknown[])[];
}

export type SubmissionPlan = IncrementalPlan | { readonly kind: "full"; readonly reason: string };

/** The responses-sheet row a review row's link points to, when it is a link to that sheet. */
export function responseRowOfLink(formula: string, responsesSheetId: number): number | undefined {
  const match = /#gid=(\d+)&range=A(\d+)"/.exec(formula);
  if (!match || Number(match[1]) !== responsesSheetId) return undefined;
  return Number(match[2]);
}

/** The columns a submission reads of the review sheet: A to `head` (excluded), `tailFrom` to the last. */
export function excerptColumns(shape: ReviewSheetShape): {
  readonly head: number;
  readonly tailFrom: number;
} {
  // N°, key, received, applicant; then status to the last column (scores, decision, comment).
  return { head: shape.applicantColumn + 1, tailFrom: shape.statusColumn };
}

/**
 * The review sheet's rows 2… rebuilt from the two excerpts read: `head` (columns A to the
 * applicant's) and `tail` (status to the sheet's last column, `width`, the jury's columns
 * included); the computed columns between stay blank.
 */
export function rowsFromExcerpts(
  shape: ReviewSheetShape,
  head: readonly (readonly unknown[])[],
  tail: readonly (readonly unknown[])[],
  width = shape.headers.length,
): unknown[][] {
  const { tailFrom } = excerptColumns(shape);
  return head.map((h, i) => {
    const row: unknown[] = Array.from({ length: width }, () => "");
    h.forEach((v, j) => {
      row[j] = v;
    });
    (tail[i] ?? []).forEach((v, j) => {
      if (tailFrom + j < width) row[tailFrom + j] = v;
    });
    return row;
  });
}

const full = (reason: string): SubmissionPlan => ({ kind: "full", reason });

/**
 * Plans the submissions against the review sheet's `header` and rows 2… (`body`, as rebuilt by
 * rowsFromExcerpts). `responseRowOf(sheetRow)` tells which responses row an application's link
 * points to; it is only asked for an application that a submission might correct.
 */
export function planSubmissions(
  call: CallDefinition,
  header: readonly unknown[],
  body: readonly (readonly unknown[])[],
  submissions: readonly NewSubmission[],
  responseRowOf: (sheetRow: number) => number | undefined,
): SubmissionPlan {
  const shape = reviewSheetShape(call);
  const misplaced = shape.headers.filter((h, i) => String(header[i] ?? "").trim() !== h);
  if (misplaced.length > 0) {
    return full(`colonnes de la feuille d'instruction inattendues (${misplaced.join(", ")})`);
  }
  const keyOf = (r: readonly unknown[]) => keyOfReviewRow(shape, r);
  const rowByKey = new Map<string, number>();
  const rowsByIdentity = new Map<string, number[]>();
  let lastNumber = 0;
  body.forEach((r, i) => {
    if (typeof r[0] === "number") lastNumber = Math.max(lastNumber, r[0]);
    const key = keyOf(r);
    if (key === "") return;
    rowByKey.set(key, i + 2);
    const identity = identityOf(key);
    if (identity !== undefined)
      rowsByIdentity.set(identity, [...(rowsByIdentity.get(identity) ?? []), i + 2]);
  });

  const unique = [...new Map(submissions.map((s) => [s.row.key, s])).values()];
  const present = unique.filter((s) => rowByKey.has(s.row.key));
  const fresh = unique.filter((s) => !rowByKey.has(s.row.key));
  const identities = fresh.map((s) => identityOf(s.row.key)).filter((i) => i !== undefined);
  if (new Set(identities).size < identities.length) {
    return full("deux réponses de la même seconde et du même e-mail");
  }
  const rewrites: RowRewrite[] = [];
  const toAppend: NewSubmission[] = [];
  for (const s of fresh) {
    const identity = identityOf(s.row.key);
    const same = identity === undefined ? [] : (rowsByIdentity.get(identity) ?? []);
    if (same.length === 0) {
      toAppend.push(s);
      continue;
    }
    const sheetRow = same[0] as number;
    // The rule of the full sync: an application whose response was corrected (its own row of
    // the responses sheet now holds this one) gets its row updated; anything else is its call.
    if (same.length > 1 || responseRowOf(sheetRow) !== s.responseRow) {
      return full("réponse de la même seconde et du même e-mail qu'une candidature déjà là");
    }
    const number = body[sheetRow - 2]?.[0];
    if (typeof number !== "number") return full(`candidature de la ligne ${sheetRow} sans N°`);
    const values = [number, ...s.row.values.slice(1)];
    rewrites.push({
      sheetRow,
      number,
      submission: s,
      computed: [...values.map(sheetCell), s.row.link ?? ""],
    });
  }

  const firstRow = body.length + 2;
  const appended = toAppend.map((s, i) => newRow(call, shape, s.row, lastNumber + i + 1, firstRow + i));
  const before = [[...header], ...body.map((r) => [...r])];
  const after = before.map((r) => [...r]);
  for (const w of rewrites) {
    const row = after[w.sheetRow - 1] as unknown[];
    const values = [w.number, ...w.submission.row.values.slice(1), w.submission.row.link ?? ""];
    values.forEach((v, j) => {
      row[j] = v;
    });
  }
  for (const a of appended) after.push(a.raw);
  return {
    kind: "incremental",
    present,
    rewrites,
    appended: {
      firstRow,
      formatFrom: body.length > 0 && keyOf(body[body.length - 1] ?? []) !== "" ? firstRow - 1 : undefined,
      written: appended.map((a) => a.written),
      submissions: toAppend,
    },
    before,
    after,
  };
}
