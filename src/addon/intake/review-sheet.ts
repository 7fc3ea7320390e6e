/**
 * The review sheet `Candidatures` and the decision summary, kept in step with the responses
 * sheet. One read per sheet, everything computed, then one write per block: the number of
 * service calls does not grow with the number of applications, and a failure half-way leaves
 * the sheet as it was.
 */
import { errorMessage } from "../../core/errors";
import type { CallDefinition } from "../../core/intake/call-schema";
import { asDate, formatParisDateTime } from "../../core/intake/paris-time";
import { responseKey } from "../../core/intake/response-key";
import {
  type Cell,
  type ComputedColumnId,
  computedColumns,
  reviewRow,
  STATUSES,
} from "../../core/intake/review";
import { type RawSubmission, validateSubmission } from "../../core/intake/submission";
import { FORMAT } from "../sheet-layout";
import { replaceSheetContents } from "../sheets";
import { readColumnTags, rememberColumnTags, tagNewColumns } from "./response-columns";
import {
  EMAIL_FIELD,
  type ResponseColumns,
  type ResponsesReading,
  readResponses,
  TIMESTAMP_FIELD,
} from "./responses";
import {
  cellAsItWas,
  type PlannedRow,
  planReviewSync,
  type ReviewPlan,
  type ReviewSheetShape,
  responseLink,
  reviewSheetShape,
} from "./review-plan";
import { decisionSummaryLayout } from "./summary";

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
function columnWidth(header: string): number {
  if (WIDE.has(header)) return 280;
  if (NARROW.has(header)) return 70;
  return 140;
}

export interface SyncReport {
  /** The key of every response of the responses sheet, after the sync all in the review sheet. */
  readonly keys: ReadonlySet<string>;
  /** Keys of the applications this sync appended. */
  readonly addedKeys: readonly string[];
  readonly added: number;
  readonly updated: number;
  readonly unreadable: number;
  readonly notes: readonly string[];
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

/** Brings the review sheet (and the decision summary) up to date with the responses sheet. */
export function syncReviewSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  call: CallDefinition,
  responsesSheet: GoogleAppsScript.Spreadsheet.Sheet,
  /** Where to remember the column tags for the submissions (see rememberColumnTags). */
  memo?: {
    readonly properties: GoogleAppsScript.Properties.Properties;
    readonly stored: Readonly<Record<string, string>>;
  },
): SyncReport {
  const responseValues = responsesSheet.getDataRange().getValues();
  const tagged = readColumnTags(responsesSheet);
  const { rows, unreadable, notes, columns } = computeReviewRows(
    call,
    responseValues,
    responsesSheet.getSheetId(),
    tagged,
  );
  const name = reviewSheetName(call);
  const found = spreadsheet.getSheetByName(name);
  const sheet = found ?? spreadsheet.insertSheet(name);
  const hasRows = found !== null && sheet.getLastRow() > 0;
  const range = hasRows ? sheet.getDataRange() : undefined;
  const existing = range ? range.getValues() : [];
  const formulas = range ? range.getFormulas() : [];
  const plan = planReviewSync(call, existing, rows, formulas);
  const shape = reviewSheetShape(call);
  const before = new Set(existing.slice(1).map((r) => String(r[shape.keyColumn] ?? "")));
  for (const number of plan.edited) {
    notes.push(`Candidature n° ${number} : réponse corrigée dans la feuille de réponses, ligne mise à jour.`);
  }
  for (const row of plan.keyless) {
    notes.push(
      `Ligne ${row} de la feuille d'instruction sans clé (saisie à la main ?) : laissée telle quelle.`,
    );
  }
  for (const orphan of plan.orphans) {
    // The N°, not the key: the key holds the applicant's e-mail, and the log is kept by Google.
    notes.push(
      `Candidature n° ${orphan.number} absente de la feuille de réponses (ligne supprimée ?) : conservée telle quelle.`,
    );
  }
  const summary = decisionSummaryLayout(call, plan.after);

  // Everything is computed: now the writes, undone if one of them fails.
  let summaryTouched = false;
  try {
    // A sheet this sync inserted has Sheets' default grid: no need to ask its height.
    writeReviewPlan(sheet, call, plan, found ? undefined : NEW_SHEET_ROWS);
    summaryTouched = true;
    replaceSheetContents(spreadsheet, summary);
  } catch (error) {
    if (found) restoreReviewSheet(sheet, shape, existing, formulas, plan);
    else spreadsheet.deleteSheet(sheet);
    if (summaryTouched) replaceSheetContents(spreadsheet, decisionSummaryLayout(call, existing));
    throw error;
  }
  try {
    tagNewColumns(responsesSheet, columns, tagged);
    // Every column found is tagged now: what the submissions read instead of the tags.
    if (memo) rememberColumnTags(memo.properties, memo.stored, call.id, responseValues[0] ?? [], columns);
  } catch (error) {
    console.warn(
      `Colonnes de la feuille de réponses non marquées (${errorMessage(error)}) : ` +
        "elles le seront à la prochaine synchronisation.",
    );
  }
  return {
    keys: new Set(rows.map((r) => r.key)),
    addedKeys: rows.filter((r) => !before.has(r.key)).map((r) => r.key),
    added: plan.appended.length,
    updated: plan.updated,
    unreadable,
    notes,
  };
}

