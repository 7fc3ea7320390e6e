import { describe, expect, it } from "vitest";
import { MISSION_A, MISSION_B, type WorkedMission } from "../../dev/fixtures/explor-missions";
import { type Decimal, decimalFromNumber, decimalFromPlainText, toNumber } from "../../src/core/decimal";
import { field, InputError } from "../../src/core/errors";
import {
  addLine,
  assessLine,
  DEFAULT_RULE_SET_ID,
  emptySums,
  findCategory,
  type LineCeiling,
  lineCeiling,
  loadRuleSet,
  missionTotals,
  parseDays,
  RULE_SET_IDS,
  type RuleSet,
  type RuleSetDefinition,
  ruleSetById,
  ruleSetOf,
} from "../../src/core/explor";
import { EXPLOR_HDF_2025 } from "../../src/core/explor/hdf-2025";

const hdf = ruleSetById("EXPLOR-HDF-2025");
const aura = ruleSetById("EXPLOR-AURA");
const AMOUNT = field("montant", 1);

function euros(d: Decimal | LineCeiling): number | string {
  return d === "none" ? "none" : toNumber(d);
}

function line(ruleSet: RuleSet, name: string, amount?: number | string, days?: number) {
  const category = findCategory(ruleSet, name);
  const value =
    amount === undefined
      ? undefined
      : typeof amount === "number"
        ? decimalFromNumber(amount)
        : decimalFromPlainText(amount);
  const assessed = assessLine(ruleSet, category, value, category?.daily ? days : undefined, AMOUNT);
  return (
    assessed && {
      ...assessed,
      real: euros(assessed.real),
      eligible: euros(assessed.eligible),
      ceiling: euros(assessed.ceiling),
    }
  );
}

function totals(ruleSet: RuleSet, mission: WorkedMission) {
  const sums = emptySums();
  for (const l of mission.lines) {
    const category = findCategory(ruleSet, l.category);
    const assessed = assessLine(ruleSet, category, decimalFromNumber(l.amount), mission.days, AMOUNT);
    if (assessed) addLine(sums, assessed);
  }
  const t = missionTotals(ruleSet, sums);
  return {
    real: toNumber(t.real),
    eligible: toNumber(t.eligible),
    contribution: t.contribution / 100,
    remainder: t.remainder / 100,
  };
}

describe("the shipped rule sets", () => {
  it("are EXPLOR-HDF-2025 (the default) and EXPLOR-AURA", () => {
    expect(RULE_SET_IDS).toEqual(["EXPLOR-HDF-2025", "EXPLOR-AURA"]);
    expect(DEFAULT_RULE_SET_ID).toBe("EXPLOR-HDF-2025");
    expect(ruleSetOf("").id).toBe("EXPLOR-HDF-2025");
    expect(ruleSetOf(undefined).id).toBe("EXPLOR-HDF-2025");
  });

  it("are found by id whatever the case and spacing, and compiled once", () => {
    expect(ruleSetById(" explor-aura ")).toBe(aura);
    expect(ruleSetOf("EXPLOR-HDF-2025")).toBe(hdf);
  });

  it("name an unknown id and list the known ones", () => {
    expect(() => ruleSetOf("EXPLOR-HDF-2026")).toThrow(InputError);
    expect(() => ruleSetOf("EXPLOR-HDF-2026")).toThrow(
      "Règle EXPLOR inconnue (regle) : « EXPLOR-HDF-2026 » — règles connues : EXPLOR-HDF-2025, EXPLOR-AURA",
    );
    expect(() => ruleSetOf(2025)).toThrow("Règle EXPLOR invalide (regle) : « 2025 »");
  });
});

