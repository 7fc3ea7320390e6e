/**
 * The documents `npm start` prints with Chromium, each an HTML page of core's document model:
 * the financial annex of CD62-2024, and the decision letter of the demo's application n° 1
 * (from its letter in `Courriers`, as the add-on drew it in a Google Doc).
 */
import { conventionById } from "../src/core/convention";
import { documentHtml, financialAnnex, letterDocument } from "../src/core/documents";
import type { Host } from "./host";

export interface DemoDocument {
  /** File name without extension, in out/documents/. */
  readonly name: string;
  readonly html: string;
}

export function demoDocuments(host: Host, date: Date): DemoDocument[] {
  const documents: DemoDocument[] = [
    {
      name: "annexe-financiere-CD62-2024",
      html: documentHtml(financialAnnex(conventionById("CD62-2024"), date)),
    },
  ];
  const letter = host
    .values("Courriers")
    .find((r) => r[1] === "EXPLOR-2025" && r[0] === 1 && r[2] === "Retenue");
  const [header = [], application] = host.values("Candidatures");
  if (letter && application) {
    const model = letterDocument({
      title: "Courrier — EXPLOR 2025 — n° 1 — Retenue",
      addressee: String(application[header.indexOf("Association")] ?? ""),
      subject: String(letter[4]),
      body: String(letter[5]),
      date,
    });
    documents.push({ name: "courrier-EXPLOR-2025-1-retenue", html: documentHtml(model) });
  }
  return documents;
}
