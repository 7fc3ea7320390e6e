/**
 * The intake's menu actions and its form-submit trigger: create (or update) a call's form,
 * synchronise the review sheet, and take each submission as it arrives.
 */

import type { CallDefinition } from "../../core/intake/call-schema";
import { CALL_IDS, callById, DEFAULT_CALL_ID } from "../../core/intake/calls";
import { askForDefinition } from "../dialogs";
import { prepareAcknowledgements } from "../letters/actions";
import { linkToSpreadsheet, openOrCreateForm } from "../linked-form";
import { buildFormItems } from "./form-builder";
import { pendingOf, recordPending, settlePending } from "./pending";
import { readColumnTags } from "./response-columns";
import { findResponsesSheet } from "./responses-sheet";
import { computeReviewRows, reviewSheetName, type SyncReport, syncReviewSheet } from "./review-sheet";
import { allIntakeStates, type IntakeState, readIntakeState, writeIntakeState } from "./state";

export const FORM_SUBMIT_HANDLER = "onFormSubmitLianes";
/** How long a submission waits for another one's sync before leaving its own for later. */
export const LOCK_WAIT_MS = 30_000;
/** A handler holding the lock syncs again while others left submissions pending, this often at most. */
const MAX_SYNC_ROUNDS = 3;
/**
 * No new round once this long has passed: an execution stops at 6 minutes, and one round
 * takes seconds even at 2 000 responses (about 90 service calls, whatever their number).
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

/** Creates the call's form, or updates it in place, linked to this spreadsheet, with the trigger. */
export function createOrUpdateForm(callId: string): FormCreation {
  const call = callById(callId);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const properties = PropertiesService.getDocumentProperties();
  const previous = readIntakeState(properties, call.id);
  const form = openOrCreateForm(previous?.formId, call.title, `de l'appel ${call.id}`);
  const updated = previous?.formId === form.getId();
  const itemIds = buildFormItems(form, call, updated ? previous.itemIds : {});
  linkToSpreadsheet(form, spreadsheet);
  const state: IntakeState = { formId: form.getId(), itemIds };
  const responses = findResponsesSheet(spreadsheet, state);
  writeIntakeState(properties, call.id, {
    ...state,
    ...(responses ? { responsesSheetId: responses.getSheetId() } : {}),
  });
  installFormSubmitTrigger(spreadsheet);
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
export function syncAllCalls(): CallSync[] {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const properties = PropertiesService.getDocumentProperties();
  // One read, before any responses sheet is: the pending notes it holds are all settled below.
  const stored = properties.getProperties();
  return allIntakeStates(stored).map(({ callId, state }): CallSync => {
    const responses = findResponsesSheet(spreadsheet, state);
    if (!responses) {
      console.warn(`Appel ${callId} : ${NO_RESPONSES_SHEET}`);
      return { callId, report: undefined };
    }
    const pending = pendingOf(stored, callId);
    const report = syncReviewSheet(spreadsheet, callById(callId), responses);
    const { found, missing } = settlePending(pending, report.keys);
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
}

const NO_RESPONSES_SHEET =
  "feuille de réponses introuvable (supprimée ?) : relancez Lianes › Créer le formulaire… pour relier " +
  "le formulaire à ce classeur ; ses réponses sont gardées par Forms.";

/** Syncs, and again while submissions of a synced call were left pending meanwhile (the caller holds the lock). */
function syncUntilNothingPending(): CallSync[] {
  const properties = PropertiesService.getDocumentProperties();
  const started = Date.now();
  let results = syncAllCalls();
  for (
    let round = 1;
    round < MAX_SYNC_ROUNDS &&
    Date.now() - started < SYNC_ROUNDS_BUDGET_MS &&
    stillPending(properties, results);
    round++
  ) {
    results = mergeSyncs(results, syncAllCalls());
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

/** The call whose responses sheet received the event. */
function callOfEvent(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
): { call: CallDefinition } | undefined {
  const properties = PropertiesService.getDocumentProperties();
  // Apps Script hands out a new Sheet object on every call: compare sheets by id.
  const match = allIntakeStates(properties.getProperties()).find(
    ({ state }) => findResponsesSheet(spreadsheet, state)?.getSheetId() === sheet.getSheetId(),
  );
  return match ? { call: callById(match.callId) } : undefined;
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

/** The key of the response on the event's row, as the sync computes it; undefined if the row is blank. */
function keyOfEventRow(
  call: CallDefinition,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
): string | undefined {
  const width = sheet.getLastColumn();
  if (width === 0 || row < 2 || row > sheet.getLastRow()) return undefined;
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const values = sheet.getRange(row, 1, 1, width).getValues()[0] ?? [];
  return computeReviewRows(call, [header, values], sheet.getSheetId(), readColumnTags(sheet)).rows[0]?.key;
}

/**
 * The form-submit trigger. Under the document lock, it synchronises the review sheet from the
 * responses sheet (where Forms has already written the response): the same response delivered
 * twice gives one row. Without the lock in time, it notes the response as pending, for the
 * handler holding the lock (which syncs again before letting go), the next event or sync.
 */
export function onFormSubmit(event: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  if (!event?.range || !hasAnswers(event)) {
    console.log("Envoi de formulaire sans réponse ignoré (Sheets en déclenche parfois).");
    return;
  }
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = event.range.getSheet();
  const match = callOfEvent(spreadsheet, sheet);
  if (!match) {
    console.log(`Réponse reçue dans « ${sheet.getName()} », qui n'est la feuille d'aucun appel.`);
    return;
  }
  const { call } = match;
  const row = event.range.getRow();
  const key = keyOfEventRow(call, sheet, row);
  if (key === undefined) {
    console.warn(
      `Appel ${call.id} : la ligne ${row} de la feuille de réponses est vide (réponse supprimée ` +
        "avant son traitement ?) ; la feuille d'instruction est synchronisée quand même.",
    );
  }
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    recordPending(PropertiesService.getDocumentProperties(), call.id, key, row, new Date());
    console.warn(
      `Appel ${call.id} : verrou occupé, la réponse de la ligne ${row} est notée en attente et sera ` +
        "reprise par la synchronisation en cours, au prochain envoi ou à la prochaine synchronisation.",
    );
    return;
  }
  try {
    for (const { callId, report } of syncUntilNothingPending()) {
      logReport(callId, report);
      // The acknowledgement, when the call asks for one: prepared in `Courriers`, never sent.
      if (callId === call.id && report) prepareAcknowledgements(call, report.addedKeys);
      if (callId === call.id && report && key !== undefined && !report.addedKeys.includes(key)) {
        console.log(
          `Appel ${call.id} : la réponse de la ligne ${row} était déjà dans la feuille d'instruction ` +
            "(envoi rejoué ou déjà repris) : rien à ajouter.",
        );
      }
    }
  } finally {
    lock.releaseLock();
  }
}

/** Lianes › Créer le formulaire… */
export function menuCreateForm(): void {
  const ui = SpreadsheetApp.getUi();
  const call = askForDefinition(ui, {
    title: "Créer le formulaire",
    question: `Appel à candidatures (${CALL_IDS.join(", ")}) ; laissez vide pour ${DEFAULT_CALL_ID} :`,
    defaultId: DEFAULT_CALL_ID,
    byId: callById,
    unknown: (error) => ({ title: "Créer le formulaire", message: error.message }),
  });
  if (!call) return;
  const created = createOrUpdateForm(call.id);
  ui.alert(
    created.updated ? "Formulaire mis à jour" : "Formulaire créé",
    `${created.call.title}\n\nLien à diffuser : ${created.publishedUrl}\nModifier : ${created.editUrl}\n\n` +
      `Les réponses arrivent dans la feuille « ${reviewSheetName(created.call)} ».`,
    ui.ButtonSet.OK,
  );
}

/** Lianes › Synchroniser les candidatures */
export function menuSyncApplications(): void {
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
            .map(({ callId, report }) =>
              report
                ? `${callId} : ${report.added} ajoutée(s), ${report.updated} à jour${
                    report.notes.length ? ` — ${report.notes.length} remarque(s) dans le journal` : ""
                  }`
                : `${callId} : ${NO_RESPONSES_SHEET}`,
            )
            .join("\n"),
    );
  } finally {
    lock.releaseLock();
  }
}
