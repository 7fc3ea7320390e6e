/**
 * Conventions owned by the workbook, on the local host where formulas recalculate: the
 * `Convention <identifiant>` sheet is the one place the finance manager edits, and the budget,
 * the financing plan and the report follow it by formula.
 */
import { describe, expect, it } from "vitest";
import { createHost, type Host } from "../../dev/host";
import { writeLayout } from "../../src/addon/sheets";
import { conventionById, readConventionSheet } from "../../src/core/convention";
import { conventionLayouts, LATE_RED } from "../../src/planning/convention-layout";
import { conventionSheetLayout } from "../../src/planning/convention-sheet-layout";

const OK = (text = "") => ({ kind: "prompt", button: "OK", text }) as const;
const CANCEL = { kind: "prompt", button: "CANCEL", text: "" } as const;
const YES = { kind: "alert", button: "YES" } as const;
const NO = { kind: "alert", button: "NO" } as const;
const cd62 = conventionById("CD62-2024");

function freshHost(): Host {
  const host = createHost();
  host.call("onOpen", {});
  return host;
}

function withCd62(): Host {
  const host = freshHost();
  host.runMenuItem("Budget de convention…", OK());
  return host;
}

function sheet(host: Host, name: string) {
  const s = host.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`Pas de feuille « ${name} »`);
  return s;
}

/** The 1-based row whose column A reads `label` (after row `after`). */
function rowOf(host: Host, name: string, label: string, after = 0): number {
  const i = host.values(name).findIndex((r, k) => k >= after && r[0] === label);
  if (i < 0) throw new Error(`« ${label} » absent de « ${name} »`);
  return i + 1;
}

/** The row of `label` in `name`, as values. */
function line(host: Host, name: string, label: string, after = 0): unknown[] {
  return host.values(name)[rowOf(host, name, label, after) - 1] ?? [];
}

/** The plan's receipts and totals, as the plan sheet shows them: [label, amount, percent]. */
function planSummary(host: Host, name = "Plan de financement") {
  const rows = host.values(name);
  const pick = (label: string) => {
    const r = rows.find((row) => row[3] === label) ?? [];
    return [r[4], r[5]];
  };
  const total = rows.find((r) => r[0] === "TOTAL CHARGES") ?? [];
  return { total: total[1], totalReceipts: total[4], cd62: pick("CD62"), recital: pick("RECITAL") };
}

/** A cell of the convention sheet, by the label in column A and the column of its table. */
function editConvention(host: Host, name: string, label: string, column: number, value: unknown, after = 0) {
  sheet(host, name)
    .getRange(rowOf(host, name, label, after), column)
    .setValue(value);
}

describe("Budget de convention… for a shipped template writes its Convention sheet first, then links to it", () => {
  it("writes Convention CD62-2024, then the budget, plan and report, figures unchanged", () => {
    const host = withCd62();
    expect(host.spreadsheet.getSheets().map((s) => s.getName())).toEqual([
      "Convention CD62-2024",
      "Budget CD62",
      "Plan de financement",
      "Bilan",
    ]);
    expect(planSummary(host)).toEqual({
      total: 11879.54,
      totalReceipts: 11879.54,
      cd62: [9879.54, 0.83],
      recital: [2000, 0.17],
    });
    expect(host.ui.alerts.filter((a) => a.includes("à vérifier"))).toEqual([]);
  });

  it("the Convention sheet reads back into the shipped definition (sheet → definition → sheet)", () => {
    const host = withCd62();
    const values = host.values("Convention CD62-2024");
    const read = readConventionSheet("Convention CD62-2024", values);
    expect(read.definition).toEqual(cd62);
    // Written again from what was read, the sheet is the same, cell for cell.
    const again = freshHost();
    const written = again.spreadsheet.insertSheet("Convention CD62-2024");
    const { layout } = conventionSheetLayout(read.definition, "Convention CD62-2024");
    writeLayout(written as unknown as GoogleAppsScript.Spreadsheet.Sheet, layout);
    expect(again.values("Convention CD62-2024")).toEqual(values);
    expect(
      sheet(host, "Convention CD62-2024")
        .getRange(rowOf(host, "Convention CD62-2024", "Bilan à remettre au plus tard le"), 2)
        .getDisplayValues()[0]?.[0],
    ).toBe("01/04/2025");
  });

  it("every figure of the three sheets is a formula on the Convention sheet", () => {
    const host = withCd62();
    const budget = sheet(host, "Budget CD62");
    const transport = rowOf(host, "Budget CD62", "Déplacements & fournitures");
    const source = rowOf(host, "Convention CD62-2024", "Déplacements & fournitures");
    expect(budget.getRange(transport, 5).getFormula()).toBe(`='Convention CD62-2024'!D${source}`);
    expect(budget.getRange(transport, 2).getFormula()).toBe(`='Convention CD62-2024'!B${source}`);
    const bilan = sheet(host, "Bilan");
    expect(bilan.getRange(rowOf(host, "Bilan", "Subvention accordée (article 4)"), 2).getFormula()).toMatch(
      /^='Convention CD62-2024'!B\d+$/,
    );
  });
});

