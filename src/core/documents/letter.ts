/**
 * A decision letter as a document model, from a letter filled from its template: the sender,
 * the date, the addressee, the subject in bold, then the body's paragraphs as typed (applicant
 * text stays plain text: the adapters never read it as markup).
 */
import { formatParisDate } from "../intake/paris-time";
import type { DocumentModel } from "./model";

export interface LetterDocumentInput {
  /** `Courrier — EXPLOR 2025 — n° 3 — Retenue` */
  readonly title: string;
  readonly addressee: string;
  readonly subject: string;
  readonly body: string;
  readonly date: Date;
}

export function letterDocument(input: LetterDocumentInput): DocumentModel {
  const paragraphs = input.body
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((p) => p.replace(/^\n+|\n+$/g, ""))
    .filter((p) => p.trim() !== "");
  return {
    title: input.title,
    blocks: [
      {
        kind: "paragraph",
        text: "Lianes coopération\nRéseau régional multi-acteurs des Hauts-de-France",
        bold: true,
      },
      { kind: "paragraph", text: `Le ${formatParisDate(input.date)}`, align: "right" },
      { kind: "paragraph", text: input.addressee, align: "right" },
      { kind: "paragraph", text: `Objet : ${input.subject}`, bold: true },
      ...paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
    ],
  };
}
