/**
 * The documents `npm start` prints with Chromium: each Google Doc the add-on drew on the host
 * (DocumentApp adapter) read back into core's document model, then rendered by core's HTML
 * renderer — the annex of CD62-2024 and the decision letter of application n° 1.
 */
import type { Alignment, DocumentBlock, DocumentModel } from "../src/core/documents";
import { documentHtml } from "../src/core/documents";
import type { Host } from "./host";
import { type FakeDocument, FakeTable } from "./host/documents";

const ALIGN: Readonly<Record<string, Alignment>> = { LEFT: "left", CENTER: "center", RIGHT: "right" };

/** A Google Doc of the host as the model it was drawn from (headings, paragraphs, tables). */
export function modelOfGoogleDoc(doc: FakeDocument): DocumentModel {
  const blocks = doc.body.elements.map((e): DocumentBlock => {
    if (e instanceof FakeTable) {
      const [header, ...rows] = e.rows;
      return {
        kind: "table",
        header: header?.cells.map((c) => c.getText()) ?? [],
        align: header?.cells.map((c) => ALIGN[c.paragraph.alignment] ?? "left") ?? [],
        rows: rows.map((r) => ({
          cells: r.cells.map((c) => c.getText()),
          ...(r.cells.every((c) => c.bold) ? { bold: true } : {}),
        })),
      };
    }
    if (e.heading === "HEADING1" || e.heading === "HEADING2") {
      return { kind: "heading", level: e.heading === "HEADING1" ? 1 : 2, text: e.text };
    }
    const align = ALIGN[e.alignment] ?? "left";
    return {
      kind: "paragraph",
      text: e.text,
      ...(e.bold ? { bold: true } : {}),
      ...(align !== "left" ? { align } : {}),
    };
  });
  return { title: doc.getName(), blocks };
}

export interface DemoDocument {
  /** File name without extension, in out/documents/. */
  readonly name: string;
  readonly html: string;
}

const FILES: Readonly<Record<string, string>> = {
  "Annexe financière — CD62-2024": "annexe-financiere-CD62-2024",
  "Courrier — EXPLOR 2025 — n° 1 — Retenue": "courrier-EXPLOR-2025-1-retenue",
};

export function demoDocuments(host: Host): DemoDocument[] {
  return [...host.documents.documents.values()].flatMap((doc) => {
    const name = FILES[doc.getName()];
    return name ? [{ name, html: documentHtml(modelOfGoogleDoc(doc)) }] : [];
  });
}
