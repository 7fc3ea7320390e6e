/**
 * The responses sheet Forms fills (`Horodateur`, `Adresse e-mail`, then one column per
 * question, by its label), read into raw submissions. Columns are found by their header, so a
 * user who reorders them changes nothing; a column whose header matches no question is
 * reported, not guessed.
 */
import type { CallDefinition } from "../../core/intake/call-schema";
import type { RawSubmission } from "../../core/intake/submission";

const TIMESTAMP_HEADERS = ["horodateur", "timestamp", "horodatage"];
const EMAIL_HEADERS = ["adresse e-mail", "adresse e mail", "email address", "adresse email", "e-mail"];

function normalizeHeader(text: unknown): string {
  return String(text ?? "")
    .trim()
    .toLowerCase();
}

export interface ResponsesReading {
  readonly submissions: readonly { readonly row: number; readonly raw: RawSubmission }[];
  /** Headers that match no question of the call (renamed by a user, or from another form). */
  readonly unknownHeaders: readonly string[];
  /** Labels of questions with no column in the sheet. */
  readonly missingQuestions: readonly string[];
}

export function readResponses(
  call: CallDefinition,
  values: readonly (readonly unknown[])[],
): ResponsesReading {
  const header = (values[0] ?? []).map(normalizeHeader);
  const timestampColumn = header.findIndex((h) => TIMESTAMP_HEADERS.includes(h));
  const emailColumn = header.findIndex((h) => EMAIL_HEADERS.includes(h));
  const questionColumns = call.questions.map((q) => ({
    id: q.id,
    label: q.label,
    column: header.indexOf(normalizeHeader(q.label)),
  }));
  const known = new Set([timestampColumn, emailColumn, ...questionColumns.map((q) => q.column)]);
  const unknownHeaders = (values[0] ?? [])
    .map((h, i) => (known.has(i) || normalizeHeader(h) === "" ? undefined : String(h)))
    .filter((h): h is string => h !== undefined);
  const submissions = values.slice(1).flatMap((row, i) => {
    if (row.every((v) => v === "" || v === null || v === undefined)) return [];
    const answers: Record<string, unknown> = {};
    for (const q of questionColumns) if (q.column >= 0) answers[q.id] = row[q.column];
    const email = emailColumn >= 0 ? String(row[emailColumn] ?? "").trim() : "";
    const raw: RawSubmission = {
      receivedAt: timestampColumn >= 0 ? row[timestampColumn] : "",
      answers,
      ...(email ? { email } : {}),
    };
    return [{ row: i + 2, raw }];
  });
  return {
    submissions,
    unknownHeaders,
    missingQuestions: questionColumns.filter((q) => q.column < 0).map((q) => q.label),
  };
}
