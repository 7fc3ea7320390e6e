/**
 * The jury's menu actions and its share of the form-submit trigger: prepare a call's jury
 * (sheet and evaluation form), take each evaluation as it arrives, list what is missing.
 */

import { askForDefinition } from "../../addon/dialogs";
import { LOCK_WAIT_MS } from "../../addon/intake/pending";
import { findResponsesSheet } from "../../addon/intake/responses-sheet";
import { buildEvaluationForm } from "../../addon/jury/form";
import { type JuryRefresh, refreshJury } from "../../addon/jury/refresh";
import { allJuryStates, type JuryState, readJuryState, writeJuryState } from "../../addon/jury/state";
import { linkToSpreadsheet, openOrCreateForm } from "../../addon/linked-form";
import { writeLayout } from "../../addon/sheets";
import { errorMessage, InputError } from "../../core/errors";
import type { CallDefinition } from "../../core/intake/call-schema";
import { CALL_IDS, callById, DEFAULT_CALL_ID } from "../../core/intake/calls";
import { evaluationFormTitle } from "../../core/jury/evaluation-form";
import { missingEvaluations } from "../../core/jury/results";
import { jurySheetName, newJurySheetBlocks } from "../../planning/jury/jury-layout";
import { installFormSubmitTrigger } from "../intake/actions";

const PENDING_PREFIX = "lianes.jury.enattente.";
/** A handler holding the lock refreshes again while evaluations arrived meanwhile, this often at most. */
const MAX_ROUNDS = 3;

/** Creates (or updates) the jury sheet and evaluation form of a call; returns the form's link. */
export function prepareJury(call: CallDefinition): { formUrl: string; refresh: JuryRefresh } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const properties = PropertiesService.getDocumentProperties();
  const previous = readJuryState(properties, call.id);
  const form = openOrCreateForm(
    previous?.formId,
    evaluationFormTitle(call),
    `d'évaluation du jury ${call.id}`,
  );
  const same = previous?.formId === form.getId();
  const itemIds = buildEvaluationForm(form, call, [], same ? previous.itemIds : {});
  linkToSpreadsheet(form, spreadsheet);
  const bare: JuryState = { formId: form.getId(), itemIds };
  const responses = findResponsesSheet(spreadsheet, bare);
  const state: JuryState = responses ? { ...bare, responsesSheetId: responses.getSheetId() } : bare;
  writeJuryState(properties, call.id, state);
  const name = jurySheetName(call);
  if (!spreadsheet.getSheetByName(name)) {
    const sheet = spreadsheet.insertSheet(name);
    writeLayout(sheet, {
      name,
      blocks: newJurySheetBlocks(call, form.getPublishedUrl()),
      columnWidths: [160, 220, 180, 24],
      frozenRows: 4,
    });
  }
  installFormSubmitTrigger(spreadsheet);
  return { formUrl: form.getPublishedUrl(), refresh: refreshJury(spreadsheet, call, state) };
}

function withLock<T>(run: () => T): T | undefined {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return undefined;
  try {
    return run();
  } finally {
    lock.releaseLock();
  }
}

function logRefresh(call: CallDefinition, refresh: JuryRefresh): void {
  const counted = refresh.results.byMember.filter((m) => m.status !== "à faire").length;
  console.log(
    `Jury ${call.id} : ${refresh.members} membre(s), ${refresh.applications} candidature(s), ` +
      `${counted} évaluation(s) ou conflit(s) comptés, ${refresh.results.notCounted.length} non comptée(s).`,
  );
  for (const note of refresh.notes) console.warn(note);
}

/** The jury whose evaluation form writes to this sheet, if any. */
export function juryOfSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
): { callId: string; state: JuryState } | undefined {
  const stored = PropertiesService.getDocumentProperties().getProperties();
  return allJuryStates(stored).find(
    ({ state }) => findResponsesSheet(spreadsheet, state)?.getSheetId() === sheet.getSheetId(),
  );
}

/**
 * An evaluation arrived (the form-submit trigger found the jury's sheet). Under the document
 * lock, the jury is refreshed from the responses sheet, and again while others arrived meanwhile;
 * without the lock in time, a note asks the handler holding it (or the next one) to refresh.
 */
