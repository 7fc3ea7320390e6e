import { describe, expect, it } from "vitest";
import { columns, MISSION_A, MISSION_B } from "../../dev/fixtures/explor-missions";
import { callGlobal, loadBundle, tripwireServices } from "../support/bundle";
import { MISSION_B_TOTALS, missionBDecompte } from "../support/mission-b";

const touched: string[] = [];
const globals = loadBundle(tripwireServices(touched));
const call = (name: string, ...args: unknown[]) => callGlobal(globals, name, ...args);

// Sheets passes a range as rows of cells, a blank cell as "".
const A = columns(MISSION_A);
const B = columns(MISSION_B);
const withBlankRow = {
  categories: [...B.categories.slice(0, 2), [""], ...B.categories.slice(2)],
  amounts: [...B.amounts.slice(0, 2), [""], ...B.amounts.slice(2)],
};

describe("EXPLOR functions through the built bundle", () => {
  it("EXPLOR_PLAFOND, scalar and range", () => {
    expect(call("EXPLOR_PLAFOND", "Per diem", 10)).toBe(150);
    expect(call("EXPLOR_PLAFOND", "Per diem", 18)).toBe(225);
    expect(call("EXPLOR_PLAFOND", "Avion", "", "EXPLOR-AURA")).toBe("sans plafond");
    expect(call("EXPLOR_PLAFOND", [["Avion"], [""], ["cadeaux partenaires"]])).toEqual([[1500], [""], [0]]);
  });

  it("EXPLOR_ELIGIBLE, scalar and range (Mission B)", () => {
    expect(call("EXPLOR_ELIGIBLE", "Avion", 1720)).toBe(1500);
    expect(call("EXPLOR_ELIGIBLE", "Per diem", "", 10)).toBe(150);
    expect(call("EXPLOR_ELIGIBLE", withBlankRow.categories, withBlankRow.amounts, 18)).toEqual([
      [1500],
      [200],
      [""],
      [225],
      [60],
      [300],
      [80],
      [52],
      [0],
    ]);
  });

  it("EXPLOR_PRISE_EN_CHARGE: Mission A 748,50, Mission B 1 000,00", () => {
    expect(call("EXPLOR_PRISE_EN_CHARGE", A.categories, A.amounts, 10)).toBe(748.5);
    expect(call("EXPLOR_PRISE_EN_CHARGE", withBlankRow.categories, withBlankRow.amounts, 18)).toBe(1000);
    expect(call("EXPLOR_PRISE_EN_CHARGE", "Avion", 850)).toBe(425);
    expect(call("EXPLOR_PRISE_EN_CHARGE", B.categories, B.amounts, "", "EXPLOR-AURA")).toBe(1401);
  });

  it("two hotel receipts 200 + 150 € share the 300 € of the mission: 300 eligible, 150,00 € paid", () => {
    const hotels = [["Hébergement"], ["Hôtel"]];
    const amounts = [[200], [150]];
    expect(call("EXPLOR_PRISE_EN_CHARGE", hotels, amounts)).toBe(150);
    expect(call("EXPLOR_RESTE_A_CHARGE", hotels, amounts)).toBe(200);
    expect(call("EXPLOR_TOTAL_ELIGIBLE", hotels, amounts)).toBe(300);
    // Line by line, the ceiling is used up from the top: the lines add up to the 300 €.
    expect(call("EXPLOR_ELIGIBLE", hotels, amounts)).toEqual([[200], [100]]);
    expect((call("EXPLOR_DECOMPTE", hotels, amounts) as unknown[][])[2]).toEqual([
      "Hébergement",
      150,
      300,
      100,
      "plafond de la catégorie atteint : 300,00\u00a0€ par mission",
    ]);
  });

  it("reads Sheets' float noise as the cent: 5 × 20,13 € of hotel (100.64999999999999) → 50,33 €", () => {
    expect(call("EXPLOR_PRISE_EN_CHARGE", [["Hébergement"]], [[5 * 20.13]])).toBe(50.33);
    expect(call("EXPLOR_PRISE_EN_CHARGE", "Hôtel", 5 * 20.13)).toBe(50.33);
    // Not noise: 0,125 stays 0,125, rounded once at the end (0,0625 → 0,06).
    expect(call("EXPLOR_PRISE_EN_CHARGE", "Visa", 0.125)).toBe(0.06);
    expect(call("EXPLOR_ELIGIBLE", "Per diem", "", 8.000000000000002)).toBe(120);
  });

  it("never a silent zero: a label off Annexe 2 is flagged, with a suggestion when one is close", () => {
    const table = call(
      "EXPLOR_DECOMPTE",
      [["Vaccin"], ["Trasport"], ["Cadeaux"]],
      [[30], [40], [50]],
    ) as unknown[][];
    expect(table.slice(1, 4)).toEqual([
      ["Vaccins et médicaments", 30, 80, 30, ""],
      [
        "Trasport",
        40,
        0,
        0,
        "non pris en charge — libellé hors Annexe 2 ; voulez-vous dire « Avion + transport du domicile à l'aéroport » ou « Transports locaux » ?",
      ],
      ["Cadeaux", 50, 0, 0, "non pris en charge — libellé hors Annexe 2"],
    ]);
  });

  it("justificatifs (final décompte): a taxi without receipt is not reimbursed, the flight needs none", () => {
    const categories = [["Avion"], ["Taxi"], ["Taxi"], ["Per diem"]];
    const amounts = [[800], [60], [40], [150]];
    const receipts = [[false], [false], [true], [""]];
    expect(call("EXPLOR_ELIGIBLE", categories, amounts, 10, "", receipts)).toEqual([[800], [0], [40], [150]]);
    expect(call("EXPLOR_PRISE_EN_CHARGE", categories, amounts, 10, "", receipts)).toBe(495);
    expect(call("EXPLOR_PRISE_EN_CHARGE", categories, amounts, 10)).toBe(525);
    expect((call("EXPLOR_DECOMPTE", categories, amounts, 10, "", receipts) as unknown[][])[2]?.[4]).toBe(
      "justificatif incomplet — non remboursable",
    );
    expect(() => call("EXPLOR_PRISE_EN_CHARGE", categories, amounts, 10, "", [[1], [2], [3]])).toThrow(
      "Formes différentes : justificatifs (3 lignes × 1 colonne) doit avoir la forme de categories (4 lignes × 1 colonne)",
    );
  });

  it("EXPLOR_RESTE_A_CHARGE: Mission A 748,50, Mission B 1 997,00, AURA adds 200 €", () => {
    expect(call("EXPLOR_RESTE_A_CHARGE", A.categories, A.amounts, 10)).toBe(748.5);
    expect(call("EXPLOR_RESTE_A_CHARGE", B.categories, B.amounts, 18)).toBe(1997);
    expect(call("EXPLOR_RESTE_A_CHARGE", "Avion", 1720)).toBe(970);
    expect(call("EXPLOR_RESTE_A_CHARGE", "Avion", 1720, "", "EXPLOR-AURA")).toBe(1060);
  });

  it("EXPLOR_DECOMPTE spills Mission B's table", () => {
    const table = call("EXPLOR_DECOMPTE", withBlankRow.categories, withBlankRow.amounts, 18) as unknown[][];
    expect(table[0]).toEqual(["Catégorie", "Montant réel", "Plafond", "Montant éligible", "Observation"]);
    expect(table).toHaveLength(1 + 8 + 4);
    expect(table.slice(-4)).toEqual(MISSION_B_TOTALS);
    expect(table).toEqual(missionBDecompte());
    expect(call("EXPLOR_DECOMPTE", "Visa", 80)).toEqual([
      ["Catégorie", "Montant réel", "Plafond", "Montant éligible", "Observation"],
      ["Visa", 80, 60, 60, "plafond de la catégorie atteint : 60,00\u00a0€ par mission"],
      ["Total", 80, "", 60, ""],
      ["Total éligible retenu", "", 2000, 60, ""],
      ["Prise en charge", "", "", 30, ""],
      ["Reste à charge association", "", "", 50, ""],
    ]);
  });

  it("shows French errors as they are, naming argument, value and row", () => {
    expect(() => call("EXPLOR_ELIGIBLE", [["Avion"], ["Visa"]], [[1], ["abc"]])).toThrow(
      "Montant invalide (montant, ligne 2) : « abc »",
    );
    expect(() => call("EXPLOR_PLAFOND", "Avion", "", "EXPLOR-2024")).toThrow(
      "Règle EXPLOR inconnue (regle) : « EXPLOR-2024 » — règles connues : EXPLOR-HDF-2025, EXPLOR-AURA",
    );
    expect(() => call("EXPLOR_PRISE_EN_CHARGE", A.categories, A.amounts, 2.5)).toThrow(
      "Nombre de jours invalide (jours) : « 2.5 »",
    );
  });

  it("touches no service, at load or in a call", () => {
    expect(touched).toEqual([]);
  });
});