/** The rows of a sheet `insertSheet` makes (Sheets' default grid: 1 000 × 26). */
const NEW_SHEET_ROWS = 1000;

/** Blank rows added past those needed when the grid grows: room for the next submissions. */
const GROWTH_ROOM = 100;

/**
 * Makes the grid reach `lastRow`: Sheets refuses to write a range past it (only appendRow grows
 * it). It grows by what is needed and 100 rows more, so the submissions that follow find room
 * without a call. `maxRows`, when known, spares asking the sheet.
 */
export function ensureRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  lastRow: number,
  maxRows = sheet.getMaxRows(),
): void {
  if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows + GROWTH_ROOM);
}

function writeReviewPlan(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  call: CallDefinition,
  plan: ReviewPlan,
  maxRows: number | undefined,
): void {
  const shape = reviewSheetShape(call);
  const width = shape.headers.length;
  if (plan.header) {
    sheet
      .getRange(1, 1, 1, width)
      .setValues([[...plan.header]])
      .setFontWeight("bold")
      .setBackground("#e8f0fe");
    sheet.setFrozenRows(1);
    // One call per run of columns of the same width.
    const widths = plan.header.map(columnWidth);
    for (let start = 0; start < widths.length; ) {
      let end = start + 1;
      while (end < widths.length && widths[end] === widths[start]) end++;
      sheet.setColumnWidths(start + 1, end - start, widths[start] ?? 140);
      start = end;
    }
  }
  if (plan.computed.length > 0) {
    sheet
      .getRange(2, 1, plan.computed.length, shape.computedCount)
      .setValues(plan.computed.map((r) => [...r]));
  }
  if (plan.appended.length > 0) {
    const first = plan.computed.length + 2;
    ensureRows(sheet, first + plan.appended.length - 1, maxRows);
    sheet.getRange(first, 1, plan.appended.length, width).setValues(plan.appended.map((r) => [...r]));
  }
  const bodyRows = plan.computed.length + plan.appended.length;
  if (bodyRows > 0) formatReviewColumns(sheet, call, 2, bodyRows);
}

/**
 * After a failed write: the computed columns back to the values and formulas read before the
 * sync (text that looks like a formula kept as text), the appended rows emptied. Reviewer
 * columns were not written, so they are left alone.
 */
function restoreReviewSheet(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  shape: ReviewSheetShape,
  existing: readonly (readonly unknown[])[],
  formulas: readonly (readonly string[])[],
  plan: ReviewPlan,
): void {
  try {
    if (existing.length === 0) {
      sheet.clearContents();
      return;
    }
    const width = Math.min(shape.computedCount, existing[0]?.length ?? 0);
    if (existing.length > 1 && width > 0) {
      const original = existing
        .slice(1)
        .map((r, i) => r.slice(0, width).map((v, j) => cellAsItWas(v, formulas[i + 1]?.[j])));
      sheet.getRange(2, 1, original.length, width).setValues(original);
    }
    if (plan.appended.length > 0) {
      sheet.getRange(existing.length + 1, 1, plan.appended.length, shape.headers.length).clearContent();
    }
  } catch (error) {
    console.error(
      "La feuille d'instruction n'a pas pu être remise dans son état d'avant la synchronisation " +
        `(${errorMessage(error)}) : relancez Lianes › Synchroniser les candidatures.`,
    );
  }
}

/** The review columns' rules and formats on `rows` rows from `firstRow`: status list, scores, dates. */
export function formatReviewColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  call: CallDefinition,
  firstRow: number,
  rows: number,
): void {
  const shape = reviewSheetShape(call);
  const status = SpreadsheetApp.newDataValidation()
    .requireValueInList([...STATUSES], true)
    .setAllowInvalid(false)
    .setHelpText("Choisissez un statut dans la liste.")
    .build();
  sheet.getRange(firstRow, shape.statusColumn + 1, rows, 1).setDataValidation(status);
  const score = SpreadsheetApp.newDataValidation()
    .requireNumberBetween(0, call.review.maxScore)
    .setAllowInvalid(false)
    .setHelpText(`Une note de 0 à ${call.review.maxScore}.`)
    .build();
  const firstScore = shape.scoreColumns[0];
  if (firstScore !== undefined) {
    sheet.getRange(firstRow, firstScore + 1, rows, shape.scoreColumns.length).setDataValidation(score);
  }
  sheet.getRange(firstRow, shape.weightedScoreColumn + 1, rows, 1).setNumberFormat("0.00");
  sheet.getRange(firstRow, 1, rows, 1).setNumberFormat(FORMAT.integer);
  // Sheets reads the `15/06/2025 23:59:59` text as a date: show it as one, to the second.
  sheet.getRange(firstRow, shape.receivedAtColumn + 1, rows, 1).setNumberFormat(FORMAT.dateTime);
}
