/**
 * A document as data: headings, paragraphs and tables of plain text, already formatted in
 * fr-FR. Rendered once here (the financial annex, a decision letter), then drawn by two
 * adapters: DocumentApp in Apps Script, an HTML page (printed to PDF by Chromium) on the host.
 */

export type Alignment = "left" | "center" | "right";

export interface TableRow {
  readonly cells: readonly string[];
  readonly bold?: boolean;
}

export type DocumentBlock =
  | { readonly kind: "heading"; readonly level: 1 | 2; readonly text: string }
  /** A paragraph; a line break in the text is a line break in the paragraph. */
  | { readonly kind: "paragraph"; readonly text: string; readonly bold?: boolean; readonly align?: Alignment }
  | {
      readonly kind: "table";
      readonly header: readonly string[];
      readonly rows: readonly TableRow[];
      /** One per column. */
      readonly align: readonly Alignment[];
    };

export interface DocumentModel {
  /** The file's name and the page title. */
  readonly title: string;
  readonly blocks: readonly DocumentBlock[];
}

/** Every text of the document, in reading order (table cells left to right): what a reader sees. */
export function documentText(model: DocumentModel): string {
  return model.blocks
    .map((b) =>
      b.kind === "table"
        ? [b.header, ...b.rows.map((r) => r.cells)].map((cells) => cells.join(" | ")).join("\n")
        : b.text,
    )
    .join("\n");
}