describe("rule-set definitions are validated data", () => {
  const valid = EXPLOR_HDF_2025;
  const broken = (change: Partial<RuleSetDefinition>) => () => loadRuleSet({ ...valid, ...change });

  it("accept a new set without code: a 40 % share capped at 700 €", () => {
    const custom = loadRuleSet({ ...valid, id: "EXPLOR-TEST", shareRate: 0.4, maxContribution: 700 });
    expect(totals(custom, MISSION_B).contribution).toBe(700);
    expect(totals(custom, MISSION_A).contribution).toBe(598.8);
  });

  it("refuse ceilings with fractions of a cent, shares above 1, duplicate keys, shared names", () => {
    const avion = valid.categories[0];
    if (!avion) throw new Error("no category");
    expect(broken({ categories: [{ ...avion, ceiling: { kind: "fixed", amount: 10.005 } }] })).toThrow(
      /categories\.0\.ceiling\.amount/,
    );
    expect(broken({ shareRate: 1.5 })).toThrow(/shareRate/);
    expect(broken({ categories: [avion, avion] })).toThrow(/clés de catégorie en double/);
    expect(broken({ categories: [avion, { ...avion, key: "autre" }] })).toThrow(/désigne deux catégories/);
    expect(broken({ durationDays: { min: 15, max: 7 } })).toThrow(/durée minimale/);
    expect(
      broken({ categories: [{ ...avion, ceiling: { kind: "perDay", rate: 15, maxDays: 15 } }] }),
    ).toThrow(/catégorie journalière/);
    expect(() => loadRuleSet({ id: "X" })).toThrow(/Définition de règle EXPLOR invalide/);
  });
});

describe("category matching", () => {
  it.each([
    ["per_diem", "per_diem"],
    ["Per diem", "per_diem"],
    ["  PER   DIEM ", "per_diem"],
    ["perdiem", "per_diem"],
    ["Avion + transport du domicile à l'aéroport", "avion"],
    ["avion + transport du domicile a l’aeroport", "avion"],
    ["Avion", "avion"],
    ["Transports locaux", "transports_locaux"],
    ["transports_locaux", "transports_locaux"],
    ["Visa", "visa"],
    ["Hébergement", "hebergement"],
    ["HEBERGEMENT", "hebergement"],
    ["Vaccins", "vaccins"],
    ["Vaccins et médicaments", "vaccins"],
    ["Assurance", "assurance"],
    ["Assurance Assur Travel", "assurance"],
  ])("reads « %s » as %s", (name, key) => {
    expect(findCategory(hdf, name)?.key).toBe(key);
    expect(findCategory(aura, name)?.key).toBe(key);
  });

  it("leaves an unknown name uncovered instead of failing", () => {
    expect(findCategory(hdf, "cadeaux partenaires")).toBeUndefined();
    expect(line(hdf, "cadeaux partenaires", 100)).toEqual({
      real: 100,
      ceiling: 0,
      eligible: 0,
      observation: "non pris en charge",
    });
  });
});

describe("line ceilings under EXPLOR-HDF-2025 (Annexe 2)", () => {
  it.each([
    ["Avion", 1500],
    ["Transports locaux", 200],
    ["Per diem", 225],
    ["Visa", 60],
    ["Hébergement", 300],
    ["Vaccins", 80],
    ["Assurance", 52],
    ["cadeaux partenaires", 0],
  ])("%s: %d €", (name, ceiling) => {
    expect(euros(lineCeiling(findCategory(hdf, name), undefined))).toBe(ceiling);
  });

  it("per diem is 15 € a day for at most 15 days", () => {
    const perDiem = findCategory(hdf, "Per diem");
    expect(euros(lineCeiling(perDiem, 10))).toBe(150);
    expect(euros(lineCeiling(perDiem, 15))).toBe(225);
    expect(euros(lineCeiling(perDiem, 16))).toBe(225);
    expect(euros(lineCeiling(perDiem, 0))).toBe(0);
  });
});

