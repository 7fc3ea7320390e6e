/**
 * Issue 7 §5 — the platform's limits, held by the built bundle: custom functions use only the
 * services Apps Script allows them (no authorisation), on 10 000-row ranges too.
 */
import { describe, expect, it } from "vitest";
import { customFunctions } from "../../src/functions";
import { callGlobal, loadBundle, tripwireServices } from "../support/bundle";
import { fakeInfoEuro } from "../support/infoeuro-fetch";

const ROWS = 10_000;
const column = <T>(f: (i: number) => T): T[][] => Array.from({ length: ROWS }, (_, i) => [f(i)]);
const categories = column((i) => ["Avion", "Per diem", "Visa", "Hébergement"][i % 4] as string);
const amounts = column((i) => (i % 500) + 0.25);

/** One real call per custom function, on large ranges where the function takes ranges. */
const CALLS: Record<string, unknown[]> = {
  EXPLOR_PLAFOND: [categories, 10],
  EXPLOR_ELIGIBLE: [categories, amounts, 10],
  EXPLOR_PRISE_EN_CHARGE: [categories, amounts, 10],
  EXPLOR_RESTE_A_CHARGE: [categories, amounts, 10],
  EXPLOR_TOTAL_ELIGIBLE: [categories, amounts, 10],
  EXPLOR_DECOMPTE: [categories.slice(0, 50), amounts.slice(0, 50), 10],
  AIDE_DISPOSITIF: ["RECITAL-FT", column((i) => 1000 + i)],
  CONVERTIR_EUR: [amounts, 10.5866],
  COUT_UNITAIRE: [amounts, column(() => 4)],
  POURCENTAGES: [amounts],
  PLAN_FINANCEMENT: [
    [
      ["Coûts RH", 2000],
      ["Graphisme et fabrication", 9879.54],
    ],
    [
      ["RECITAL", 2000],
      ["CD62", "solde"],
    ],
  ],
  PRORATA_SUBVENTION: [9879.54, 11879.54, 10000],
  PAYS_APD: [column((i) => ["Maroc", "SEN", "Chili"][i % 3] as string)],
  EXPLOR_ELIGIBILITE: [62000, "Sénégal", "Non", "", 10, "15/06/2025 23:59:59"],
  TAUX_INFOEURO: ["MAD", "2025-07"],
};

describe("custom functions within Apps Script's limits", () => {
  it("has a call for every custom function of the registry", () => {
    expect(Object.keys(CALLS).sort()).toEqual(customFunctions.map((f) => f.name).sort());
  });

  it.each(Object.entries(CALLS))("%s touches only the services custom functions may use", (name, args) => {
    const touched: string[] = [];
    const infoEuro = fakeInfoEuro();
    const globals = loadBundle({ ...tripwireServices(touched), ...infoEuro.services });
    const result = callGlobal(globals, name, ...args);
    expect(result).not.toBeUndefined();
    // Everything else (SpreadsheetApp, DriveApp, FormApp, Session, ScriptApp…) would need authorisation.
    expect(touched).toEqual([]);
  });
});
