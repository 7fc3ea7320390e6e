/**
 * The mission reader's whole-cents path (issue 8's target after issue 12: a sheet's mission of
 * 10 000 lines in a few milliseconds). A mission of Sheets numbers in whole cents, in euros, is
 * assessed in integer cents without an object per line; it must give exactly what the line-by-line
 * reading gives, and leave every other mission (text, float noise, currencies, errors) to it.
 */
import { describe, expect, it } from "vitest";
import { MISSION_B } from "../../dev/fixtures/explor-missions";
import { toCents, toNumber } from "../../src/core/decimal";
import {
  assessedOrThrow,
  assessMission,
  countedLineIndexes,
  eligibleCentsByLine,
  FUNCTION_FIELD_NAMES,
  type MissionReading,
  OTHER_EXPENSE_LABEL,
  type RawMissionLine,
  type RuleSet,
  readMission,
  ruleSetById,
  type Stage,
} from "../../src/core/explor";

const hdf = ruleSetById("EXPLOR-HDF-2025");
const aura = ruleSetById("EXPLOR-AURA");
const options = (stage: Stage = "previsionnel") => ({ names: FUNCTION_FIELD_NAMES, stage });

/** True when the reading came by the whole-cents path (its lines are read when first asked for). */
function inCents(reading: MissionReading): boolean {
  return typeof Object.getOwnPropertyDescriptor(reading, "lines")?.get === "function";
}

/** A repeatable pseudo-random sequence. */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % n;
  };
}

/** Labels as people type them: labels, aliases, a typo, a gift, « Autre dépense », blank. */
function labelsOf(ruleSet: RuleSet): string[] {
  return [
    ...ruleSet.categories.flatMap((c) => [c.label, ...c.aliases.slice(0, 1)]),
    "Trasnport",
    "Cadeaux",
    OTHER_EXPENSE_LABEL,
    "",
  ];
}

function randomMission(ruleSet: RuleSet, seed: number, stage: Stage): RawMissionLine[] {
  const next = generator(seed);
  const labels = labelsOf(ruleSet);
  const count = 1 + next(60);
  // Small or large amounts, so that some missions stay under the mission cap and others go over.
  const maxCents = [3_000, 40_000, 300_000][next(3)] as number;
  return Array.from({ length: count }, () => {
    const category = labels[next(labels.length)] as string;
    const amount = next(30) === 0 ? "" : next(maxCents + 1) / 100;
    const days = next(4) === 0 ? next(25) : "";
    const receipt = stage === "final" ? [true, false, "VRAI", "FAUX", ""][next(5)] : undefined;
    return { category, amount, days, receipt };
  });
}

/** What the line-by-line reading gives: each counted line's eligible cents, and the totals. */
function lineByLine(ruleSet: RuleSet, reading: MissionReading) {
  const lines = reading.lines.flatMap((l) => (l.line ? [l.line] : []));
  const a = assessMission(ruleSet, lines);
  return {
    counted: reading.lines.map((l) => (l.line ? lines.indexOf(l.line) : -1)),
    eligible: a.lines.map((l) => toCents(l.eligible)),
    totals: {
      real: toNumber(a.real),
      eligibleBeforeCap: toNumber(a.eligibleBeforeCap),
      eligible: toNumber(a.eligible),
      capObservation: a.capObservation,
      contribution: a.contribution,
      remainder: a.remainder,
    },
  };
}

