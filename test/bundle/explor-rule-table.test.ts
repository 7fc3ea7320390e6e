/** The EXPLOR functions' `regle` given as a rule sheet's table (range or named range), through the built bundle. */
import { describe, expect, it } from "vitest";
import { columns, MISSION_A, MISSION_B } from "../../dev/fixtures/explor-missions";
import { EXPLOR_HDF_2025 } from "../../src/core/explor/hdf-2025";
import { explorTableRows } from "../../src/core/explor/rule-table";
import { callGlobal, loadBundle, tripwireServices } from "../support/bundle";
import { recitalFtTable } from "../support/funding-tables";

const touched: string[] = [];
const globals = loadBundle(tripwireServices(touched));
const call = (name: string, ...args: unknown[]) => callGlobal(globals, name, ...args);
const error = (name: string, ...args: unknown[]) => {
  try {
    call(name, ...args);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${name} did not fail`);
};

/** The 2025 sheet's table as Sheets passes the named range (A1:F35: blank rows at the end). */
function table2025(): (string | number)[][] {
  const rows = explorTableRows(EXPLOR_HDF_2025);
  return [...rows, ...Array.from({ length: 35 - rows.length }, () => ["", "", "", "", "", ""])];
}

function withCell(table: (string | number)[][], label: string, column: number, value: string | number) {
  return table.map((r) => (r[0] === label ? r.map((v, c) => (c === column - 1 ? value : v)) : [...r]));
}

const A = columns(MISSION_A);
const B = columns(MISSION_B);

describe("EXPLOR functions under a rule sheet's table", () => {
  it("give the same figures as the shipped rule for the same terms", () => {
    expect(call("EXPLOR_PRISE_EN_CHARGE", A.categories, A.amounts, 10, table2025())).toBe(748.5);
    expect(call("EXPLOR_PRISE_EN_CHARGE", B.categories, B.amounts, 18, table2025())).toBe(1000);
    expect(call("EXPLOR_RESTE_A_CHARGE", B.categories, B.amounts, 18, table2025())).toBe(1997);
    expect(call("EXPLOR_PLAFOND", "Per diem", 10, table2025())).toBe(150);
    expect(call("EXPLOR_ELIGIBLE", "Avion", 1720, "", table2025())).toBe(1500);
  });

  it("follow a changed value: per diem 20 € a day", () => {
    const per20 = withCell(table2025(), "Per diem", 2, 20);
    expect(call("EXPLOR_PLAFOND", "Per diem", 10, per20)).toBe(200);
    expect(call("EXPLOR_PLAFOND", "Per diem", 18, per20)).toBe(300);
  });

  it("name the cell and the value of a wrong table", () => {
    expect(error("EXPLOR_PLAFOND", "Avion", "", withCell(table2025(), "Per diem", 2, "vingt"))).toBe(
      "Règle EXPLOR-HDF-2025, B16 : plafond invalide « vingt » — un montant en euros, « sans plafond » ou « non pris en charge »",
    );
    expect(error("EXPLOR_PLAFOND", "Avion", "", withCell(table2025(), "Per diem", 3, "semaine"))).toBe(
      "Règle EXPLOR-HDF-2025, C16 : unité invalide « semaine » — mission ou jour",
    );
    expect(
      error("EXPLOR_PLAFOND", "Avion", "", withCell(table2025(), "Visa", 6, "Frais de visa ; Vol")),
    ).toBe(
      "Règle EXPLOR-HDF-2025, F17 : nom en double « Vol » — déjà un nom de « Avion + transport du domicile à l'aéroport » (F14)",
    );
    expect(error("EXPLOR_PLAFOND", "Avion", "", withCell(table2025(), "Durée maximale (jours)", 2, 5))).toBe(
      "Règle EXPLOR-HDF-2025, B11 : durée maximale invalide « 5 » — plus courte que la durée minimale",
    );
  });

  it("refuse a rate rule with advice", () => {
    expect(error("EXPLOR_PLAFOND", "Avion", "", recitalFtTable())).toBe(
      "Règle EXPLOR invalide (regle) : « RECITAL-FT » — une règle de type « plafonds par catégorie » attendue, pas « taux » : utilisez AIDE_DISPOSITIF",
    );
  });

  it("touch no service", () => {
    expect(touched).toEqual([]);
  });
});
