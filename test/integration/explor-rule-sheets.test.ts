/**
 * EXPLOR rules (« plafonds par catégorie ») owned by the workbook, on the local host with the
 * built bundle: next year's ceilings are a copy of the 2025 sheet with one value changed, and the
 * EXPLOR functions read it by its named range.
 */
import { describe, expect, it } from "vitest";
import { createHost, type Host } from "../../dev/host";
import type { ScriptedAnswer } from "../../dev/host/services";

const prompt = (text: string): ScriptedAnswer => ({ kind: "prompt", button: "OK", text });

function sheet(host: Host, name: string) {
  const s = host.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`Pas de feuille ${name}`);
  return s;
}

/** Row (1-based) of the line whose first cell is `label`. */
function rowOf(host: Host, sheetName: string, label: string): number {
  return host.values(sheetName).findIndex((r) => r[0] === label) + 1;
}

function hostWith2026(): Host {
  const host = createHost();
  host.call("onOpen", {});
  host.runMenuItem("Paramètres › Nouvelle règle de financement…", prompt("EXPLOR-HDF-2025"), prompt(""));
  host.runMenuItem("Paramètres › Dupliquer une règle…", prompt("EXPLOR-HDF-2025"), prompt(""));
  return host;
}

/** Mission A of DOMAIN.md §2, 10 days, the per diem given by its days only. */
function missionA(host: Host, rangeName: string) {
  const s = host.spreadsheet.insertSheet(`Mission ${rangeName}`);
  s.getRange(1, 1, 6, 3).setValues([
    ["Avion", 850, ""],
    ["Transports locaux", 120, ""],
    ["Per diem", "", 10],
    ["Hébergement", 280, ""],
    ["Vaccins", 45, ""],
    ["Assurance", 52, ""],
  ]);
  s.getRange(8, 1, 1, 2).setValues([
    [
      `=EXPLOR_PRISE_EN_CHARGE(A1:A6,B1:B6,C1:C6,${rangeName})`,
      `=EXPLOR_RESTE_A_CHARGE(A1:A6,B1:B6,C1:C6,${rangeName})`,
    ],
  ]);
  return s;
}

