/**
 * Server side of the `Candidatures` sidebar: the calls that have a review sheet here, the counts
 * by status against capacity, the selected row's application in full, and the reviewer's
 * cells of one row (found by its key, never by position: the user may have sorted the sheet).
 */
import * as z from "zod/mini";
import { readColumnTags } from "../../addon/intake/response-columns";
import { findResponsesSheet } from "../../addon/intake/responses-sheet";
import { readIntakeState } from "../../addon/intake/state";
import { openSidebar } from "../../addon/sidebars";
import { field, InputError } from "../../core/errors";
import type { CallDefinition } from "../../core/intake/call-schema";
import { CALL_IDS, callById, DEFAULT_CALL_ID } from "../../core/intake/calls";
import { asDate, formatParisDateTime } from "../../core/intake/paris-time";
import { responseKey } from "../../core/intake/response-key";
import {
  computedColumns,
  formatAnswer,
  reviewerColumns,
  STATUSES,
  statusSummary,
  submissionEligibility,
  weightedScoreFormula,
} from "../../core/intake/review";
import { type ReviewerProblem, readReviewerEntry } from "../../core/intake/reviewer-entry";
import { validateSubmission } from "../../core/intake/submission";
import { parseInFrench } from "../../core/zod-french";
import { readResponses } from "../../planning/intake/responses";
import {
  applicationRows,
  checkReviewHeader,
  findReviewRow,
  keyOfReviewRow,
  reviewSheetShape,
} from "../../planning/intake/review-plan";
import { asText, columnLetter } from "../../planning/sheet-layout";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const TO_REVIEW = "À instruire";
export const MAX_COMMENT = 5_000;
const MAX_SHORT = 200;
const MAX_DECISION = 2_000;

export interface CallChoice {
  readonly id: string;
  readonly title: string;
}

export interface Labelled {
  readonly label: string;
  readonly value: string;
}

export interface Application {
  readonly key: string;
  /** 1-based row in the review sheet, as it is now. */
  readonly row: number;
  readonly applicant: string;
  readonly computed: readonly Labelled[];
  readonly eligible: boolean;
  readonly eligibilityText: string;
  readonly reasons: readonly string[];
  /** Every answer, from the responses sheet; empty with `answersNote` when not found there. */
  readonly answers: readonly Labelled[];
  readonly answersNote: string | null;
  readonly status: string;
  readonly instructor: string;
  readonly scores: readonly (number | null)[];
  readonly weightedScore: number | null;
  readonly decision: string;
  readonly comment: string;
}

export interface Dashboard {
  readonly call: {
    readonly id: string;
    readonly title: string;
    readonly sheetName: string;
    readonly maxScore: number;
    readonly statuses: readonly string[];
    readonly criteria: readonly { readonly label: string; readonly weight: number }[];
  };
  readonly counts: readonly { readonly status: string; readonly count: number }[];
  readonly other: number;
  readonly retainedText: string;
  readonly warning: string | null;
  readonly application: Application | null;
  /** Why no application is shown, or what happened (e.g. none left to review). */
  readonly note: string | null;
}

// ---------------------------------------------------------------- requests

const callRequest = z.strictObject({ appel: z.string().check(z.maxLength(MAX_SHORT)) });
const nextRequest = z.strictObject({
  appel: z.string().check(z.maxLength(MAX_SHORT)),
  cle: z.optional(z.string().check(z.maxLength(MAX_SHORT))),
});
const saveRequest = z.strictObject({
  appel: z.string().check(z.maxLength(MAX_SHORT)),
  cle: z.string().check(z.minLength(1), z.maxLength(MAX_SHORT)),
  statut: z.enum(STATUSES),
  instructeur: z.string().check(z.maxLength(MAX_SHORT)),
  notes: z.array(z.nullable(z.number())).check(z.maxLength(50)),
  decision: z.string().check(z.maxLength(MAX_DECISION)),
  commentaire: z.string().check(z.maxLength(MAX_COMMENT)),
});

