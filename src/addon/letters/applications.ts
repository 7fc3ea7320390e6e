/**
 * The applications of a call as letters need them: N° and status from the review sheet, the
 * whole response (answers, e-mail) from the responses sheet, matched by their key.
 */
import type { CallDefinition } from "../../core/intake/call-schema";
import type { Submission } from "../../core/intake/submission";
import { validateSubmission } from "../../core/intake/submission";
import type { LetterApplication } from "../../core/letters";
import { readResponses } from "../../planning/intake/responses";
import { applicationRows, reviewSheetShape } from "../../planning/intake/review-plan";
import { reviewSheetName } from "../../planning/intake/review-rows";
import { readColumnTags, rememberedColumnTags } from "../intake/response-columns";
import { findResponsesSheet } from "../intake/responses-sheet";
import type { IntakeState } from "../intake/state";

/** Responses by key; one read of the responses sheet. */
function submissionsByKey(
  call: CallDefinition,
  sheet: GoogleAppsScript.Spreadsheet.Sheet | undefined,
): Map<string, Submission> {
  const byKey = new Map<string, Submission>();
  if (!sheet) return byKey;
  const values = sheet.getDataRange().getValues();
  // The column tags' memo while the header is unchanged (as a submission reads them), else the tags.
  const tags =
    rememberedColumnTags(
      PropertiesService.getDocumentProperties().getProperties(),
      call.id,
      values[0] ?? [],
    ) ?? readColumnTags(sheet);
  const reading = readResponses(call, values, tags);
  for (const { raw } of reading.submissions) {
    const result = validateSubmission(call, raw);
    if (result.ok) byKey.set(result.submission.key, result.submission);
  }
  return byKey;
}

/** Undefined when the call has no review sheet yet. */
export function readLetterApplications(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  call: CallDefinition,
  state: IntakeState,
): LetterApplication[] | undefined {
  const review = spreadsheet.getSheetByName(reviewSheetName(call));
  if (!review || review.getLastRow() < 2) return undefined;
  const shape = reviewSheetShape(call);
  const submissions = submissionsByKey(call, findResponsesSheet(spreadsheet, state));
  return applicationRows(review.getDataRange().getValues()).flatMap((row) => {
    const number = row[0];
    if (typeof number !== "number") return [];
    const key = String(row[shape.keyColumn] ?? "");
    return [{ number, status: row[shape.statusColumn], submission: submissions.get(key) }];
  });
}
