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

  it("EXPLOR_RESTE_A_CHARGE: Mission A 748,50, Mission B 1 997,00, AURA adds 200 €", () => {
    expect(call("EXPLOR_RESTE_A_CHARGE", A.categories, A.amounts, 10)).toBe(748.5);
    expect(call("EXPLOR_RESTE_A_CHARGE", B.categories, B.amounts, 18)).toBe(1997);
    expect(call("EXPLOR_RESTE_A_CHARGE", "Avion", 1720)).toBe(970);
    expect(call("EXPLOR_RESTE_A_CHARGE", "Avion", 1720, "", "EXPLOR-AURA")).toBe(1060);
  });

  it("EXPLOR_DECOMPTE spills Mission B's table", () => {
    const table = call("EXPLOR_DECOMPTE", withBlankRow.categories, withBlankRow.amounts, 18) as unknown[][];
    expect(table[0]).toEqual(["Catégorie", "Montant réel", "Plafond", "Montant éligible", "Observation"]);
    expect(table).toHaveLength(1 + 8 + 3);
    expect(table[8]).toEqual(["cadeaux partenaires", 100, 0, 0, "non pris en charge"]);
    expect(table.slice(-3)).toEqual(MISSION_B_TOTALS);
    expect(table).toEqual(missionBDecompte());
    expect(call("EXPLOR_DECOMPTE", "Visa", 80)).toEqual([
      ["Catégorie", "Montant réel", "Plafond", "Montant éligible", "Observation"],
      ["Visa", 80, 60, 60, "plafonné"],
      ["Total", 80, "", 60, ""],
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
