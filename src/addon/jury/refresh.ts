/**
 * Brings a call's jury up to date: the members typed in `Jury <appel>`, the applications under
 * review in the review sheet, every evaluation of the jury's responses sheet → the jury sheet,
 * the review sheet's jury columns, the decision summary and the form's list of applications.
 * Everything is derived from those sheets, read once each and computed before the first write:
 * running it again gives the same result, so an evaluation is never counted twice or lost.
 */
import { InputError } from "../../core/errors";
import type { CallDefinition } from "../../core/intake/call-schema";
import { validateSubmission } from "../../core/intake/submission";
import { APPLICATION_TITLE, applicationChoice } from "../../core/jury/evaluation-form";
import { readEvaluations } from "../../core/jury/evaluations";
import { readMembers } from "../../core/jury/members";
import { type JuryApplication, type JuryResults, juryResults } from "../../core/jury/results";
import { readResponses } from "../../planning/intake/responses";
import { applicationRows, reviewSheetShape } from "../../planning/intake/review-plan";
import { decisionSummaryLayout } from "../../planning/intake/summary";
import {
  FIRST_COMPUTED_COLUMN,
  FIRST_MEMBER_ROW,
  juryComputedBlocks,
  jurySheetName,
  memberRows,
} from "../../planning/jury/jury-layout";
import {
  juryColumnFormats,
  juryColumnStart,
  juryColumnValues,
  juryHeaders,
} from "../../planning/jury/review-columns";
import { readColumnTags } from "../intake/response-columns";
import { findResponsesSheet } from "../intake/responses-sheet";
import { readIntakeState } from "../intake/state";
import { replaceSheetContents, writeLayout } from "../sheets";
import { updateApplicationChoices } from "./form";
import type { JuryState } from "./state";

/** Statuses whose applications the jury does not evaluate. */
const OUTSIDE_JURY = new Set(["Irrecevable", "Sans suite"]);

/** The title of each application's project, by response key, from the call's responses sheet. */
function projectTitles(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  call: CallDefinition,
): Map<string, string> {
  const titles = new Map<string, string>();
  const question = call.review.projectTitle;
  const state = readIntakeState(PropertiesService.getDocumentProperties(), call.id);
  const sheet = state && question ? findResponsesSheet(spreadsheet, state) : undefined;
  if (!sheet || !question) return titles;
  const reading = readResponses(call, sheet.getDataRange().getValues(), readColumnTags(sheet));
  for (const { raw } of reading.submissions) {
    const result = validateSubmission(call, raw);
    if (result.ok) titles.set(result.submission.key, String(result.submission.answers[question] ?? ""));
  }
  return titles;
}

/** The applications under review, from the review sheet's rows. */
export function juryApplications(
  call: CallDefinition,
  reviewValues: readonly (readonly unknown[])[],
  titles: ReadonlyMap<string, string>,
): JuryApplication[] {
  const shape = reviewSheetShape(call);
  return applicationRows(reviewValues).flatMap((row) => {
    const number = row[0];
    const key = String(row[shape.keyColumn] ?? "");
    if (typeof number !== "number" || key === "") return [];
    if (OUTSIDE_JURY.has(String(row[shape.statusColumn] ?? "").trim())) return [];
    const applicant = String(row[shape.applicantColumn] ?? "");
    return [{ number, choice: applicationChoice(number, applicant, titles.get(key) ?? "") }];
  });
}

export interface JuryRefresh {
  readonly results: JuryResults;
  readonly members: number;
  readonly applications: number;
  readonly notes: readonly string[];
}

/** Refreshes the jury of a call (the caller holds the document lock). Throws an InputError on bad members. */
export function refreshJury(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  call: CallDefinition,
  state: JuryState,
): JuryRefresh {
  const jurySheet = spreadsheet.getSheetByName(jurySheetName(call));
  if (!jurySheet) {
    throw new InputError(
      `Feuille « ${jurySheetName(call)} » introuvable : relancez Lianes › Jury › Préparer le jury…`,
    );
  }
  const juryValues = jurySheet.getDataRange().getValues();
  const members = readMembers(memberRows(juryValues), FIRST_MEMBER_ROW);
  const reviewSheet = spreadsheet.getSheetByName(call.review.sheetName);
  const reviewValues =
    reviewSheet && reviewSheet.getLastRow() > 0 ? reviewSheet.getDataRange().getValues() : [];
  const applications = juryApplications(call, reviewValues, projectTitles(spreadsheet, call));
  const responses = findResponsesSheet(spreadsheet, state);
  const reading = responses
    ? readEvaluations(call, responses.getDataRange().getValues())
    : { evaluations: [], refused: [], missingColumns: [] };
  const notes: string[] = [];
  if (reading.missingColumns.length > 0) {
    notes.push(
      `Colonnes absentes de la feuille des évaluations (renommées ?) : ${reading.missingColumns.join(", ")} ; ` +
        "aucune évaluation n'est lue tant qu'elles manquent.",
    );
  }
  const results = juryResults(call, members, applications, reading.evaluations, reading.refused);
  const form = FormApp.openById(state.formId);
  const formUrl = form.getPublishedUrl();
  const blocks = juryComputedBlocks(call, results, responses?.getSheetId(), formUrl);

  // Computed: now the writes.
  const lastRow = jurySheet.getLastRow();
  const lastColumn = jurySheet.getLastColumn();
  if (lastColumn >= FIRST_COMPUTED_COLUMN && lastRow >= 3) {
    jurySheet.getRange(3, FIRST_COMPUTED_COLUMN, lastRow - 2, lastColumn - FIRST_COMPUTED_COLUMN + 1).clear();
  }
  writeLayout(jurySheet, { name: jurySheet.getName(), blocks });
  if (reviewSheet && reviewValues.length > 0) {
    const body = reviewValues.slice(1);
    const start = juryColumnStart(reviewValues[0] ?? []);
    const headers = juryHeaders(call);
    reviewSheet
      .getRange(1, start + 1, 1, headers.length)
      .setValues([headers])
      .setFontWeight("bold")
      .setBackground("#e6f4ea");
    if (body.length > 0) {
      const rows = juryColumnValues(call, body, results.byApplication);
      reviewSheet
        .getRange(2, start + 1, body.length, headers.length)
        .setNumberFormats(body.map(() => juryColumnFormats(call)))
        .setValues(rows);
      const after = reviewValues.map((r, i) => {
        const row = [...r];
        const jury = i === 0 ? headers : (rows[i - 1] ?? []);
        jury.forEach((v, j) => {
          row[start + j] = v;
        });
        return row;
      });
      replaceSheetContents(spreadsheet, decisionSummaryLayout(call, after));
    }
  }
  updateApplicationChoices(
    form,
    state.itemIds[APPLICATION_TITLE],
    applications.map((a) => a.choice),
  );
  return { results, members: members.length, applications: applications.length, notes };
}
