import { describe, expect, it } from "vitest";
import { conventionById } from "../../src/core/convention";
import {
  type DocumentModel,
  documentHtml,
  documentText,
  escapeHtml,
  financialAnnex,
  letterDocument,
} from "../../src/core/documents";
import { HTML_PAYLOADS } from "../support/hostile-strings";

/** Narrow and plain no-break spaces read as spaces, as a reader sees them. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

const annex = () => financialAnnex(conventionById("CD62-2024"), new Date("2026-12-01T09:00:00Z"));

function table(model: DocumentModel, header0: string) {
  const block = model.blocks.find((b) => b.kind === "table" && b.header[0] === header0);
  if (block?.kind !== "table") throw new Error(`pas de tableau ${header0}`);
  return block;
}

describe("the financial annex of the CD62 2024 convention", () => {
  it("is named after the convention", () => {
    expect(annex().title).toBe("Annexe financière — CD62-2024");
  });

  it("gives the Article 4 figures: 9 879,54 € on 11 879,54 €, 83 %", () => {
    const rows = table(annex(), "").rows.map((r) => r.cells.map(plain));
    expect(rows).toEqual([
      ["Subvention accordée — Département du Pas-de-Calais (CD62)", "9 879,54 €"],
      ["Coût total prévisionnel du programme", "11 879,54 €"],
      ["Part de la subvention dans le coût total", "83 %"],
    ]);
  });

  it("holds the eleven budget lines and their total in bold", () => {
    const budget = table(annex(), "Type de dépense");
    expect(budget.rows).toHaveLength(12);
    expect(budget.rows[0]?.cells.map(plain)).toEqual([
      "ACC projet de mobilité",
      "8",
      "porteur",
      "133,32 €",
      "1 066,52 €",
    ]);
    expect(budget.rows.at(-1)).toEqual({ bold: true, cells: ["Total", "", "", "", expect.any(String)] });
    expect(plain(budget.rows.at(-1)?.cells[4] ?? "")).toBe("11 879,54 €");
  });

  it("puts charges and products side by side, each column at exactly 100 %", () => {
    const plan = table(annex(), "Charges");
    expect(plan.header).toEqual(["Charges", "Montant", "%", "Produits", "Montant", "%"]);
    expect(plan.rows.map((r) => r.cells.map(plain))).toEqual([
      ["Coûts RH", "8 139,54 €", "68 %", "CD62", "9 879,54 €", "83 %"],
      ["Frais de transport et fournitures", "200,00 €", "2 %", "RECITAL", "2 000,00 €", "17 %"],
      ["Graphisme et fabrication des outils PAM (prestation externe)", "1 400,00 €", "12 %", "", "", ""],
      ["Administratif et coûts indirects", "2 140,00 €", "18 %", "", "", ""],
      ["TOTAL CHARGES", "11 879,54 €", "100 %", "TOTAL PRODUITS", "11 879,54 €", "100 %"],
    ]);
    expect(plan.rows.map((r) => r.bold === true)).toEqual([false, false, false, false, true]);
  });

  it("reads, as HTML, with every figure the seed gives", () => {
    const html = plain(documentHtml(annex()));
    for (const figure of ["11 879,54 €", "9 879,54 €", "83 %", "17 %", "2 000,00 €", "68 %"]) {
      expect(html).toContain(figure);
    }
    expect(html).toContain('<tr class="total"><td>TOTAL CHARGES</td>');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Document établi le 01/12/2026");
  });
});

describe("a decision letter", () => {
  it("keeps the body's paragraphs and shows hostile applicant text as text", () => {
    for (const { text } of HTML_PAYLOADS) {
      const model = letterDocument({
        title: "Courrier — EXPLOR 2025 — n° 1 — Retenue",
        addressee: text,
        subject: `Votre candidature ${text}`,
        body: `Bonjour ${text},\n\nPremier paragraphe.\nDeuxième ligne.\n\n\nBien cordialement`,
        date: new Date("2025-07-01T10:00:00+02:00"),
      });
      expect(documentText(model)).toContain(`Bonjour ${text},`);
      expect(
        model.blocks.filter((b) => b.kind === "paragraph").map((b) => (b.kind === "paragraph" ? b.text : "")),
      ).toEqual([
        "Lianes coopération\nRéseau régional multi-acteurs des Hauts-de-France",
        "Le 01/07/2025",
        text,
        `Objet : Votre candidature ${text}`,
        `Bonjour ${text},`,
        "Premier paragraphe.\nDeuxième ligne.",
        "Bien cordialement",
      ]);
      const html = documentHtml(model);
      expect(html).not.toMatch(/<(script|img|svg|iframe|details)\b/i);
      expect(html).toContain(escapeHtml(text));
    }
  });
});