describe("editing the Convention sheet updates the budget, the plan and the report (recalculated on the host)", () => {
  it("the transport line raised from 200 € to 300 €: budget 11 979,54, plan CD62 9 979,54 (83 %), RECITAL 2 000 (17 %), Bilan", () => {
    const host = withCd62();
    editConvention(host, "Convention CD62-2024", "Déplacements & fournitures", 4, 300);
    expect(line(host, "Budget CD62", "Déplacements & fournitures").slice(0, 5)).toEqual([
      "Déplacements & fournitures",
      1,
      "forfait",
      300,
      300,
    ]);
    expect(line(host, "Budget CD62", "Total")[4]).toBe(11979.54);
    expect(planSummary(host)).toEqual({
      total: 11979.54,
      totalReceipts: 11979.54,
      cd62: [9979.54, 0.83],
      recital: [2000, 0.17],
    });
    expect(line(host, "Plan de financement", "Frais de transport et fournitures").slice(0, 3)).toEqual([
      "Frais de transport et fournitures",
      300,
      0.02,
    ]);
    expect(line(host, "Plan de financement", "dont programme CD62").slice(1, 3)).toEqual([11979.54, 0.016]);
    expect(line(host, "Bilan", "Déplacements & fournitures")[1]).toBe(300);
    expect(line(host, "Bilan", "Total")[1]).toBe(11979.54);
  });

  it("a quantity changes the live unit cost; the external part moves money between the plan's categories", () => {
    const host = withCd62();
    editConvention(host, "Convention CD62-2024", "ACC projet de mobilité", 2, 10);
    expect(line(host, "Budget CD62", "ACC projet de mobilité")[3]).toBe(106.65);
    editConvention(host, "Convention CD62-2024", "Développement d'outils PAM", 6, 1000);
    expect(line(host, "Plan de financement", "Coûts RH").slice(0, 2)).toEqual(["Coûts RH", 8539.54]);
    expect(
      line(host, "Plan de financement", "Graphisme et fabrication des outils PAM (prestation externe)").slice(
        0,
        2,
      ),
    ).toEqual(["Graphisme et fabrication des outils PAM (prestation externe)", 1000]);
    expect(planSummary(host).total).toBe(11879.54);
  });

  it("a funder's fixed amount, the network's figures and Article 4 follow too", () => {
    const host = withCd62();
    const funders = rowOf(host, "Convention CD62-2024", "Financeurs");
    editConvention(host, "Convention CD62-2024", "RECITAL", 3, 3000, funders);
    expect(planSummary(host).cd62).toEqual([8879.54, 0.75]);
    expect(planSummary(host).recital).toEqual([3000, 0.25]);
    const network = rowOf(host, "Convention CD62-2024", "Budget global du réseau (part du programme)");
    editConvention(host, "Convention CD62-2024", "Produits", 2, 800000, network);
    expect(line(host, "Plan de financement", "Produits")[1]).toBe(800000);
    expect(line(host, "Plan de financement", "dont CD62").slice(1, 3)).toEqual([8879.54, 0.011]);
    expect(line(host, "Plan de financement", "Résultat budgété 2024")[1]).toBe(57365);
    editConvention(host, "Convention CD62-2024", "Subvention accordée (article 4)", 2, 8879.54);
    expect(line(host, "Bilan", "Subvention accordée (article 4)")[1]).toBe(8879.54);
  });

  it("a commitment's planned quantity follows into the activity report", () => {
    const host = withCd62();
    const commitments = rowOf(host, "Convention CD62-2024", "Action");
    sheet(host, "Convention CD62-2024")
      .getRange(commitments + 1, 2)
      .setValue(10);
    const activity = rowOf(host, "Bilan", "Action");
    expect(host.values("Bilan")[activity]?.[1]).toBe(10);
  });
});

