/**
 * `Lianes › Effacer les données d'un candidat…` (RGPD): one application's personal data are
 * replaced by a dated mention in the responses sheet, the review sheet and the decision summary,
 * and its form response is deleted. What is not personal stays (N°, date received, eligibility,
 * status, scores, decision), so counts and decisions stay true.
 *
 * A later sync leaves the application erased, once: the erased responses row is read without
 * its personal questions (core/intake/submission), its key is computed from what remains, and
 * that key is the one written in the review sheet here, with the very values the sync computes
 * (planReviewSync). Everything is read and computed under the document lock before the first
 * write; a failed write puts back what was written. The form response is deleted last (Forms
 * cannot put it back): if that fails, the sheets are erased and staff are told to delete it.
 */
import { errorMessage, InputError } from "../../core/errors";
import type { CallDefinition } from "../../core/intake/call-schema";
import { callById } from "../../core/intake/calls";
import {
  type ApplicationRef,
  emailOfKey,
  erasedRow,
  erasureDateOf,
  erasureMarker,
  type FormResponseMatch,
  findApplications,
  isErasureMarker,
  matchFormResponse,
  PERSONAL_REVIEWER_COLUMNS,
  parseApplicationRef,
  personalFieldIds,
} from "../../core/intake/erasure";
import { asDate, formatParisDateTime } from "../../core/intake/paris-time";
import { fnv1a, keyParts } from "../../core/intake/response-key";
import { computedColumns, reviewerColumns } from "../../core/intake/review";
import { eraseApplicationFromJury, juriesOfMember, menuEraseJuryMember } from "../jury/erase";
import { eraseOutboxRow, OUTBOX_SHEET, outboxRowsOf } from "../letters/outbox-sheet";
import { asText } from "../sheet-layout";
import { replaceSheetContents } from "../sheets";
import { LOCK_WAIT_MS } from "./actions";
import { pendingOf } from "./pending";
import { readColumnTags } from "./response-columns";
import { EMAIL_FIELD, readResponses, TIMESTAMP_FIELD } from "./responses";
import { findResponsesSheet } from "./responses-sheet";
import {
  cellAsItWas,
  columnLetter,
  planReviewSync,
  ReviewSheetMismatch,
  reviewSheetShape,
} from "./review-plan";
import { computeReviewRows, reviewSheetName } from "./review-sheet";
import { allIntakeStates, readIntakeState } from "./state";
import { decisionSummaryLayout } from "./summary";

const TITLE = "Effacer les données d'un candidat";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** An application as its review sheet lists it. */
interface Listed {
  readonly callId: string;
  readonly sheetName: string;
  readonly number: unknown;
  readonly key: string;
  readonly applicant: string;
  readonly receivedAt: string;
}

function cellText(value: unknown): string {
  const date = asDate(value);
  return date ? formatParisDateTime(date) : String(value ?? "");
}

/** Every application of every call with a review sheet in this spreadsheet. */
function listApplications(spreadsheet: Spreadsheet, callIds: readonly string[]): Listed[] {
  return callIds.flatMap((callId) => {
    const call = callById(callId);
    const sheet = spreadsheet.getSheetByName(reviewSheetName(call));
    if (!sheet || sheet.getLastRow() < 2) return [];
    const shape = reviewSheetShape(call);
    return sheet
      .getDataRange()
      .getValues()
      .slice(1)
      .flatMap((r): Listed[] => {
        const key = String(r[shape.keyColumn] ?? "").trim();
        if (key === "") return [];
        return [
          {
            callId,
            sheetName: sheet.getName(),
            number: r[0],
            key,
            applicant: String(r[shape.applicantColumn] ?? ""),
            receivedAt: cellText(r[shape.receivedAtColumn]),
          },
        ];
      });
  });
}

/** What an erasure did, for the message to staff and the log (no personal data in it). */
export interface ErasureReport {
  readonly callId: string;
  readonly number: unknown;
  readonly marker: string;
  /** Rows of the responses sheet erased (a response Forms wrote twice has two). */
  readonly responseRows: number;
  /** Personal cells replaced in the responses sheet. */
  readonly responseCells: number;
  /** The form response: deleted, not found, ambiguous, or the form could not be reached. */
  readonly formResponse: "supprimée" | "introuvable" | "ambiguë" | "formulaire inaccessible" | "échec";
  /** Cells of the spreadsheet that still hold one of the erased values (`« Feuille » !B3`). */
  readonly leftovers: readonly string[];
}

