/**
 * The DocumentApp adapter of a document model: headings, paragraphs and tables drawn in a
 * Google Doc's body, totals in bold, amounts right-aligned. Text goes in as text: nothing an
 * applicant typed is ever read as markup.
 */
import type { Alignment, DocumentModel } from "../../core/documents";

type Body = GoogleAppsScript.Document.Body;

function alignment(align: Alignment | undefined): GoogleAppsScript.Document.HorizontalAlignment {
  if (align === "right") return DocumentApp.HorizontalAlignment.RIGHT;
  if (align === "center") return DocumentApp.HorizontalAlignment.CENTER;
  return DocumentApp.HorizontalAlignment.LEFT;
}

/** Draws the model in the body (emptied first). */
export function drawDocument(body: Body, model: DocumentModel): void {
  body.clear();
  for (const block of model.blocks) {
    if (block.kind === "heading") {
      body
        .appendParagraph(block.text)
        .setHeading(
          block.level === 1 ? DocumentApp.ParagraphHeading.HEADING1 : DocumentApp.ParagraphHeading.HEADING2,
        );
    } else if (block.kind === "paragraph") {
      const paragraph = body.appendParagraph(block.text);
      paragraph.setAlignment(alignment(block.align));
      if (block.bold) paragraph.editAsText().setBold(true);
    } else {
      const table = body.appendTable([[...block.header], ...block.rows.map((r) => [...r.cells])]);
      const rows = [
        { bold: true, header: true },
        ...block.rows.map((r) => ({ bold: r.bold === true, header: false })),
      ];
      rows.forEach((r, i) => {
        const row = table.getRow(i);
        for (let c = 0; c < block.align.length; c++) {
          const cell = row.getCell(c);
          cell.getChild(0).asParagraph().setAlignment(alignment(block.align[c]));
          if (r.bold) cell.editAsText().setBold(true);
          if (r.header) cell.setBackgroundColor("#e8f0f4");
        }
      });
    }
  }
}
