/**
 * The intake's menu actions and its form-submit trigger: create (or update) a call's form,
 * synchronise the review sheet, and take each submission as it arrives.
 */

import { askForDefinition } from "../../addon/dialogs";
import { buildFormItems } from "../../addon/intake/form-builder";
import {
  LOCK_WAIT_MS,
  pendingOf,
  pendingProperty,
  recordPending,
  settlePending,
} from "../../addon/intake/pending";
import { findResponsesSheet } from "../../addon/intake/responses-sheet";
import { type SyncReport, syncReviewSheet } from "../../addon/intake/review-sheet";
import {
  allIntakeStates,
  type IntakeState,
  readIntakeState,
  writeIntakeState,
} from "../../addon/intake/state";
import {
  type ResponsesHeader,
  readEventResponse,
  readResponseRows,
  type SubmissionsTaken,
  takeSubmissions,
} from "../../addon/intake/submission-sync";
import {
  availableCallIds,
  callForIntake,
  checkReviewSheetFree,
  findCall,
  personalQuestions,
} from "../../addon/intake/workbook-calls";
import { linkToSpreadsheet, openOrCreateForm } from "../../addon/linked-form";
import { replaceSheetContents } from "../../addon/sheets";
import { InputError } from "../../core/errors";
import type { CallDefinition } from "../../core/intake/call-schema";
import { DEFAULT_CALL_ID } from "../../core/intake/calls";
import { fnv1a } from "../../core/intake/response-key";
import { reviewSheetName } from "../../planning/intake/review-rows";
import type { NewSubmission } from "../../planning/intake/submission-plan";
import { decisionSummaryLayout, summarySheetName } from "../../planning/intake/summary";
import { prepareAcknowledgements } from "../letters/actions";

/** The trigger's global, stored by Apps Script in each installed trigger: never renamed. */
export const FORM_SUBMIT_HANDLER = "onFormSubmitLianes";
/** A handler holding the lock syncs again while others left submissions pending, this often at most. */
const MAX_SYNC_ROUNDS = 3;
/**
 * No new round once this long has passed: an execution stops at 6 minutes, and one round of
 * the full sync takes seconds even at 2 000 responses (about 135 service calls, whatever their
 * number); a round of submissions taken on their own, about 50.
 */
const SYNC_ROUNDS_BUDGET_MS = 120_000;
const TRIGGER_PROPERTY = "lianes.trigger";

/** Installs the spreadsheet's form-submit trigger, once: a second install finds the first. */
export function installFormSubmitTrigger(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const existing = ScriptApp.getProjectTriggers().find(
    (t) =>
      t.getHandlerFunction() === FORM_SUBMIT_HANDLER &&
      t.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT,
  );
  const trigger =
    existing ?? ScriptApp.newTrigger(FORM_SUBMIT_HANDLER).forSpreadsheet(spreadsheet).onFormSubmit().create();
  PropertiesService.getDocumentProperties().setProperty(TRIGGER_PROPERTY, trigger.getUniqueId());
  return trigger.getUniqueId();
}

export interface FormCreation {
  readonly call: CallDefinition;
  readonly formId: string;
  readonly publishedUrl: string;
  readonly editUrl: string;
  readonly updated: boolean;
}

/**
 * Creates the call's form, or updates it in place, linked to this spreadsheet, with the
 * trigger. The call is the workbook's sheet `Appel <id>` when there is one, validated before
 * anything is built (an InputError lists every cell to fix), else the shipped template.
 */
export function createOrUpdateForm(callId: string): FormCreation {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const properties = PropertiesService.getDocumentProperties();
  const previous = readIntakeState(properties, callId.trim().toUpperCase());
  const { call, fromSheet } = callForIntake(spreadsheet, callId, previous, { build: true });
  checkReviewSheetFree(
    spreadsheet,
    call,
    allIntakeStates(properties.getProperties()).map((s) => s.callId),
  );
  const form = openOrCreateForm(previous?.formId, call.title, `de l'appel ${call.id}`);
  const updated = previous?.formId === form.getId();
  const itemIds = buildFormItems(form, call, updated ? previous.itemIds : {});
  linkToSpreadsheet(form, spreadsheet);
  const state: IntakeState = { formId: form.getId(), itemIds };
  const responses = findResponsesSheet(spreadsheet, state);
  writeIntakeState(properties, call.id, {
    ...state,
    ...(responses ? { responsesSheetId: responses.getSheetId() } : {}),
    personal: personalQuestions(call),
    ...(fromSheet ? { fromSheet } : {}),
  });
  installFormSubmitTrigger(spreadsheet);
  // The committee's summary is there from the start (counts at 0, its chart made once: a sync
  // rewrites the values and the chart follows them).
  if (!spreadsheet.getSheetByName(summarySheetName(call))) {
    replaceSheetContents(spreadsheet, decisionSummaryLayout(call, []));
  }
  return {
    call,
    formId: form.getId(),
    publishedUrl: form.getPublishedUrl(),
    editUrl: form.getEditUrl(),
    updated,
  };
}

