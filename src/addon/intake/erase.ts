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
import {
  emailOfKey,
  erasureDateOf,
  type FormResponseMatch,
  isErasureMarker,
  matchFormResponse,
} from "../../core/intake/erasure";
import { asDate } from "../../core/intake/paris-time";
import { fnv1a, keyParts } from "../../core/intake/response-key";
import { cellText, planErasure } from "../../planning/intake/erasure-plan";
import { TIMESTAMP_FIELD } from "../../planning/intake/responses";
import {
  cellAsItWas,
  findReviewRow,
  keyOfReviewRow,
  reviewSheetShape,
} from "../../planning/intake/review-plan";
import { reviewSheetName } from "../../planning/intake/review-rows";
import { decisionSummaryLayout } from "../../planning/intake/summary";
import { asText, columnLetter } from "../../planning/sheet-layout";
import { eraseApplicationFromJury } from "../jury/erase";
import { eraseOutboxRow, OUTBOX_SHEET, outboxRowsOf } from "../letters/outbox-sheet";
import { replaceSheetContents } from "../sheets";
import { writeWithUndo } from "../undo";
import { pendingOf } from "./pending";
import { readColumnTags } from "./response-columns";
import { findResponsesSheet } from "./responses-sheet";
import { readIntakeState } from "./state";
import { findCall } from "./workbook-calls";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** An application as its review sheet lists it. */
export interface Listed {
  readonly callId: string;
  readonly sheetName: string;
  readonly number: unknown;
  readonly key: string;
  readonly applicant: string;
  readonly receivedAt: string;
}

/** Every application of every call with a review sheet in this spreadsheet. */
export function listApplications(spreadsheet: Spreadsheet, callIds: readonly string[]): Listed[] {
  return callIds.flatMap((callId) => {
    const call = findCall(spreadsheet, callId);
    const sheet = spreadsheet.getSheetByName(reviewSheetName(call));
    if (!sheet || sheet.getLastRow() < 2) return [];
    const shape = reviewSheetShape(call);
    return sheet
      .getDataRange()
      .getValues()
      .slice(1)
      .flatMap((r): Listed[] => {
        const key = keyOfReviewRow(shape, r);
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
            found.push(`« ${sheet.getName()} » ${columnLetter(j + 1)}${i + 1}`);
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
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const call = findCall(spreadsheet, callId);
  const properties = PropertiesService.getDocumentProperties();
  const state = readIntakeState(properties, call.id);
  const review = spreadsheet.getSheetByName(reviewSheetName(call));
  if (!review) throw new InputError(`Pas de feuille « ${reviewSheetName(call)} » dans ce classeur.`);
  const shape = reviewSheetShape(call);

  // 1. Read everything.
  const existing = review.getDataRange().getValues();
  const index = findReviewRow(shape, existing, key);
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
  const {
    marker,
    columns,
    personalColumns,
    targetRows,
    anonymised,
    computed,
    reviewerChanges,
    summary,
    erasedValues,
  } = planErasure({
    call,
    key,
    at,
    existing,
    index,
    hasResponses: responses !== undefined,
    responseValues,
    sheetId,
    tags,
  });
  // The applicant's letters in `Courriers` (recipient, subject, body): the mention too.
  const outbox = spreadsheet.getSheetByName(OUTBOX_SHEET);
  const letters = outbox ? outboxRowsOf(outbox, call.id, target[0]) : [];
  const erasedWithLetters = new Set(erasedValues);
  for (const letter of letters) for (const v of letter.before) if (v.trim() !== "") erasedWithLetters.add(v);

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

  // Write, undoing what was written if a write fails.
  let responseCells = 0;
  writeWithUndo("RGPD", (step) => {
    if (responses) {
      for (const i of targetRows) {
        for (const c of personalColumns) {
          const before = responseValues[i]?.[c];
          const now = anonymised[i]?.[c];
          if (now === before) continue;
          const cell = responses.getRange(i + 1, c + 1);
          step(
            () => cell.setValue(asText(String(now))),
            () => cell.setValue(typeof before === "string" ? asText(before) : before),
          );
          responseCells++;
        }
      }
    }
    const computedRange = review.getRange(index + 1, 1, 1, shape.computedCount);
    step(
      () => computedRange.setValues([[...computed]]),
      () =>
        computedRange.setValues([
          target.slice(0, shape.computedCount).map((v, j) => cellAsItWas(v, reviewFormulas[j])),
        ]),
    );
    for (const { column, before } of reviewerChanges) {
      const cell = review.getRange(index + 1, column + 1);
      step(
        () => cell.setValue(asText(marker)),
        () => cell.setValue(asText(String(before))),
      );
    }
    step(
      () => replaceSheetContents(spreadsheet, summary),
      () => replaceSheetContents(spreadsheet, decisionSummaryLayout(call, existing)),
    );
    for (const letter of letters) {
      if (!outbox) continue;
      let restore = () => {};
      step(
        () => {
          restore = eraseOutboxRow(outbox, letter, marker);
        },
        () => restore(),
      );
    }
  });
  for (const p of pending) properties.deleteProperty(p.property);
  try {
    eraseApplicationFromJury(spreadsheet, call, Number(target[0]), [...erasedWithLetters], marker);
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
  const leftovers = findLeftovers(spreadsheet, [...erasedWithLetters]);
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
