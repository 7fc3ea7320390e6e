/**
 * `Lianes › Effacer les données d'un candidat…` (RGPD): the dialogs around the erasure
 * (src/addon/intake/erase.ts) — which application, confirmation, what was done.
 */

import {
  type ErasureReport,
  eraseApplication,
  type Listed,
  listApplications,
} from "../../addon/intake/erase";
import { LOCK_WAIT_MS } from "../../addon/intake/pending";
import { allIntakeStates } from "../../addon/intake/state";
import { juriesOfMember, menuEraseJuryMember } from "../../addon/jury/erase";
import { InputError, quote } from "../../core/errors";
import type { CallDefinition } from "../../core/intake/call-schema";
import { callById } from "../../core/intake/calls";
import {
  type ApplicationRef,
  erasureDateOf,
  erasureMarker,
  findApplications,
  isErasureMarker,
  parseApplicationRef,
} from "../../core/intake/erasure";
import { cellText } from "../../planning/intake/erasure-plan";

const TITLE = "Effacer les données d'un candidat";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function ask(ui: GoogleAppsScript.Base.Ui, callIds: readonly string[]): string | undefined {
  const several = callIds.length > 1;
  const answer = ui.prompt(
    TITLE,
    "N° de la candidature dans la feuille d'instruction (ou sa clé, ou l'adresse e-mail du candidat)" +
      (several
        ? ` ; s'il y a plusieurs appels, faites précéder le N° du nom de l'appel, ex. ${callIds[1]} 3 :`
        : " :"),
    ui.ButtonSet.OK_CANCEL,
  );
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText() : undefined;
}

function describe(a: Listed): string {
  return `n° ${cellText(a.number)} (${a.callId}, feuille « ${a.sheetName} »)`;
}

/** The application the user names, or a French message saying why there is none. */
function resolve(
  spreadsheet: Spreadsheet,
  ref: ApplicationRef,
  listed: readonly Listed[],
  text: string,
): Listed | string {
  let found = findApplications(ref, listed);
  if (found.length > 1 && ref.kind === "number") {
    const active = spreadsheet.getActiveSheet()?.getName();
    const inActive = found.filter((a) => a.sheetName === active);
    if (inActive.length === 1) found = inActive;
  }
  const [only] = found;
  if (found.length === 1 && only) return only;
  if (found.length === 0) {
    return `Aucune candidature ne correspond à ${quote(text.trim())} : indiquez le N° affiché dans la feuille d'instruction. Rien n'a changé.`;
  }
  return (
    `Plusieurs candidatures correspondent à ${quote(text.trim())} : ${found.map(describe).join(", ")}. ` +
    "Indiquez l'appel et le N° (ex. EXPLOR-2025 3). Rien n'a changé."
  );
}

/** Lianes › Effacer les données d'un candidat… */
export function menuEffacerCandidat(): void {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const properties = PropertiesService.getDocumentProperties();
  const callIds = allIntakeStates(properties.getProperties()).map((s) => s.callId);
  const listed = listApplications(spreadsheet, callIds);
  if (listed.length === 0) {
    ui.alert(
      TITLE,
      "Aucune candidature dans ce classeur : les feuilles d'instruction sont vides ou absentes. Rien n'a changé.",
      ui.ButtonSet.OK,
    );
    return;
  }
  const callsWithRows = [...new Set(listed.map((a) => a.callId))];
  const text = ask(ui, callsWithRows);
  if (text === undefined) return;
  if (juriesOfMember(spreadsheet, text).length > 0) {
    menuEraseJuryMember(ui, TITLE, text);
    return;
  }
  const ref = parseApplicationRef(text, callsWithRows);
  const chosen = ref
    ? resolve(spreadsheet, ref, listed, text)
    : `Réponse non reconnue : ${quote(text.trim())} — indiquez le N° de la candidature (ex. 3), sa clé ou l'adresse e-mail du candidat. Rien n'a changé.`;
  if (typeof chosen === "string") {
    ui.alert(TITLE, chosen, ui.ButtonSet.OK);
    return;
  }
  const call: CallDefinition = callById(chosen.callId);
  if (isErasureMarker(chosen.applicant)) {
    ui.alert(
      TITLE,
      `Les données de la candidature ${describe(chosen)} ont déjà été effacées le ${
        erasureDateOf(chosen.applicant) ?? "?"
      }. Rien n'a changé.`,
      ui.ButtonSet.OK,
    );
    return;
  }
  const marker = erasureMarker(new Date());
  const confirmed = ui.alert(
    TITLE,
    `Effacer les données personnelles de la candidature ${describe(chosen)} : ` +
      `${call.review.applicant.header.toLowerCase()} « ${chosen.applicant} », reçue le ${chosen.receivedAt} ?\n\n` +
      `Dans la feuille de réponses, la feuille d'instruction et la synthèse, ses données personnelles sont ` +
      `remplacées par « ${marker} » ; sa réponse est supprimée du formulaire. Restent : N°, date de réception, ` +
      "éligibilité, statut, notes et décision. C'est définitif.",
    ui.ButtonSet.YES_NO,
  );
  if (confirmed !== ui.Button.YES) return;
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    ui.alert(
      TITLE,
      "Effacement impossible pour l'instant : une synchronisation est en cours. Réessayez dans une minute. Rien n'a changé.",
      ui.ButtonSet.OK,
    );
    return;
  }
  let report: ErasureReport;
  try {
    report = eraseApplication(chosen.callId, chosen.key);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    ui.alert(TITLE, error.message, ui.ButtonSet.OK);
    return;
  } finally {
    lock.releaseLock();
  }
  const form =
    report.formResponse === "supprimée"
      ? "sa réponse est supprimée du formulaire."
      : report.formResponse === "ambiguë"
        ? "plusieurs réponses du formulaire reçues à la même seconde : supprimez la sienne à la main (Forms › Réponses)."
        : report.formResponse === "introuvable"
          ? "aucune réponse du formulaire ne correspond (déjà supprimée ?)."
          : "le formulaire n'a pas pu être ouvert ou la réponse supprimée : supprimez-la à la main (Forms › Réponses).";
  const leftovers =
    report.leftovers.length === 0
      ? ""
      : `\n\nCes cellules contiennent encore une de ses données (saisies à la main, ou une autre ` +
        `candidature de la même personne) : ${report.leftovers.slice(0, 10).join(", ")}${
          report.leftovers.length > 10 ? ` et ${report.leftovers.length - 10} autre(s)` : ""
        } — effacez-les vous-même si elles le concernent.`;
  ui.alert(
    "Données effacées",
    `Candidature ${describe(chosen)} : données personnelles remplacées par « ${report.marker} » ` +
      `(${report.responseCells} cellule(s) de la feuille de réponses, feuille d'instruction, synthèse) ; ${form}` +
      leftovers +
      "\n\nL'historique des versions du classeur garde les anciennes valeurs : voir « Données personnelles (RGPD) » dans le mode d'emploi.",
    ui.ButtonSet.OK,
  );
}