/**
 * Synchronises the review sheet of every call that has a form here (the caller holds the
 * document lock). Submissions noted pending before the responses were read are settled: found
 * in the review sheet, or reported gone; those noted during the sync wait for the next one.
 */
export function syncAllCalls(
  properties = PropertiesService.getDocumentProperties(),
  /** The pending note of the handler's own response: settled without being counted as one left. */
  ownNote?: string,
): CallSync[] {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  // One read, before any responses sheet is: the pending notes it holds are all settled below.
  const stored = properties.getProperties();
  return allIntakeStates(stored).map(({ callId, state }): CallSync => {
    const responses = findResponsesSheet(spreadsheet, state);
    if (!responses) {
      console.warn(`Appel ${callId} : ${NO_RESPONSES_SHEET}`);
      return { callId, report: undefined };
    }
    const pending = pendingOf(stored, callId);
    let call: CallDefinition;
    try {
      call = callForIntake(spreadsheet, callId, state).call;
    } catch (error) {
      // A call sheet edited into an invalid state: its responses wait in their sheet, the other calls sync.
      if (!(error instanceof InputError)) throw error;
      console.warn(`Appel ${callId} : ${error.message}`);
      return { callId, report: undefined, problem: error.message };
    }
    const report = syncReviewSheet(spreadsheet, call, responses, { properties, stored });
    const { found, missing } = settlePending(
      pending.filter((p) => p.property !== ownNote),
      report.keys,
    );
    const notes = [...report.notes];
    if (found.length > 0) notes.push(`${found.length} réponse(s) laissée(s) en attente reprise(s).`);
    for (const gone of missing) {
      notes.push(
        `Réponse laissée en attente (ligne ${gone.row}) absente de la feuille de réponses : ` +
          "supprimée avant d'être reprise ?",
      );
    }
    for (const p of pending) properties.deleteProperty(p.property);
    return { callId, report: { ...report, notes } };
  });
}

/** What a sync did for one call; no report when its responses sheet is gone. */
export interface CallSync {
  readonly callId: string;
  readonly report: SyncReport | undefined;
  /** Why the call was not synced, when its sheet `Appel <id>` does not hold together. */
  readonly problem?: string;
}

const NO_RESPONSES_SHEET =
  "feuille de réponses introuvable (supprimée ?) : relancez Lianes › Créer le formulaire… pour relier " +
  "le formulaire à ce classeur ; ses réponses sont gardées par Forms.";

/** Syncs, and again while submissions of a synced call were left pending meanwhile (the caller holds the lock). */
function syncUntilNothingPending(ownNote?: string): CallSync[] {
  const properties = PropertiesService.getDocumentProperties();
  const started = Date.now();
  let results = syncAllCalls(properties, ownNote);
  for (
    let round = 1;
    round < MAX_SYNC_ROUNDS &&
    Date.now() - started < SYNC_ROUNDS_BUDGET_MS &&
    stillPending(properties, results);
    round++
  ) {
    results = mergeSyncs(results, syncAllCalls(properties));
  }
  return results;
}

function stillPending(
  properties: GoogleAppsScript.Properties.Properties,
  results: readonly CallSync[],
): boolean {
  const all = properties.getProperties();
  return results.some((r) => r.report !== undefined && pendingOf(all, r.callId).length > 0);
}

/** Two rounds of a sync as one: what both added, the state after the later. */
function mergeSyncs(earlier: readonly CallSync[], later: readonly CallSync[]): CallSync[] {
  return later.map((next) => {
    const before = earlier.find((e) => e.callId === next.callId)?.report;
    const report = next.report;
    if (!before || !report) return next;
    return {
      callId: next.callId,
      report: {
        ...report,
        addedKeys: [...before.addedKeys, ...report.addedKeys],
        added: before.added + report.added,
        notes: [...before.notes, ...report.notes],
      },
    };
  });
}

/** The call whose responses sheet received the event, from the properties read (`getProperties()`). */
function callOfEvent(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheetId: number,
  stored: Readonly<Record<string, string>>,
): CallDefinition | undefined {
  const states = allIntakeStates(stored);
  // Apps Script hands out a new Sheet object on every call: compare sheets by id.
  const match =
    states.find(({ state }) => state.responsesSheetId === sheetId) ??
    states.find(({ state }) => findResponsesSheet(spreadsheet, state)?.getSheetId() === sheetId);
  return match ? callForIntake(spreadsheet, match.callId, match.state).call : undefined;
}

