/**
 * The financial annex printed to PDF by Chromium from core's HTML page of the document model
 * (what `npm start` writes as out/documents/annexe-financiere-CD62-2024.pdf), its text read
 * back from the PDF with pdf.js (unpdf).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, describe, expect, it } from "vitest";
import { printHtmlToPdf } from "../../dev/documents-pdf";
import { conventionById } from "../../src/core/convention";
import { documentHtml, financialAnnex } from "../../src/core/documents";

const dir = mkdtempSync(join(tmpdir(), "annexe-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the CD62 2024 financial annex as a PDF", () => {
  it("holds the seed's figures: 11 879,54 €, 9 879,54 €, 83 % and 17 %", async () => {
    const pdf = join(dir, "annexe-financiere-CD62-2024.pdf");
    const png = join(dir, "annexe-financiere-CD62-2024.png");
    const model = financialAnnex(conventionById("CD62-2024"), new Date("2026-12-01T09:00:00Z"));
    await printHtmlToPdf(documentHtml(model), pdf, png);
    const bytes = new Uint8Array(readFileSync(pdf));
    expect(Buffer.from(bytes.slice(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(statSync(png).size).toBeGreaterThan(10_000);
    const document = await getDocumentProxy(bytes);
    const { text, totalPages } = await extractText(document, { mergePages: true });
    expect(totalPages).toBe(1);
    const plain = text.replace(/[\u202f\u00a0]/g, " ").replace(/\s+/g, " ");
    expect(plain).toContain("Annexe financière — CD62-2024");
    for (const figure of ["11 879,54 €", "9 879,54 €", "83 %", "17 %", "TOTAL CHARGES", "TOTAL PRODUITS"]) {
      expect(plain).toContain(figure);
    }
  }, 60_000);
});