/** What the page sends to each entry point (the typed client, ui/shared/call-server.ts, checks it). */
export type CallRequest = z.infer<typeof callRequest>;
export type NextRequest = z.infer<typeof nextRequest>;
/** `statut` is the list's choice as the page reads it: a text the server checks against the list. */
export type SaveRequest = Omit<z.infer<typeof saveRequest>, "statut"> & { readonly statut: string };

const FIELD_NAMES: Record<string, string> = {
  appel: "appel",
  cle: "clé",
  statut: "Statut",
  instructeur: "Instructeur",
  notes: "notes",
  decision: "Décision",
  commentaire: "Commentaire interne",
};

function parseRequest<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  return parseInFrench(schema, value, "Demande refusée", FIELD_NAMES);
}

function reviewCallOf(id: string): CallDefinition {
  return callById(id, field("appel"));
}

// ---------------------------------------------------------------- reading

function reviewSheet(spreadsheet: Spreadsheet, call: CallDefinition): Sheet {
  const sheet = spreadsheet.getSheetByName(call.review.sheetName);
  if (!sheet) {
    throw new InputError(
      `Pas de feuille « ${call.review.sheetName} » pour l'appel ${call.id} : ` +
        "utilisez d'abord Lianes › Synchroniser les candidatures.",
    );
  }
  return sheet;
}

/** The sheet's values, refused when its columns are not the call's (moved or renamed). */
function reviewValues(sheet: Sheet, call: CallDefinition): unknown[][] {
  const values = sheet.getDataRange().getValues();
  checkReviewHeader(call, values[0] ?? []);
  return values;
}

function text(value: unknown): string {
  const date = asDate(value);
  if (date) return formatParisDateTime(date);
  if (typeof value === "number") return String(value).replace(".", ",");
  return String(value ?? "");
}

