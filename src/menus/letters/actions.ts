/**
 * `Lianes › Courriers`: prepare the letters the applications' statuses call for (rows « à
 * relire » in `Courriers`), send the ticked ones with MailApp, and prepare the acknowledgement
 * from the form-submit trigger when the call asks for it. A person reads and ticks every message.
 */

import { allIntakeStates, type IntakeState } from "../../addon/intake/state";
import { readLetterApplications } from "../../addon/letters/applications";
import {
  appendLetters,
  COLUMN,
  OUTBOX_SHEET,
  outboxSheet,
  readOutbox,
} from "../../addon/letters/outbox-sheet";
import { readTemplates, TEMPLATES_SHEET } from "../../addon/letters/templates-sheet";
import { errorMessage, InputError } from "../../core/errors";
import type { CallDefinition } from "../../core/intake/call-schema";
import { callById } from "../../core/intake/calls";
import {
  eventLabel,
  type LetterEventId,
  type PlannedLetter,
  planLetters,
  planSending,
  SENDING,
  sentStamp,
  templateProblems,
} from "../../core/letters";
import { asText } from "../../planning/sheet-layout";

const LOCK_WAIT_MS = 30_000;
/** The sender's name recipients see. */
export const SENDER_NAME = "Lianes coopération";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface PreparedLetters {
  readonly letters: readonly PlannedLetter[];
  readonly notes: readonly string[];
}

/**
 * Plans then appends the letters of these calls (the caller holds the document lock). The
 * templates are checked first: one unknown placeholder and nothing is prepared.
 */
export function prepareLetters(
  spreadsheet: Spreadsheet,
  calls: readonly { call: CallDefinition; state: IntakeState }[],
  options: { readonly event?: LetterEventId; readonly keys?: ReadonlySet<string> } = {},
): PreparedLetters {
  const reading = readTemplates(spreadsheet);
  const problems = [...reading.problems];
  for (const { call } of calls) problems.push(...templateProblems(reading.templates, call));
  if (problems.length > 0) {
    throw new InputError(
      `Aucun courrier préparé : corrigez d'abord la feuille « ${TEMPLATES_SHEET} ».\n${[...new Set(problems)].join("\n")}`,
    );
  }
  const sheet = outboxSheet(spreadsheet);
  const existing = readOutbox(sheet).ids;
  const letters: PlannedLetter[] = [];
  const notes: string[] = [];
  for (const { call, state } of calls) {
    const all = readLetterApplications(spreadsheet, call, state);
    if (!all) continue;
    const applications = options.keys
      ? all.filter((a) => a.submission !== undefined && options.keys?.has(a.submission.key))
      : all;
    const plan = planLetters({
      call,
      templates: reading.templates,
      signature: reading.signature,
      applications,
      existing,
      ...(options.event ? { event: options.event } : {}),
    });
    letters.push(...plan.letters);
    notes.push(...plan.notes);
  }
  appendLetters(sheet, letters);
  return { letters, notes };
}

function callsWithForms(): { call: CallDefinition; state: IntakeState }[] {
  return allIntakeStates(PropertiesService.getDocumentProperties().getProperties()).map(
    ({ callId, state }) => ({ call: callById(callId), state }),
  );
}

function countByEvent(letters: readonly PlannedLetter[]): string {
  const counts = new Map<string, number>();
  for (const l of letters) counts.set(eventLabel(l.event), (counts.get(eventLabel(l.event)) ?? 0) + 1);
  return [...counts].map(([label, n]) => `${n} « ${label} »`).join(", ");
}

function withDocumentLock<T>(ui: GoogleAppsScript.Base.Ui, what: string, run: () => T): T | undefined {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    ui.alert(`${what} impossible pour l'instant : une autre action est en cours. Réessayez dans une minute.`);
    return undefined;
  }
  try {
    return run();
  } finally {
    lock.releaseLock();
  }
}

