/**
 * The jury's share of an erasure (RGPD). For an application: in the jury's responses sheet, the
 * application's choice keeps only its N° and the mention, and comments that quote its personal
 * data have them replaced by the mention; its evaluations are deleted from the form (the sheet
 * keeps them, so the scores stay); the jury sheet, columns and list are then recomputed.
 * For a member: their name and organisation become the mention and their e-mail a pseudonym,
 * the same in the members table and in their evaluations, so that their scores still count.
 */
import { errorMessage } from "../../core/errors";
import type { CallDefinition } from "../../core/intake/call-schema";
import { callById } from "../../core/intake/calls";
import { erasureMarker } from "../../core/intake/erasure";
import { fnv1a } from "../../core/intake/response-key";
import { APPLICATION_TITLE, applicationNumberOf, COMMENT_TITLE } from "../../core/jury/evaluation-form";
import { EMAIL_TITLE } from "../../core/jury/evaluations";
import { emailKey } from "../../core/jury/members";
import { FIRST_MEMBER_ROW, jurySheetName } from "../../planning/jury/jury-layout";
import { asText } from "../../planning/sheet-layout";
import { LOCK_WAIT_MS } from "../intake/pending";
import { findResponsesSheet } from "../intake/responses-sheet";
import { refreshJury } from "./refresh";
import { allJuryStates, type JuryState, readJuryState } from "./state";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The text with every quoted value (three characters or more) replaced by the mention. */
export function withoutQuotes(text: string, values: readonly string[], marker: string): string {
  return values
    .map((v) => v.trim())
    .filter((v) => v.length >= 3)
    .sort((a, b) => b.length - a.length)
    .reduce((t, v) => t.replace(new RegExp(escapeRegExp(v), "gi"), marker), text);
}

function deleteFormResponses(
  state: JuryState,
  matches: (response: GoogleAppsScript.Forms.FormResponse) => boolean,
): number {
  const form = FormApp.openById(state.formId);
  const gone = form.getResponses().filter(matches);
  for (const r of gone) form.deleteResponse(r.getId());
  return gone.length;
}

/** Erases an application from its call's jury; returns the cells changed (0 without a jury). */
export function eraseApplicationFromJury(
  spreadsheet: Spreadsheet,
  call: CallDefinition,
  number: number,
  erasedValues: readonly string[],
  marker: string,
): number {
  const state = readJuryState(PropertiesService.getDocumentProperties(), call.id);
  if (!state) return 0;
  const responses = findResponsesSheet(spreadsheet, state);
  let cells = 0;
  if (responses && responses.getLastRow() > 1) {
    const values = responses.getDataRange().getValues();
    const header = (values[0] ?? []).map((h) => String(h ?? "").trim());
    const [choice, comment] = [header.indexOf(APPLICATION_TITLE), header.indexOf(COMMENT_TITLE)];
    values.forEach((row, i) => {
      if (i === 0) return;
      if (choice >= 0 && applicationNumberOf(row[choice]) === number) {
        responses.getRange(i + 1, choice + 1).setValue(asText(`N° ${number} — ${marker}`));
        cells++;
      }
      const text = comment >= 0 ? String(row[comment] ?? "") : "";
      const cleaned = withoutQuotes(text, erasedValues, marker);
      if (cleaned !== text) {
        responses.getRange(i + 1, comment + 1).setValue(asText(cleaned));
        cells++;
      }
    });
  }
  try {
    const itemId = state.itemIds[APPLICATION_TITLE];
    deleteFormResponses(state, (r) =>
      r
        .getItemResponses()
        .some((a) => a.getItem().getId() === itemId && applicationNumberOf(a.getResponse()) === number),
    );
  } catch (error) {
    console.warn(
      `RGPD : évaluations du jury ${call.id} non supprimées du formulaire (${errorMessage(error)}).`,
    );
  }
  refreshJury(spreadsheet, call, state);
  return cells;
}

