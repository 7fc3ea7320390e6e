import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { demoSummary, runDemo } from "../../dev/demo";
import { writeXlsx } from "../../dev/host/xlsx";

/** The cells of an A1 range (`C2:C12`, `E15`), as "column,row" keys. */
function cellsOf(sqref: string): string[] {
  const [from = "", to = from] = sqref.split(":");
  const parse = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a);
    if (!m) throw new Error(`adresse ${a}`);
    const column = [...(m[1] ?? "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return [column, Number(m[2])] as const;
  };
  const [c1, r1] = parse(from);
  const [c2, r2] = parse(to);
  const out: string[] = [];
  for (let c = c1; c <= c2; c++) for (let r = r1; r <= r2; r++) out.push(`${c},${r}`);
  return out;
}

describe("the npm start demonstration, on the built bundle", () => {
  const demo = runDemo();

  it("draws the charts where staff would rather look than read (Synthèse, Bilan)", () => {
    const charts = (name: string) =>
      (demo.host.spreadsheet.getSheetByName(name)?.getCharts() ?? []).map((c) =>
        String(c.spec.options.title),
      );
    expect(charts("Synthèse EXPLOR-2025")).toEqual(["Candidatures par statut (6 places)"]);
    expect(charts("Bilan")).toEqual([
      "Réalisé et prévu par ligne du budget",
      "Engagements de l'article 2 : réalisé et prévu",
    ]);
  });

  it("leaves no broken cell in any sheet (#ERROR!, #SPILL!, #REF!…) but the intended one", () => {
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
    // The 600 € Fonds territoriaux project shows the minimum error as its cell's error, on purpose.
    expect(broken).toEqual(["Récital!R3C3 #ERROR!"]);
    expect(
      demo.host.spreadsheet
        .getSheetByName("Récital")
        ?.errorAt(3, 3)
        ?.replace(/[\u202f\u00a0]/g, " "),
    ).toBe(
      "Aide sous le minimum (couts) : 70 % de 600,00 € = 420,00 €, le dispositif finance de 500,00 € à 3 000,00 €",
    );
    expect(demo.host.log.lines.filter((l) => l.startsWith("ERREUR"))).toEqual([]);
  });

  it("shows issue 12's cases in the EXPLOR sheet: two hotels, a Vaccin line, a suggestion, a missing receipt", () => {
    const cells = demo.host
      .values("EXPLOR")
      .flat()
      .filter((v): v is string => typeof v === "string")
      .map((v) => v.replace(/[\u202f\u00a0]/g, " "));
    expect(cells).toContain("plafond de la catégorie atteint : 300,00 € par mission");
    expect(cells).toContain("Vaccins et médicaments");
    expect(cells).toContain(
      "non pris en charge — libellé hors Annexe 2 ; voulez-vous dire « Avion + transport du domicile à l'aéroport » ou « Transports locaux » ?",
    );
    expect(cells).toContain("justificatif incomplet — non remboursable");
    expect(cells).toContain("plafond de la mission : 2 000,00 € éligibles sur 2 417,00 €");
    expect(cells).toContain("Décompte final");
  });

  it("writes out/demo.xlsx in French, with one data-validation rule per range, never two overlapping", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "demo-")), "demo.xlsx");
    await writeXlsx(demo.host.spreadsheet, path);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const overlaps: string[] = [];
    for (const name of sheets) {
      const xml = (await zip.file(name)?.async("string")) ?? "";
      const seen = new Map<string, string>();
      for (const [, sqref = ""] of xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)) {
        for (const cell of sqref.split(" ").flatMap(cellsOf)) {
          const other = seen.get(cell);
          if (other) overlaps.push(`${name}: ${other} / ${sqref}`);
          seen.set(cell, sqref);
        }
      }
    }
    expect(overlaps).toEqual([]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const english: string[] = [];
    for (const ws of workbook.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (
            typeof cell.value === "string" &&
            /\b(the|and|chart|pie|bar|yes|no|true|false|error)\b/i.test(cell.value)
          ) {
            english.push(`${ws.name}!${cell.address}: ${cell.value}`);
          }
        }),
      );
    }
    expect(english).toEqual([]);
  });

  it("shows the figures of the CD62 deliberation of 14/10/2024", () => {
    const summary = demoSummary(demo)
      .join("\n")
      .replace(/[\u202f\u00a0]/g, " ");
    expect(summary).toContain(
      "prise en charge mission A 748,50 €, mission B 1 000,00 €, mission C (décompte final) 637,50 €",
    );
    expect(summary).toContain("total 11 879,54 €, CD62 9 879,54 €, RECITAL 2 000,00 €");
    expect(summary).toContain("subvention due (article 5) 8 316,43 €");
    // Issue 16: next year's convention set up by editing its sheet only, the transport line 200 → 300 €.
    expect(summary).toContain(
      "Plan CD62-2025 (déplacements 300 €) : total 11 979,54 €, CD62 9 979,54 € (83 %), RECITAL 2 000,00 € (17 %)",
    );
    expect(summary).toContain("Rapport d'activité CD62-2024 : réalisé/prévu 8/8, 3/4, 7/6, 1/1, 7/7");
    expect(summary).toContain("10 dépôts (dont un événement reçu deux fois) → 10 lignes, 5 éligibles");
    expect(summary).toContain(
      "Appel EXPLOR-2026 (feuille du classeur) : Les Amis de Ouagadougou : Éligible / " +
        "Tardive mais motivée : Non éligible : candidature hors délai / " +
        "Paris Solidaire : Non éligible : siège hors Hauts-de-France",
    );
    // PAM-2025's two registrations reach their own review sheet (not the jury's evaluation form).
    expect(demo.host.values("Candidatures PAM-2025")).toHaveLength(3);
  });

  it("sets up the Récital funds through Lianes › Paramètres and computes the issue's figures", () => {
    const summary = demoSummary(demo)
      .join("\n")
      .replace(/[\u202f\u00a0]/g, " ");
    expect(summary).toContain(
      "Récital, fonds territoriaux : 600,00 € → Aide sous le minimum (couts) : 70 % de 600,00 € = 420,00 €, " +
        "le dispositif finance de 500,00 € à 3 000,00 € ; 2 000,00 € → 1 400,00 € ; 5 000,00 € → 3 000,00 €",
    );
    expect(summary).toContain(
      "Récital, projet structurant : 6 000,00 € / 8 000,00 € / 10 000,00 € → 4 200,00 € / 5 000,00 € / 5 000,00 €",
    );
    expect(summary).toContain("Récital, tandems : 2 × 1 500,00 € → 1 200,00 € ; 1 × 450,00 € → 450,00 €");
    // One value of a rule sheet changed: the dependent cell follows.
    expect(summary).toMatch(/Forfait des Tandems solidaires 600 € → 700 € .*: 1 200,00 € → 1 400,00 €/);
    expect(summary).toContain(
      "EXPLOR-HDF-2026 (per diem 20 € par jour) : mission A de 10 jours → prise en charge 773,50 €, reste à charge 773,50 €",
    );
    expect(summary).toContain("Vérifier les paramètres : Paramètres en ordre — 9 feuilles vérifiées");
    expect(demo.host.spreadsheet.getNamedRanges().map((n) => n.getName())).toEqual(
      expect.arrayContaining([
        "REGLE_RECITAL_FT",
        "REGLE_RECITAL_PS",
        "REGLE_RECITAL_TANDEM",
        "REGLE_EXPLOR_HDF_2025",
        "REGLE_EXPLOR_HDF_2026",
      ]),
    );
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
