/**
 * The erasure of one application, planned (RGPD): which cells of the responses sheet become the
 * dated mention, the key a later sync will give the erased response (a second mention, with the
 * N°, if the first would clash with another application's), the review row and the decision
 * summary as that sync would write them, and every erased value (to look for leftovers after).
 * Pure: src/addon/intake/erase.ts reads the sheets, then writes this plan with undo.
 */

import type { CallDefinition } from "../../core/intake/call-schema";
import { emailOfKey, erasedRow, erasureMarker, personalFieldIds } from "../../core/intake/erasure";
import { asDate, formatParisDateTime } from "../../core/intake/paris-time";
import { fnv1a, keyParts } from "../../core/intake/response-key";
import { computedColumns, PERSONAL_REVIEWER_COLUMNS, reviewerColumns } from "../../core/intake/review";
import { asText, type LayoutCell, type SheetLayout } from "../sheet-layout";
import { EMAIL_FIELD, type ResponseColumns, readResponses } from "./responses";
import { planReviewSync, reviewSheetShape } from "./review-plan";
import { computeReviewRows } from "./review-rows";
import { decisionSummaryLayout } from "./summary";

/** A review cell as shown to staff: a date in Paris time, else its text. */
export function cellText(value: unknown): string {
  const date = asDate(value);
  return date ? formatParisDateTime(date) : String(value ?? "");
}

export interface ErasureInput {
  readonly call: CallDefinition;
  /** The application's key in the review sheet. */
  readonly key: string;
  readonly at: Date;
  /** The review sheet's values (header included) and the index of the application's row. */
  readonly existing: readonly (readonly unknown[])[];
  readonly index: number;
  /** Whether the responses sheet is there; its values ([] if not), id and column tags. */
  readonly hasResponses: boolean;
  readonly responseValues: readonly (readonly unknown[])[];
  readonly sheetId: number;
  readonly tags: ResponseColumns;
}

export interface ErasurePlan {
  readonly marker: string;
  /** The responses sheet's columns, by field id. */
  readonly columns: ResponseColumns;
  readonly personalColumns: readonly number[];
  /** The responses-sheet rows (0-based, header at 0) of the application. */
  readonly targetRows: readonly number[];
  /** The responses sheet's values once erased. */
  readonly anonymised: readonly (readonly unknown[])[];
  /** The computed cells of the review row, as the sync writes them. */
  readonly computed: readonly LayoutCell[];
  /** Personal reviewer cells to replace by the mention (0-based column, value before). */
  readonly reviewerChanges: readonly { readonly column: number; readonly before: unknown }[];
  readonly summary: SheetLayout;
  readonly erasedValues: ReadonlySet<string>;
}

export function planErasure(input: ErasureInput): ErasurePlan {
  const { call, key, at, existing, index, hasResponses, responseValues, sheetId, tags } = input;
  const target = existing[index] ?? [];
  const shape = reviewSheetShape(call);
  const header = responseValues[0] ?? [];
  const { columns } = readResponses(call, responseValues, tags);
  const personalColumns = personalFieldIds(call, EMAIL_FIELD)
    .map((f) => columns.get(f))
    .filter((c): c is number => c !== undefined);
  const keyOfRow = (row: readonly unknown[]) =>
    computeReviewRows(call, [header, row], sheetId, tags).rows[0]?.key;
  const rowKeys = responseValues.map((row, i) => (i === 0 ? undefined : keyOfRow(row)));
  const targetRows = rowKeys.flatMap((k, i) => (k === key ? [i] : []));

  // Compute the erased responses rows, and the key a sync will give them.
  let marker = erasureMarker(at);
  let anonymised = responseValues;
  let newKey: string | undefined;
  for (const candidate of [marker, `${marker} — n° ${cellText(target[0])}`]) {
    anonymised = responseValues.map((row, i) =>
      targetRows.includes(i) ? erasedRow(row, personalColumns, candidate) : row,
    );
    const first = targetRows[0];
    newKey = first === undefined ? undefined : keyOfRow(anonymised[first] ?? []);
    const clash = rowKeys.some((k, i) => k !== undefined && k === newKey && !targetRows.includes(i));
    marker = candidate;
    if (!clash) break;
  }
  // Without a response (deleted from the responses sheet), the key loses its e-mail.
  const parts = keyParts(key);
  const erasedKey = newKey ?? (parts ? `${parts.second}||${parts.answersHash}` : `effacée|${fnv1a(key)}`);
  const erasedValues = new Set<string>();
  for (const i of targetRows) {
    for (const c of personalColumns) {
      const v = responseValues[i]?.[c];
      if (v !== undefined && v !== null && String(v).trim() !== "") erasedValues.add(String(v));
    }
  }
  erasedValues.add(String(target[shape.applicantColumn] ?? ""));
  const email = emailOfKey(key);
  if (email) erasedValues.add(email);

  // The review row as a sync will write it, with the personal reviewer cells erased.
  const reviewerStart = shape.computedCount;
  const personalReviewer = reviewerColumns(call)
    .map((c, i) => (PERSONAL_REVIEWER_COLUMNS.includes(c.id) ? reviewerStart + i : -1))
    .filter((c) => c >= 0);
  const edited = existing.map((r) => [...r]);
  const row = edited[index] as unknown[];
  row[shape.keyColumn] = erasedKey;
  const reviewerChanges: { column: number; before: unknown }[] = [];
  for (const c of personalReviewer) {
    const v = row[c];
    if (typeof v === "string" && v.trim() !== "") {
      erasedValues.add(v);
      reviewerChanges.push({ column: c, before: v });
      row[c] = marker;
    }
  }
  const plannedRows = hasResponses ? computeReviewRows(call, anonymised, sheetId, tags).rows : [];
  const plan = planReviewSync(call, edited, plannedRows);
  const computed = [...(plan.computed[index - 1] ?? [])];
  const after = plan.after.slice(0, existing.length).map((r) => [...r]);
  if (newKey === undefined) {
    // No response to compute from: the kept values, the applicant and personal answers erased.
    const summaryColumn = computedColumns(call).findIndex((c) => c.id === "summary");
    computed[shape.keyColumn] = asText(erasedKey);
    computed[shape.applicantColumn] = asText(marker);
    (after[index] as unknown[])[shape.applicantColumn] = marker;
    const shown = call.review.shownAnswers.some((id) => call.questions.find((q) => q.id === id)?.personal);
    if (summaryColumn >= 0 && shown) {
      erasedValues.add(String(target[summaryColumn] ?? ""));
      computed[summaryColumn] = asText(marker);
      (after[index] as unknown[])[summaryColumn] = marker;
    }
  }
  const summary = decisionSummaryLayout(call, after);
  return {
    marker,
    columns,
    personalColumns,
    targetRows,
    anonymised,
    computed,
    reviewerChanges,
    summary,
    erasedValues,
  };
}
