import { describe, expect, it } from "vitest";
import { MISSION_A, MISSION_B, type WorkedMission } from "../../dev/fixtures/explor-missions";
import { type Decimal, toNumber } from "../../src/core/decimal";
import { field, InputError } from "../../src/core/errors";
import {
  assessedOrThrow,
  DEFAULT_RULE_SET_ID,
  findCategory,
  type LineCeiling,
  lineCeiling,
  loadRuleSet,
  type MissionFieldNames,
  parseDays,
  type RawMissionLine,
  RULE_SET_IDS,
  type RuleSet,
  type RuleSetDefinition,
  readMission,
  ruleSetById,
  ruleSetOf,
  type Stage,
  suggestCategories,
} from "../../src/core/explor";
import { EXPLOR_HDF_2025 } from "../../src/core/explor/hdf-2025";

const hdf = ruleSetById("EXPLOR-HDF-2025");
const aura = ruleSetById("EXPLOR-AURA");
const NAMES: MissionFieldNames = {
  category: "categorie",
  amount: "montant",
  currency: "devise",
  rate: "taux",
  month: "mois",
  days: "jours",
  receipt: "justificatif",
  receiptDate: "date du justificatif",
  receiptAmount: "montant du justificatif",
};

function euros(d: Decimal | LineCeiling): number | string {
  return d === "none" ? "none" : toNumber(d);
}

function amountOf(amount: number | string | undefined): unknown {
  return amount === undefined ? "" : amount;
}

/** A mission of raw lines through the core's one reader, line by line and its totals. */
function mission(ruleSet: RuleSet, raws: readonly RawMissionLine[], stage: Stage = "previsionnel") {
  const a = assessedOrThrow(readMission(ruleSet, raws, { names: NAMES, stage }));
  return {
    lines: a.lines.map((l) => ({
      real: euros(l.real),
      ceiling: euros(l.ceiling),
      eligible: euros(l.eligible),
      observation: l.observation,
    })),
    real: toNumber(a.real),
    eligibleBeforeCap: toNumber(a.eligibleBeforeCap),
    eligible: toNumber(a.eligible),
    capObservation: a.capObservation,
    contribution: a.contribution / 100,
    remainder: a.remainder / 100,
  };
}

/** One line alone in its mission (a single cell): min(amount, ceiling). */
function line(ruleSet: RuleSet, name: string, amount?: number | string, days?: number) {
  return mission(ruleSet, [{ category: name, amount: amountOf(amount), days: days ?? "" }]).lines[0];
}

function totals(ruleSet: RuleSet, worked: WorkedMission) {
  const t = mission(
    ruleSet,
    worked.lines.map((l) => ({ category: l.category, amount: amountOf(l.amount), days: worked.days })),
  );
  return { real: t.real, eligible: t.eligible, contribution: t.contribution, remainder: t.remainder };
}