describe("EXPLOR rule sheets", () => {
  it("the 2025 template and its copy for 2026: parameters, then one category a row, named A1:F35", () => {
    const host = hostWith2026();
    const values = host.values("Règle EXPLOR-HDF-2026");
    expect(values.slice(1, 11).map((r) => r.slice(0, 2))).toEqual([
      ["Identifiant", "EXPLOR-HDF-2026"],
      ["Type", "plafonds par catégorie"],
      ["Nom", "EXPLOR Hauts-de-France 2026 (Annexe 2)"],
      ["Texte de référence", expect.anything()],
      ["Plafond par mission", 2000],
      ["Taux de prise en charge", 0.5],
      ["Prise en charge maximale", 1000],
      ["Frais fixes par mission", 0],
      ["Durée minimale (jours)", 7],
      ["Durée maximale (jours)", 15],
    ]);
    expect(values[12]).toEqual([
      "Catégorie",
      "Plafond",
      "Unité",
      "Jours max",
      "Justificatif fourni par",
      "Autres noms",
    ]);
    const perDiem = values.find((r) => r[0] === "Per diem");
    expect(perDiem?.slice(0, 4)).toEqual(["Per diem", 15, "jour", 15]);
    expect(
      host.spreadsheet.getNamedRanges().map((n) => `${n.getName()} ${n.getRange().getA1Notation()}`),
    ).toEqual(["REGLE_EXPLOR_HDF_2025 A1:F35", "REGLE_EXPLOR_HDF_2026 A1:F35"]);
  });

  it("a mission under the 2026 sheet: per diem raised to 20 € a day, recalculated on edit", () => {
    const host = hostWith2026();
    const under2025 = missionA(host, "REGLE_EXPLOR_HDF_2025");
    const under2026 = missionA(host, "REGLE_EXPLOR_HDF_2026");
    // As shipped: Mission A, 1 497,00 € eligible, 748,50 € paid by the programme.
    expect(under2026.getRange(8, 1, 1, 2).getValues()).toEqual([[748.5, 748.5]]);
    sheet(host, "Règle EXPLOR-HDF-2026")
      .getRange(rowOf(host, "Règle EXPLOR-HDF-2026", "Per diem"), 2)
      .setValue(20);
    // 20 € × 10 days = 200 €: 1 547,00 € eligible, 773,50 € paid, 773,50 € left.
    expect(under2026.getRange(8, 1, 1, 2).getValues()).toEqual([[773.5, 773.5]]);
    expect(under2025.getRange(8, 1, 1, 2).getValues()).toEqual([[748.5, 748.5]]);
    // The share paid goes to 60 %: 928,20 €.
    sheet(host, "Règle EXPLOR-HDF-2026").getRange("B7").setValue("60 %");
    expect(under2026.getRange(8, 1).getValue()).toBe(928.2);
    // A category added by hand in the room left inside the range is used at once.
    const free = rowOf(host, "Règle EXPLOR-HDF-2026", "Assurance Assur Travel") + 1;
    sheet(host, "Règle EXPLOR-HDF-2026")
      .getRange(free, 1, 1, 6)
      .setValues([["Frais de formation", 100, "mission", "", "l'association (reçu)", "Formation ; Atelier"]]);
    under2026.getRange(7, 1, 1, 2).setValues([["Atelier", 150]]);
    under2026.getRange(8, 1).setFormula("=EXPLOR_PRISE_EN_CHARGE(A1:A7,B1:B7,C1:C7,REGLE_EXPLOR_HDF_2026)");
    expect(under2026.getRange(8, 1).getValue()).toBe(988.2);
  });

  it("a wrong value: the functions and Vérifier name the cell and the value", () => {
    const host = hostWith2026();
    const mission = missionA(host, "REGLE_EXPLOR_HDF_2026");
    const rule = sheet(host, "Règle EXPLOR-HDF-2026");
    const perDiem = rowOf(host, "Règle EXPLOR-HDF-2026", "Per diem");
    rule.getRange(perDiem, 2).setValue("vingt");
    rule.getRange("B7").setValue("150 %");
    expect(mission.errorAt(8, 1)).toBe(
      "Règle EXPLOR-HDF-2026, B7 : taux de prise en charge invalide « 150 % » — un taux entre 0 et 100 % (et 1 autre problème : Lianes › Paramètres › Vérifier les paramètres)",
    );
    const lodging = rowOf(host, "Règle EXPLOR-HDF-2026", "Hébergement");
    rule.getRange(lodging, 4).setValue(3);
    host.runMenuItem("Vérifier les paramètres");
    expect(host.ui.alerts.at(-1)).toBe(
      [
        "3 problèmes dans les paramètres — 2 feuilles vérifiées (Règle EXPLOR-HDF-2025, Règle EXPLOR-HDF-2026) :",
        "• Règle EXPLOR-HDF-2026, B7 : taux de prise en charge invalide « 150 % » — un taux entre 0 et 100 %",
        `• Règle EXPLOR-HDF-2026, B${perDiem} : plafond invalide « vingt » — un montant en euros, « sans plafond » ou « non pris en charge »`,
        `• Règle EXPLOR-HDF-2026, D${lodging} : jours max sans objet « 3 » — seulement pour une catégorie dont l'unité est jour`,
      ].join("\n"),
    );
  });

  it("AURA copied as a blank-free rule: no ceiling, not covered, a fixed fee", () => {
    const host = createHost();
    host.call("onOpen", {});
    host.runMenuItem("Nouvelle règle de financement…", prompt("EXPLOR-AURA"), prompt("EXPLOR-AURA-2026"));
    const values = host.values("Règle EXPLOR-AURA-2026");
    expect(values.find((r) => r[0] === "Visa")?.slice(0, 3)).toEqual(["Visa", "sans plafond", "mission"]);
    expect(values.find((r) => r[0] === "Vaccins et médicaments")?.[1]).toBe("non pris en charge");
    const mission = missionA(host, "REGLE_EXPLOR_AURA_2026");
    // AURA pays 50 % with no ceiling; vaccines are not covered; the association adds 200 €.
    mission.getRange(3, 2).setValue(150);
    expect(mission.getRange(8, 1, 1, 2).getValues()).toEqual([[726, 971]]);
  });

  it("a blank category rule lists what to fill in", () => {
    const host = createHost();
    host.call("onOpen", {});
    host.runMenuItem(
      "Nouvelle règle de financement…",
      prompt("plafonds par catégorie"),
      prompt("EXPLOR-BFC-2026"),
    );
    host.runMenuItem("Vérifier les paramètres");
    expect(host.ui.alerts.at(-1)).toBe(
      [
        "4 problèmes dans les paramètres — 1 feuille vérifiée (Règle EXPLOR-BFC-2026) :",
        "• Règle EXPLOR-BFC-2026, B7 : valeur manquante pour « Taux de prise en charge » — obligatoire pour une règle plafonds par catégorie",
        "• Règle EXPLOR-BFC-2026, B10 : valeur manquante pour « Durée minimale (jours) » — obligatoire pour une règle plafonds par catégorie",
        "• Règle EXPLOR-BFC-2026, B11 : valeur manquante pour « Durée maximale (jours) » — obligatoire pour une règle plafonds par catégorie",
        "• Règle EXPLOR-BFC-2026, A14 : aucune catégorie — une catégorie par ligne",
      ].join("\n"),
    );
  });
});