/**
 * The cells that still contain one of the erased values, read after the erasure: typed by hand
 * in another sheet, or another application of the same person (the erased cells hold the mention).
 */
function findLeftovers(spreadsheet: Spreadsheet, erased: readonly string[]): string[] {
  const needles = [...new Set(erased.map((v) => v.trim().toLowerCase()).filter((v) => v.length >= 4))];
  if (needles.length === 0) return [];
  const found: string[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    if (sheet.getLastRow() === 0) continue;
    sheet
      .getDataRange()
      .getValues()
      .forEach((row, i) => {
        row.forEach((v, j) => {
          if (typeof v !== "string" || v === "") return;
          const text = v.toLowerCase();
          if (needles.some((n) => text.includes(n)))
            found.push(`« ${sheet.getName()} » ${columnLetter(j)}${i + 1}`);
        });
      });
  }
  return found;
}

/** The instant and e-mail a key (`2025-06-01T08:00:00Z|a@b.fr|1a2b3c4d`) was made of. */
function factsOfKey(key: string): { receivedAt: Date | undefined; email: string } {
  const ms = Date.parse(keyParts(key)?.second ?? "");
  return { receivedAt: Number.isNaN(ms) ? undefined : new Date(ms), email: emailOfKey(key) };
}

/**
 * Erases one application's personal data (the caller holds the document lock). `key` is the
 * application's key in its call's review sheet. Throws an InputError (French) when it cannot,
 * having written nothing.
 */
