import { describe, expect, it } from "vitest";
import { assessEligibility, callById, type EligibilityFacts } from "../../src/core/intake";

const explor = () => callById("EXPLOR-2025");

/** An eligible EXPLOR application, on time by one second: each test changes one fact. */
const eligible: EligibilityFacts = {
  departement: "62000",
  country: "Sénégal",
  alreadyFunded: "Non",
  newProject: "",
  durationDays: 10,
  submittedAt: "15/06/2025 23:59:59",
};

const textOf = (changes: EligibilityFacts = {}) =>
  assessEligibility(explor(), { ...eligible, ...changes }).text;

describe("EXPLOR 2025 eligibility, reason by reason", () => {
  it("is eligible with a head office in the Pas-de-Calais, a partner in Senegal, 10 days, on time", () => {
    expect(textOf()).toBe("Éligible");
  });

  it.each(["02", "59", "60", "62", "80", 59, "Somme", "Aisne", "60000", 2000])(
    "%j is in Hauts-de-France",
    (d) => {
      expect(textOf({ departement: d })).toBe("Éligible");
    },
  );

  it.each(["75", "75001", "Paris", 69, "2A", "971"])("%j is outside Hauts-de-France", (d) => {
    expect(textOf({ departement: d })).toBe("Non éligible : siège hors Hauts-de-France");
  });

  it("refuses a partner country not on the DAC list", () => {
    expect(textOf({ country: "Chili" })).toBe("Non éligible : pays partenaire hors liste CAD");
  });

  it("names an unknown partner country and « Autre pays »", () => {
    expect(textOf({ country: "Autre pays" })).toBe("Non éligible : pays partenaire inconnu (« Autre pays »)");
    expect(textOf({ country: " Atlantide " })).toBe("Non éligible : pays partenaire inconnu (« Atlantide »)");
  });

  it("refuses an association already funded without a new project; blank new project means Non", () => {
    const reason = "Non éligible : déjà financée par EXPLOR sans nouveau projet";
    expect(textOf({ alreadyFunded: "Oui", newProject: "Non" })).toBe(reason);
    expect(textOf({ alreadyFunded: true, newProject: false })).toBe(reason);
    expect(textOf({ alreadyFunded: "oui", newProject: "" })).toBe(reason);
    expect(textOf({ alreadyFunded: "Oui", newProject: undefined })).toBe(reason);
    expect(textOf({ alreadyFunded: "Oui", newProject: "Oui" })).toBe("Éligible");
    expect(textOf({ alreadyFunded: true, newProject: true })).toBe("Éligible");
    expect(textOf({ alreadyFunded: false, newProject: "" })).toBe("Éligible");
  });

  it.each([
    [7, "Éligible"],
    [15, "Éligible"],
    ["12", "Éligible"],
    [6, "Non éligible : durée hors 7–15 jours"],
    [16, "Non éligible : durée hors 7–15 jours"],
    [21, "Non éligible : durée hors 7–15 jours"],
    [0, "Non éligible : durée hors 7–15 jours"],
  ])("a mission of %j days: %s", (days, text) => {
    expect(textOf({ durationDays: days })).toBe(text);
  });

  it("is late from 16/06/2025 00:00:00 Paris (summer time, UTC+2), on time one second before", () => {
    const late = "Non éligible : candidature hors délai";
    expect(textOf({ submittedAt: "15/06/2025 23:59:59" })).toBe("Éligible");
    expect(textOf({ submittedAt: "16/06/2025 00:00:00" })).toBe(late);
    expect(textOf({ submittedAt: new Date("2025-06-15T21:59:59.999Z") })).toBe("Éligible");
    expect(textOf({ submittedAt: new Date("2025-06-15T22:00:00Z") })).toBe(late);
    expect(textOf({ submittedAt: "2025-06-15T23:59:59" })).toBe("Éligible");
    expect(textOf({ submittedAt: "2025-06-16T00:00:00" })).toBe(late);
    expect(textOf({ submittedAt: "2025-06-15T22:00:00Z" })).toBe(late);
    expect(textOf({ submittedAt: "15/06/2025" })).toBe("Éligible");
    expect(textOf({ submittedAt: "16/06/2025" })).toBe(late);
  });

  it("does not check the deadline when the date is blank", () => {
    const result = assessEligibility(explor(), { ...eligible, submittedAt: "" });
    expect(result.text).toBe("Éligible");
    expect(result.late).toBeUndefined();
  });

  it("gives every failed reason, in the contract's order", () => {
    expect(
      textOf({
        departement: "Paris",
        country: "Chili",
        alreadyFunded: "Oui",
        newProject: "Non",
        durationDays: 21,
        submittedAt: "16/06/2025 00:00:00",
      }),
    ).toBe(
      "Non éligible : siège hors Hauts-de-France ; pays partenaire hors liste CAD ; déjà financée par EXPLOR sans nouveau projet ; durée hors 7–15 jours ; candidature hors délai",
    );
  });

  it("returns the facts it read", () => {
    const r = assessEligibility(explor(), { ...eligible, country: "cote d ivoire" });
    expect(r).toMatchObject({
      eligible: true,
      reasons: [],
      late: false,
      departement: { code: "62", name: "Pas-de-Calais" },
      country: "CIV",
      onDacList: true,
      durationDays: 10,
    });
  });
});

describe("EXPLOR 2025 eligibility errors name the argument and the value", () => {
  it.each([
    [{ departement: "Picardie" }, /^Département inconnu \(departement\) : « Picardie »/],
    [{ departement: "" }, /^Département manquant \(departement\) : « » \(vide\)/],
    [{ country: "" }, /^Pays manquant \(pays\) : « » \(vide\)/],
    [
      { alreadyFunded: "" },
      /^Réponse oui\/non manquante \(deja_beneficiaire\) : « » \(vide\) — attendu Oui ou Non$/,
    ],
    [{ alreadyFunded: "peut-être" }, /^Réponse oui\/non invalide \(deja_beneficiaire\) : « peut-être »/],
    [{ newProject: "bof" }, /^Réponse oui\/non invalide \(nouveau_projet\) : « bof »/],
    [
      { durationDays: "dix" },
      /^Durée invalide \(duree_jours\) : « dix » — attendu un nombre entier de jours$/,
    ],
    [{ durationDays: 7.5 }, /^Durée invalide \(duree_jours\) : « 7.5 »/],
    [{ durationDays: -3 }, /^Durée invalide \(duree_jours\) : « -3 »/],
    [{ submittedAt: "demain" }, /^Date invalide \(date_depot\) : « demain »/],
  ] as const)("%j", (changes, message) => {
    expect(() => textOf(changes)).toThrow(message);
  });
});

describe("a call without EXPLOR's rules", () => {
  it("PAM-2025 checks the deadline only (6 December 2024 at midnight, winter time)", () => {
    const pam = callById("PAM-2025");
    expect(assessEligibility(pam, { submittedAt: "06/12/2024 23:59:59" }).text).toBe("Éligible");
    expect(assessEligibility(pam, { submittedAt: new Date("2024-12-06T23:00:00Z") }).text).toBe(
      "Non éligible : candidature hors délai",
    );
    expect(assessEligibility(pam, { departement: "Picardie", country: "" }).text).toBe("Éligible");
  });
});
