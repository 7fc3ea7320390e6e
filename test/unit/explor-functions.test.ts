import { describe, expect, it } from "vitest";
import { columns, MISSION_A, MISSION_B } from "../../dev/fixtures/explor-missions";
import {
  DECOMPTE_HEADER,
  EXPLOR_DECOMPTE,
  EXPLOR_ELIGIBLE,
  EXPLOR_PLAFOND,
  EXPLOR_PRISE_EN_CHARGE,
  EXPLOR_RESTE_A_CHARGE,
  EXPLOR_TOTAL_ELIGIBLE,
} from "../../src/functions/explor";
import { missionBDecompte } from "../support/mission-b";

const A = columns(MISSION_A);
const B = columns(MISSION_B);

describe("EXPLOR_PLAFOND", () => {
  it("gives a category's ceiling, per diem by days", () => {
    expect(EXPLOR_PLAFOND.run("Avion")).toBe(1500);
    expect(EXPLOR_PLAFOND.run("Per diem")).toBe(225);
    expect(EXPLOR_PLAFOND.run("Per diem", 10)).toBe(150);
    expect(EXPLOR_PLAFOND.run("Per diem", 16)).toBe(225);
    expect(EXPLOR_PLAFOND.run("Per diem", 0)).toBe(0);
    expect(EXPLOR_PLAFOND.run("Avion", 10)).toBe(1500);
    expect(EXPLOR_PLAFOND.run("cadeaux partenaires")).toBe(0);
    expect(EXPLOR_PLAFOND.run("Visa", "", "EXPLOR-AURA")).toBe("sans plafond");
    expect(EXPLOR_PLAFOND.run("Vaccins", "", "EXPLOR-AURA")).toBe(0);
  });

  it("keeps a range's shape, blank cells blank, days per line or for the mission", () => {
    expect(EXPLOR_PLAFOND.run([["Avion"], [""], ["Per diem"]], 18)).toEqual([[1500], [""], [225]]);
    expect(EXPLOR_PLAFOND.run([["Per diem"], ["Per diem"], ["Visa"]], [[3], [""], [4]])).toEqual([
      [45],
      [225],
      [60],
    ]);
    expect(EXPLOR_PLAFOND.run([["Visa", "Avion"]], [[""]])).toEqual([[60, 1500]]);
  });

  it("refuses days of another shape, naming jours", () => {
    expect(() => EXPLOR_PLAFOND.run([["Avion"], ["Visa"]], [[1], [2], [3]])).toThrow(
      "Formes différentes : jours (3 lignes × 1 colonne) doit avoir la forme de categorie (2 lignes × 1 colonne)",
    );
  });
});

