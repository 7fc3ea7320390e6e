/**
 * `Lianes › Paramètres › Dupliquer un appel…` and `Nouvel appel…`: write the sheet
 * `Appel <identifiant>` of a new call (a copy of a shipped or workbook call, or a blank one);
 * the sheet is planned whole (planning/intake/call-sheet-layout) before it is written.
 */
import { availableCallIds, findCall, writeCallSheet } from "../../addon/intake/workbook-calls";
import { InputError, quote } from "../../core/errors";
import type { CallDefinition } from "../../core/intake/call-schema";
import { DEFAULT_CALL_ID } from "../../core/intake/calls";
import { blankCall, callSheetName, duplicateCall } from "../../planning/intake/call-sheet-layout";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const CALL_ID = /^[A-Z][A-Z0-9]*-\d{4}$/;

/** Reads a new call id; undefined with an alert when it is not one, or its sheet exists already. */
function askNewId(ui: GoogleAppsScript.Base.Ui, spreadsheet: Spreadsheet, title: string, hint: string) {
  const answer = ui.prompt(
    title,
    `Identifiant du nouvel appel (lettres majuscules, un tiret, l'année : ${hint}) :`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return undefined;
  const id = answer.getResponseText().trim().toUpperCase();
  if (!CALL_ID.test(id)) {
    ui.alert(
      title,
      `Identifiant invalide : ${quote(answer.getResponseText().trim())} — attendu par exemple ${hint}. Rien n'a changé.`,
      ui.ButtonSet.OK,
    );
    return undefined;
  }
  if (spreadsheet.getSheetByName(callSheetName(id))) {
    ui.alert(
      title,
      `La feuille « ${callSheetName(id)} » existe déjà : modifiez-la, ou choisissez un autre identifiant. Rien n'a changé.`,
      ui.ButtonSet.OK,
    );
    return undefined;
  }
  return id;
}

const NEXT_STEPS =
  "Modifiez ses cellules (dates, questions, règles, critères), puis Lianes › Paramètres › Vérifier les paramètres, " +
  "et Lianes › Créer le formulaire… pour en faire le formulaire.";

/** Lianes › Paramètres › Dupliquer un appel… */
export function menuDupliquerAppel(): void {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const title = "Dupliquer un appel";
  const ids = availableCallIds(spreadsheet);
  const source = ui.prompt(
    title,
    `Appel à dupliquer (${ids.join(", ")}) ; laissez vide pour ${DEFAULT_CALL_ID} :`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (source.getSelectedButton() !== ui.Button.OK) return;
  let call: CallDefinition;
  try {
    call = findCall(spreadsheet, source.getResponseText().trim() || DEFAULT_CALL_ID);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    ui.alert(title, `${error.message}\n\nRien n'a changé.`, ui.ButtonSet.OK);
    return;
  }
  const year = Number(call.id.slice(-4)) + 1;
  const id = askNewId(ui, spreadsheet, title, `${call.id.replace(/-\d{4}$/, "")}-${year}`);
  if (!id) return;
  writeCallSheet(spreadsheet, duplicateCall(call, id));
  ui.alert(
    title,
    `Feuille « ${callSheetName(id)} » créée depuis ${call.id}.\n\n${NEXT_STEPS}`,
    ui.ButtonSet.OK,
  );
}

/** Lianes › Paramètres › Nouvel appel… */
export function menuNouvelAppel(): void {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const title = "Nouvel appel";
  const now = new Date();
  const id = askNewId(ui, spreadsheet, title, `FORMATION-${now.getFullYear() + 1}`);
  if (!id) return;
  writeCallSheet(spreadsheet, blankCall(id, now));
  ui.alert(title, `Feuille « ${callSheetName(id)} » créée.\n\n${NEXT_STEPS}`, ui.ButtonSet.OK);
}