function scoreOf(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** The responses sheet of a call: from the document's intake state, or from the row's link. */
function responsesSheet(spreadsheet: Spreadsheet, call: CallDefinition, link: string): Sheet | undefined {
  const state = readIntakeState(PropertiesService.getDocumentProperties(), call.id);
  const gid = /#gid=(\d+)/.exec(link)?.[1];
  return (
    (state && findResponsesSheet(spreadsheet, state)) ??
    spreadsheet.getSheets().find((s) => gid !== undefined && s.getSheetId() === Number(gid))
  );
}

interface FullAnswers {
  readonly answers: Labelled[];
  readonly reasons?: readonly string[];
}

/** The response whose key is `key`, every answer labelled; its eligibility when readable. */
function fullAnswers(sheet: Sheet, call: CallDefinition, key: string): FullAnswers | undefined {
  const reading = readResponses(call, sheet.getDataRange().getValues(), readColumnTags(sheet));
  for (const { raw } of reading.submissions) {
    const result = validateSubmission(call, raw);
    if (result.ok) {
      if (result.submission.key !== key) continue;
      const a = result.submission.answers;
      return {
        answers: call.questions
          .filter((q) => a[q.id] !== undefined && formatAnswer(a[q.id], q) !== "")
          .map((q) => ({ label: q.label, value: formatAnswer(a[q.id], q) })),
        reasons: submissionEligibility(call, result.submission).reasons,
      };
    }
    const answers = Object.fromEntries(Object.entries(raw.answers).map(([k, v]) => [k, String(v ?? "")]));
    const rawKey = responseKey({
      receivedAt: asDate(raw.receivedAt) ?? new Date(0),
      answers,
      email: raw.email,
    });
    if (rawKey !== key) continue;
    return {
      answers: call.questions
        .filter((q) => (answers[q.id] ?? "") !== "")
        .map((q) => ({ label: q.label, value: answers[q.id] ?? "" })),
    };
  }
  return undefined;
}

const HIDDEN_COMPUTED = new Set(["key", "summary", "eligibility"]);

function applicationOnRow(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  call: CallDefinition,
  values: readonly (readonly unknown[])[],
  row: number,
): Application | null {
  const cells = values[row - 1];
  const shape = reviewSheetShape(call);
  if (!cells || row < 2) return null;
  const key = keyOfReviewRow(shape, cells);
  if (key === "") return null;
  const computed = computedColumns(call);
  const eligibilityColumn = computed.findIndex((c) => c.id === "eligibility");
  const eligibilityText = text(cells[eligibilityColumn]);
  const link = sheet.getRange(row, shape.computedCount, 1, 1).getFormulas()[0]?.[0] ?? "";
  const responses = responsesSheet(spreadsheet, call, link);
  const full = responses ? fullAnswers(responses, call, key) : undefined;
  const reviewer = reviewerColumns(call);
  const at = (id: string) => cells[shape.computedCount + reviewer.findIndex((c) => c.id === id)];
  const eligible = eligibilityText === "Éligible";
  // The reasons come from the response, read again; without it, the review sheet's verdict is
  // shown as written (never taken apart: its wording is for people, not for parsing).
  const reasons = full?.reasons ?? (eligible || eligibilityText === "" ? [] : [eligibilityText]);
  return {
    key,
    row,
    applicant: text(cells[shape.applicantColumn]),
    computed: computed
      .map((c, i) => ({ id: c.id, label: c.header, value: text(cells[i]) }))
      .filter((c) => !HIDDEN_COMPUTED.has(c.id))
      .map(({ label, value }) => ({ label, value })),
    eligible,
    eligibilityText,
    reasons,
    answers: full?.answers ?? [],
    answersNote: full
      ? null
      : "Réponse introuvable dans la feuille de réponses (supprimée ou formulaire délié) : seul le résumé est affiché.",
    status: text(cells[shape.statusColumn]).trim(),
    instructor: text(at("instructor")),
    scores: shape.scoreColumns.map((c) => scoreOf(cells[c])),
    weightedScore: scoreOf(cells[shape.weightedScoreColumn]),
    decision: text(cells[shape.decisionColumn]),
    comment: text(at("comment")),
  };
}

function dashboard(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  call: CallDefinition,
  values: readonly (readonly unknown[])[],
  row: number | undefined,
  note: string | null,
): Dashboard {
  const shape = reviewSheetShape(call);
  const body = applicationRows(values);
  const summary = statusSummary(
    call,
    body.map((r) => r[shape.statusColumn]),
  );
  const application = row === undefined ? null : applicationOnRow(spreadsheet, sheet, call, values, row);
  return {
    call: {
      id: call.id,
      title: call.title,
      sheetName: call.review.sheetName,
      maxScore: call.review.maxScore,
      statuses: [...STATUSES],
      criteria: call.review.criteria.map((c) => ({ label: c.label, weight: c.weight })),
    },
    counts: summary.counts,
    other: summary.other,
    retainedText: summary.retainedText,
    warning: summary.warning ?? null,
    application,
    note:
      note ??
      (application
        ? null
        : `Sélectionnez une ligne de la feuille « ${call.review.sheetName} », puis « Afficher la ligne sélectionnée ».`),
  };
}

/** The row selected in the call's review sheet, if the selection is there. */
function selectedRow(spreadsheet: Spreadsheet, sheet: Sheet): number | undefined {
  const range = spreadsheet.getActiveRange();
  if (!range || range.getSheet().getSheetId() !== sheet.getSheetId()) return undefined;
  return range.getRow() >= 2 ? range.getRow() : undefined;
}

function rowOfKey(call: CallDefinition, values: readonly (readonly unknown[])[], key: string): number {
  const index = findReviewRow(reviewSheetShape(call), values, key);
  if (index < 0) {
    throw new InputError(
      `Candidature introuvable dans « ${call.review.sheetName} » (clé « ${key} ») : ` +
        "la ligne a peut-être été supprimée ; sélectionnez-la de nouveau.",
    );
  }
  return index + 1;
}

// ---------------------------------------------------------------- entry points

/** Lianes › Tableau des candidatures */
export function menuTableauCandidatures(): void {
  openSidebar({ file: "candidatures", title: "Tableau des candidatures" });
}

/** The calls that have a review sheet in this spreadsheet, the default call first. */
export function serverCandidaturesAppels(): CallChoice[] {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const ids = [DEFAULT_CALL_ID, ...CALL_IDS.filter((id) => id !== DEFAULT_CALL_ID)];
  return ids
    .map((id) => callById(id))
    .filter((call) => spreadsheet.getSheetByName(call.review.sheetName) !== null)
    .map((call) => ({ id: call.id, title: call.title }));
}

/** Counts, capacity and the application on the row selected in the call's review sheet. */
export function serverCandidaturesTableau(request: unknown): Dashboard {
  const { appel } = parseRequest(callRequest, request);
  const call = reviewCallOf(appel);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = reviewSheet(spreadsheet, call);
  const values = reviewValues(sheet, call);
  return dashboard(spreadsheet, sheet, call, values, selectedRow(spreadsheet, sheet), null);
}

/**
 * Writes the reviewer cells of one application (status, instructor, scores, decision, comment;
 * the weighted score's formula again) in one write, nothing else; answers it refreshed.
 */
export function serverCandidatureEnregistrer(request: unknown): Dashboard {
  const r = parseRequest(saveRequest, request);
  const call = reviewCallOf(r.appel);
  const { criteria, maxScore } = call.review;
  const read = readReviewerEntry({ criteria, maxScore, statuses: STATUSES }, r);
  if ("problems" in read) throw (read.problems[0] as ReviewerProblem).error;
  const entry = read.entry;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = reviewSheet(spreadsheet, call);
  const row = rowOfKey(call, reviewValues(sheet, call), r.cle);
  const shape = reviewSheetShape(call);
  const scoreCells = shape.scoreColumns.map((c) => `${columnLetter(c + 1)}${row}`);
  const cells: Record<string, string | number> = {
    status: entry.status,
    instructor: asText(entry.instructor),
    weightedScore: weightedScoreFormula(criteria, scoreCells),
    decision: asText(entry.decision),
    comment: asText(entry.comment),
  };
  criteria.forEach((c, i) => {
    cells[`score:${c.id}`] = entry.scores[i] ?? "";
  });
  const block = reviewerColumns(call).map((c) => cells[c.id] ?? "");
  sheet.getRange(row, shape.computedCount + 1, 1, block.length).setValues([block]);
  SpreadsheetApp.flush();
  const values = reviewValues(sheet, call);
  return dashboard(spreadsheet, sheet, call, values, rowOfKey(call, values, r.cle), "Enregistré.");
}

/** Selects, after the given application (or the selection), the next one still to review. */
export function serverCandidatureSuivante(request: unknown): Dashboard {
  const r = parseRequest(nextRequest, request);
  const call = reviewCallOf(r.appel);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = reviewSheet(spreadsheet, call);
  const values = reviewValues(sheet, call);
  const shape = reviewSheetShape(call);
  const from = r.cle ? rowOfKey(call, values, r.cle) : (selectedRow(spreadsheet, sheet) ?? 1);
  const rows = values.length;
  for (let step = 1; step < rows; step++) {
    const row = ((from - 1 + step) % rows) + 1;
    if (row < 2) continue;
    if (String(values[row - 1]?.[shape.statusColumn] ?? "").trim() === TO_REVIEW) {
      sheet.activate();
      sheet.getRange(row, 1, 1, shape.headers.length).activate();
      return dashboard(spreadsheet, sheet, call, values, row, null);
    }
  }
  const current = r.cle ? from : selectedRow(spreadsheet, sheet);
  return dashboard(
    spreadsheet,
    sheet,
    call,
    values,
    current,
    `Aucune autre candidature « ${TO_REVIEW} » dans « ${call.review.sheetName} ».`,
  );
}