describe("the budget sheet stays an input too: a total typed over its formula reaches the plan and the report", () => {
  it("the tools line raised to 3 600 € on the budget sheet: 200 € more of staff time, CD62 the balance (issue 12 §6)", () => {
    const host = withCd62();
    const tools = rowOf(host, "Budget CD62", "Développement d'outils PAM");
    sheet(host, "Budget CD62").getRange(tools, 5).setValue(3600);
    expect(line(host, "Plan de financement", "Coûts RH").slice(0, 5)).toEqual([
      "Coûts RH",
      8339.54,
      0.69,
      "CD62",
      10079.54,
    ]);
    expect(line(host, "Plan de financement", "dont CD62").slice(0, 3)).toEqual([
      "dont CD62",
      10079.54,
      0.014,
    ]);
    expect(line(host, "Plan de financement", "dont programme CD62").slice(0, 3)).toEqual([
      "dont programme CD62",
      12079.54,
      0.016,
    ]);
    expect(line(host, "Plan de financement", "dont résultat programme CD62")[1]).toBe(0);
    expect(line(host, "Bilan", "Développement d'outils PAM")[1]).toBe(3600);
  });
});

describe("the Bilan's activity report (Article 2) and due date (Article 3)", () => {
  it("planned vs realised per commitment with the execution rate; qualitative lines take a note", () => {
    const host = withCd62();
    const bilan = sheet(host, "Bilan");
    const first = rowOf(host, "Bilan", "Action") + 1;
    bilan.getRange(first, 3, 8, 1).setValues([[8], [3], [6], [1], [7], ["Fait"], ["Fait"], ["huit"]]);
    const rows = host.values("Bilan").slice(first - 1, first + 7);
    expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      [8, 8, 1],
      [4, 3, 0.75],
      [6, 6, 1],
      [1, 1, 1],
      [7, 7, 1],
      ["", "Fait", ""],
      ["", "Fait", ""],
      ["", "huit", ""],
    ]);
    bilan.getRange(first + 1, 3).setValue("trois");
    expect(host.values("Bilan")[first]?.[3]).toBe("Nombre à corriger");
  });

  it("shows the due date, 01/04/2025, in red (conditional formatting) while no report date is entered", () => {
    const host = withCd62();
    const bilan = sheet(host, "Bilan");
    const due = rowOf(host, "Bilan", "Bilan à remettre au plus tard le (article 3)");
    expect(bilan.getRange(due, 2).getDisplayValues()[0]?.[0]).toBe("01/04/2025");
    expect(bilan.conditionalStyleAt(due, 2)?.fontColor).toBe(LATE_RED);
    expect(line(host, "Bilan", "État du bilan")[1]).toBe("En retard");
    bilan.getRange(due + 1, 2).setValue(new Date("2025-03-28T00:00:00+01:00"));
    expect(bilan.conditionalStyleAt(due, 2)).toBeUndefined();
    expect(line(host, "Bilan", "État du bilan")[1]).toBe("Remis");
  });

  it("a due date still to come is not red", () => {
    const host = withCd62();
    editConvention(host, "Convention CD62-2024", "Bilan à remettre au plus tard le", 2, "01/04/2099");
    const due = rowOf(host, "Bilan", "Bilan à remettre au plus tard le (article 3)");
    expect(sheet(host, "Bilan").conditionalStyleAt(due, 2)).toBeUndefined();
    expect(line(host, "Bilan", "État du bilan")[1]).toBe("À remettre");
  });

  it("refreshing keeps the realised amounts, quantities, comments and the date the report was handed in", () => {
    const host = withCd62();
    const bilan = sheet(host, "Bilan");
    bilan.getRange(rowOf(host, "Bilan", "ACC projet de mobilité"), 3).setValue(1000);
    const first = rowOf(host, "Bilan", "Action") + 1;
    bilan.getRange(first, 3, 1, 3).setValues([[7, "", "un report en 2025"]]);
    const submitted = rowOf(host, "Bilan", "Bilan remis le");
    bilan.getRange(submitted, 2).setValue(new Date("2025-03-28T00:00:00+01:00"));
    host.runMenuItem("Budget de convention…", OK("CD62-2024"), YES);
    expect(line(host, "Bilan", "ACC projet de mobilité")[2]).toBe(1000);
    expect(host.values("Bilan")[first - 1]?.slice(2, 5)).toEqual([7, 0.875, "un report en 2025"]);
    expect(sheet(host, "Bilan").getRange(submitted, 2).getDisplayValues()[0]?.[0]).toBe("28/03/2025");
    expect(line(host, "Bilan", "État du bilan")[1]).toBe("Remis");
  });
});

