import { describe, expect, it } from "vitest";
import {
  CALL_IDS,
  type CallDefinition,
  callById,
  callOf,
  choicesOf,
  lateFrom,
  loadCall,
  QUESTION_TYPES,
  questionOf,
} from "../../src/core/intake";

describe("the shipped calls", () => {
  it.each(CALL_IDS)("%s validates against the call schema", (id) => {
    const call = callById(id);
    expect(loadCall(call)).toEqual(call);
  });

  it("EXPLOR-2025 offers 6 missions and closes on 15 June 2025 at 23:59:59, Paris summer time", () => {
    const explor = callById("EXPLOR-2025");
    expect(explor.capacity).toBe(6);
    expect(lateFrom(explor).toISOString()).toBe("2025-06-15T22:00:00.000Z");
    expect(explor.eligibility.durationDays).toEqual({ question: "missionDuree", min: 7, max: 15 });
    expect(explor.eligibility.headOffice?.departements).toEqual(["02", "59", "60", "62", "80"]);
  });

  it("EXPLOR-2025 asks the partner's country among the DAC list's French names, then « Autre pays »", () => {
    const choices = choicesOf(questionOf(callById("EXPLOR-2025"), "partenairePays"));
    expect(choices).toHaveLength(142);
    expect(choices.at(-1)).toBe("Autre pays");
    expect(choices).toContain("Maroc");
    expect(choices).toContain("Côte d'Ivoire");
    expect(choices).toContain("Kosovo");
    expect(choices).not.toContain("Chili");
    expect(choices[0]).toBe("Afghanistan");
  });

  it("EXPLOR-2025 offers the 17 ODD as checkboxes", () => {
    const odd = questionOf(callById("EXPLOR-2025"), "projetOdd");
    expect(odd.type).toBe("checkboxes");
    expect(choicesOf(odd)).toHaveLength(17);
    expect(choicesOf(odd)[16]).toBe("ODD 17 – Partenariats pour la réalisation des objectifs");
  });

  it("PAM-2025 takes 8 holders on the three criteria of the PAM (CD62 deliberation of 14/10/2024), with no eligibility rule but the deadline", () => {
    const pam = callById("PAM-2025");
    expect(pam.capacity).toBe(8);
    expect(pam.review.criteria.map((c) => c.label)).toEqual([
      "Cohérence de l'idée de projet",
      "Niveau de maturité du projet",
      "Expérience du porteur",
    ]);
    expect(pam.eligibility).toEqual({});
  });

  it("each call has its own review sheet, EXPLOR-2025's being « Candidatures »", () => {
    const names = CALL_IDS.map((id) => callById(id).review.sheetName);
    expect(new Set(names).size).toBe(CALL_IDS.length);
    expect(callById("EXPLOR-2025").review.sheetName).toBe("Candidatures");
  });

  it("the questions use only the known types", () => {
    for (const id of CALL_IDS) {
      for (const q of callById(id).questions) expect(QUESTION_TYPES).toContain(q.type);
    }
  });

  it("finds a call by id, case-insensitively, and the default for a blank argument", () => {
    expect(callById("explor-2025").id).toBe("EXPLOR-2025");
    expect(callOf("").id).toBe("EXPLOR-2025");
    expect(callOf(undefined).id).toBe("EXPLOR-2025");
    expect(() => callOf("EXPLOR-2026")).toThrow(
      "Appel inconnu (appel) : « EXPLOR-2026 » — appels connus : EXPLOR-2025, PAM-2025",
    );
    expect(() => callOf(2025)).toThrow(/^Appel invalide \(appel\) : « 2025 »/);
  });
});

describe("a call definition that does not hold together is refused, naming the problem", () => {
  const explor = (): CallDefinition => structuredClone(callById("EXPLOR-2025"));

  it.each([
    [
      "a duplicate question id",
      (c: CallDefinition) => c.questions.push({ ...questionOf(c, "associationNom") }),
      /en double/,
    ],
    [
      "a rule citing an unknown question",
      (c: CallDefinition) => {
        c.eligibility.durationDays = { question: "duree", min: 7, max: 15 };
      },
      /question inconnue/,
    ],
    [
      "a closing before the opening",
      (c: CallDefinition) => {
        c.closesAt = "2025-01-01T00:00:00+01:00";
      },
      /ouverture doit précéder/,
    ],
    [
      "a choice question without choices",
      (c: CallDefinition) => {
        delete questionOf(c, "missionObjet").choices;
      },
      /questions à choix/,
    ],
    [
      "a closing time without its offset",
      (c: CallDefinition) => {
        c.closesAt = "2025-06-15T23:59:59";
      },
      /closesAt/,
    ],
    [
      "min duration above max",
      (c: CallDefinition) => {
        c.eligibility.durationDays = { question: "missionDuree", min: 15, max: 7 };
      },
      /durée minimale/,
    ],
    [
      "an unknown DAC list",
      (c: CallDefinition) => {
        questionOf(c, "partenairePays").choices = { dacList: "CAD-2030-2031", other: "Autre pays" };
      },
      /Liste CAD inconnue/,
    ],
  ])("%s", (_what, change, message) => {
    const c = explor();
    change(c);
    expect(() => loadCall(c)).toThrow(message);
  });
});
