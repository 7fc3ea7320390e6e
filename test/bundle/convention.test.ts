import { describe, expect, it } from "vitest";
import { callGlobal, loadBundle, tripwireServices } from "../support/bundle";
import { cd62PlanTable } from "../support/cd62";

const touched: string[] = [];
const globals = loadBundle(tripwireServices(touched));
const call = (name: string, ...args: unknown[]) => callGlobal(globals, name, ...args);

// Sheets passes a range as rows of cells, a blank cell as "".
const CHARGES = [
  ["Coûts RH", 6139.54],
  ["", ""],
  ["Frais de transport et fournitures", 200],
  ["Graphisme et fabrication des outils PAM (prestation externe)", 1400],
  ["COUTS RH", 2000],
  ["Administratif et coûts indirects", 2140],
];
const RECEIPTS = [
  ["CD62", "solde", ""],
  ["", "", ""],
  ["RECITAL", 2000, ""],
];

describe("convention functions through the built bundle", () => {
  it("touch no Apps Script service", () => {
    expect(touched).toEqual([]);
  });

  it("COUT_UNITAIRE: 1 066,52 / 8 → 133,32; 2,01 / 2 → 1,01; blank stays blank", () => {
    expect(call("COUT_UNITAIRE", 1066.52, 8)).toBe(133.32);
    expect(call("COUT_UNITAIRE", "2,01", 2)).toBe(1.01);
    expect(call("COUT_UNITAIRE", [[1066.52], [""]], [[8], [""]])).toEqual([[133.32], [""]]);
  });

  it("POURCENTAGES: CD62 charges 0,68/0,02/0,12/0,18 with a blank kept; [1;1;1] → 0,34/0,33/0,33", () => {
    expect(call("POURCENTAGES", [[8139.54], [""], [200], [1400], [2140]])).toEqual([
      [0.68],
      [""],
      [0.02],
      [0.12],
      [0.18],
    ]);
    expect(call("POURCENTAGES", [[1, 1, 1]])).toEqual([[0.34, 0.33, 0.33]]);
  });

  it("PLAN_FINANCEMENT: the balanced CD62 plan", () => {
    expect(call("PLAN_FINANCEMENT", CHARGES, RECEIPTS)).toEqual(cd62PlanTable());
  });

  it("PRORATA_SUBVENTION: 10 000 spent → 8 316,43; over the forecast → 9 879,54", () => {
    expect(call("PRORATA_SUBVENTION", 9879.54, 11879.54, 10000)).toBe(8316.43);
    expect(call("PRORATA_SUBVENTION", 9879.54, "11 879,54 €", 13000)).toBe(9879.54);
  });

  it("shows French errors as they are, naming the value, the gap and the row", () => {
    expect(() =>
      call("PLAN_FINANCEMENT", CHARGES, [
        ["CD62", 8929.54, ""],
        ["RECITAL", 2000, ""],
      ]),
    ).toThrow(
      "Plan de financement déséquilibré : total des charges 11\u202f879,54\u00a0€, total des produits 10\u202f929,54\u00a0€, il manque 950,00\u00a0€",
    );
    expect(() => call("POURCENTAGES", [[1], ["-2"]])).toThrow(
      "Montant négatif non accepté (montants, ligne 2) : « -2 »",
    );
    expect(() => call("COUT_UNITAIRE", 100, 0)).toThrow("(quantite) : « 0 »");
    expect(() => call("PRORATA_SUBVENTION", 9879.54, 0, 100)).toThrow("(cout_previsionnel) : « 0 »");
  });

  it("generated globals carry @customfunction and the real parameter names", () => {
    const source = String(globals.PLAN_FINANCEMENT);
    expect(source).toContain("depenses");
    expect(source).toContain("recettes");
    expect(typeof globals.menuBudgetConvention).toBe("function");
  });
});