/** The juries that have this member (by e-mail). */
export function juriesOfMember(spreadsheet: Spreadsheet, email: string): CallDefinition[] {
  const key = emailKey(email);
  return allJuryStates(PropertiesService.getDocumentProperties().getProperties()).flatMap(({ callId }) => {
    const call = callById(callId);
    const sheet = spreadsheet.getSheetByName(jurySheetName(call));
    const rows = sheet
      ? sheet
          .getDataRange()
          .getValues()
          .slice(FIRST_MEMBER_ROW - 1)
      : [];
    return rows.some((r) => emailKey(String(r[1] ?? "")) === key) ? [call] : [];
  });
}

/** The address a member's e-mail is replaced with: still unique, still matching their evaluations. */
export function memberPseudonym(email: string): string {
  return `membre-efface-${fnv1a(emailKey(email))}@jury.invalid`;
}

/** Erases a member's own data from every jury that lists them; returns the cells changed. */
export function eraseJuryMember(spreadsheet: Spreadsheet, email: string, marker: string): number {
  const key = emailKey(email);
  const pseudonym = memberPseudonym(email);
  let cells = 0;
  for (const call of juriesOfMember(spreadsheet, email)) {
    const state = readJuryState(PropertiesService.getDocumentProperties(), call.id);
    const sheet = spreadsheet.getSheetByName(jurySheetName(call));
    if (!state || !sheet) continue;
    sheet
      .getDataRange()
      .getValues()
      .forEach((row, i) => {
        if (i < FIRST_MEMBER_ROW - 1 || emailKey(String(row[1] ?? "")) !== key) return;
        sheet.getRange(i + 1, 1, 1, 3).setValues([[asText(marker), pseudonym, ""]]);
        cells += 3;
      });
    const responses = findResponsesSheet(spreadsheet, state);
    if (responses && responses.getLastRow() > 1) {
      const values = responses.getDataRange().getValues();
      const column = (values[0] ?? []).map((h) => String(h ?? "").trim()).indexOf(EMAIL_TITLE);
      values.forEach((row, i) => {
        if (i === 0 || column < 0 || emailKey(String(row[column] ?? "")) !== key) return;
        responses.getRange(i + 1, column + 1).setValue(pseudonym);
        cells++;
      });
    }
    try {
      deleteFormResponses(state, (r) => emailKey(r.getRespondentEmail() ?? "") === key);
    } catch (error) {
      console.warn(
        `RGPD : évaluations du membre non supprimées du formulaire ${call.id} (${errorMessage(error)}).`,
      );
    }
    refreshJury(spreadsheet, call, state);
  }
  return cells;
}

/** `Effacer les données d'un candidat…` given a jury member's e-mail: their own data, after confirmation. */
export function menuEraseJuryMember(ui: GoogleAppsScript.Base.Ui, title: string, email: string): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const juries = juriesOfMember(spreadsheet, email).map((c) => c.id);
  const marker = erasureMarker(new Date());
  const confirmed = ui.alert(
    title,
    `« ${email.trim()} » est membre du jury (${juries.join(", ")}). Effacer ses données personnelles ?\n\n` +
      `Son nom devient « ${marker} », son organisation est vidée, son e-mail est remplacé par un pseudonyme ` +
      "dans la feuille du jury et dans ses évaluations (qui restent comptées) ; ses réponses sont supprimées " +
      "du formulaire d'évaluation. C'est définitif.",
    ui.ButtonSet.YES_NO,
  );
  if (confirmed !== ui.Button.YES) return;
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    ui.alert(
      title,
      "Effacement impossible pour l'instant : une synchronisation est en cours. Rien n'a changé.",
      ui.ButtonSet.OK,
    );
    return;
  }
  let cells: number;
  try {
    cells = eraseJuryMember(spreadsheet, email, marker);
  } finally {
    lock.releaseLock();
  }
  ui.alert(
    "Données effacées",
    `Membre du jury « ${email.trim()} » : ${cells} cellule(s) remplacée(s) (jury ${juries.join(", ")}).`,
    ui.ButtonSet.OK,
  );
}
