/**
 * Calls owned by the workbook: a sheet `Appel <identifiant>` is the call, read when it is
 * needed (building the form, each submission, each sync, the dashboard, an erasure); the
 * shipped calls are templates, used when no sheet bears their id.
 */
import { field, InputError, invalid } from "../../core/errors";
import type { CallDefinition } from "../../core/intake/call-schema";
import { CALL_IDS, callById } from "../../core/intake/calls";
import { callIdOfSheetName, callSheetLayout, callSheetName } from "../../planning/intake/call-sheet-layout";
import {
  describeProblem,
  personalCell,
  readCallSheet,
  reviewSheetNameCell,
} from "../../planning/intake/call-sheet-reader";
import { replaceSheetContents } from "../sheets";
import { findResponsesSheet } from "./responses-sheet";
import type { IntakeState } from "./state";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The ids of the calls this workbook holds as sheets, in sheet order. */
export function workbookCallIds(spreadsheet: Spreadsheet): string[] {
  return spreadsheet
    .getSheets()
    .map((s) => callIdOfSheetName(s.getName()))
    .filter((id): id is string => id !== undefined);
}

/** Every call one can build a form for: the workbook's, then the shipped templates not overridden. */
export function availableCallIds(spreadsheet: Spreadsheet): string[] {
  const own = workbookCallIds(spreadsheet);
  return [...own, ...CALL_IDS.filter((id) => !own.includes(id))];
}

/** A call found by id, with the sheet it was read from (none for a shipped template). */
interface FoundCall {
  readonly call: CallDefinition;
  readonly sheet?: { readonly name: string; readonly values: readonly (readonly unknown[])[] };
}

function locateCall(spreadsheet: Spreadsheet, id: string): FoundCall {
  const wanted = id.trim().toUpperCase();
  const sheet = spreadsheet.getSheetByName(callSheetName(wanted));
  if (!sheet) {
    if (CALL_IDS.includes(wanted) || workbookCallIds(spreadsheet).length === 0) return { call: callById(id) };
    throw invalid(
      "Appel inconnu",
      field("appel"),
      id,
      `appels connus : ${availableCallIds(spreadsheet).join(", ")}`,
    );
  }
  const name = sheet.getName();
  const values = sheet.getDataRange().getValues();
  const reading = readCallSheet(name, values);
  if (reading.problems) {
    throw new InputError(
      `La feuille « ${name} » ne décrit pas un appel valide (${reading.problems.length} erreur${
        reading.problems.length > 1 ? "s" : ""
      }) :\n${reading.problems.map((p) => `• ${describeProblem(name, p)}`).join("\n")}`,
    );
  }
  return { call: reading.call, sheet: { name, values } };
}

/**
 * The call with this id: its sheet `Appel <id>` when the workbook has one (validated: a sheet
 * that does not hold together is an InputError listing every cell to fix), else the shipped one.
 */
export function findCall(spreadsheet: Spreadsheet, id: string): CallDefinition {
  return locateCall(spreadsheet, id).call;
}

/**
 * Refuses a call whose review sheet is already another call's, among the calls with a form in
 * this document: both syncs would write the same sheet. The error names the cell to change.
 */
export function checkReviewSheetFree(
  spreadsheet: Spreadsheet,
  call: CallDefinition,
  others: readonly string[],
): void {
  for (const otherId of others) {
    if (otherId === call.id) continue;
    let other: CallDefinition;
    try {
      other = findCall(spreadsheet, otherId);
    } catch {
      continue; // A call that no longer reads is reported by its own sync.
    }
    if (other.review.sheetName !== call.review.sheetName) continue;
    const sheet = spreadsheet.getSheetByName(callSheetName(call.id));
    const cell = sheet ? reviewSheetNameCell(sheet.getDataRange().getValues()) : undefined;
    throw new InputError(
      `${cell ? `${callSheetName(call.id)}, cellule ${cell}` : `Appel ${call.id}`} : la feuille d'instruction ` +
        `« ${call.review.sheetName} » est déjà celle de l'appel ${other.id}, qui a son formulaire dans ce classeur — ` +
        `donnez-lui un autre nom (par exemple « Candidatures ${call.id} »). Aucun formulaire n'a été modifié.`,
    );
  }
}

/** The ids of the questions a call marks personal (RGPD). */
export function personalQuestions(call: CallDefinition): string[] {
  return call.questions.filter((q) => q.personal === true).map((q) => q.id);
}

/**
 * The call of a form, as the intake reads it. A form built from a shipped template (its state
 * says so) keeps it, without looking for a sheet; one built from a sheet reads the sheet now, so
 * that an edited rule applies from the next sync. Building (`build`) always looks for the sheet.
 * Refused (InputError naming each cell) when a question's personal mark changed in the sheet
 * since the form was built and responses exist: an erased response is known by its erased
 * personal fields, so a new mark would make it read as another application.
 */
export function callForIntake(
  spreadsheet: Spreadsheet,
  callId: string,
  state: IntakeState | undefined,
  options: { readonly build?: boolean } = {},
): { readonly call: CallDefinition; readonly fromSheet: boolean } {
  if (!options.build && state && state.fromSheet !== true)
    return { call: callById(callId), fromSheet: false };
  const { call, sheet } = locateCall(spreadsheet, callId);
  if (!sheet || !state?.personal) return { call, fromSheet: sheet !== undefined };
  const before = new Set(state.personal);
  const now = new Set(personalQuestions(call));
  const changed = call.questions.filter((q) => before.has(q.id) !== now.has(q.id));
  if (changed.length === 0) return { call, fromSheet: true };
  const responses = findResponsesSheet(spreadsheet, state);
  if (!responses || responses.getLastRow() < 2) return { call, fromSheet: true };
  throw new InputError(
    `Appel ${call.id} : des réponses sont arrivées, les marques « personnelle (RGPD) » ne changent plus pour cet appel ` +
      "(une réponse effacée est reconnue à ses champs personnels ; prévoyez le changement pour l'appel suivant) :\n" +
      changed
        .map((q) => {
          const cell = personalCell(sheet.values, q.id);
          const was = before.has(q.id) ? "Oui" : "Non";
          return `• ${cell ? `${sheet.name}, cellule ${cell}` : sheet.name} : question « ${q.id} », remettre ${was} — valeur « ${
            was === "Oui" ? "Non" : "Oui"
          } »`;
        })
        .join("\n"),
  );
}

/** Writes a call's sheet (a new sheet: the caller checked no sheet has its name) and shows it. */
export function writeCallSheet(
  spreadsheet: Spreadsheet,
  call: CallDefinition,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = replaceSheetContents(spreadsheet, callSheetLayout(call));
  spreadsheet.setActiveSheet(sheet);
  return sheet;
}
