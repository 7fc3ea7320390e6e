/**
 * Funding rules owned by the workbook, on the local host with the built bundle: the finance
 * manager creates the Récital rule sheets through Lianes › Paramètres, formulas read them by
 * their named ranges, an edited value recalculates every dependent cell, and Vérifier lists
 * each problem with its sheet, cell and value.
 */
import { describe, expect, it } from "vitest";
import { createHost, type Host } from "../../dev/host";
import type { MenuRecord, ScriptedAnswer } from "../../dev/host/services";

const prompt = (text: string): ScriptedAnswer => ({ kind: "prompt", button: "OK", text });
const spaces = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

function hostWithRecitalRules(): Host {
  const host = createHost();
  host.call("onOpen", {});
  host.runMenuItem("Paramètres › Nouvelle règle de financement…", prompt(""), prompt(""));
  host.runMenuItem("Paramètres › Nouvelle règle de financement…", prompt("RECITAL-PS"), prompt(""));
  host.runMenuItem("Paramètres › Nouvelle règle de financement…", prompt("recital-tandem"), prompt(""));
  return host;
}

function sheet(host: Host, name: string) {
  const s = host.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`Pas de feuille ${name}`);
  return s;
}

/** Projects whose aid is computed from the rule sheets by named range. */
function projects(host: Host) {
  const s = host.spreadsheet.insertSheet("Projets");
  s.getRange(1, 1, 6, 5).setValues([
    [2000, "=AIDE_DISPOSITIF(REGLE_RECITAL_FT,A1)", "", "", ""],
    [5000, "=AIDE_DISPOSITIF(REGLE_RECITAL_FT,A2)", "", "", ""],
    [600, "=AIDE_DISPOSITIF(REGLE_RECITAL_FT,A3)", "", "", ""],
    [6000, 8000, 10000, "", ""],
    ["=AIDE_DISPOSITIF(REGLE_RECITAL_PS,A4:C4)", "", "", "", ""],
    [1500, 2, "=AIDE_DISPOSITIF(REGLE_RECITAL_TANDEM,A6,B6)", "", ""],
  ]);
  return s;
}

