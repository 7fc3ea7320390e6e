/**
 * Entry points the intake and the jury share. The spreadsheet has one form-submit trigger, run
 * for every form linked here: an evaluation goes to its jury, anything else is an application.
 * A sync of the applications also brings each jury's list of applications and columns up to date.
 */
import { LOCK_WAIT_MS } from "../addon/intake/pending";
import { onApplicationSubmit, syncApplicationsWithAlert } from "./intake/actions";
import { juryOfSheet, onJuryEvaluation, refreshJuriesAfterSync } from "./jury/actions";

export function onFormSubmitLianes(event: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  const sheet = event?.range?.getSheet();
  const jury = sheet ? juryOfSheet(SpreadsheetApp.getActiveSpreadsheet(), sheet) : undefined;
  if (jury) onJuryEvaluation(jury);
  else onApplicationSubmit(event);
}

/** Lianes › Synchroniser les candidatures: the review sheets, then the juries. */
export function menuSynchroniserCandidatures(): void {
  syncApplicationsWithAlert();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return;
  try {
    refreshJuriesAfterSync();
  } finally {
    lock.releaseLock();
  }
}