/** Lianes › Courriers › Préparer les courriers */
export function menuPreparerCourriers(): void {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  withDocumentLock(ui, "Préparation des courriers", () => {
    const calls = callsWithForms();
    if (calls.length === 0) {
      ui.alert("Aucun formulaire n'est lié à ce classeur : utilisez d'abord Lianes › Créer le formulaire…");
      return;
    }
    let prepared: PreparedLetters;
    try {
      prepared = prepareLetters(spreadsheet, calls);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      ui.alert("Modèles de courriers à corriger", error.message, ui.ButtonSet.OK);
      return;
    }
    for (const note of prepared.notes) console.log(note);
    const { letters, notes } = prepared;
    ui.alert(
      "Courriers préparés",
      (letters.length === 0
        ? "Aucun nouveau courrier : chaque candidature dont le statut appelle un courrier en a déjà un."
        : `${letters.length} courrier(s) ajouté(s) à la feuille « ${OUTBOX_SHEET} » (${countByEvent(letters)}), ` +
          "au statut « à relire ».\n\nRelisez et modifiez-les si besoin, cochez « Envoyer », puis " +
          "Lianes › Courriers › Envoyer les courriers cochés.") +
        (notes.length ? `\n\n${notes.join("\n")}` : ""),
      ui.ButtonSet.OK,
    );
    spreadsheet.getSheetByName(OUTBOX_SHEET)?.activate();
  });
}

export interface SendReport {
  readonly sent: number;
  readonly refused: number;
  readonly waiting: number;
  readonly alreadySent: number;
  /** Rows (1-based) left « envoi en cours » by an earlier sending: not sent again. */
  readonly uncertain: readonly number[];
  /** The error that stopped the sending, if one did (the rows before it are stamped). */
  readonly failure?: string;
}

/**
 * Sends the ticked rows of `Courriers` (the caller holds the document lock): the day's quota
 * is read first; each row is stamped `envoyé le …` right after its message has gone, so a
 * failure midway leaves the sent rows stamped and a retry sends only the others.
 */
export function sendTickedLetters(spreadsheet: Spreadsheet, now: () => Date = () => new Date()): SendReport {
  const sheet = spreadsheet.getSheetByName(OUTBOX_SHEET);
  if (!sheet) return { sent: 0, refused: 0, waiting: 0, alreadySent: 0, uncertain: [] };
  const { rows } = readOutbox(sheet);
  const quota = MailApp.getRemainingDailyQuota();
  const plan = planSending(rows, quota);
  for (const { row, reason } of plan.refused) {
    sheet.getRange(row.row, COLUMN.status, 1, 2).setValues([[reason, false]]);
  }
  let sent = 0;
  let failure: string | undefined;
  for (const row of plan.toSend) {
    const status = sheet.getRange(row.row, COLUMN.status);
    status.setValue(SENDING);
    try {
      MailApp.sendEmail({
        to: row.recipient.trim(),
        subject: row.subject,
        body: row.body,
        name: SENDER_NAME,
      });
    } catch (error) {
      failure = `ligne ${row.row} : ${errorMessage(error)}`;
      console.warn(`Courriers : envoi interrompu à la ligne ${row.row} (${errorMessage(error)}).`);
      // Not sent: the row is as it was (if this write fails too, « envoi en cours » says to check).
      status.setValue(asText(row.status));
      break;
    }
    sent++;
    try {
      sheet.getRange(row.row, COLUMN.status, 1, 2).setValues([[sentStamp(now()), false]]);
    } catch (error) {
      // Sent, but not stamped: the row stays « envoi en cours », never sent again blindly.
      failure = `ligne ${row.row} : message envoyé mais la ligne n'a pas pu être marquée (${errorMessage(error)})`;
      console.warn(`Courriers : ${failure}.`);
      break;
    }
  }
  return {
    sent,
    refused: plan.refused.length,
    waiting: plan.waiting.length,
    alreadySent: plan.alreadySent.length,
    uncertain: plan.uncertain.map((r) => r.row),
    ...(failure ? { failure } : {}),
  };
}