describe("eligible amount of a line", () => {
  it("is the amount up to the ceiling, capped one cent over", () => {
    expect(line(hdf, "Avion", 1500)).toMatchObject({ eligible: 1500, observation: "" });
    expect(line(hdf, "Avion", 1500.01)).toMatchObject({
      real: 1500.01,
      eligible: 1500,
      observation: "plafonné",
    });
    expect(line(hdf, "Assurance", 52)).toMatchObject({ eligible: 52, observation: "" });
    expect(line(hdf, "Assurance", 52.01)).toMatchObject({ eligible: 52, observation: "plafonné" });
    expect(line(hdf, "Visa", 59.99)).toMatchObject({ eligible: 59.99, observation: "" });
  });

  it("keeps the amount exactly as given", () => {
    expect(line(hdf, "Visa", "12.345")).toMatchObject({ real: 12.345, eligible: 12.345 });
  });

  it("per diem: 15 or 16 days, 0 days", () => {
    expect(line(hdf, "Per diem", 225, 15)).toMatchObject({ eligible: 225, observation: "" });
    expect(line(hdf, "Per diem", 240, 16)).toMatchObject({
      ceiling: 225,
      eligible: 225,
      observation: "plafonné",
    });
    expect(line(hdf, "Per diem", 30, 0)).toMatchObject({ ceiling: 0, eligible: 0, observation: "plafonné" });
  });

  it("per diem with days and no amount counts at its ceiling", () => {
    expect(line(hdf, "Per diem", undefined, 10)).toEqual({
      real: 150,
      ceiling: 150,
      eligible: 150,
      observation: "",
    });
    expect(line(hdf, "Per diem", undefined, 0)).toEqual({
      real: 0,
      ceiling: 0,
      eligible: 0,
      observation: "",
    });
  });

  it("a line with no amount otherwise counts nothing", () => {
    expect(line(hdf, "Avion")).toBeUndefined();
    expect(line(hdf, "Per diem")).toBeUndefined();
  });

  it("under EXPLOR-AURA: the amount in full, vaccins not covered", () => {
    expect(line(aura, "Avion", 1720)).toEqual({
      real: 1720,
      ceiling: "none",
      eligible: 1720,
      observation: "",
    });
    expect(line(aura, "Vaccins", 95)).toEqual({
      real: 95,
      ceiling: 0,
      eligible: 0,
      observation: "non pris en charge",
    });
  });

  it("under EXPLOR-AURA, per diem days without an amount is an error: there is no daily rate", () => {
    expect(() => line(aura, "Per diem", undefined, 10)).toThrow(
      "Montant manquant (montant, ligne 1) : « » (vide) — la règle EXPLOR-AURA n'a pas de taux journalier pour « Per diem » : indiquez le montant",
    );
  });
});

describe("mission totals (DOMAIN.md worked figures)", () => {
  it("Mission A: 1 497,00 eligible, Lianes 748,50, association 748,50", () => {
    expect(totals(hdf, MISSION_A)).toEqual({
      real: 1497,
      eligible: 1497,
      contribution: 748.5,
      remainder: 748.5,
    });
  });

  it("Mission B: 2 417 of capped lines → 2 000 eligible, Lianes 1 000, association 1 997", () => {
    expect(totals(hdf, MISSION_B)).toEqual({
      real: 2997,
      eligible: 2000,
      contribution: 1000,
      remainder: 1997,
    });
  });

  it("EXPLOR-AURA: 50 % of covered costs, and the association adds a 200 € fee", () => {
    expect(totals(aura, MISSION_A)).toEqual({
      real: 1497,
      eligible: 1452,
      contribution: 726,
      remainder: 971,
    });
    expect(totals(aura, MISSION_B)).toEqual({
      real: 2997,
      eligible: 2802,
      contribution: 1401,
      remainder: 1796,
    });
  });

  it("rounds the contribution once, half away from zero", () => {
    const odd: WorkedMission = { title: "", days: 0, lines: [{ category: "Avion", amount: 100.01 }] };
    expect(totals(hdf, odd)).toEqual({ real: 100.01, eligible: 100.01, contribution: 50.01, remainder: 50 });
    const thirds: WorkedMission = {
      title: "",
      days: 0,
      lines: [
        { category: "Visa", amount: 0.005 },
        { category: "Visa", amount: 0.005 },
        { category: "Avion", amount: 2.01 },
      ],
    };
    expect(totals(hdf, thirds)).toEqual({ real: 2.02, eligible: 2.02, contribution: 1.01, remainder: 1.01 });
  });

  it("caps the eligible total at 2 000 € even when one line alone is under its ceiling", () => {
    const big: WorkedMission = {
      title: "",
      days: 15,
      lines: [
        { category: "Avion", amount: 1500 },
        { category: "Hébergement", amount: 300 },
        { category: "Per diem", amount: 225 },
      ],
    };
    expect(totals(hdf, big)).toEqual({ real: 2025, eligible: 2000, contribution: 1000, remainder: 1025 });
  });
});

describe("days", () => {
  it("are whole numbers ≥ 0, as numbers or text", () => {
    expect(parseDays(10, field("jours"))).toBe(10);
    expect(parseDays(" 18 ", field("jours"))).toBe(18);
    expect(parseDays(0, field("jours"))).toBe(0);
  });

  it.each([-1, 2.5, "dix", "2,5", true, Number.NaN])("refuse %s, naming the argument and row", (value) => {
    expect(() => parseDays(value, field("jours", 3))).toThrow(
      /^Nombre de jours invalide \(jours, ligne 3\) : « .* » — un nombre entier de jours, 0 ou plus$/,
    );
  });
});