describe("EXPLOR_ELIGIBLE", () => {
  it("caps each line of Mission B at its ceiling", () => {
    expect(EXPLOR_ELIGIBLE.run("Avion", 1720)).toBe(1500);
    expect(EXPLOR_ELIGIBLE.run("Per diem", 270, 18)).toBe(225);
    expect(EXPLOR_ELIGIBLE.run("cadeaux partenaires", 100)).toBe(0);
    expect(EXPLOR_ELIGIBLE.run(B.categories, B.amounts, MISSION_B.days)).toEqual([
      [1500],
      [200],
      [225],
      [60],
      [300],
      [80],
      [52],
      [0],
    ]);
  });

  it("reads amounts typed as French or English text", () => {
    expect(EXPLOR_ELIGIBLE.run("Avion", "1 720,00 €")).toBe(1500);
    expect(EXPLOR_ELIGIBLE.run("Visa", "59.99")).toBe(59.99);
  });

  it("follows the blank-row rules", () => {
    expect(
      EXPLOR_ELIGIBLE.run(
        [[""], ["Visa"], [""], ["Per diem"], ["Per diem"]],
        [[""], [""], [40], [""], [""]],
        [[""], [""], [""], [10], [""]],
      ),
    ).toEqual([[""], [""], [0], [150], [""]]);
    expect(EXPLOR_ELIGIBLE.run("Per diem", "", 10)).toBe(150);
    expect(EXPLOR_ELIGIBLE.run("", "")).toBe("");
  });

  it("applies a single duration to per-diem lines only", () => {
    expect(EXPLOR_ELIGIBLE.run([["Per diem"], ["Visa"]], [[""], [50]], 4)).toEqual([[60], [50]]);
  });

  it("takes the whole amount of a covered line under EXPLOR-AURA", () => {
    expect(EXPLOR_ELIGIBLE.run("Avion", 1720, "", "EXPLOR-AURA")).toBe(1720);
    expect(EXPLOR_ELIGIBLE.run("Vaccins", 95, "", "EXPLOR-AURA")).toBe(0);
  });

  it("names the argument, the value and the row of a bad input", () => {
    expect(() => EXPLOR_ELIGIBLE.run("Avion", "abc")).toThrow("Montant invalide (montant) : « abc »");
    expect(() => EXPLOR_ELIGIBLE.run([["Avion"], ["Visa"]], [[10], ["-5"]])).toThrow(
      "Montant négatif non accepté (montant, ligne 2) : « -5 »",
    );
    expect(() => EXPLOR_ELIGIBLE.run([["Per diem"], ["Per diem"]], [[""], [""]], [[2], [1.5]])).toThrow(
      "Nombre de jours invalide (jours, ligne 2) : « 1.5 » — un nombre entier de jours, 0 ou plus",
    );
    expect(() => EXPLOR_ELIGIBLE.run("Per diem", 30, -1)).toThrow(
      "Nombre de jours invalide (jours) : « -1 »",
    );
    expect(() => EXPLOR_ELIGIBLE.run("Avion", [[1], [2]])).toThrow(
      "Formes différentes : montant (2 lignes × 1 colonne) doit avoir la forme de categorie (une seule cellule)",
    );
    expect(() => EXPLOR_ELIGIBLE.run("Avion", 10, "", "HDF")).toThrow(
      "Règle EXPLOR inconnue (regle) : « HDF » — règles connues : EXPLOR-HDF-2025, EXPLOR-AURA",
    );
    expect(() => EXPLOR_ELIGIBLE.run([["Visa"], ["Per diem"]], [[60], [""]], 10, "EXPLOR-AURA")).toThrow(
      "Montant manquant (montant, ligne 2) : « » (vide) — la règle EXPLOR-AURA n'a pas de taux journalier pour « Per diem » : indiquez le montant",
    );
  });
});

describe("EXPLOR_PRISE_EN_CHARGE and EXPLOR_RESTE_A_CHARGE", () => {
  it("Mission A: 748,50 and 748,50", () => {
    expect(EXPLOR_PRISE_EN_CHARGE.run(A.categories, A.amounts, MISSION_A.days)).toBe(748.5);
    expect(EXPLOR_RESTE_A_CHARGE.run(A.categories, A.amounts, MISSION_A.days)).toBe(748.5);
  });

  it("Mission B: 1 000,00 and 1 997,00", () => {
    expect(EXPLOR_PRISE_EN_CHARGE.run(B.categories, B.amounts, MISSION_B.days, "EXPLOR-HDF-2025")).toBe(1000);
    expect(EXPLOR_RESTE_A_CHARGE.run(B.categories, B.amounts, MISSION_B.days)).toBe(1997);
  });

  it("EXPLOR-AURA: half of the covered costs, 200 € more for the association", () => {
    expect(EXPLOR_PRISE_EN_CHARGE.run(B.categories, B.amounts, "", "EXPLOR-AURA")).toBe(1401);
    expect(EXPLOR_RESTE_A_CHARGE.run(B.categories, B.amounts, "", "EXPLOR-AURA")).toBe(1796);
  });

  it("counts a per-diem line given only days at its ceiling, and skips blank rows", () => {
    const categories = [["Avion"], [""], ["Per diem"], ["Visa"]];
    const amounts = [[850], [""], [""], [""]];
    expect(EXPLOR_PRISE_EN_CHARGE.run(categories, amounts, 10)).toBe(500);
    expect(EXPLOR_RESTE_A_CHARGE.run(categories, amounts, 10)).toBe(500);
  });

  it("rounds half away from zero, once", () => {
    expect(EXPLOR_PRISE_EN_CHARGE.run([["Avion"], ["Visa"]], [[2], [0.01]])).toBe(1.01);
    expect(EXPLOR_RESTE_A_CHARGE.run([["Avion"], ["Visa"]], [[2], [0.01]])).toBe(1);
  });

  it("names montants and its row", () => {
    expect(() => EXPLOR_PRISE_EN_CHARGE.run(B.categories, [...B.amounts.slice(0, 3), ["1.500"]])).toThrow(
      "Formes différentes : montants (4 lignes × 1 colonne) doit avoir la forme de categories (8 lignes × 1 colonne)",
    );
    expect(() => EXPLOR_RESTE_A_CHARGE.run([["Avion"], ["Visa"]], [[1], ["1.500"]])).toThrow(
      "Montant ambigu (montants, ligne 2) : « 1.500 » — écrivez 1500 ou 1,5",
    );
  });
});