describe("mission en centimes entiers : le même résultat que la lecture ligne par ligne", () => {
  for (const ruleSet of [hdf, aura]) {
    for (const stage of ["previsionnel", "final"] as const) {
      it(`${ruleSet.id}, ${stage} : 200 missions tirées au hasard (catégories, alias, fautes, jours, justificatifs)`, () => {
        let taken = 0;
        for (let seed = 1; seed <= 200; seed++) {
          const raws = randomMission(ruleSet, seed, stage);
          const reading = readMission(ruleSet, raws, options(stage));
          if (!inCents(reading)) continue;
          taken++;
          const a = assessedOrThrow(reading);
          const expected = lineByLine(ruleSet, reading);
          expect(Array.from(countedLineIndexes(reading)), `mission ${seed}`).toEqual(expected.counted);
          expect(Array.from(eligibleCentsByLine(a)), `mission ${seed}`).toEqual(expected.eligible);
          expect(
            {
              real: toNumber(a.real),
              eligibleBeforeCap: toNumber(a.eligibleBeforeCap),
              eligible: toNumber(a.eligible),
              capObservation: a.capObservation,
              contribution: a.contribution,
              remainder: a.remainder,
            },
            `mission ${seed}`,
          ).toEqual(expected.totals);
          // The lines, with their observations, are there when asked for (décompte, calculator).
          expect(a.lines).toHaveLength(expected.eligible.length);
        }
        // Days alone on a daily line go the general way; most missions do not.
        expect(taken).toBeGreaterThan(100);
      });
    }
  }

  it("deux hôtels de 200 € et 150 € : 200 € puis 100 €, 300 € par mission, prise en charge 150 €", () => {
    const reading = readMission(
      hdf,
      [
        { category: "Hôtel", amount: 200 },
        { category: "Hôtel", amount: 150 },
      ],
      options(),
    );
    expect(inCents(reading)).toBe(true);
    const a = assessedOrThrow(reading);
    expect(Array.from(eligibleCentsByLine(a))).toEqual([20_000, 10_000]);
    expect(a.contribution).toBe(15_000);
    // (formatEuros writes a narrow no-break space before €.)
    expect(a.lines[1]?.observation).toMatch(/^plafond de la catégorie atteint : 300,00\s€ par mission$/);
  });

  it("mission B (DOMAIN.md §2, 18 jours) : 2 417 € éligibles, retenus 2 000 €, prise en charge 1 000 €", () => {
    const reading = readMission(
      hdf,
      MISSION_B.lines.map((l) => ({ ...l, days: l.category === "Per diem" ? MISSION_B.days : "" })),
      options(),
    );
    expect(inCents(reading)).toBe(true);
    const a = assessedOrThrow(reading);
    expect([toNumber(a.real), toNumber(a.eligibleBeforeCap), toNumber(a.eligible)]).toEqual([
      2997, 2417, 2000,
    ]);
    expect(a.contribution).toBe(100_000);
    expect(a.remainder).toBe(199_700);
  });
});

describe("zéro négatif", () => {
  it("un montant -0 (=0*-1 dans une feuille) vaut 0 €, pas -0", () => {
    const reading = readMission(hdf, [{ category: "Visa", amount: -0 }], options());
    expect(inCents(reading)).toBe(true);
    const a = assessedOrThrow(reading);
    expect(Object.is(eligibleCentsByLine(a)[0], 0)).toBe(true);
    expect(Object.is(toNumber(a.real), 0)).toBe(true);
  });
});

describe("mission hors centimes entiers : la lecture ligne par ligne, avec ses erreurs", () => {
  it("cinq nuitées de 20,13 € additionnées dans Sheets (100,64999999999999) : 100,65 €, prise en charge 50,33 €", () => {
    const reading = readMission(hdf, [{ category: "Hébergement", amount: 5 * 20.13 }], options());
    expect(inCents(reading)).toBe(false);
    expect(assessedOrThrow(reading).contribution).toBe(5_033);
  });

  it("0,125 € est gardé exact et arrondi une seule fois : deux lignes font 0,25 €, prise en charge 0,13 €", () => {
    const reading = readMission(
      hdf,
      [
        { category: "Visa", amount: 0.125 },
        { category: "Visa", amount: 0.125 },
      ],
      options(),
    );
    expect(inCents(reading)).toBe(false);
    expect(assessedOrThrow(reading).contribution).toBe(13);
  });

  it("un montant en texte, une devise, un montant invalide : lus ligne par ligne", () => {
    expect(inCents(readMission(hdf, [{ category: "Visa", amount: "60,00 €" }], options()))).toBe(false);
    const foreign = readMission(
      hdf,
      [{ category: "Visa", amount: 600, currency: "MAD", rate: 10, month: "2025-07" }],
      options(),
    );
    expect(inCents(foreign)).toBe(false);
    expect(assessedOrThrow(foreign).contribution).toBe(3_000);
    const bad = readMission(
      hdf,
      [
        { category: "Visa", amount: 60 },
        { category: "Visa", amount: "abc" },
      ],
      options(),
    );
    expect(() => assessedOrThrow(bad)).toThrow("Montant invalide (montants, ligne 2) : « abc »");
  });

  it("un justificatif illisible au décompte final : l'erreur en français, ligne nommée", () => {
    const reading = readMission(
      hdf,
      [
        { category: "Visa", amount: 60, receipt: true },
        { category: "Visa", amount: 10, receipt: "peut-être" },
      ],
      options("final"),
    );
    expect(() => assessedOrThrow(reading)).toThrow(
      "Justificatif invalide (justificatifs, ligne 2) : « peut-être » — VRAI si le justificatif est fourni, FAUX sinon",
    );
  });

  it("deux lignes de 600 000 000 000 € : « Total trop grand » nomme la ligne 2", () => {
    const reading = readMission(
      hdf,
      [
        { category: "Avion", amount: 600_000_000_000 },
        { category: "Avion", amount: 600_000_000_000 },
      ],
      options(),
    );
    expect(() => assessedOrThrow(reading)).toThrow(
      "Total trop grand (montants, ligne 2) : « 600000000000 » — la somme des montants dépasse 1 000 000 000 000 €",
    );
  });
});