const atCeiling = (amount: string) => `plafond de la catégorie atteint : ${amount} par mission`;
const NBSP = "\u00a0";

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
      observation: "non pris en charge — libellé hors Annexe 2",
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
      observation: atCeiling(`1\u202f500,00${NBSP}€`),
    });
    expect(line(hdf, "Assurance", 52)).toMatchObject({ eligible: 52, observation: "" });
    expect(line(hdf, "Assurance", 52.01)).toMatchObject({
      eligible: 52,
      observation: atCeiling(`52,00${NBSP}€`),
    });
    expect(line(hdf, "Visa", 59.99)).toMatchObject({ eligible: 59.99, observation: "" });
  });

  it("keeps the amount exactly as given", () => {
    expect(line(hdf, "Visa", "12,345")).toMatchObject({ real: 12.345, eligible: 12.345 });
  });

  it("per diem: 15 or 16 days, 0 days", () => {
    expect(line(hdf, "Per diem", 225, 15)).toMatchObject({ eligible: 225, observation: "" });
    expect(line(hdf, "Per diem", 240, 16)).toMatchObject({
      ceiling: 225,
      eligible: 225,
      observation: `${atCeiling(`225,00${NBSP}€`)} (15,00${NBSP}€ × 15 jours)`,
    });
    expect(line(hdf, "Per diem", 30, 0)).toMatchObject({
      ceiling: 0,
      eligible: 0,
      observation: `${atCeiling(`0,00${NBSP}€`)} (15,00${NBSP}€ × 0 jour)`,
    });
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

describe("category names as people type them (issue 12 §2)", () => {
  it.each([
    ["Vaccin", "vaccins"],
    ["Médicaments", "vaccins"],
    ["medicament", "vaccins"],
    ["Vaccins & médicaments", "vaccins"],
    ["Avion", "avion"],
    ["transport du domicile à l’aéroport", "avion"],
    ["Billets d'avion", "avion"],
    ["Taxi", "transports_locaux"],
    ["taxis", "transports_locaux"],
    ["Location de véhicule", "transports_locaux"],
    ["Chauffeur", "transports_locaux"],
    ["Transport en commun", "transports_locaux"],
    ["transport local", "transports_locaux"],
    ["Nuitée", "hebergement"],
    ["nuitees", "hebergement"],
    ["Hôtel", "hebergement"],
    ["Per-diem", "per_diem"],
    ["« Visa »", "visa"],
    ["Visas", "visa"],
    ["Assurance voyage", "assurance"],
  ])("« %s » is %s", (name, key) => {
    expect(findCategory(hdf, name)?.key).toBe(key);
  });

  it("ignores the Unicode form: Hébergement composed (NFC) or decomposed (NFD)", () => {
    expect(findCategory(hdf, "Hébergement".normalize("NFD"))?.key).toBe("hebergement");
    expect(findCategory(hdf, "HÉBERGEMENTS".normalize("NFC"))?.key).toBe("hebergement");
  });

  it("suggests a close category without applying it: a typo, or a shared word", () => {
    expect(suggestCategories(hdf, "Vsia")).toEqual(["Visa"]);
    expect(suggestCategories(hdf, "Hebergment")).toEqual(["Hébergement"]);
    expect(suggestCategories(hdf, "Transport")).toEqual([
      "Avion + transport du domicile à l'aéroport",
      "Transports locaux",
    ]);
    expect(suggestCategories(hdf, "Cadeaux partenaires")).toEqual([]);
    expect(line(hdf, "Vsia", 50)).toEqual({
      real: 50,
      ceiling: 0,
      eligible: 0,
      observation: "non pris en charge — libellé hors Annexe 2 ; voulez-vous dire « Visa » ?",
    });
  });

  it("reads « Autre dépense (non prise en charge) », the dropdown's last choice, as not covered", () => {
    expect(line(hdf, "Autre dépense (non prise en charge)", 40)).toMatchObject({
      eligible: 0,
      observation: "non pris en charge — libellé hors Annexe 2",
    });
  });
});

describe("ceilings per category and per mission (issue 12 §1)", () => {
  it("two hotel receipts 200 + 150 € → 300 € eligible → 150,00 € paid, the ceiling used up top down", () => {
    const m = mission(hdf, [
      { category: "Hébergement", amount: 200 },
      { category: "Hôtel", amount: 150 },
    ]);
    expect(m.lines.map((l) => l.eligible)).toEqual([200, 100]);
    expect(m.lines[1]?.observation).toBe(atCeiling(`300,00${NBSP}€`));
    expect(m).toMatchObject({ real: 350, eligible: 300, contribution: 150, remainder: 200 });
  });

  it("per diem: 15 € × min(days, 15) for the mission; days line by line do not add up", () => {
    const m = mission(hdf, [
      { category: "Per diem", amount: 90, days: 6 },
      { category: "Per diem", amount: 90, days: 10 },
    ]);
    expect(m.lines.map((l) => l.eligible)).toEqual([90, 60]);
    expect(m.eligible).toBe(150);
  });

  it("says where the mission cap applies", () => {
    const m = totals(hdf, MISSION_B);
    expect(m.eligible).toBe(2000);
    const full = mission(
      hdf,
      MISSION_B.lines.map((l) => ({ category: l.category, amount: l.amount, days: MISSION_B.days })),
    );
    expect(full.eligibleBeforeCap).toBe(2417);
    expect(full.capObservation).toBe(
      `plafond de la mission : 2\u202f000,00${NBSP}€ éligibles sur 2\u202f417,00${NBSP}€`,
    );
  });

  it("5 × 20,13 € of hotel as Sheets adds it (100.64999999999999) → 50,33 € paid", () => {
    expect(5 * 20.13).toBe(100.64999999999999);
    expect(mission(hdf, [{ category: "Hébergement", amount: 5 * 20.13 }]).contribution).toBe(50.33);
  });

  it("a sum over 1 000 000 000 000 € is a French error naming the line, not a RangeError", () => {
    const lines = Array.from({ length: 200 }, () => ({ category: "Visa", amount: 999_999_999_999 }));
    expect(() => mission(hdf, lines)).toThrow(
      "Total trop grand (montant, ligne 2) : « 999999999999 » — la somme des montants dépasse 1\u00a0000\u00a0000\u00a0000\u00a0000 €".replace(
        /\u00a0/g,
        " ",
      ),
    );
  });
});

describe("receipts: who must prove what (issue 12 §3)", () => {
  it("is data: Lianes buys the flight and the insurance, the per diem is flat, the rest needs a receipt", () => {
    expect(Object.fromEntries(hdf.categories.map((c) => [c.key, c.proof]))).toEqual({
      avion: "programme",
      transports_locaux: "receipt",
      per_diem: "flat",
      visa: "receipt",
      hebergement: "receipt",
      vaccins: "receipt",
      assurance: "programme",
    });
  });

  it("in the final décompte, a line that needs a receipt and lacks one is not reimbursed", () => {
    const raws: RawMissionLine[] = [
      { category: "Avion", amount: 800, receipt: false },
      { category: "Taxi", amount: 50, receipt: false },
      { category: "Taxi", amount: 30, receipt: true },
      { category: "Per diem", amount: 150, days: 10, receipt: "" },
    ];
    const final = mission(hdf, raws, "final");
    expect(final.lines.map((l) => [l.eligible, l.observation])).toEqual([
      [800, ""],
      [0, "justificatif incomplet — non remboursable"],
      [30, ""],
      [150, ""],
    ]);
    expect(mission(hdf, raws).lines.map((l) => l.eligible)).toEqual([800, 50, 30, 150]);
  });

  it("refuses a receipt cell that is neither VRAI nor FAUX", () => {
    expect(() => mission(hdf, [{ category: "Visa", amount: 50, receipt: "peut-être" }], "final")).toThrow(
      "Justificatif invalide (justificatif, ligne 1) : « peut-être » — VRAI si le justificatif est fourni, FAUX sinon",
    );
  });
});

describe("a mission of many different labels off Annexe 2", () => {
  it("flags each one quickly: suggestions for the first 500 labels, the flag for all", () => {
    const raws = Array.from({ length: 10_000 }, (_, i) => ({
      category: `Dépense diverse n°${i}`,
      amount: 1,
    }));
    const start = performance.now();
    const m = mission(hdf, raws);
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(m.lines.every((l) => l.observation.startsWith("non pris en charge — libellé hors Annexe 2"))).toBe(
      true,
    );
    expect(m.eligible).toBe(0);
  });
});
