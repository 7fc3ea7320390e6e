/**
 * The add-on's tags on the responses sheet's columns: developer metadata naming the field a
 * column holds. Sheets moves metadata with its column, so once tagged (on the first sync), a
 * column is found even after a user moved it or changed its header.
 */
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
