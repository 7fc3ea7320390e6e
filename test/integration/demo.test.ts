import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { demoSummary, runDemo } from "../../dev/demo";
import { writeXlsx } from "../../dev/host/xlsx";

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

  it("shows and exports the last second of 15 June as Paris saw it: 15/06/2025 23:59:59, Horodateur included", async () => {
    const responses = demo.host.spreadsheet.getSheets().find(
      (s) =>
        s.getDataRange().getValues()[0]?.[0] === "Horodateur" &&
        s
          .getDataRange()
          .getDisplayValues()
          .some((r) => r.includes("bureau@somme-madagascar.fr")),
    );
    if (!responses) throw new Error("pas de feuille de réponses EXPLOR");
    const name = responses.getName();
    const shown = responses.getDataRange().getDisplayValues();
    const row = shown.findIndex((r) => r.includes("bureau@somme-madagascar.fr"));
    expect(shown[row]?.[0]).toBe("15/06/2025 23:59:59");
    expect(shown.map((r) => r[0])).toContain("16/06/2025 00:00:00");

    const dir = mkdtempSync(join(tmpdir(), "lianes-xlsx-"));
    try {
      await writeXlsx(demo.host.spreadsheet, join(dir, "demo.xlsx"));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(dir, "demo.xlsx"));
      // xlsx has no zones: the cell holds the wall-clock time, shown with its seconds.
      const cell = workbook.getWorksheet(name)?.getCell(row + 1, 1);
      expect(cell?.value).toEqual(new Date(Date.UTC(2025, 5, 15, 23, 59, 59)));
      expect(cell?.numFmt).toBe("dd/mm/yyyy hh:mm:ss");
      const review = workbook.getWorksheet("Candidatures");
      const received: unknown[] = [];
      review?.eachRow((r) => r.eachCell((c) => received.push(c.value)));
      expect(received).toContainEqual(new Date(Date.UTC(2025, 5, 15, 23, 59, 59)));
      expect(received).toContainEqual(new Date(Date.UTC(2025, 5, 16, 0, 0, 0)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
