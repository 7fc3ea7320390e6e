/**
 * The sheet `Documents`: the links to every generated document, one row per document
 * (Pour, Document, Google Doc, PDF, Créé le), replaced in place when it is regenerated.
 */
import { formatParisDateTime } from "../../core/intake/paris-time";
import { asText } from "../../planning/sheet-layout";
import { ensureRows } from "../intake/review-sheet";
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
  ensureRows(sheet, row);
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

/** The convention's own sheet (`Convention <id>`) and its « Documents » section (Document, Lien, Date). */
export const CONVENTION_SHEET_PREFIX = "Convention ";
const SECTION_TITLE = "Documents";
const SECTION_HEADER = ["Document", "Lien", "Date"];

export interface DocumentRow {
  readonly document: string;
  readonly url: string;
  readonly label: string;
}

/**
 * Where each document's row goes in the « Documents » section of a convention sheet (pure: the
 * sheet's values in; the section is the sheet's last, down to its end): its own row when the
 * document is already listed, else the section's next blank row, else a new row at the end.
 * Undefined when the sheet has no such section (title in A, then its header).
 */
export function planConventionDocumentRows(
  values: readonly (readonly unknown[])[],
  documents: readonly DocumentRow[],
): { readonly row: number; readonly document: DocumentRow }[] | undefined {
  const title = values.findIndex(
    (r, i) =>
      String(r[0] ?? "").trim() === SECTION_TITLE &&
      SECTION_HEADER.every((h, j) => String(values[i + 1]?.[j] ?? "").trim() === h),
  );
  if (title < 0) return undefined;
  const first = title + 2;
  const end = values.length;
  const taken = new Map<string, number>();
  const free: number[] = [];
  for (let i = first; i < end; i++) {
    const name = String(values[i]?.[0] ?? "").trim();
    if (name === "" && String(values[i]?.[1] ?? "").trim() === "") free.push(i);
    else taken.set(name, i);
  }
  let next = end;
  return documents.map((document) => {
    const index = taken.get(document.document) ?? free.shift() ?? next++;
    return { row: index + 1, document };
  });
}

/**
 * Writes the links on the convention's sheet, in its « Documents » section; false when the
 * workbook has no such sheet or section (the links then go to the sheet `Documents`).
 */
export function recordOnConventionSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  conventionId: string,
  title: string,
  generated: Generated,
): boolean {
  const sheet = spreadsheet.getSheetByName(`${CONVENTION_SHEET_PREFIX}${conventionId}`);
  if (!sheet || sheet.getLastRow() === 0) return false;
  const plan = planConventionDocumentRows(sheet.getDataRange().getValues(), [
    { document: title, url: generated.doc.url, label: "Ouvrir le document" },
    { document: `${title} (PDF)`, url: generated.pdf.url, label: "Ouvrir le PDF" },
  ]);
  if (!plan) return false;
  const at = new Date(Date.parse(generated.at));
  ensureRows(sheet, Math.max(...plan.map((p) => p.row)));
  for (const { row, document } of plan) {
    sheet
      .getRange(row, 1, 1, 3)
      .setValues([[asText(document.document), link(document.url, document.label), at]]);
    sheet.getRange(row, 3).setNumberFormat("dd/mm/yyyy");
  }
  return true;
}
