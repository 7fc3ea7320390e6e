/** The rule table reader and the aid computations (core/funding), as the worked examples. */
import { describe, expect, it } from "vitest";
import { decimalFromNumber } from "../../src/core/decimal";
import { field } from "../../src/core/errors";
import {
  annualAid,
  FUNDING_TEMPLATES,
  flatAid,
  loadFundingRule,
  RECITAL_FT,
  RECITAL_PS,
  RECITAL_TANDEM,
  rateAid,
  readRuleTable,
  ruleTableRows,
} from "../../src/core/funding";
import { recitalFtTable } from "../support/funding-tables";

const euros = (n: number) => decimalFromNumber(n);

describe("the shipped Récital templates", () => {
  it("are valid under the one schema", () => {
    for (const rule of FUNDING_TEMPLATES) expect(loadFundingRule(rule)).toEqual(rule);
    expect(() => loadFundingRule({ ...RECITAL_FT, rate: 1.7 })).toThrow(/rate : un taux entre 0 et 100 %/);
  });

  it("read back from their own table exactly (rule → table → rule)", () => {
    for (const rule of FUNDING_TEMPLATES) {
      const table = [["Paramètre", "Valeur"], ...ruleTableRows(rule)];
      expect(readRuleTable(table)).toEqual({ kind: "rule", rule });
    }
  });

  it("put the rate of Fonds territoriaux in B4, as the issue's example names it", () => {
    expect(recitalFtTable()[3]).toEqual(["Taux", 0.7]);
    expect([["Paramètre", "Valeur"], ...ruleTableRows(RECITAL_FT)]).toEqual(recitalFtTable());
  });
});

describe("aid computations", () => {
  if (RECITAL_FT.type !== "taux" || RECITAL_PS.type !== "taux annuel" || RECITAL_TANDEM.type !== "forfait") {
    throw new Error("templates changed type");
  }
  const ft = RECITAL_FT;
  const ps = RECITAL_PS;
  const tandem = RECITAL_TANDEM;
  const where = field("couts");

  it("taux: rounded once to the cent, halves away from zero, then capped", () => {
    expect(rateAid(ft, euros(2000), where)).toBe(140000);
    expect(rateAid(ft, euros(5000), where)).toBe(300000);
    expect(rateAid(ft, euros(1234.57), where)).toBe(86420); // 864,199 → 864,20
    expect(rateAid({ ...ft, minAid: 0 }, euros(0.05), where)).toBe(4); // 0,035 → 0,04
    expect(() => rateAid(ft, euros(600), where)).toThrow(/^Aide sous le minimum \(couts\) : 70/);
  });

  it("taux annuel: each year within its maximum", () => {
    expect([6000, 8000, 10000].map((c) => annualAid(ps, euros(c)))).toEqual([420000, 500000, 500000]);
  });

  it("forfait: per unit, never more than the cost; no cost, no cap", () => {
    expect(flatAid(tandem, 2, euros(1500))).toBe(120000);
    expect(flatAid(tandem, 1, euros(450))).toBe(45000);
    expect(flatAid(tandem, 3, undefined)).toBe(180000);
  });
});

describe("readRuleTable", () => {
  it("names a table placed elsewhere on its sheet by its real cells", () => {
    const table = recitalFtTable().map((r) => [...r]);
    (table[3] as unknown[])[1] = "170 %";
    const read = readRuleTable(table, { row: 5, column: 3 });
    expect(read.kind === "problems" && read.problems).toEqual([
      { cell: "D8", message: "taux invalide « 170 % » — un taux entre 0 et 100 %" },
    ]);
  });

  it("lists every problem in sheet order, missing parameters last", () => {
    const read = readRuleTable([
      ["Identifiant", "x y"],
      ["Type", "taux annuel"],
      ["Aide maximale par an", "-5"],
      ["Forfait", 600],
      ["", "orpheline"],
    ]);
    expect(read.kind === "problems" && read.problems.map((p) => `${p.cell ?? "-"} ${p.message}`)).toEqual([
      "B1 identifiant invalide « x y » — des lettres, chiffres et tirets, ex. RECITAL-FT",
      "B3 aide maximale par an invalide « -5 » — un montant en euros, 0 ou plus",
      "A4 paramètre « Forfait » sans objet pour une règle taux annuel — paramètres d'une règle taux annuel : Identifiant, Nom, Type, Taux, Aide maximale par an, Années",
      "B5 valeur sans paramètre « orpheline » — écrivez le paramètre en colonne A",
      "- paramètre manquant « Taux » — obligatoire pour une règle taux annuel",
      "- paramètre manquant « Années » — obligatoire pour une règle taux annuel",
    ]);
  });

  it("hands a category table to its own reader", () => {
    expect(
      readRuleTable([
        ["Identifiant", "EXPLOR-HDF-2026"],
        ["Type", "Plafonds par catégorie"],
      ]),
    ).toEqual({ kind: "categories", id: "EXPLOR-HDF-2026" });
  });
});
