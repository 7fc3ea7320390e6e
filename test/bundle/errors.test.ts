import { describe, expect, it } from "vitest";
import { EXPLOR_HDF_2025 } from "../../src/core/explor/hdf-2025";
import { explorTableRows } from "../../src/core/explor/rule-table";
import { customFunctions } from "../../src/functions";
import { callGlobal, loadBundle, tripwireServices } from "../support/bundle";
import { recitalFtTable, recitalPsTable, withCell } from "../support/funding-tables";
import { fakeInfoEuro } from "../support/infoeuro-fetch";

const infoEuro = fakeInfoEuro();
infoEuro.setMode({ kind: "network-down" }, "2025-05");
infoEuro.setMode({ kind: "body", body: JSON.stringify([{ isoA3Code: "MAD", value: "?" }]) }, "2025-04");
const globals = loadBundle({ ...tripwireServices([]), ...infoEuro.services, console: { warn() {} } });
const col = (...values: unknown[]) => values.map((v) => [v]);

/** A bad input for each error the README lists, through the built bundle. */
const CASES: [string, unknown[]][] = [
  ["CONVERTIR_EUR", ["abc", 11]],
  ["CONVERTIR_EUR", [100, 0]],
  ["CONVERTIR_EUR", [100, "x"]],
  ["CONVERTIR_EUR", [1e12, 0.0001]],
  ["TAUX_INFOEURO", [col("MAD", "TND"), "2025-07"]],
  ["EXPLOR_PLAFOND", ["Per diem", 1e15]],
  ["EXPLOR_PRISE_EN_CHARGE", [col("Avion", "Avion"), col(1e12, 1e12)]],
  ["TAUX_INFOEURO", ["12", "2025-07"]],
  ["TAUX_INFOEURO", ["XYZ", "2025-07"]],
  ["TAUX_INFOEURO", ["MAD", "13/2025"]],
  ["TAUX_INFOEURO", ["MAD", "2099-07"]],
  ["TAUX_INFOEURO", ["MAD", "2025-05"]],
  ["TAUX_INFOEURO", ["MAD", "2025-04"]],
  ["EXPLOR_PLAFOND", ["Per diem", 1.5]],
  ["EXPLOR_PLAFOND", ["Avion", "", "X"]],
  ["EXPLOR_ELIGIBLE", [col("Avion", "Visa"), col(100, "abc")]],
  ["EXPLOR_ELIGIBLE", ["Avion", -5]],
  ["EXPLOR_ELIGIBLE", ["Avion", "1.500"]],
  ["EXPLOR_ELIGIBLE", [col("Avion", "Visa"), col(100)]],
  ["EXPLOR_PRISE_EN_CHARGE", [col("Avion", "Visa"), col(100)]],
  ["EXPLOR_PRISE_EN_CHARGE", [col("Per diem"), col(""), 10, "EXPLOR-AURA"]],
  ["EXPLOR_RESTE_A_CHARGE", [col("Avion", "Visa", "Per diem"), col(100, 60, "abc")]],
  ["EXPLOR_RESTE_A_CHARGE", [col("Avion"), col(100), -1]],
  ["EXPLOR_ELIGIBLE", [col("Visa", "Taxi"), col(50, 20), "", "", col(true, "peut-être")]],
  ["EXPLOR_TOTAL_ELIGIBLE", [col("Avion", "Visa", "Per diem"), col(100, 60, "abc")]],
  ["EXPLOR_DECOMPTE", [col("Avion"), col(100), -1]],
  ["EXPLOR_DECOMPTE", [col("Avion"), col(100), "", "X"]],
  [
    "EXPLOR_PLAFOND",
    [
      "Avion",
      "",
      explorTableRows({ ...EXPLOR_HDF_2025, id: "EXPLOR-HDF-2026" }).map((r) =>
        r[0] === "Per diem" ? r.map((v, c) => (c === 1 ? "vingt" : v)) : r,
      ),
    ],
  ],
  ["EXPLOR_PLAFOND", ["Avion", "", recitalFtTable()]],
  ["AIDE_DISPOSITIF", [recitalFtTable(), 600]],
  ["AIDE_DISPOSITIF", [withCell(recitalFtTable(), 4, 2, "170 %"), 100]],
  ["AIDE_DISPOSITIF", [withCell(recitalFtTable(), 8, 1, "Plafond"), 100]],
  ["AIDE_DISPOSITIF", [recitalFtTable().filter((r) => r[0] !== "Taux"), 100]],
  ["AIDE_DISPOSITIF", [withCell(recitalFtTable(), 6, 2, 400), 100]],
  ["AIDE_DISPOSITIF", [withCell(recitalFtTable(), 3, 2, "pourcentage"), 100]],
  ["AIDE_DISPOSITIF", [withCell(recitalPsTable(), 6, 2, "1,5"), 100]],
  ["AIDE_DISPOSITIF", ["RECITAL-PS", [[6000, 8000, 10000, 1000]]]],
  ["AIDE_DISPOSITIF", ["RECITAL-FT", -5]],
  ["AIDE_DISPOSITIF", ["RECITAL-FT", col(1000, "abc")]],
  ["AIDE_DISPOSITIF", ["RECITAL-TANDEM", 100, "1,5"]],
  ["AIDE_DISPOSITIF", ["RECITAL-FT", 100, 2]],
  ["AIDE_DISPOSITIF", ["EXPLOR-HDF-2025", 100]],
  ["AIDE_DISPOSITIF", ["RECITAL-FT-2027", 100]],
  ["AIDE_DISPOSITIF", ["", 100]],
  ["COUT_UNITAIRE", [100, 0]],
  ["COUT_UNITAIRE", ["abc", 2]],
  ["POURCENTAGES", [col(0, 0)]],
  [
    "POURCENTAGES",
    [
      [
        [1, 2],
        [3, 4],
      ],
    ],
  ],
  ["POURCENTAGES", [col(1, -2)]],
  [
    "PLAN_FINANCEMENT",
    [
      [
        ["Coûts RH", 8139.54],
        ["Frais de transport et fournitures", 200],
        ["Graphisme et fabrication des outils PAM", 1400],
        ["Administratif et coûts indirects", 2140],
      ],
      [
        ["CD62", 8929.54],
        ["RECITAL", 2000],
      ],
    ],
  ],
  ["PLAN_FINANCEMENT", [[["RH", 100]], [["A", 150]]]],
  [
    "PLAN_FINANCEMENT",
    [
      [["RH", 100]],
      [
        ["A", "solde"],
        ["B", "solde"],
      ],
    ],
  ],
  ["PLAN_FINANCEMENT", [[["RH", 100]], [["A", 10, 0.5]]]],
  ["PLAN_FINANCEMENT", [[["RH", 100]], [["A", "", "120 %"]]]],
  ["PLAN_FINANCEMENT", [[["RH", 100]], [["", ""]]]],
  ["PLAN_FINANCEMENT", [[["", 100]], [["A", "solde"]]]],
  ["PRORATA_SUBVENTION", [9879.54, 0, 100]],
  ["PRORATA_SUBVENTION", [9879.54, 11879.54, -1]],
  ["PAYS_APD", ["Atlantide"]],
  ["PAYS_APD", [""]],
  ["EXPLOR_ELIGIBILITE", ["Picardie", "Maroc", "Non", "", 10, ""]],
  ["EXPLOR_ELIGIBILITE", ["62", "Maroc", "bof", "", 10, ""]],
  ["EXPLOR_ELIGIBILITE", ["62", "Maroc", "Non", "", "dix", ""]],
  ["EXPLOR_ELIGIBILITE", ["62", "Maroc", "Non", "", 10, "demain"]],
  ["EXPLOR_ELIGIBILITE", ["62", "Maroc", "Non", "", 10, "", "X"]],
];

function messageOf(name: string, args: unknown[]): string {
  try {
    callGlobal(globals, name, ...args);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${name}(${JSON.stringify(args)}) did not fail`);
}

const produced = CASES.map(([name, args]) => [name, messageOf(name, args)] as const);

describe("the French errors the README lists", () => {
  it.each(customFunctions.flatMap((f) => (f.errors ?? []).map((e) => [f.name, e] as const)))(
    "%s says exactly « %s » for some bad input",
    (name, message) => {
      expect(produced.filter(([n]) => n === name).map(([, m]) => m)).toContain(message);
    },
  );

  it("documents at least one error for every function", () => {
    for (const f of customFunctions) expect(f.errors?.length ?? 0, f.name).toBeGreaterThan(0);
  });
});
