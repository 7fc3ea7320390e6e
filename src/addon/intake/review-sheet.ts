/**
 * The review sheet `Candidatures` and the decision summary, kept in step with the responses
 * sheet. One read per sheet, everything computed, then one write per block: the number of
 * service calls does not grow with the number of applications, and a failure half-way leaves
 * the sheet as it was.
 */
import { errorMessage } from "../../core/errors";
import type { CallDefinition } from "../../core/intake/call-schema";
import { STATUSES } from "../../core/intake/review";
import {
  cellAsItWas,
  keyOfReviewRow,
  planReviewSync,
  type ReviewPlan,
  type ReviewSheetShape,
  reviewSheetShape,
} from "../../planning/intake/review-plan";
import { columnWidth, computeReviewRows, reviewSheetName } from "../../planning/intake/review-rows";
import { decisionSummaryLayout } from "../../planning/intake/summary";
import { FORMAT } from "../../planning/sheet-layout";
import { replaceSheetContents } from "../sheets";
import { writeWithUndo } from "../undo";
import { readColumnTags, rememberColumnTags, tagNewColumns } from "./response-columns";

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
  const before = new Set(existing.slice(1).map((r) => keyOfReviewRow(shape, r)));
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
  writeWithUndo("Synchronisation", (step) => {
    step(
      // A sheet this sync inserted has Sheets' default grid: no need to ask its height.
      () => writeReviewPlan(sheet, call, plan, found ? undefined : NEW_SHEET_ROWS),
      () =>
        found ? restoreReviewSheet(sheet, shape, existing, formulas, plan) : spreadsheet.deleteSheet(sheet),
    );
    step(
      () => replaceSheetContents(spreadsheet, summary),
      () => replaceSheetContents(spreadsheet, decisionSummaryLayout(call, existing)),
    );
  });
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
