/**
 * The sheet `Documents`: the links to every generated document, one row per document
 * (Pour, Document, Google Doc, PDF, Créé le), replaced in place when it is regenerated.
 */
import { formatParisDateTime } from "../../core/intake/paris-time";
import { asText } from "../sheet-layout";
import type { Generated } from "./drive";

export const DOCUMENTS_SHEET = "Documents";
const HEADERS = ["Pour", "Document", "Google Doc", "PDF", "Créé le"];

function link(url: string, label: string): string {
  return `=HYPERLINK("${url.replace(/"/g, '""')}","${label}")`;
}

/** Writes (or rewrites) the row of `document` for `owner`; returns its row. */
export function recordDocumentLinks(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  owner: string,
  document: string,
  generated: Generated,
): number {
  let sheet = spreadsheet.getSheetByName(DOCUMENTS_SHEET);
  if (!sheet) {
    sheet = spreadsheet.insertSheet(DOCUMENTS_SHEET);
    const header = sheet.getRange(1, 1, 1, HEADERS.length);
    header.setValues([HEADERS]);
    header.setFontWeight("bold");
    header.setBackground("#e8f0f4");
    [160, 340, 140, 140, 150].forEach((w, i) => {
      sheet?.setColumnWidth(i + 1, w);
    });
    sheet.setFrozenRows(1);
  }
  const last = sheet.getLastRow();
  const existing = last >= 2 ? sheet.getRange(2, 1, last - 1, 2).getValues() : [];
  const index = existing.findIndex((r) => r[0] === owner && r[1] === document);
  const row = index >= 0 ? index + 2 : last + 1;
  sheet
    .getRange(row, 1, 1, HEADERS.length)
    .setValues([
      [
        asText(owner),
        asText(document),
        link(generated.doc.url, "Ouvrir le document"),
        link(generated.pdf.url, "Ouvrir le PDF"),
        formatParisDateTime(new Date(Date.parse(generated.at))),
      ],
    ]);
  return row;
}