describe("Lianes › Paramètres › Nouvelle convention…", () => {
  it("CD62-2025 from CD62-2024: its own sheets, Article 3's dates a year on, the template's lines", () => {
    const host = freshHost();
    host.runMenuItem("Paramètres › Nouvelle convention…", OK("CD62-2024"), OK("cd62-2025"));
    const name = "Convention CD62-2025";
    const read = readConventionSheet(name, host.values(name)).definition;
    expect(read).toEqual({
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
    expect(host.ui.alerts.at(-1)).toContain(
      "La feuille « Convention CD62-2025 » est créée à partir de CD62-2024",
    );
  });

  it("the next convention set up by editing its sheet only: lists both, CD62-2024's sheets untouched", () => {
    const host = withCd62();
    host.runMenuItem("Paramètres › Nouvelle convention…", OK(""), OK("CD62-2025"));
    const name = "Convention CD62-2025";
    editConvention(host, name, "Déplacements & fournitures", 4, 300);
    editConvention(host, name, "Subvention accordée (article 4)", 2, 9979.54);
    editConvention(host, name, "Coût total prévisionnel (article 4)", 2, 11979.54);
    host.runMenuItem("Budget de convention…", OK("CD62-2025"));
    const prompt = host.ui.prompts.at(-1);
    expect(prompt).toContain(
      "• CD62-2024 — Département du Pas-de-Calais — accompagnement 2024 (feuille « Convention CD62-2024 »)",
    );
    expect(prompt).toContain(
      "• CD62-2025 — Département du Pas-de-Calais — accompagnement 2025 (feuille « Convention CD62-2025 »)",
    );
    expect(planSummary(host, "Plan de financement CD62-2025")).toEqual({
      total: 11979.54,
      totalReceipts: 11979.54,
      cd62: [9979.54, 0.83],
      recital: [2000, 0.17],
    });
    expect(planSummary(host)).toEqual({
      total: 11879.54,
      totalReceipts: 11879.54,
      cd62: [9879.54, 0.83],
      recital: [2000, 0.17],
    });
    expect(line(host, "Bilan CD62-2025", "Bilan à remettre au plus tard le (article 3)")[1]).toEqual(
      new Date("2026-04-01T00:00:00+02:00"),
    );
    expect(host.ui.alerts.filter((a) => a.includes("à vérifier"))).toEqual([]);
  });

  it("a convention whose figures do not add up is written, then the incoherences are said", () => {
    const host = freshHost();
    host.runMenuItem("Paramètres › Nouvelle convention…", OK(""), OK("CD62-2025"));
    editConvention(host, "Convention CD62-2025", "Déplacements & fournitures", 4, 300);
    host.runMenuItem("Budget de convention…", OK("CD62-2025"));
    expect(planSummary(host, "Plan de financement CD62-2025").cd62).toEqual([9979.54, 0.83]);
    const alert = host.ui.alerts.at(-1) ?? "";
    expect(alert).toMatch(
      /^Convention CD62-2025 : à vérifier — Les feuilles sont écrites, mais la feuille « Convention CD62-2025 » a 2 incohérences/,
    );
    expect(alert).toContain("les lignes du budget font 11\u202f979,54\u00a0€ (écart 100,00\u00a0€)");
  });

  it("blank: every cell to fill; Budget de convention… names the first ones and writes nothing else", () => {
    const host = freshHost();
    host.runMenuItem("Paramètres › Nouvelle convention…", OK("vierge"), OK("CD59-2025"));
    expect(host.ui.alerts.at(-1)).toContain("est créée vierge");
    host.runMenuItem("Budget de convention…", OK("CD59-2025"));
    expect(host.ui.alerts.at(-1)).toMatch(
      /^Convention CD59-2025 à corriger — Valeur manquante \(Intitulé — feuille « Convention CD59-2025 », cellule B6\) : « » \(vide\)/,
    );
    expect(host.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Convention CD59-2025"]);
  });

  it("never replaces an existing convention sheet; a bad id or an unknown template is said", () => {
    const host = withCd62();
    editConvention(host, "Convention CD62-2024", "Déplacements & fournitures", 4, 250);
    host.runMenuItem("Paramètres › Nouvelle convention…", OK(""), OK("CD62-2024"));
    expect(host.ui.alerts.at(-1)).toContain(
      "La feuille « Convention CD62-2024 » existe déjà : elle n'est pas remplacée",
    );
    expect(line(host, "Convention CD62-2024", "Déplacements & fournitures")[3]).toBe(250);
    host.runMenuItem("Paramètres › Nouvelle convention…", OK(""), OK("CD 62/2025"));
    expect(host.ui.alerts.at(-1)).toContain("Identifiant invalide (identifiant) : « CD 62/2025 »");
    host.runMenuItem("Paramètres › Nouvelle convention…", OK("CD99"));
    expect(host.ui.alerts.at(-1)).toContain("Convention inconnue (convention) : « CD99 »");
    host.runMenuItem("Paramètres › Nouvelle convention…", CANCEL);
    expect(host.spreadsheet.getSheets()).toHaveLength(4);
  });
});

describe("Lianes › Budget de convention… (writing, confirming, cancelling)", () => {
  it("writes in batches: one setValues per block of the four sheets, and a pie chart of receipts", () => {
    const host = freshHost();
    host.counter.reset();
    host.runMenuItem("Budget de convention…", OK());
    const { layout, cells } = conventionSheetLayout(cd62, "Convention CD62-2024");
    const three = conventionLayouts(cd62, cells);
    const blocks = [layout, three.budget, three.plan.layout, three.report].reduce(
      (n, l) => n + l.blocks.length,
      0,
    );
    expect(host.counter.counts.get("Range.setValues")).toBe(blocks);
    expect(
      sheet(host, "Plan de financement")
        .getCharts()
        .map((c) => c.spec.ranges),
    ).toEqual([["D4:E5"]]);
  });

  it("answering No to the confirmation changes nothing", () => {
    const host = withCd62();
    sheet(host, "Budget CD62").getRange(2, 1).setValue("ma ligne");
    host.runMenuItem("Budget de convention…", OK(), NO);
    expect(host.values("Budget CD62")[1]?.[0]).toBe("ma ligne");
  });

  it("cancel writes nothing; an unknown convention is named in an alert", () => {
    const host = freshHost();
    host.runMenuItem("Budget de convention…", CANCEL);
    host.runMenuItem("Budget de convention…", OK("CD62-2019"));
    expect(host.spreadsheet.getSheets()).toHaveLength(0);
    expect(host.ui.alerts.at(-1)).toContain("Convention inconnue (convention) : « CD62-2019 »");
  });
});

describe("Lianes › Paramètres › Vérifier les paramètres reads the convention sheets too", () => {
  it("names the cell of a bad total, and what does not add up", () => {
    const host = freshHost();
    host.runMenuItem("Paramètres › Nouvelle convention…", OK(""), OK("CD62-2025"));
    editConvention(host, "Convention CD62-2025", "Déplacements & fournitures", 4, "deux cents");
    host.runMenuItem("Paramètres › Vérifier les paramètres");
    const row = rowOf(host, "Convention CD62-2025", "Déplacements & fournitures");
    expect(host.ui.alerts.at(-1)).toContain(
      `Montant invalide (Total — feuille « Convention CD62-2025 », cellule D${row}) : « deux cents »`,
    );
    editConvention(host, "Convention CD62-2025", "Déplacements & fournitures", 4, 300);
    host.runMenuItem("Paramètres › Vérifier les paramètres");
    expect(host.ui.alerts.at(-1)).toContain(
      "les lignes du budget font 11\u202f979,54\u00a0€ (écart 100,00\u00a0€)",
    );
  });
});