function logReport(callId: string, report: SyncReport | undefined): void {
  if (!report) return;
  console.log(
    `Appel ${callId} : ${report.added} candidature(s) ajoutée(s), ${report.updated} mise(s) à jour` +
      `${report.unreadable ? `, ${report.unreadable} illisible(s)` : ""}.`,
  );
  for (const note of report.notes) console.log(note);
}

function hasAnswers(event: GoogleAppsScript.Events.SheetsOnFormSubmit): boolean {
  const values = Array.isArray(event.values) ? event.values.slice(1) : [];
  return values.some((v) => String(v ?? "").trim() !== "");
}

/**
 * The form-submit trigger. It reads its own response (the row, the header, the column tags
 * once) and notes it as pending before waiting for the document lock, so that a handler that
 * stops for any reason leaves it for the next one. Under the lock, it takes its response and
 * the call's other pending ones into the review sheet on their own (see submission-sync):
 * the same response delivered twice gives one row. What that path cannot decide goes to the
 * full sync. Without the lock in time, the note stays, for the handler holding the lock (which
 * looks again before letting go), the next event or Synchroniser les candidatures.
 */
export function onApplicationSubmit(event: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  if (!event?.range || !hasAnswers(event)) {
    console.log("Envoi de formulaire sans réponse ignoré (Sheets en déclenche parfois).");
    return;
  }
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = event.range.getSheet();
  const properties = PropertiesService.getDocumentProperties();
  const stored = properties.getProperties();
  const sheetId = sheet.getSheetId();
  let call: CallDefinition | undefined;
  try {
    call = callOfEvent(spreadsheet, sheetId, stored);
  } catch (error) {
    // The call's sheet no longer holds together: the response waits in its sheet for the sync after the fix.
    if (!(error instanceof InputError)) throw error;
    console.warn(
      `Réponse de la ligne ${event.range.getRow()} gardée dans « ${sheet.getName()} », reprise à la ` +
        `prochaine synchronisation une fois l'appel corrigé : ${error.message}`,
    );
    return;
  }
  if (!call) {
    console.log(`Réponse reçue dans « ${sheet.getName()} », qui n'est la feuille d'aucun appel.`);
    return;
  }
  const row = event.range.getRow();
  const own = readEventResponse(call, sheet, sheetId, row, properties, stored);
  const key = own.submission?.row.key;
  if (key === undefined) {
    console.warn(
      `Appel ${call.id} : la ligne ${row} de la feuille de réponses est vide (réponse supprimée ` +
        "avant son traitement ?) ; la feuille d'instruction est synchronisée quand même.",
    );
  }
  // Noted before waiting: removed only once the response is in the review sheet.
  const noted = key !== undefined && recordPending(properties, call.id, key, row, new Date());
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    if (key === undefined) recordPending(properties, call.id, key, row, new Date());
    console.warn(
      `Appel ${call.id} : verrou occupé, la réponse de la ligne ${row} est notée en attente et sera ` +
        "reprise par la synchronisation en cours, au prochain envoi ou à la prochaine synchronisation.",
    );
    return;
  }
  try {
    for (const note of own.notes) console.log(note);
    const ownNote = noted && key !== undefined ? pendingProperty(call.id, key) : undefined;
    // A blank row was said above; otherwise, why the full sync must do it, if it must.
    if (own.submission) {
      const reason = own.columns.tagged
        ? takeUntilNothingPending(spreadsheet, properties, call, own.columns, own.submission, ownNote)
        : "colonnes de la feuille de réponses à marquer";
      if (reason === undefined) return;
      console.log(`Appel ${call.id} : synchronisation complète (${reason}).`);
    }
    for (const { callId, report } of syncUntilNothingPending(ownNote)) {
      logReport(callId, report);
      // The acknowledgement, when the call asks for one: prepared in `Courriers`, never sent.
      if (callId === call.id && report) prepareAcknowledgements(call, report.addedKeys);
      if (callId === call.id && report && key !== undefined && !report.addedKeys.includes(key)) {
        logAlreadyThere(call.id, row);
      }
    }
  } finally {
    lock.releaseLock();
  }
}

function logAlreadyThere(callId: string, row: number): void {
  console.log(
    `Appel ${callId} : la réponse de la ligne ${row} était déjà dans la feuille d'instruction ` +
      "(envoi rejoué ou déjà repris) : rien à ajouter.",
  );
}

/** A handler holding the lock takes the submissions noted meanwhile, this often at most. */
const MAX_TAKE_ROUNDS = 6;

/**
 * Takes the handler's own submission and the call's pending ones on their own, again while
 * others were noted meanwhile (the caller holds the lock). Undefined once they are taken, else
 * why the full sync must take them (whatever was taken before stays, with its notes removed).
 */
