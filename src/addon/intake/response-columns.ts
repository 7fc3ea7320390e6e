/**
 * The add-on's tags on the responses sheet's columns: developer metadata naming the field a
 * column holds. Sheets moves metadata with its column, so once tagged (on the first sync), a
 * column is found even after a user moved it or changed its header.
 */
import { errorMessage } from "../../core/errors";
import { fnv1a } from "../../core/intake/response-key";
import type { ResponseColumns } from "../../planning/intake/responses";
import { columnLetter } from "../../planning/sheet-layout";

const FIELD_KEY = "lianes.champ";

/** Field id → 0-based column, for the columns tagged so far. */
export function readColumnTags(sheet: GoogleAppsScript.Spreadsheet.Sheet): Map<string, number> {
  const tags = new Map<string, number>();
  for (const m of sheet.createDeveloperMetadataFinder().withKey(FIELD_KEY).find()) {
    const column = m.getLocation().getColumn();
    const field = m.getValue();
    if (column && field) tags.set(field, column.getColumn() - 1);
  }
  return tags;
}

/** Tags the columns found by their header that have no tag yet (first sync, new question). */
export function tagNewColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  columns: ResponseColumns,
  tagged: ResponseColumns,
): void {
  for (const [field, column] of columns) {
    if (tagged.has(field)) continue;
    // `C:C`: metadata goes on whole columns only, and only A1 notation says "the whole column".
    const letter = columnLetter(column + 1);
    sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(FIELD_KEY, field);
  }
}

/**
 * The tags as last read, remembered in the document's properties (`lianes.colonnes.<appel>`,
 * field id → column, with a fingerprint of the header row they were read under). Reading the
 * tags costs about four service calls a column; a submission uses the memo instead while the
 * header row is exactly the one it was made under. A moved, renamed, inserted or deleted
 * column changes the header, so the tags are read again. The full sync always reads the tags.
 */
const MEMO_PREFIX = "lianes.colonnes.";

interface ColumnTagMemo {
  /** fnv1a of the header row, as read. */
  readonly header: string;
  readonly columns: Readonly<Record<string, number>>;
}

function memoProperty(callId: string): string {
  return `${MEMO_PREFIX}${callId}`;
}

function headerFingerprint(header: readonly unknown[]): string {
  return fnv1a(JSON.stringify(header.map((h) => String(h ?? ""))));
}

function parseMemo(text: string | undefined): ColumnTagMemo | undefined {
  if (!text) return undefined;
  try {
    const memo = JSON.parse(text) as Partial<ColumnTagMemo>;
    const columns = memo.columns;
    if (typeof memo.header !== "string" || typeof columns !== "object" || columns === null) return undefined;
    if (!Object.values(columns).every((c) => Number.isInteger(c) && c >= 0)) return undefined;
    return { header: memo.header, columns };
  } catch {
    return undefined;
  }
}

/** The remembered tags of a call's responses sheet, if its header row is still `header`. */
export function rememberedColumnTags(
  stored: Readonly<Record<string, string>>,
  callId: string,
  header: readonly unknown[],
): Map<string, number> | undefined {
  const memo = parseMemo(stored[memoProperty(callId)]);
  if (!memo || memo.header !== headerFingerprint(header)) return undefined;
  return new Map(Object.entries(memo.columns));
}

/**
 * Remembers the tags read under `header` (only when they differ from the memo in `stored`). A
 * memo that cannot be written (properties full) only costs the next submission a read of the tags.
 */
export function rememberColumnTags(
  properties: GoogleAppsScript.Properties.Properties,
  stored: Readonly<Record<string, string>>,
  callId: string,
  header: readonly unknown[],
  tags: ResponseColumns,
): void {
  const text = JSON.stringify({ header: headerFingerprint(header), columns: Object.fromEntries(tags) });
  if (stored[memoProperty(callId)] === text) return;
  try {
    properties.setProperty(memoProperty(callId), text);
  } catch (error) {
    console.warn(
      `Appel ${callId} : colonnes de la feuille de réponses non mémorisées (${errorMessage(error)}) ; ` +
        "le prochain envoi relira leurs marques.",
    );
  }
}