describe("EXPLOR_DECOMPTE", () => {
  const atCeiling = (euros: string) => `plafond de la catégorie atteint : ${euros} par mission`;

  it("Mission B, line by line: where each category's ceiling bites, then the mission cap", () => {
    expect(EXPLOR_DECOMPTE.run(B.categories, B.amounts, MISSION_B.days)).toEqual(missionBDecompte());
  });

  it("Mission A under EXPLOR-AURA, skipping blank rows and lines without amount", () => {
    const categories = [...A.categories, [""], ["Visa"]];
    const amounts = [...A.amounts, [""], [""]];
    expect(EXPLOR_DECOMPTE.run(categories, amounts, MISSION_A.days, "EXPLOR-AURA")).toEqual([
      DECOMPTE_HEADER,
      ["Transport national et international", 850, "sans plafond", 850, ""],
      ["Transports locaux", 120, "sans plafond", 120, ""],
      ["Per diem", 150, "sans plafond", 150, ""],
      ["Hébergement", 280, "sans plafond", 280, ""],
      ["Vaccins et médicaments", 45, 0, 0, "non pris en charge"],
      ["Assurance", 52, "sans plafond", 52, ""],
      ["Total", 1497, "", 1452, ""],
      ["Total éligible retenu", "", "sans plafond", 1452, ""],
      ["Prise en charge", "", "", 726, ""],
      ["Reste à charge association", "", "", 971, ""],
    ]);
  });

  it("shows an amount without category as not covered, and a per-diem line given only days", () => {
    expect(EXPLOR_DECOMPTE.run([[""], ["per_diem"]], [[30], [""]], [[""], [16]])).toEqual([
      DECOMPTE_HEADER,
      ["Sans catégorie", 30, 0, 0, "non pris en charge — catégorie manquante"],
      ["Per diem", 225, 225, 225, ""],
      ["Total", 255, "", 225, ""],
      ["Total éligible retenu", "", 2000, 225, ""],
      ["Prise en charge", "", "", 112.5, ""],
      ["Reste à charge association", "", "", 142.5, ""],
    ]);
  });

  it("two hotel receipts share the 300 € of the mission: 200 + 150 → 300 eligible, 150 paid", () => {
    const hotels = [["Hébergement"], ["Hôtel"]];
    expect(EXPLOR_DECOMPTE.run(hotels, [[200], [150]])).toEqual([
      DECOMPTE_HEADER,
      ["Hébergement", 200, 300, 200, ""],
      ["Hébergement", 150, 300, 100, atCeiling("300,00\u00a0€")],
      ["Total", 350, "", 300, ""],
      ["Total éligible retenu", "", 2000, 300, ""],
      ["Prise en charge", "", "", 150, ""],
      ["Reste à charge association", "", "", 200, ""],
    ]);
    expect(EXPLOR_ELIGIBLE.run(hotels, [[200], [150]])).toEqual([[200], [100]]);
    expect(EXPLOR_PRISE_EN_CHARGE.run(hotels, [[200], [150]])).toBe(150);
    expect(EXPLOR_RESTE_A_CHARGE.run(hotels, [[200], [150]])).toBe(200);
    expect(EXPLOR_TOTAL_ELIGIBLE.run(hotels, [[200], [150]])).toBe(300);
  });

  it("the flight and the train to the airport share the 1 500 € of « Avion + transport … »", () => {
    expect(EXPLOR_ELIGIBLE.run([["Billet d'avion"], ["Train pour l'aéroport"]], [[1450], [120]])).toEqual([
      [1450],
      [50],
    ]);
  });

  it("per diem: the mission's duration is the largest day count, two lines share its ceiling", () => {
    // 10 days → 150 € for the mission, however many per-diem payments.
    expect(EXPLOR_ELIGIBLE.run([["Per diem"], ["Per diem"]], [[100], [100]], [[10], [4]])).toEqual([
      [100],
      [50],
    ]);
    expect(EXPLOR_ELIGIBLE.run([["Per diem"], ["Per diem"]], [[100], [100]], 20)).toEqual([[100], [100]]);
  });
});
