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

  it("shows the seed's figures", () => {
    const summary = demoSummary(demo)
      .join("\n")
      .replace(/[\u202f\u00a0]/g, " ");
    expect(summary).toContain("prise en charge mission A 748,50 €, mission B 1 000,00 €");
    expect(summary).toContain("total 11 879,54 €, CD62 9 879,54 €, RECITAL 2 000,00 €");
    expect(summary).toContain("subvention due (article 5) 8 316,43 €");
    expect(summary).toContain("10 dépôts (dont un événement reçu deux fois) → 10 lignes, 5 éligibles");
  });

  it("shows the jury's merged scores: a conflict, a correction, an outsider not counted", () => {
    const summary = demoSummary(demo).join("\n");
    // n° 1: (22 + 20 + 21) / 15 = 4,2; n° 2: Inès in conflict, (16 + 23) / 10 = 3,9;
    // n° 3: Marc's corrected evaluation (18) with Awa's 7: 25 / 10 = 2,5, spread 2,2 points.
    expect(summary).toContain("n° 1 3 / 3 → 4,2, n° 2 2 / 2 → 3,9, n° 3 2 / 3 → 2,5");
    const jury = demo.host.values("Jury EXPLOR-2025").flat().map(String);
    expect(jury).toContain("curieux@exemple.fr");
    expect(jury).toContain("évaluée (remplace 1 envoi)");
    const [header = [], ...rows] = demo.host.values("Candidatures");
    expect(rows.map((r) => r[header.indexOf("À discuter")]).filter((v) => v === "Oui")).toHaveLength(1);
  });
});
