/**
 * The HTML page of a document model (A4, print-ready): every text escaped, so an applicant's
 * `<script>` is shown as typed. The local demo prints it to PDF with Chromium.
 */
import type { Alignment, DocumentBlock, DocumentModel } from "./model";

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** Escaped, line breaks kept. */
function lines(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, "<br>");
}

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #1a1a1a; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 6pt; color: #0b4f6c; }
h2 { font-size: 12pt; margin: 14pt 0 6pt; color: #0b4f6c; }
p { margin: 0 0 6pt; line-height: 1.4; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-variant-numeric: tabular-nums; }
th, td { border: 0.6pt solid #9aa7b0; padding: 3pt 5pt; vertical-align: top; }
th { background: #e8f0f4; font-weight: bold; }
tr.total td { font-weight: bold; background: #f4f7f9; }
.right { text-align: right; white-space: nowrap; }
.center { text-align: center; }
.bold { font-weight: bold; }
`;

function alignClass(align: Alignment | undefined): string {
  return align === "right" ? ' class="right"' : align === "center" ? ' class="center"' : "";
}

function blockHtml(block: DocumentBlock): string {
  switch (block.kind) {
    case "heading":
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case "paragraph": {
      const classes = [block.bold ? "bold" : "", block.align && block.align !== "left" ? block.align : ""]
        .filter(Boolean)
        .join(" ");
      return `<p${classes ? ` class="${classes}"` : ""}>${lines(block.text)}</p>`;
    }
    case "table": {
      const head = `<tr>${block.header.map((h, i) => `<th${alignClass(block.align[i])}>${escapeHtml(h)}</th>`).join("")}</tr>`;
      const rows = block.rows
        .map(
          (r) =>
            `<tr${r.bold ? ' class="total"' : ""}>${r.cells
              .map((c, i) => `<td${alignClass(block.align[i])}>${lines(c)}</td>`)
              .join("")}</tr>`,
        )
        .join("\n");
      return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
    }
  }
}

/** A whole HTML page, UTF-8, French. */
export function documentHtml(model: DocumentModel): string {
  return [
    "<!doctype html>",
    '<html lang="fr">',
    `<head><meta charset="utf-8"><title>${escapeHtml(model.title)}</title><style>${STYLE}</style></head>`,
    "<body>",
    ...model.blocks.map(blockHtml),
    "</body>",
    "</html>",
  ].join("\n");
}
