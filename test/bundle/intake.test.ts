import { describe, expect, it } from "vitest";
import { callGlobal, loadBundle, tripwireServices } from "../support/bundle";

const touched: string[] = [];
const globals = loadBundle(tripwireServices(touched));
const call = (name: string, ...args: unknown[]) => callGlobal(globals, name, ...args);

describe("PAYS_APD through the bundle", () => {
  it.each([
    ["Maroc", true],
    ["Morocco", true],
    ["MA", true],
    ["MAR", true],
    ["cote d ivoire", true],
    ["RDC", true],
    ["Kosovo", true],
    ["Vietnam", true],
    ["Turquie", true],
    ["Palestine", true],
    ["Chili", false],
  ])("%s → %s", (pays, expected) => {
    expect(call("PAYS_APD", pays)).toBe(expected);
  });

  it("answers a range cell by cell", () => {
    expect(call("PAYS_APD", [["Sénégal"], ["Chile"]])).toEqual([[true], [false]]);
  });

  it("names an unknown or empty country", () => {
    expect(() => call("PAYS_APD", "Atlantide")).toThrow("Pays inconnu (pays) : « Atlantide »");
    expect(() => call("PAYS_APD", "")).toThrow("Pays manquant (pays) : « » (vide)");
    expect(() => call("PAYS_APD", [["Maroc"], ["Groland"]])).toThrow(
      "Pays inconnu (pays, ligne 2) : « Groland »",
    );
  });

  it("knows the DAC list's own names, official French names, common short names (issue 12 §4)", () => {
    expect(call("PAYS_APD", "Moldova")).toBe(true);
    expect(call("PAYS_APD", "Micronesia")).toBe(true);
    expect(call("PAYS_APD", "État de Palestine")).toBe(true);
    expect(call("PAYS_APD", "République arabe syrienne")).toBe(true);
    expect(call("PAYS_APD", "Iran (République islamique d')")).toBe(true);
    expect(call("PAYS_APD", "Salvador")).toBe(true);
    expect(call("PAYS_APD", "Congo (RDC)")).toBe(true);
    // A real country off the list is FAUX, never « Pays inconnu ».
    expect(call("PAYS_APD", [["Fédération de Russie"], ["Saint-Siège"], ["Tchéquie"]])).toEqual([
      [false],
      [false],
      [false],
    ]);
    // In a range, a blank cell gives a blank result.
    expect(call("PAYS_APD", [["Maroc"], [""], ["France"]])).toEqual([[true], [""], [false]]);
  });

  it("EXPLOR_ELIGIBILITE: a partner in a real country off the DAC list is « hors liste CAD »", () => {
    expect(call("EXPLOR_ELIGIBILITE", "62", "Moldova", "Non", "", 10, "")).toBe("Éligible");
    expect(call("EXPLOR_ELIGIBILITE", "62", "Fédération de Russie", "Non", "", 10, "")).toBe(
      "Non éligible : pays partenaire hors liste CAD",
    );
  });

  it("reads a duration with Sheets' float noise as the whole number of days (issue 12 §5)", () => {
    expect(call("EXPLOR_ELIGIBILITE", "62", "Maroc", "Non", "", 8.000000000000002, "")).toBe("Éligible");
  });

  it("reads text dates written with a no-break or narrow no-break space (issue 12 §5)", () => {
    expect(call("EXPLOR_ELIGIBILITE", "62", "Maroc", "Non", "", 10, "15/06/2025\u202f23:59:59")).toBe(
      "Éligible",
    );
    expect(call("EXPLOR_ELIGIBILITE", "62", "Maroc", "Non", "", 10, "16/06/2025\u00a000:00:00")).toBe(
      "Non éligible : candidature hors délai",
    );
  });

  it("touches no service", () => {
    expect(touched).toEqual([]);
  });
});

describe("EXPLOR_ELIGIBILITE through the bundle", () => {
  it("is eligible on time, late one second later (summer time)", () => {
    expect(call("EXPLOR_ELIGIBILITE", 62000, "Sénégal", "Non", "", 10, "15/06/2025 23:59:59")).toBe(
      "Éligible",
    );
    expect(call("EXPLOR_ELIGIBILITE", 62000, "Sénégal", "Non", "", 10, "16/06/2025 00:00:00")).toBe(
      "Non éligible : candidature hors délai",
    );
  });

  it("takes a Date created inside the test, as Sheets passes one", () => {
    expect(call("EXPLOR_ELIGIBILITE", "62", "MA", false, "", 10, new Date("2025-06-15T21:59:59Z"))).toBe(
      "Éligible",
    );
    expect(call("EXPLOR_ELIGIBILITE", "62", "MA", false, "", 10, new Date("2025-06-15T22:00:00Z"))).toBe(
      "Non éligible : candidature hors délai",
    );
  });

  it("gives every reason in order", () => {
    expect(
      call("EXPLOR_ELIGIBILITE", "Paris", "Chili", true, false, 21, "2025-06-16T00:00:00", "EXPLOR-2025"),
    ).toBe(
      "Non éligible : siège hors Hauts-de-France ; pays partenaire hors liste CAD ; déjà financée par EXPLOR sans nouveau projet ; durée hors 7–15 jours ; candidature hors délai",
    );
    expect(call("EXPLOR_ELIGIBILITE", "Pas-de-Calais", "Autre pays", "Oui", "Oui", 7, "")).toBe(
      "Non éligible : pays partenaire inconnu (« Autre pays »)",
    );
  });

  it("answers ranges row by row, a single value applying to every row", () => {
    expect(
      call("EXPLOR_ELIGIBILITE", [[62000], [75011]], [["Maroc"], ["Maroc"]], "Non", "", [[10], [16]], ""),
    ).toEqual([["Éligible"], ["Non éligible : siège hors Hauts-de-France ; durée hors 7–15 jours"]]);
  });

  it("names the argument, the row and the value in errors", () => {
    expect(() => call("EXPLOR_ELIGIBILITE", "Picardie", "Maroc", "Non", "", 10, "")).toThrow(
      /^Département inconnu \(departement\) : « Picardie »/,
    );
    expect(() => call("EXPLOR_ELIGIBILITE", [[62], [62]], "Maroc", [["Non"], ["bof"]], "", 10, "")).toThrow(
      /^Réponse oui\/non invalide \(deja_beneficiaire, ligne 2\) : « bof »/,
    );
    expect(() => call("EXPLOR_ELIGIBILITE", 62, "Maroc", "Non", "", 10, "", "EXPLOR-2030")).toThrow(
      /^Appel inconnu \(appel\) : « EXPLOR-2030 »/,
    );
  });

  it("touches no service", () => {
    expect(touched).toEqual([]);
  });
});
