import { describe, expect, it } from "vitest";
import {
  checkConventionSheet,
  checkConventionSheets,
  conventionById,
  conventionFromTemplate,
  readConventionSheet,
} from "../../src/core/convention";
import { conventionSheetLayout } from "../../src/planning/convention-sheet-layout";
import type { SheetLayout } from "../../src/planning/sheet-layout";

const SHEET = "Convention CD62-2024";
const cd62 = conventionById("CD62-2024");

/** The values a layout puts in a sheet, as getValues gives them (blank cells ""). */
function grid(layout: SheetLayout): unknown[][] {
  const rows: unknown[][] = [];
  for (const b of layout.blocks) {
    b.values.forEach((r, i) => {
      r.forEach((v, j) => {
        const index = b.row - 1 + i;
        const row = rows[index] ?? [];
        rows[index] = row;
        row[b.column - 1 + j] = v;
      });
    });
  }
  const width = Math.max(...Array.from(rows, (r) => r?.length ?? 0));
  return Array.from(rows, (r) => Array.from({ length: width }, (_, j) => r?.[j] ?? ""));
}

function cd62Grid(): unknown[][] {
  return grid(conventionSheetLayout(cd62, SHEET).layout);
}

/** The row (1-based) whose column A reads `label`, after the row `after`. */
function rowOf(values: unknown[][], label: string, after = 0): number {
  const i = values.findIndex((r, k) => k >= after && r[0] === label);
  if (i < 0) throw new Error(`no row ${label}`);
  return i + 1;
}

function edit(values: unknown[][], a1: string, value: unknown): unknown[][] {
  const m = /^([A-Z])(\d+)$/.exec(a1);
  if (!m) throw new Error(a1);
  const copy = values.map((r) => [...r]);
  (copy[Number(m[2]) - 1] as unknown[])[(m[1] as string).charCodeAt(0) - 65] = value;
  return copy;
}

describe("the Convention sheet: CD62-2024 written, then read back", () => {
  it("reads back into the very definition it was written from, with every piece's row", () => {
    const { layout, cells } = conventionSheetLayout(cd62, SHEET);
    const read = readConventionSheet(SHEET, grid(layout));
    expect(read.definition).toEqual(cd62);
    expect(read.cells).toEqual(cells);
    expect(checkConventionSheet(SHEET, grid(layout))).toEqual([]);
  });

  it("holds Article 3's dates, Article 4's figures and Article 2's commitments as the manager reads them", () => {
    const values = cd62Grid();
    const value = (label: string) => values[rowOf(values, label) - 1]?.[1];
    // 01/04/2025 as the day number a date cell holds.
    expect(value("Bilan à remettre au plus tard le")).toBe(45748);
    expect(value("Subvention accordée (article 4)")).toBe(9879.54);
    expect(value("Coût total prévisionnel (article 4)")).toBe(11879.54);
    const first = rowOf(values, "Action");
    expect(values.slice(first, first + 8).map((r) => [r[1], r[2]])).toEqual([
      [8, "accompagnement"],
      [4, "accompagnement"],
      [6, "appui-conseil"],
      [1, "temps collectif"],
      [7, "module"],
      ["", ""],
      ["", ""],
      ["", ""],
    ]);
  });

  it("writes the PAM tools line as 3 400 € with a 1 400 € external part", () => {
    const values = cd62Grid();
    const row = values[rowOf(values, "Développement d'outils PAM") - 1] ?? [];
    expect(row.slice(0, 7)).toEqual([
      "Développement d'outils PAM",
      1,
      "unité",
      3400,
      "Coûts RH",
      1400,
      "Graphisme et fabrication des outils PAM (prestation externe)",
    ]);
  });
});

