/**
 * The rows a sync gives the review sheet, computed from the responses sheet's values: one per
 * response, in arrival order (unreadable ones too, so nothing is lost), with the notes for staff.
 * Pure: the sync and the submissions (src/addon/intake), and the erasure plan, use it.
 */
import type { CallDefinition } from "../../core/intake/call-schema";
import { asDate, formatParisDateTime } from "../../core/intake/paris-time";
import { responseKey } from "../../core/intake/response-key";
import { type Cell, type ComputedColumnId, computedColumns, reviewRow } from "../../core/intake/review";
import { type RawSubmission, validateSubmission } from "../../core/intake/submission";
import {
  EMAIL_FIELD,
  type ResponseColumns,
  type ResponsesReading,
  readResponses,
  TIMESTAMP_FIELD,
} from "./responses";
import { type PlannedRow, responseLink } from "./review-plan";

export function reviewSheetName(call: CallDefinition): string {
  return call.review.sheetName;
}

/** A response the call's schema refuses still gets a row, so staff see it and nothing is lost. */
function unreadableRow(
  call: CallDefinition,
  raw: RawSubmission,
  errors: readonly string[],
  n: number,
): PlannedRow {
  const date = asDate(raw.receivedAt);
  const receivedAt = date ?? new Date(0);
  const answers = Object.fromEntries(Object.entries(raw.answers).map(([k, v]) => [k, String(v ?? "")]));
  const key = responseKey({ receivedAt, answers, email: raw.email });
  const cells: Partial<Record<ComputedColumnId, Cell>> = {
    number: n,
    key,
    receivedAt: date ? formatParisDateTime(date) : String(raw.receivedAt ?? ""),
    applicant: answers[call.review.applicant.question] ?? "",
    eligibility: `Réponse illisible : ${errors.join(" ; ")}`,
  };
  return {
    key,
    status: "Irrecevable",
    values: computedColumns(call).map((c) => cells[c.id] ?? ""),
  };
}

const WIDE = new Set(["Éligibilité", "Réponses", "Commentaire interne", "Décision"]);
const NARROW = new Set(["N°", "Liste CAD", "Durée (jours)", "Hors délai"]);

/** Column widths in pixels: long texts wide, flags narrow, the rest in between. */
export function columnWidth(header: string): number {
  if (WIDE.has(header)) return 280;
  if (NARROW.has(header)) return 70;
  return 140;
}

/**
 * The computed rows of every response of `responseValues` (header row first), in arrival order.
 * `firstRow` is the sheet row of the first response (2 for the whole sheet); `columnNotes: false`
 * leaves out what the header says (moved, renamed, unknown columns), already noted once.
 */
export function computeReviewRows(
  call: CallDefinition,
  responseValues: readonly (readonly unknown[])[],
  responsesSheetId: number,
  tagged: ResponseColumns = new Map(),
  { firstRow = 2, columnNotes = true }: { firstRow?: number; columnNotes?: boolean } = {},
): { rows: PlannedRow[]; unreadable: number; notes: string[]; columns: ResponseColumns } {
  const reading = readResponses(call, responseValues, tagged, firstRow);
  const notes = columnNotes ? responseColumnNotes(call, reading) : [];
  const { rows, unreadable } = reviewRowsOf(call, reading, responsesSheetId, notes);
  return { rows, unreadable, notes, columns: reading.columns };
}

/** What the responses sheet's header says: columns renamed, moved, unknown, questions without one. */
function responseColumnNotes(call: CallDefinition, reading: ResponsesReading): string[] {
  const notes: string[] = [];
  if (reading.renamed.length > 0) {
    notes.push(
      `Colonnes de réponses renommées, lues quand même par leur question : ${reading.renamed.join(", ")}.`,
    );
  }
  if (isReordered(call, reading.columns)) {
    notes.push("Colonnes de réponses déplacées : chacune est lue par sa question, rien ne change.");
  }
  if (reading.unknownHeaders.length > 0) {
    notes.push(`Colonnes de réponses non reconnues, ignorées : ${reading.unknownHeaders.join(", ")}.`);
  }
  if (reading.missingQuestions.length > 0) {
    notes.push(
      `Questions sans colonne dans la feuille de réponses : ${reading.missingQuestions.join(", ")}.`,
    );
  }
  return notes;
}

/** The computed rows of `reading`'s responses (see computeReviewRows). */
function reviewRowsOf(
  call: CallDefinition,
  reading: ResponsesReading,
  responsesSheetId: number,
  notes: string[],
): { rows: PlannedRow[]; unreadable: number } {
  const seen = new Set<string>();
  const rows: PlannedRow[] = [];
  let unreadable = 0;
  for (const { row, raw } of reading.submissions) {
    const result = validateSubmission(call, raw);
    const reviewed = result.ok
      ? reviewRow(call, result.submission, rows.length + 1)
      : unreadableRow(call, raw, result.errors, rows.length + 1);
    if (!result.ok) {
      unreadable++;
      notes.push(`Réponse de la ligne ${row} illisible : ${result.errors.join(" ; ")}.`);
    }
    if (seen.has(reviewed.key)) {
      notes.push(
        `Réponse de la ligne ${row} en double (même horodatage, e-mail et réponses) : comptée une fois.`,
      );
      continue;
    }
    seen.add(reviewed.key);
    rows.push({ ...reviewed, link: responseLink(responsesSheetId, row) });
  }
  return { rows, unreadable };
}

/** Whether the questions' columns are no longer in the order Forms created them. */
function isReordered(call: CallDefinition, columns: ResponseColumns): boolean {
  const order = [TIMESTAMP_FIELD, EMAIL_FIELD, ...call.questions.map((q) => q.id)]
    .map((id) => columns.get(id))
    .filter((c): c is number => c !== undefined);
  return order.some((c, i) => i > 0 && c < (order[i - 1] as number));
}