/** The French summary of a sending. */
export function sendReportText(report: SendReport, quotaLeft: number): string {
  const lines = [
    `${report.sent} courrier(s) envoyé(s), chacun marqué « envoyé le … » dans « ${OUTBOX_SHEET} ».`,
  ];
  if (report.failure) {
    lines.push(
      `Envoi interrompu (${report.failure}). Les courriers envoyés sont marqués ; relancez Lianes › Courriers › ` +
        "Envoyer les courriers cochés pour les autres : aucun ne part deux fois.",
    );
  }
  if (report.refused > 0) {
    lines.push(
      `${report.refused} refusé(s) : adresse e-mail invalide ou texte vide (motif écrit sur la ligne).`,
    );
  }
  if (report.waiting > 0 && !report.failure) {
    lines.push(
      `${report.waiting} courrier(s) attendent demain : le quota quotidien d'e-mails est atteint ` +
        `(${quotaLeft} restant). Ils restent cochés ; relancez l'envoi demain.`,
    );
  }
  if (report.alreadySent > 0) lines.push(`${report.alreadySent} déjà envoyé(s) : pas renvoyé(s).`);
  if (report.uncertain.length > 0) {
    lines.push(
      `Ligne(s) ${report.uncertain.join(", ")} restée(s) « ${SENDING} » lors d'un envoi précédent : le message est ` +
        "peut-être parti. Vérifiez dans les messages envoyés de Gmail, puis écrivez « envoyé le … » ou « à relire » " +
        "dans Statut ; elles ne sont pas renvoyées d'ici là.",
    );
  }
  return lines.join("\n");
}

/** Lianes › Courriers › Envoyer les courriers cochés */
export function menuEnvoyerCourriers(): void {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  withDocumentLock(ui, "Envoi des courriers", () => {
    if (!spreadsheet.getSheetByName(OUTBOX_SHEET)) {
      ui.alert("Aucun courrier à envoyer : utilisez d'abord Lianes › Courriers › Préparer les courriers.");
      return;
    }
    const report = sendTickedLetters(spreadsheet);
    const touched =
      report.sent + report.refused + report.waiting + report.alreadySent + report.uncertain.length;
    if (touched === 0 && !report.failure) {
      ui.alert("Aucune ligne cochée dans « Envoyer » : cochez les courriers relus, puis relancez l'envoi.");
      return;
    }
    ui.alert(
      "Envoi des courriers",
      sendReportText(report, MailApp.getRemainingDailyQuota()),
      ui.ButtonSet.OK,
    );
  });
}

/**
 * From the form-submit trigger (which holds the lock): the acknowledgement of the responses it
 * added, prepared — never sent — when the call asks for it. A problem is logged, never thrown:
 * the application itself is already safe in the review sheet.
 */
export function prepareAcknowledgements(call: CallDefinition, addedKeys: readonly string[]): void {
  if (call.letters?.acknowledgement !== true || addedKeys.length === 0) return;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const entry = allIntakeStates(PropertiesService.getDocumentProperties().getProperties()).find(
    (s) => s.callId === call.id,
  );
  if (!entry) return;
  try {
    const { letters, notes } = prepareLetters(spreadsheet, [{ call, state: entry.state }], {
      event: "accuse",
      keys: new Set(addedKeys),
    });
    if (letters.length > 0) {
      console.log(
        `Appel ${call.id} : ${letters.length} accusé(s) de réception préparé(s) dans « ${OUTBOX_SHEET} » (à relire).`,
      );
    }
    for (const note of notes) console.log(note);
  } catch (error) {
    console.warn(`Appel ${call.id} : accusé de réception non préparé — ${errorMessage(error)}`);
  }
}
