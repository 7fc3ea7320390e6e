import { describe, expect, it } from "vitest";
import { demoSummary, runDemo } from "../../dev/demo";

describe("the npm start demonstration, on the built bundle", () => {
  const demo = runDemo();

  it("leaves no broken cell in any sheet (#ERROR!, #SPILL!, #REF!…)", () => {
    const broken = demo.host.spreadsheet
      .getSheets()
      .flatMap((sheet) =>
        (sheet.getDataRange().getValues() as unknown[][]).flatMap((row, r) =>
          row.flatMap((v, c) =>
            typeof v === "string" && /^#[A-Z/0!?]+/.test(v)
              ? [`${sheet.getName()}!R${r + 1}C${c + 1} ${v}`]
              : [],
          ),
        ),
      );
    expect(broken).toEqual([]);
    expect(demo.host.log.lines.filter((l) => l.startsWith("ERREUR"))).toEqual([]);
  });

  it("shows the figures of the CD62 deliberation of 14/10/2024", () => {
    const summary = demoSummary(demo)
      .join("\n")
      .replace(/[\u202f\u00a0]/g, " ");
    expect(summary).toContain("prise en charge mission A 748,50 €, mission B 1 000,00 €");
    expect(summary).toContain("total 11 879,54 €, CD62 9 879,54 €, RECITAL 2 000,00 €");
    expect(summary).toContain("subvention due (article 5) 8 316,43 €");
    expect(summary).toContain("10 dépôts (dont un événement reçu deux fois) → 10 lignes, 5 éligibles");
  });
});