export function eraseApplication(callId: string, key: string, at: Date = new Date()): ErasureReport {
  const call = callById(callId);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const properties = PropertiesService.getDocumentProperties();
  const state = readIntakeState(properties, call.id);
  const review = spreadsheet.getSheetByName(reviewSheetName(call));
  if (!review) throw new InputError(`Pas de feuille « ${reviewSheetName(call)} » dans ce classeur.`);
  const shape = reviewSheetShape(call);

  // 1. Read everything.
  const existing = review.getDataRange().getValues();
  const index = existing.findIndex((r, i) => i > 0 && String(r[shape.keyColumn] ?? "").trim() === key);
  const target = existing[index];
  if (index < 1 || !target) {
    throw new InputError(
      `Candidature introuvable dans « ${review.getName()} » (effacée ou modifiée entre-temps ?) : rien n'a changé.`,
    );
  }
  if (isErasureMarker(target[shape.applicantColumn])) {
    throw new InputError(
      `Les données de la candidature n° ${cellText(target[0])} ont déjà été effacées le ${
        erasureDateOf(target[shape.applicantColumn]) ?? "?"
      } : rien n'a changé.`,
    );
  }
  const reviewFormulas = review.getRange(index + 1, 1, 1, shape.computedCount).getFormulas()[0] ?? [];
  const responses = state ? findResponsesSheet(spreadsheet, state) : undefined;
  const responseValues = responses ? responses.getDataRange().getValues() : [];
  const tags = responses ? readColumnTags(responses) : new Map<string, number>();
  const sheetId = responses?.getSheetId() ?? 0;
  const header = responseValues[0] ?? [];
  const { columns } = readResponses(call, responseValues, tags);
  const personalColumns = personalFieldIds(call, EMAIL_FIELD)
    .map((f) => columns.get(f))
    .filter((c): c is number => c !== undefined);
  const keyOfRow = (row: readonly unknown[]) =>
    computeReviewRows(call, [header, row], sheetId, tags).rows[0]?.key;
  const rowKeys = responseValues.map((row, i) => (i === 0 ? undefined : keyOfRow(row)));
  const targetRows = rowKeys.flatMap((k, i) => (k === key ? [i] : []));

  // 2. Compute the erased responses rows, and the key a sync will give them.
  let marker = erasureMarker(at);
  let anonymised = responseValues;
  let newKey: string | undefined;
  for (const candidate of [marker, `${marker} — n° ${cellText(target[0])}`]) {
    anonymised = responseValues.map((row, i) =>
      targetRows.includes(i) ? erasedRow(row, personalColumns, candidate) : row,
    );
    const first = targetRows[0];
    newKey = first === undefined ? undefined : keyOfRow(anonymised[first] ?? []);
    const clash = rowKeys.some((k, i) => k !== undefined && k === newKey && !targetRows.includes(i));
    marker = candidate;
    if (!clash) break;
  }
  // Without a response (deleted from the responses sheet), the key loses its e-mail.
  const parts = keyParts(key);
  const erasedKey = newKey ?? (parts ? `${parts.second}||${parts.answersHash}` : `effacée|${fnv1a(key)}`);
  const erasedValues = new Set<string>();
  for (const i of targetRows) {
    for (const c of personalColumns) {
      const v = responseValues[i]?.[c];
      if (v !== undefined && v !== null && String(v).trim() !== "") erasedValues.add(String(v));
    }
  }
  erasedValues.add(String(target[shape.applicantColumn] ?? ""));
  const email = emailOfKey(key);
  if (email) erasedValues.add(email);

  // 3. The review row as a sync will write it, with the personal reviewer cells erased.
  const reviewerStart = shape.computedCount;
  const personalReviewer = reviewerColumns(call)
    .map((c, i) => (PERSONAL_REVIEWER_COLUMNS.includes(c.id) ? reviewerStart + i : -1))
    .filter((c) => c >= 0);
  const edited = existing.map((r) => [...r]);
  const row = edited[index] as unknown[];
  row[shape.keyColumn] = erasedKey;
  const reviewerChanges: { column: number; before: unknown }[] = [];
  for (const c of personalReviewer) {
    const v = row[c];
    if (typeof v === "string" && v.trim() !== "") {
      erasedValues.add(v);
      reviewerChanges.push({ column: c, before: v });
      row[c] = marker;
    }
  }
  const plannedRows = responses ? computeReviewRows(call, anonymised, sheetId, tags).rows : [];
  const plan = planReviewSync(call, edited, plannedRows);
  const computed = [...(plan.computed[index - 1] ?? [])];
  const after = plan.after.slice(0, existing.length).map((r) => [...r]);
  if (newKey === undefined) {
    // No response to compute from: the kept values, the applicant and personal answers erased.
    const summaryColumn = computedColumns(call).findIndex((c) => c.id === "summary");
    computed[shape.keyColumn] = asText(erasedKey);
    computed[shape.applicantColumn] = asText(marker);
    (after[index] as unknown[])[shape.applicantColumn] = marker;
    const shown = call.review.shownAnswers.some((id) => call.questions.find((q) => q.id === id)?.personal);
    if (summaryColumn >= 0 && shown) {
      erasedValues.add(String(target[summaryColumn] ?? ""));
      computed[summaryColumn] = asText(marker);
      (after[index] as unknown[])[summaryColumn] = marker;
    }
  }
  const summary = decisionSummaryLayout(call, after);
  // The applicant's letters in `Courriers` (recipient, subject, body): the mention too.
  const outbox = spreadsheet.getSheetByName(OUTBOX_SHEET);
  const letters = outbox ? outboxRowsOf(outbox, call.id, target[0]) : [];
  for (const letter of letters) for (const v of letter.before) if (v.trim() !== "") erasedValues.add(v);

  // The form response, found now, deleted after the sheets.
  const facts = factsOfKey(key);
  const firstRow = targetRows[0] === undefined ? undefined : responseValues[targetRows[0]];
  const timestampColumn = columns.get(TIMESTAMP_FIELD);
  const receivedAt =
    facts.receivedAt ??
    (firstRow && timestampColumn !== undefined ? asDate(firstRow[timestampColumn]) : undefined);
  let form: GoogleAppsScript.Forms.Form | undefined;
  let match: FormResponseMatch | undefined;
  if (state && receivedAt) {
    try {
      form = FormApp.openById(state.formId);
      const candidates = form.getResponses(new Date(receivedAt.getTime() - 2000)).map((r) => ({
        id: r.getId(),
        timestamp: new Date(r.getTimestamp().getTime()),
        email: r.getRespondentEmail() ?? "",
      }));
      match = matchFormResponse(candidates, { receivedAt, email: facts.email });
    } catch (error) {
      console.warn(`RGPD : formulaire de l'appel ${call.id} inaccessible (${errorMessage(error)}).`);
      form = undefined;
    }
  }
  const pending = pendingOf(properties.getProperties(), call.id).filter((p) => p.keyHash === fnv1a(key));

  // 4. Write, undoing what was written if a write fails.
  const undo: (() => void)[] = [];
  let responseCells = 0;
  try {
    if (responses) {
      for (const i of targetRows) {
        for (const c of personalColumns) {
          const before = responseValues[i]?.[c];
          const now = anonymised[i]?.[c];
          if (now === before) continue;
          const cell = responses.getRange(i + 1, c + 1);
          undo.push(() => cell.setValue(typeof before === "string" ? asText(before) : before));
          cell.setValue(asText(String(now)));
          responseCells++;
        }
      }
    }
    const computedRange = review.getRange(index + 1, 1, 1, shape.computedCount);
    undo.push(() =>
      computedRange.setValues([
        target.slice(0, shape.computedCount).map((v, j) => cellAsItWas(v, reviewFormulas[j])),
      ]),
    );
    computedRange.setValues([computed]);
    for (const { column, before } of reviewerChanges) {
      const cell = review.getRange(index + 1, column + 1);
      undo.push(() => cell.setValue(asText(String(before))));
      cell.setValue(asText(marker));
    }
    undo.push(() => replaceSheetContents(spreadsheet, decisionSummaryLayout(call, existing)));
    replaceSheetContents(spreadsheet, summary);
    for (const letter of letters) if (outbox) undo.push(eraseOutboxRow(outbox, letter, marker));
  } catch (error) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch (restoreError) {
        console.error(
          `RGPD : une cellule n'a pas pu être remise comme avant (${errorMessage(restoreError)}).`,
        );
      }
    }
    throw error;
  }
  for (const p of pending) properties.deleteProperty(p.property);
  try {
    eraseApplicationFromJury(spreadsheet, call, Number(target[0]), [...erasedValues], marker);
  } catch (error) {
    console.warn(
      `RGPD : jury de l'appel ${call.id} non mis à jour (${errorMessage(error)}) : relancez l'effacement.`,
    );
  }

  let formResponse: ErasureReport["formResponse"] = "formulaire inaccessible";
  if (form && match) {
    if (match.kind === "found") {
      try {
        form.deleteResponse(match.id);
        formResponse = "supprimée";
      } catch (error) {
        console.warn(
          `RGPD : réponse du formulaire de l'appel ${call.id} non supprimée (${errorMessage(error)}).`,
        );
        formResponse = "échec";
      }
    } else {
      formResponse = match.kind === "none" ? "introuvable" : "ambiguë";
    }
  }
  const leftovers = findLeftovers(spreadsheet, [...erasedValues]);
  const report: ErasureReport = {
    callId: call.id,
    number: target[0],
    marker,
    responseRows: targetRows.length,
    responseCells,
    formResponse,
    leftovers,
  };
  console.log(
    `RGPD : données personnelles de la candidature n° ${cellText(target[0])} (${call.id}) effacées le ${
      erasureDateOf(marker) ?? ""
    } — ${responseCells} cellule(s) sur ${targetRows.length} ligne(s) de la feuille de réponses, ` +
      `feuille d'instruction, synthèse${letters.length ? `, ${letters.length} courrier(s)` : ""} ; ` +
      `réponse du formulaire : ${formResponse}` +
      `${leftovers.length ? ` ; ${leftovers.length} cellule(s) d'autres feuilles à vérifier` : ""}.`,
  );
  return report;
}

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
    return `Aucune candidature ne correspond à « ${text.trim()} » : indiquez le N° affiché dans la feuille d'instruction. Rien n'a changé.`;
  }
  return (
    `Plusieurs candidatures correspondent à « ${text.trim()} » : ${found.map(describe).join(", ")}. ` +
    "Indiquez l'appel et le N° (ex. EXPLOR-2025 3). Rien n'a changé."
  );
}

/** Lianes › Effacer les données d'un candidat… */
export function menuEraseApplicant(): void {
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
    : `Réponse non reconnue : « ${text.trim()} » — indiquez le N° de la candidature (ex. 3), sa clé ou l'adresse e-mail du candidat. Rien n'a changé.`;
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
    if (!(error instanceof InputError || error instanceof ReviewSheetMismatch)) throw error;
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
