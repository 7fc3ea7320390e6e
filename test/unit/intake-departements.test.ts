import { describe, expect, it } from "vitest";
import { field } from "../../src/core/errors";
import { DEPARTEMENT_CODES, findDepartement, parseDepartement } from "../../src/core/intake";

describe("French départements", () => {
  it("are the 101 of INSEE: 96 in metropolitan France (Corsica as 2A and 2B), 5 overseas", () => {
    expect(DEPARTEMENT_CODES).toHaveLength(101);
    expect(new Set(DEPARTEMENT_CODES).size).toBe(101);
    expect(DEPARTEMENT_CODES).toContain("2A");
    expect(DEPARTEMENT_CODES).not.toContain("20");
    expect(DEPARTEMENT_CODES).not.toContain("975");
  });

  it.each([
    ["62", "62"],
    [62, "62"],
    ["2", "02"],
    [2, "02"],
    ["02", "02"],
    ["62000", "62"],
    [62000, "62"],
    ["02100", "02"],
    [2100, "02"],
    ["2100", "02"],
    ["Pas-de-Calais", "62"],
    ["pas de calais", "62"],
    ["PAS DE CALAIS", "62"],
    ["Côtes-d'Armor", "22"],
    ["cotes d armor", "22"],
    ["2a", "2A"],
    ["20000", "2A"],
    ["20200", "2B"],
    ["97400", "974"],
    [971, "971"],
    ["Réunion", "974"],
    ["62 - Pas-de-Calais", "62"],
    ["Somme (80)", "80"],
    ["75001", "75"],
  ])("%j → %s", (value, code) => {
    expect(findDepartement(value)?.code).toBe(code);
  });

  it.each(["98000", "97500", "00000", "100", "Picardie", "62 - Somme", 62.5, 0, true, "abc"])(
    "%j is no département",
    (value) => {
      expect(findDepartement(value)).toBeUndefined();
    },
  );

  it("names the value that is no département", () => {
    expect(() => parseDepartement("Picardie", field("departement"))).toThrow(
      "Département inconnu (departement) : « Picardie » — attendu un code (62), un code postal (62000) ou un nom (Pas-de-Calais)",
    );
    expect(() => parseDepartement("", field("departement", 4))).toThrow(
      /^Département manquant \(departement, ligne 4\) : « » \(vide\)/,
    );
  });
});