function takeUntilNothingPending(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  properties: GoogleAppsScript.Properties.Properties,
  call: CallDefinition,
  columns: ResponsesHeader,
  own: NewSubmission,
  ownNote: string | undefined,
): string | undefined {
  const started = Date.now();
  for (let round = 0; round < MAX_TAKE_ROUNDS && Date.now() - started < SYNC_ROUNDS_BUDGET_MS; round++) {
    const pending = pendingOf(properties.getProperties(), call.id);
    const others = pending.filter((p) => p.property !== ownNote);
    if (round > 0 && pending.length === 0) break;
    if (others.some((p) => p.keyHash === undefined)) return "réponse en attente sans clé";
    const read = readResponseRows(
      call,
      columns,
      others.map((p) => p.row),
    );
    const submissions: NewSubmission[] = round === 0 ? [own] : [];
    for (const p of others) {
      const row = read.get(p.row);
      if (!row || fnv1a(row.key) !== p.keyHash) return "réponse en attente introuvable à sa ligne";
      submissions.push({ responseRow: p.row, row });
    }
    const outcome = takeSubmissions(spreadsheet, call, columns.sheetId, submissions);
    if (outcome.kind === "full") return outcome.reason;
    for (const p of pending) properties.deleteProperty(p.property);
    logTaken(call, outcome, round === 0 ? own : undefined, others.length);
    // The acknowledgement, when the call asks for one: prepared in `Courriers`, never sent.
    prepareAcknowledgements(
      call,
      outcome.added.map((a) => a.row.key),
    );
  }
  return undefined;
}

function logTaken(
  call: CallDefinition,
  taken: SubmissionsTaken,
  own: NewSubmission | undefined,
  fromNotes: number,
): void {
  console.log(
    `Appel ${call.id} : ${taken.added.length} candidature(s) ajoutée(s), ${taken.updated.length} mise(s) à jour.`,
  );
  for (const u of taken.updated) {
    console.log(
      `Candidature n° ${u.number} : réponse corrigée dans la feuille de réponses, ligne mise à jour.`,
    );
  }
  if (fromNotes > 0) console.log(`${fromNotes} réponse(s) laissée(s) en attente reprise(s).`);
  if (own && taken.present.some((p) => p.row.key === own.row.key)) logAlreadyThere(call.id, own.responseRow);
}

/** Lianes › Créer le formulaire… */
export function menuCreerFormulaire(): void {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const ids = availableCallIds(spreadsheet);
  const defaultId = ids[0] ?? DEFAULT_CALL_ID;
  // The call is read (and validated) here: an invalid sheet is said before any form is touched.
  const call = askForDefinition(ui, {
    title: "Créer le formulaire",
    question: `Appel à candidatures (${ids.join(", ")}) ; laissez vide pour ${defaultId} :`,
    defaultId,
    byId: (id) => findCall(spreadsheet, id),
    unknown: (error) => ({ title: "Créer le formulaire", message: error.message }),
  });
  if (!call) return;
  let created: FormCreation;
  try {
    created = createOrUpdateForm(call.id);
  } catch (error) {
    // Said before anything is built (a personal mark changed once responses exist, a review sheet taken).
    if (!(error instanceof InputError)) throw error;
    ui.alert("Créer le formulaire", error.message, ui.ButtonSet.OK);
    return;
  }
  ui.alert(
    created.updated ? "Formulaire mis à jour" : "Formulaire créé",
    `${created.call.title}\n\nLien à diffuser : ${created.publishedUrl}\nModifier : ${created.editUrl}\n\n` +
      `Les réponses arrivent dans la feuille « ${reviewSheetName(created.call)} ».`,
    ui.ButtonSet.OK,
  );
}

/** Lianes › Synchroniser les candidatures */
export function syncApplicationsWithAlert(): void {
  const ui = SpreadsheetApp.getUi();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    ui.alert(
      "Synchronisation impossible pour l'instant : une autre est en cours. Réessayez dans une minute.",
    );
    return;
  }
  try {
    const results = syncUntilNothingPending();
    for (const { callId, report } of results) logReport(callId, report);
    ui.alert(
      results.length === 0
        ? "Aucun formulaire n'est lié à ce classeur : utilisez d'abord Lianes › Créer le formulaire…"
        : results
            .map(({ callId, report, problem }) =>
              report
                ? `${callId} : ${report.added} ajoutée(s), ${report.updated} à jour${
                    report.notes.length ? ` — ${report.notes.length} remarque(s) dans le journal` : ""
                  }`
                : `${callId} : ${problem ?? NO_RESPONSES_SHEET}`,
            )
            .join("\n"),
    );
  } finally {
    lock.releaseLock();
  }
}