describe("the Convention sheet's errors name the sheet, the cell and the value", () => {
  const values = cd62Grid();
  const transport = rowOf(values, "Déplacements & fournitures");
  const tools = rowOf(values, "Développement d'outils PAM");
  const recital = rowOf(values, "RECITAL");
  const cd62Funder = rowOf(values, "CD62", rowOf(values, "Financeurs"));
  const due = rowOf(values, "Bilan à remettre au plus tard le");
  const mobility = rowOf(values, "Action") + 1;
  const cases: [string, unknown[][], string][] = [
    [
      "a total that is not an amount",
      edit(values, `D${transport}`, "deux cents"),
      `Montant invalide (Total — feuille « Convention CD62-2024 », cellule D${transport}) : « deux cents »`,
    ],
    [
      "a total with a fraction of a cent",
      edit(values, `D${transport}`, 200.005),
      `Montant invalide (Total — feuille « Convention CD62-2024 », cellule D${transport}) : « 200.005 » — au plus deux décimales (centimes)`,
    ],
    [
      "a quantity of 0",
      edit(values, `B${transport}`, 0),
      `Nombre invalide (Nbre — feuille « Convention CD62-2024 », cellule B${transport}) : « 0 » — un nombre strictement positif`,
    ],
    [
      "a category the plan does not list",
      edit(values, `E${transport}`, "Voyages"),
      `Catégorie inconnue (Catégorie — feuille « Convention CD62-2024 », cellule E${transport}) : « Voyages » — catégories de la section « Catégories du plan de financement » : Coûts RH, Frais de transport et fournitures, Graphisme et fabrication des outils PAM (prestation externe), Administratif et coûts indirects`,
    ],
    [
      "an external part as large as the line",
      edit(values, `F${tools}`, 3400),
      `Part externe trop grande (Part externe — feuille « Convention CD62-2024 », cellule F${tools}) : « 3400 » — elle doit être inférieure au total de la ligne (3\u202f400,00\u00a0€) ; sinon mettez sa catégorie dans « Catégorie »`,
    ],
    [
      "an external part without its category",
      edit(values, `G${tools}`, ""),
      `Valeur manquante (Catégorie de la part externe — feuille « Convention CD62-2024 », cellule G${tools}) : « » (vide)`,
    ],
    [
      "a second solde",
      edit(edit(values, `B${recital}`, "solde"), `C${recital}`, ""),
      `Un seul financeur peut être « solde » (Mode — feuille « Convention CD62-2024 », cellule B${recital}) : « solde »`,
    ],
    [
      "no solde at all",
      edit(values, `B${cd62Funder}`, "montant fixe"),
      `Montant manquant (Montant — feuille « Convention CD62-2024 », cellule C${cd62Funder}) : « » (vide)`,
    ],
    [
      "an unknown mode",
      edit(values, `B${recital}`, "forfait"),
      `Mode de financement inconnu (Mode — feuille « Convention CD62-2024 », cellule B${recital}) : « forfait » — attendu « montant fixe », « part », « solde »`,
    ],
    [
      "a share over 100 %",
      edit(edit(values, `B${recital}`, "part"), `D${recital}`, "120 %"),
      `Montant inattendu (Montant — feuille « Convention CD62-2024 », cellule C${recital}) : « 2000 » — un financeur en part n'a pas de montant : videz la cellule`,
    ],
    [
      "a due date that is no date",
      edit(values, `B${due}`, "1er avril"),
      `Date invalide (Bilan à remettre au plus tard le — feuille « Convention CD62-2024 », cellule B${due}) : « 1er avril » — attendu une date comme 15/06/2025 23:59:59`,
    ],
    [
      "a planned quantity that is text",
      edit(values, `B${mobility}`, "huit"),
      `Nombre invalide (Quantité prévue — feuille « Convention CD62-2024 », cellule B${mobility}) : « huit »`,
    ],
    [
      "an id that differs from the sheet's name",
      edit(values, "B5", "CD62-2025"),
      "Identifiant différent du nom de la feuille (Identifiant — feuille « Convention CD62-2024 », cellule B5) : « CD62-2025 » — la feuille s'appelle « Convention CD62-2024 » : écrivez CD62-2024 ou renommez la feuille",
    ],
  ];
  it.each(cases)("%s", (_, edited, message) => {
    expect(checkConventionSheet(SHEET, edited)).toContain(message);
    expect(() => readConventionSheet(SHEET, edited)).toThrow(message);
  });

  it("a share over 100 % alone says what a share is", () => {
    const edited = edit(edit(edit(values, `B${recital}`, "part"), `C${recital}`, ""), `D${recital}`, "120 %");
    expect(checkConventionSheet(SHEET, edited)).toEqual([
      `Part invalide (Part — feuille « Convention CD62-2024 », cellule D${recital}) : « 120 % » — une fraction entre 0 et 1 (0,83) ou un pourcentage (83 %)`,
    ]);
  });

  it("lists every problem at once, and the reader gives the first three and how many more", () => {
    const edited = edit(
      edit(edit(edit(values, `D${transport}`, "x"), `B${transport}`, -1), "B7", 1850),
      `B${recital}`,
      "?",
    );
    expect(checkConventionSheet(SHEET, edited)).toHaveLength(4);
    expect(() => readConventionSheet(SHEET, edited)).toThrow(
      / ; et 1 autre problème \(Lianes › Paramètres › Vérifier les paramètres\)$/,
    );
  });

  it("a missing section is named, and how to get it back", () => {
    const edited = values.filter((r) => r[0] !== "Financeurs");
    expect(checkConventionSheet(SHEET, edited)).toContain(
      "Section « Financeurs » introuvable (feuille « Convention CD62-2024 », colonne A) — recréez la feuille avec Lianes › Paramètres › Nouvelle convention…",
    );
  });

  it("once it reads, Vérifier says what does not add up: Article 4's cost, the subsidy against the plan", () => {
    const raised = edit(values, `D${transport}`, 300);
    expect(() => readConventionSheet(SHEET, raised)).not.toThrow();
    const forecast = rowOf(values, "Coût total prévisionnel (article 4)");
    const subsidy = rowOf(values, "Subvention accordée (article 4)");
    expect(checkConventionSheet(SHEET, raised)).toEqual([
      `Coût total prévisionnel différent du budget (Coût total prévisionnel (article 4) — feuille « Convention CD62-2024 », cellule B${forecast}) : « 11\u202f879,54\u00a0€ » — les lignes du budget font 11\u202f979,54\u00a0€ (écart 100,00\u00a0€)`,
      `Subvention différente du plan de financement (Subvention accordée (article 4) — feuille « Convention CD62-2024 », cellule B${subsidy}) : « 9\u202f879,54\u00a0€ » — le plan demande 9\u202f979,54\u00a0€ à CD62`,
    ]);
  });

  it("a blank convention names what is missing, cell by cell", () => {
    const blank = grid(conventionSheetLayout(undefined, "Convention CD59-2025", "CD59-2025").layout);
    const problems = checkConventionSheet("Convention CD59-2025", blank);
    expect(problems).toContain(
      "Valeur manquante (Intitulé — feuille « Convention CD59-2025 », cellule B6) : « » (vide)",
    );
    expect(problems).toContain(
      "Aucune ligne de budget (section « Lignes du budget », feuille « Convention CD59-2025 »)",
    );
  });
});