export function onJuryEvaluation(jury: { callId: string; state: JuryState }): void {
  const call = callById(jury.callId);
  const properties = PropertiesService.getDocumentProperties();
  const pending = `${PENDING_PREFIX}${call.id}`;
  const done = withLock(() => {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      properties.deleteProperty(pending);
      try {
        logRefresh(call, refreshJury(SpreadsheetApp.getActiveSpreadsheet(), call, jury.state));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        console.warn(`Jury ${call.id} : ${error.message}`);
        return true;
      }
      if (properties.getProperty(pending) === null) return true;
    }
    return true;
  });
  if (done === undefined) {
    properties.setProperty(pending, new Date().toISOString());
    console.warn(
      `Jury ${call.id} : verrou occupé, l'évaluation sera comptée par le traitement en cours ` +
        "ou au prochain envoi (Lianes › Jury › Évaluations manquantes la compte aussi).",
    );
  }
}

/** After a sync of the applications: every jury's list and columns follow. */
export function refreshJuriesAfterSync(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  for (const { callId, state } of allJuryStates(PropertiesService.getDocumentProperties().getProperties())) {
    try {
      refreshJury(spreadsheet, callById(callId), state);
    } catch (error) {
      console.warn(`Jury ${callId} non mis à jour : ${errorMessage(error)}`);
    }
  }
}

function askForCall(ui: GoogleAppsScript.Base.Ui, title: string): CallDefinition | undefined {
  return askForDefinition(ui, {
    title,
    question: `Appel à candidatures (${CALL_IDS.join(", ")}) ; laissez vide pour ${DEFAULT_CALL_ID} :`,
    defaultId: DEFAULT_CALL_ID,
    byId: callById,
    unknown: (error) => ({ title, message: error.message }),
  });
}

const BUSY = "Une synchronisation ou une évaluation est en cours. Réessayez dans une minute.";

/** Lianes › Jury › Préparer le jury… */
export function menuPreparerJury(): void {
  const ui = SpreadsheetApp.getUi();
  const title = "Préparer le jury";
  const call = askForCall(ui, title);
  if (!call) return;
  try {
    const prepared = withLock(() => prepareJury(call));
    if (!prepared) {
      ui.alert(title, BUSY, ui.ButtonSet.OK);
      return;
    }
    ui.alert(
      title,
      `Jury de l'appel ${call.id} prêt : ${prepared.refresh.members} membre(s), ` +
        `${prepared.refresh.applications} candidature(s) à évaluer.\n\n` +
        `Lien à envoyer aux membres : ${prepared.formUrl}\n\n` +
        `Ajoutez les membres dans la feuille « ${jurySheetName(call)} » (nom, e-mail, organisation) : ` +
        "seules leurs évaluations comptent.",
      ui.ButtonSet.OK,
    );
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    ui.alert(title, error.message, ui.ButtonSet.OK);
  }
}

/** Lianes › Jury › Évaluations manquantes */
export function menuEvaluationsManquantes(): void {
  const ui = SpreadsheetApp.getUi();
  const title = "Évaluations manquantes";
  const juries = allJuryStates(PropertiesService.getDocumentProperties().getProperties());
  if (juries.length === 0) {
    ui.alert(
      title,
      "Aucun jury dans ce classeur : utilisez d'abord Lianes › Jury › Préparer le jury…",
      ui.ButtonSet.OK,
    );
    return;
  }
  const jury = juries.length === 1 ? juries[0] : undefined;
  const call = jury ? callById(jury.callId) : askForCall(ui, title);
  if (!call) return;
  const state = jury?.state ?? readJuryState(PropertiesService.getDocumentProperties(), call.id);
  if (!state) {
    ui.alert(
      title,
      `L'appel ${call.id} n'a pas de jury : utilisez Lianes › Jury › Préparer le jury…`,
      ui.ButtonSet.OK,
    );
    return;
  }
  try {
    const refresh = withLock(() => refreshJury(SpreadsheetApp.getActiveSpreadsheet(), call, state));
    if (!refresh) {
      ui.alert(title, BUSY, ui.ButtonSet.OK);
      return;
    }
    const missing = missingEvaluations(refresh.results);
    ui.alert(
      title,
      missing.length === 0
        ? `Jury ${call.id} : toutes les évaluations sont reçues.`
        : `Jury ${call.id} :\n${missing
            .map((m) => `- ${m.member.name} : ${m.applications.length} à évaluer`)
            .join("\n")}\n\nLe texte de chaque relance est dans la feuille « ${jurySheetName(call)} ».`,
      ui.ButtonSet.OK,
    );
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    ui.alert(title, error.message, ui.ButtonSet.OK);
  }
}
