/**
 * The responses sheet Forms fills (`Horodateur`, `Adresse e-mail`, then one column per
 * question, by its label), read into raw submissions. A column is found by the question it was
 * tagged with (developer metadata, which moves with the column and survives a new header), else
 * by its header: a user who reorders or renames columns changes nothing. A column matching no
 * question is reported, not guessed.
 */
import { isBlankRow } from "../../core/blank";
import type { CallDefinition } from "../../core/intake/call-schema";
import type { RawSubmission } from "../../core/intake/submission";

const TIMESTAMP_HEADERS = ["horodateur", "timestamp", "horodatage"];
const EMAIL_HEADERS = ["adresse e-mail", "adresse e mail", "email address", "adresse email", "e-mail"];

function normalizeHeader(text: unknown): string {
  return String(text ?? "")
    .trim()
    .toLowerCase();
}

/** Where each field is: `horodateur`, `email` and question ids → 0-based column. */
export type ResponseColumns = ReadonlyMap<string, number>;

export const TIMESTAMP_FIELD = "horodateur";
export const EMAIL_FIELD = "email";

export interface ResponsesReading {
  readonly submissions: readonly { readonly row: number; readonly raw: RawSubmission }[];
  /** Headers that match no question of the call (renamed by a user, or from another form). */
  readonly unknownHeaders: readonly string[];
  /** Labels of questions with no column in the sheet. */
  readonly missingQuestions: readonly string[];
  /** Every field's column, tagged or found by its header. */
  readonly columns: ResponseColumns;
  /** Tagged columns whose header no longer is the question's label: `« header » (label)`. */
  readonly renamed: readonly string[];
}

/**
 * Reads `values`: the header row, then responses. `firstRow` is the sheet row of the first
 * response after the header (2 for the whole sheet; the event's row when only that one is read).
 */
export function readResponses(
  call: CallDefinition,
  values: readonly (readonly unknown[])[],
  tagged: ResponseColumns = new Map(),
  firstRow = 2,
): ResponsesReading {
  const rawHeader = values[0] ?? [];
  const header = rawHeader.map(normalizeHeader);
  const byHeader = (labels: readonly string[]) => header.findIndex((h) => labels.includes(h));
  const columnOf = (field: string, labels: readonly string[]) => tagged.get(field) ?? byHeader(labels);
  const fields = [
    { id: TIMESTAMP_FIELD, labels: TIMESTAMP_HEADERS, label: "Horodateur" },
    { id: EMAIL_FIELD, labels: EMAIL_HEADERS, label: "Adresse e-mail" },
    ...call.questions.map((q) => ({ id: q.id, labels: [normalizeHeader(q.label)], label: q.label })),
  ];
  const columns = new Map<string, number>();
  const renamed: string[] = [];
  for (const f of fields) {
    const column = columnOf(f.id, f.labels);
    if (column < 0) continue;
    columns.set(f.id, column);
    if (tagged.has(f.id) && !f.labels.includes(header[column] ?? "")) {
      renamed.push(`« ${String(rawHeader[column] ?? "")} » (${f.label})`);
    }
  }
  const timestampColumn = columns.get(TIMESTAMP_FIELD) ?? -1;
  const emailColumn = columns.get(EMAIL_FIELD) ?? -1;
  const known = new Set(columns.values());
  const unknownHeaders = rawHeader
    .map((h, i) => (known.has(i) || normalizeHeader(h) === "" ? undefined : String(h)))
    .filter((h): h is string => h !== undefined);
  const submissions = values.slice(1).flatMap((row, i) => {
    if (isBlankRow(row)) return [];
    const answers: Record<string, unknown> = {};
    for (const q of call.questions) {
      const column = columns.get(q.id);
      if (column !== undefined) answers[q.id] = row[column];
    }
    const email = emailColumn >= 0 ? String(row[emailColumn] ?? "").trim() : "";
    const raw: RawSubmission = {
      receivedAt: timestampColumn >= 0 ? row[timestampColumn] : "",
      answers,
      ...(email ? { email } : {}),
    };
    return [{ row: i + firstRow, raw }];
  });
  return {
    submissions,
    unknownHeaders,
    missingQuestions: call.questions.filter((q) => !columns.has(q.id)).map((q) => q.label),
    columns,
    renamed,
  };
}