describe("next year's convention from a template", () => {
  it("CD62-2025: the year, Article 3's dates and the titles a year on, its own sheets", () => {
    const next = conventionFromTemplate(cd62, "CD62-2025");
    expect(next).toEqual({
      ...cd62,
      id: "CD62-2025",
      year: 2025,
      label: "Département du Pas-de-Calais — accompagnement 2025",
      sheets: {
        budget: "Budget CD62-2025",
        plan: "Plan de financement CD62-2025",
        report: "Bilan CD62-2025",
      },
      networkBudget: { ...cd62.networkBudget, label: "Budget global Lianes 2025" },
      period: { start: "2025-01-01", end: "2025-12-31" },
      reportDue: "2026-04-01",
    });
    expect(next.lines).toBe(cd62.lines);
  });

  it("an id without a year keeps the template's; a 29 February moves to the 28th", () => {
    const nord = conventionFromTemplate(cd62, "CD59");
    expect([nord.year, nord.period, nord.reportDue]).toEqual([2024, cd62.period, cd62.reportDue]);
    const leap = conventionFromTemplate({ ...cd62, reportDue: "2024-02-29" }, "CD62-2025");
    expect(leap.reportDue).toBe("2025-02-28");
  });

  it("under the template's own id, the template unchanged", () => {
    expect(conventionFromTemplate(cd62, "CD62-2024")).toBe(cd62);
  });
});

describe("Vérifier les paramètres over the workbook's conventions", () => {
  it("says when two conventions would write the same sheet", () => {
    const first = grid(conventionSheetLayout(cd62, SHEET).layout);
    const copy = grid(conventionSheetLayout({ ...cd62, id: "CD62-2025" }, "Convention CD62-2025").layout);
    expect(checkConventionSheets([{ name: SHEET, values: first }])).toEqual([]);
    const problems = checkConventionSheets([
      { name: SHEET, values: first },
      { name: "Convention CD62-2025", values: copy },
    ]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe(
      "Feuille déjà écrite par une autre convention (Feuille du budget — feuille « Convention CD62-2025 », cellule B10) : « Budget CD62 » — « Convention CD62-2024 » écrit déjà cette feuille ; donnez-lui un autre nom",
    );
  });
});