describe("Lianes › Paramètres on the local host", () => {
  it("puts its items in a Paramètres submenu of Lianes, the calls' beside them", () => {
    const host = createHost();
    host.call("onOpen", {});
    const lianes = host.ui.menus[0];
    const settings = lianes?.items.find(
      (i): i is MenuRecord => typeof i === "object" && "items" in i && i.title === "Paramètres",
    );
    expect(settings?.title).toBe("Paramètres");
    expect(
      (settings?.items ?? []).map((i) => (i === "separator" ? "—" : "caption" in i ? i.caption : i.title)),
    ).toEqual([
      "Nouvelle règle de financement…",
      "Dupliquer une règle…",
      "—",
      "Dupliquer un appel…",
      "Nouvel appel…",
      "—",
      "Nouvelle convention…",
      "—",
      "Vérifier les paramètres",
    ]);
  });

  it("writes each Récital rule sheet with its table and its named range REGLE_<ID>", () => {
    const host = hostWithRecitalRules();
    expect(host.spreadsheet.getSheets().map((s) => s.getName())).toEqual([
      "Règle RECITAL-FT",
      "Règle RECITAL-PS",
      "Règle RECITAL-TANDEM",
    ]);
    expect(
      host
        .values("Règle RECITAL-FT")
        .slice(0, 7)
        .map((r) => r.slice(0, 2)),
    ).toEqual([
      ["Paramètre", "Valeur"],
      ["Identifiant", "RECITAL-FT"],
      ["Type", "taux"],
      ["Taux", 0.7],
      ["Aide minimale", 500],
      ["Aide maximale", 3000],
      ["Nom", "Fonds territoriaux Récital"],
    ]);
    expect(sheet(host, "Règle RECITAL-FT").getRange("B4").getNumberFormat()).toBe("0%");
    expect(
      host
        .values("Règle RECITAL-PS")
        .slice(1, 6)
        .map((r) => r.slice(0, 2)),
    ).toEqual([
      ["Identifiant", "RECITAL-PS"],
      ["Type", "taux annuel"],
      ["Taux", 0.7],
      ["Aide maximale par an", 5000],
      ["Années", 3],
    ]);
    expect(
      host.spreadsheet
        .getNamedRanges()
        .map((n) => `${n.getName()} ${n.getRange().getSheet().getName()}!${n.getRange().getA1Notation()}`),
    ).toEqual([
      "REGLE_RECITAL_FT Règle RECITAL-FT!A1:B15",
      "REGLE_RECITAL_PS Règle RECITAL-PS!A1:B15",
      "REGLE_RECITAL_TANDEM Règle RECITAL-TANDEM!A1:B15",
    ]);
  });

  it("computes the issue's figures from the sheets, and recalculates when a rule value is edited", () => {
    const host = hostWithRecitalRules();
    const s = projects(host);
    expect(host.values("Projets").map((r) => r.slice(0, 3))).toEqual([
      [2000, 1400, ""],
      [5000, 3000, ""],
      [600, "#ERROR!", ""],
      [6000, 8000, 10000],
      [4200, 5000, 5000],
      [1500, 2, 1200],
    ]);
    expect(spaces(s.errorAt(3, 2) ?? "")).toBe(
      "Aide sous le minimum (couts) : 70 % de 600,00 € = 420,00 €, le dispositif finance de 500,00 € à 3 000,00 €",
    );

    // The finance manager lowers the Fonds territoriaux minimum to 400 € and the maximum to 2 500 €.
    sheet(host, "Règle RECITAL-FT").getRange("B5").setValue(400);
    sheet(host, "Règle RECITAL-FT").getRange("B6").setValue("2 500 €");
    expect(
      host
        .values("Projets")
        .slice(0, 3)
        .map((r) => r[1]),
    ).toEqual([1400, 2500, 420]);
    // Next year's Projets structurants: 4 000 € a year at most.
    sheet(host, "Règle RECITAL-PS").getRange("B5").setValue(4000);
    expect(host.values("Projets")[4]?.slice(0, 3)).toEqual([4000, 4000, 4000]);
    // The tandem per unit goes to 700 €.
    sheet(host, "Règle RECITAL-TANDEM").getRange("B4").setValue(700);
    expect(host.values("Projets")[5]?.[2]).toBe(1400);

    // A wrong value: every dependent cell shows the rule's problem, named by cell and value.
    sheet(host, "Règle RECITAL-FT").getRange("B4").setValue("170 %");
    expect(
      host
        .values("Projets")
        .slice(0, 3)
        .map((r) => r[1]),
    ).toEqual(["#ERROR!", "#ERROR!", "#ERROR!"]);
    expect(s.errorAt(1, 2)).toBe("Règle RECITAL-FT, B4 : taux invalide « 170 % » — un taux entre 0 et 100 %");
    sheet(host, "Règle RECITAL-FT").getRange("B4").setValue(0.6);
    expect(
      host
        .values("Projets")
        .slice(0, 3)
        .map((r) => r[1]),
    ).toEqual([1200, 2500, "#ERROR!"]);
    expect(spaces(s.errorAt(3, 2) ?? "")).toBe(
      "Aide sous le minimum (couts) : 60 % de 600,00 € = 360,00 €, le dispositif finance de 400,00 € à 2 500,00 €",
    );
  });

  it("Vérifier les paramètres: all in order, then each problem with its sheet, cell and value", () => {
    const host = hostWithRecitalRules();
    host.runMenuItem("Vérifier les paramètres");
    expect(host.ui.alerts.at(-1)).toBe(
      "Paramètres en ordre — 3 feuilles vérifiées (Règle RECITAL-FT, Règle RECITAL-PS, Règle RECITAL-TANDEM) : aucun problème.",
    );
    sheet(host, "Règle RECITAL-FT").getRange("B4").setValue("170 %");
    sheet(host, "Règle RECITAL-FT")
      .getRange("A9:B9")
      .setValues([["Plafond", 3000]]);
    sheet(host, "Règle RECITAL-PS").getRange("B6").setValue("trois");
    sheet(host, "Règle RECITAL-TANDEM")
      .getRange("A16:B16")
      .setValues([["Unité", "tandem"]]);
    sheet(host, "Règle RECITAL-TANDEM")
      .getRange("A5:B5")
      .setValues([["", ""]]);
    host.runMenuItem("Vérifier les paramètres");
    expect(host.ui.alerts.at(-1)).toBe(
      [
        "4 problèmes dans les paramètres — 3 feuilles vérifiées (Règle RECITAL-FT, Règle RECITAL-PS, Règle RECITAL-TANDEM) :",
        "• Règle RECITAL-FT, B4 : taux invalide « 170 % » — un taux entre 0 et 100 %",
        "• Règle RECITAL-FT, A9 : paramètre inconnu « Plafond » — paramètres d'une règle taux : Identifiant, Nom, Type, Taux, Aide minimale, Aide maximale",
        "• Règle RECITAL-PS, B6 : nombre d'années invalide « trois » — un nombre entier d'années, de 1 à 100",
        "• Règle RECITAL-TANDEM, A16 : hors de la plage nommée REGLE_RECITAL_TANDEM (A1:B15) — les formules ne lisent pas cette ligne ; écrivez le paramètre plus haut, sur une ligne vide du tableau",
      ].join("\n"),
    );
  });

  it("Vérifier names a sheet whose identifier or named range does not match", () => {
    const host = hostWithRecitalRules();
    sheet(host, "Règle RECITAL-PS").getRange("B2").setValue("RECITAL-PS-2027");
    host.spreadsheet.removeNamedRange("REGLE_RECITAL_TANDEM");
    host.runMenuItem("Vérifier les paramètres");
    expect(host.ui.alerts.at(-1)).toContain(
      "• Règle RECITAL-PS, B2 : identifiant « RECITAL-PS-2027 » différent du nom de la feuille — renommez la feuille « Règle RECITAL-PS-2027 » ou corrigez l'identifiant",
    );
    expect(host.ui.alerts.at(-1)).toContain(
      "• Règle RECITAL-TANDEM : plage nommée REGLE_RECITAL_TANDEM absente",
    );
  });

  it("Vérifier with no settings sheet says how to make one", () => {
    const host = createHost();
    host.call("onOpen", {});
    host.runMenuItem("Vérifier les paramètres");
    expect(host.ui.alerts.at(-1)).toMatch(
      /^Vérifier les paramètres — Aucune feuille de paramètres \(« Règle … », « Appel … », « Convention … », « Modèles de courriers … »\)/,
    );
  });

  it("a fund added and changed by editing sheets only: a blank forfait filled in by hand", () => {
    const host = createHost();
    host.call("onOpen", {});
    host.runMenuItem("Nouvelle règle de financement…", prompt("forfait"), prompt("jumelage-2027"));
    const rule = sheet(host, "Règle JUMELAGE-2027");
    expect(
      host
        .values("Règle JUMELAGE-2027")
        .slice(1, 6)
        .map((r) => r.slice(0, 2)),
    ).toEqual([
      ["Identifiant", "JUMELAGE-2027"],
      ["Type", "forfait"],
      ["Forfait", ""],
      ["Unité", ""],
      ["Nom", ""],
    ]);
    host.runMenuItem("Vérifier les paramètres");
    expect(host.ui.alerts.at(-1)).toContain(
      "• Règle JUMELAGE-2027, B4 : valeur manquante pour « Forfait » — obligatoire pour une règle forfait",
    );
    const projects = host.spreadsheet.insertSheet("Jumelages");
    projects.getRange(1, 1, 1, 3).setValues([[900, 3, "=AIDE_DISPOSITIF(REGLE_JUMELAGE_2027,A1,B1)"]]);
    expect(projects.errorAt(1, 3)).toBe(
      "Règle JUMELAGE-2027, B4 : valeur manquante pour « Forfait » — obligatoire pour une règle forfait",
    );
    rule.getRange("B4").setValue("250 €");
    expect(host.values("Jumelages")[0]?.[2]).toBe(750);
    rule.getRange("B4").setValue(400);
    expect(host.values("Jumelages")[0]?.[2]).toBe(900);
  });

  it("Dupliquer une règle copies the workbook's version (edits included) under next year's id", () => {
    const host = hostWithRecitalRules();
    sheet(host, "Règle RECITAL-FT").getRange("B6").setValue(3500);
    host.runMenuItem("Dupliquer une règle…", prompt("recital-ft"), prompt("RECITAL-FT-2027"));
    expect(
      host
        .values("Règle RECITAL-FT-2027")
        .slice(1, 7)
        .map((r) => r.slice(0, 2)),
    ).toEqual([
      ["Identifiant", "RECITAL-FT-2027"],
      ["Type", "taux"],
      ["Taux", 0.7],
      ["Aide minimale", 500],
      ["Aide maximale", 3500],
      ["Nom", "Fonds territoriaux Récital"],
    ]);
    expect(host.spreadsheet.getRangeByName("REGLE_RECITAL_FT_2027")?.getSheet().getName()).toBe(
      "Règle RECITAL-FT-2027",
    );
    // A blank answer takes the suggestion: an id ending in a year gets the next one.
    host.runMenuItem("Dupliquer une règle…", prompt("RECITAL-FT-2027"), prompt(""));
    expect(host.spreadsheet.getSheetByName("Règle RECITAL-FT-2028")).not.toBeNull();
  });

  it("a rule sheet is written whole or not at all: a failing write leaves no sheet and no name", () => {
    const host = createHost();
    host.call("onOpen", {});
    host.counter.failOn("Spreadsheet.setNamedRange");
    expect(() =>
      host.runMenuItem("Nouvelle règle de financement…", prompt("RECITAL-FT"), prompt("")),
    ).toThrow();
    expect(host.spreadsheet.getSheets().map((s) => s.getName())).toEqual([]);
    expect(host.spreadsheet.getNamedRanges()).toEqual([]);
    // Once Sheets answers again, the same action succeeds.
    host.runMenuItem("Nouvelle règle de financement…", prompt("RECITAL-FT"), prompt(""));
    expect(host.spreadsheet.getRangeByName("REGLE_RECITAL_FT")?.getSheet().getName()).toBe(
      "Règle RECITAL-FT",
    );
  });

  it("a rule sheet deleted by hand can be created again: its old name now points to the new sheet", () => {
    const host = hostWithRecitalRules();
    const projectsSheet = projects(host);
    host.spreadsheet.deleteSheet(sheet(host, "Règle RECITAL-FT"));
    expect(projectsSheet.getRange(1, 2).getValue()).toMatch(/^#/);
    host.runMenuItem("Nouvelle règle de financement…", prompt("RECITAL-FT"), prompt(""));
    expect(host.spreadsheet.getNamedRanges().filter((n) => n.getName() === "REGLE_RECITAL_FT")).toHaveLength(
      1,
    );
    expect(projectsSheet.getRange(1, 2).getValue()).toBe(1400);
  });

  it("refuses, with a French alert and nothing written: a taken id, a bad id, an unknown template, a broken source", () => {
    const host = hostWithRecitalRules();
    const before = host.spreadsheet.getSheets().map((s) => s.getName());
    host.runMenuItem("Nouvelle règle de financement…", prompt("RECITAL-FT"), prompt("recital-ft"));
    expect(host.ui.alerts.at(-1)).toBe(
      "Nouvelle règle de financement — La feuille « Règle RECITAL-FT » existe déjà : modifiez-la, ou choisissez un autre identifiant. Rien n'a été créé.",
    );
    host.runMenuItem("Nouvelle règle de financement…", prompt("RECITAL-FT"), prompt("FT 2027"));
    expect(host.ui.alerts.at(-1)).toMatch(
      /Identifiant invalide « FT 2027 » — des lettres, chiffres et tirets/,
    );
    host.runMenuItem("Nouvelle règle de financement…", prompt("pourcentage"));
    expect(host.ui.alerts.at(-1)).toMatch(/Modèle ou type inconnu « pourcentage » — modèles : RECITAL-FT/);
    host.runMenuItem("Nouvelle règle de financement…", prompt("taux"), prompt(""));
    expect(host.ui.alerts.at(-1)).toBe(
      "Nouvelle règle de financement — Identifiant manquant : la règle n'a pas été créée.",
    );
    sheet(host, "Règle RECITAL-PS").getRange("B4").setValue("170 %");
    host.runMenuItem("Dupliquer une règle…", prompt("RECITAL-PS"));
    expect(host.ui.alerts.at(-1)).toBe(
      "Dupliquer une règle — La règle « Règle RECITAL-PS » a un problème ; corrigez-la avant de la dupliquer :\n• Règle RECITAL-PS, B4 : taux invalide « 170 % » — un taux entre 0 et 100 %",
    );
    host.runMenuItem("Dupliquer une règle…", prompt("INCONNUE"));
    expect(host.ui.alerts.at(-1)).toMatch(/^Dupliquer une règle — Règle inconnue « INCONNUE »/);
    expect(host.spreadsheet.getSheets().map((s) => s.getName())).toEqual(before);
  });
});
