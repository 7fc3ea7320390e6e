import { describe, expect, it } from "vitest";
import { planConventionDocumentRows } from "../../src/addon/documents/documents-sheet";

const doc = (document: string) => ({ document, url: `https://exemple.invalid/${document}`, label: "Ouvrir" });

/** The end of a `Convention <id>` sheet: its last section, « Documents », with blank rows. */
const sheet = (rows: unknown[][]) => [
  ["Engagements (article 2)", "", ""],
  ["Engagement", "Prévu", "Unité"],
  ["Accompagnements", 8, "porteur"],
  ["", "", ""],
  ["Documents", "", ""],
  ["Document", "Lien", "Date"],
  ...rows,
];

describe("links on the convention's sheet, section Documents", () => {
  it("go to the section's blank rows, in order", () => {
    const plan = planConventionDocumentRows(
      sheet([
        ["", "", ""],
        ["", "", ""],
        ["", "", ""],
      ]),
      [doc("Annexe financière — CD62-2024"), doc("Annexe financière — CD62-2024 (PDF)")],
    );
    expect(plan?.map((p) => [p.row, p.document.document])).toEqual([
      [7, "Annexe financière — CD62-2024"],
      [8, "Annexe financière — CD62-2024 (PDF)"],
    ]);
  });

  it("replace the document's own row, keep the others, and add rows when the section is full", () => {
    const plan = planConventionDocumentRows(
      sheet([
        ["Bilan 2024", "=HYPERLINK(…)", 45_000],
        ["Annexe financière — CD62-2024 (PDF)", "=HYPERLINK(…)", 45_000],
      ]),
      [doc("Annexe financière — CD62-2024"), doc("Annexe financière — CD62-2024 (PDF)")],
    );
    expect(plan?.map((p) => p.row)).toEqual([9, 8]);
  });

  it("are not written on a sheet without the section", () => {
    expect(planConventionDocumentRows([["Documents"], ["Autre", "chose"]], [doc("x")])).toBeUndefined();
    expect(planConventionDocumentRows([], [doc("x")])).toBeUndefined();
  });
});
