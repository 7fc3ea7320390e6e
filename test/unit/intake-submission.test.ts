import { describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS, PAM_ANSWERS } from "../../dev/fixtures/intake-samples";
import {
  answersFromNamedValues,
  callById,
  hasAnswers,
  keyParts,
  parseSubmission,
  responseKey,
  validateSubmission,
} from "../../src/core/intake";

const explor = () => callById("EXPLOR-2025");
const received = "15/06/2025 23:59:59";

function errorsOf(changes: Record<string, unknown>): readonly string[] {
  const r = validateSubmission(explor(), {
    receivedAt: received,
    answers: { ...EXPLOR_ANSWERS, ...changes },
  });
  return r.ok ? [] : r.errors;
}

describe("a submission typed by its call", () => {
  it("types each answer the way its question says", () => {
    const s = parseSubmission(explor(), { receivedAt: received, answers: EXPLOR_ANSWERS });
    expect(s.receivedAt.toISOString()).toBe("2025-06-15T21:59:59.000Z");
    expect(s.email).toBe("claire.martin@artois-sahel.fr");
    expect(s.answers).toMatchObject({
      associationNom: "Solidarité Artois–Sahel",
      missionDuree: 10,
      budgetTotal: 1497,
      besoinIdentifie: true,
      dejaBeneficiaire: false,
      missionDebut: "2025-10-06",
      projetThematiques: ["Agriculture", "Éducation"],
      projetOdd: ["ODD 2 – Faim « zéro »", "ODD 9 – Industrie, innovation et infrastructure"],
    });
    expect(s.answers).not.toHaveProperty("nouveauProjet");
  });

  it("gives the same typed answers from the responses sheet's values (numbers, Dates, lists)", () => {
    const fromEvent = parseSubmission(explor(), { receivedAt: received, answers: EXPLOR_ANSWERS });
    const fromSheet = parseSubmission(explor(), {
      receivedAt: new Date("2025-06-15T21:59:59Z"),
      answers: {
        ...EXPLOR_ANSWERS,
        associationCodePostal: 62000,
        missionDuree: 10,
        budgetTotal: 1497,
        missionDebut: new Date("2025-10-05T22:00:00Z"),
        missionFin: new Date("2025-10-14T22:00:00Z"),
        projetThematiques: ["Agriculture", "Éducation"],
        partenaireVille: new Date("2025-10-05T22:00:00Z"),
      },
    });
    expect(fromSheet.answers).toEqual({ ...fromEvent.answers, partenaireVille: "06/10/2025" });
  });

  it("accepts a PAM registration with the same code", () => {
    const s = parseSubmission(callById("PAM-2025"), {
      receivedAt: "01/12/2024 10:00:00",
      answers: PAM_ANSWERS,
    });
    expect(s.answers).toMatchObject({
      structureNom: "MJC de Lens",
      experienceMobilite: false,
      destination: "En Europe",
    });
  });

  it("lists every problem in French, naming the question and the value", () => {
    expect(
      errorsOf({
        associationNom: "",
        contactEmail: "claire-at-asso",
        missionDuree: "7,5",
        partenairePays: "Groland",
        projetOdd: "ODD 18 – Bonheur",
        besoinIdentifie: "peut-être",
        associationCodePostal: "620",
        missionDebut: "bientôt",
        budgetTotal: "-5",
      }),
    ).toEqual([
      "« Nom de l'association » : réponse obligatoire",
      "« Code postal du siège » : Indiquez un code postal à 5 chiffres. (reçu « 620 »)",
      "« Adresse e-mail de contact » : attendu une adresse e-mail, reçu « claire-at-asso »",
      "« Pays du partenaire » : attendu un des choix proposés, reçu « Groland »",
      "« Objectifs de développement durable (ODD) visés » : choix inconnu « ODD 18 – Bonheur », reçu « ODD 18 – Bonheur »",
      "« Date de début prévue » : attendu une date comme 10/07/2025, reçu « bientôt »",
      "« Durée de la mission (jours) » : Indiquez un nombre entier de jours. (reçu « 7,5 »)",
      "« Le besoin d'expertise a-t-il été identifié avec le partenaire local ? » : attendu Oui ou Non, reçu « peut-être »",
      "« Budget total indicatif de la mission (€) » : Indiquez un montant positif en euros. (reçu « -5 »)",
    ]);
  });

  it("accepts « Autre pays », or a known country edited in the sheet: eligibility judges it, not the form", () => {
    expect(errorsOf({ partenairePays: "Autre pays" })).toEqual([]);
    expect(errorsOf({ partenairePays: "Chili" })).toEqual([]);
  });

  it("refuses answers that are not an object, in French", () => {
    const r = validateSubmission(explor(), {
      receivedAt: received,
      answers: "x" as unknown as Record<string, unknown>,
    });
    expect(r).toEqual({ ok: false, errors: ["réponses attendues sous forme d'objet par question"] });
  });

  it("throws one InputError listing the problems, with the call's id", () => {
    expect(() =>
      parseSubmission(explor(), { receivedAt: "hier", answers: { ...EXPLOR_ANSWERS, contactNom: "" } }),
    ).toThrow(
      "Candidature invalide pour l'appel EXPLOR-2025 — Date invalide (horodatage) : « hier » — attendu une date comme 15/06/2025 23:59:59 ; « Nom et prénom de la personne à contacter » : réponse obligatoire",
    );
  });

  it("tells an event with no answers", () => {
    expect(hasAnswers({})).toBe(false);
    expect(hasAnswers({ associationNom: "", projetOdd: [""] })).toBe(false);
    expect(hasAnswers({ associationNom: "x" })).toBe(true);
  });

  it("maps a form event's namedValues (by question label) to question ids", () => {
    const call = explor();
    const namedValues: Record<string, string[]> = { Horodateur: [received], "Adresse e-mail": ["x@y.fr"] };
    for (const q of call.questions) namedValues[q.label] = [String(EXPLOR_ANSWERS[q.id] ?? "")];
    const answers = answersFromNamedValues(call, namedValues);
    expect(answers).toEqual(
      Object.fromEntries(call.questions.map((q) => [q.id, EXPLOR_ANSWERS[q.id] ?? ""])),
    );
  });
});

describe("the response key", () => {
  const base = () => parseSubmission(explor(), { receivedAt: received, answers: EXPLOR_ANSWERS });

  it("is the Form response id when known", () => {
    const s = parseSubmission(explor(), {
      receivedAt: received,
      answers: EXPLOR_ANSWERS,
      responseId: "2_ABaOnud1",
    });
    expect(s.key).toBe("2_ABaOnud1");
  });

  it("is otherwise the second received (UTC), the email and a hash of the answers", () => {
    expect(base().key).toMatch(/^2025-06-15T21:59:59Z\|claire\.martin@artois-sahel\.fr\|[0-9a-f]{8}$/);
  });

  it("is stable: the same response delivered twice, or read back from the sheet, gives the same key", () => {
    const again = parseSubmission(explor(), {
      receivedAt: new Date("2025-06-15T21:59:59.400Z"),
      answers: {
        ...EXPLOR_ANSWERS,
        missionDuree: 10,
        budgetTotal: 1497,
        contactEmail: " claire.martin@artois-sahel.fr ",
      },
    });
    expect(again.key).toBe(base().key);
  });

  it("differs when an answer, the email or the second differs", () => {
    const keys = new Set([
      base().key,
      parseSubmission(explor(), { receivedAt: received, answers: { ...EXPLOR_ANSWERS, missionDuree: "11" } })
        .key,
      parseSubmission(explor(), {
        receivedAt: received,
        answers: { ...EXPLOR_ANSWERS, contactEmail: "a@b.fr" },
      }).key,
      parseSubmission(explor(), { receivedAt: "16/06/2025 00:00:00", answers: EXPLOR_ANSWERS }).key,
    ]);
    expect(keys.size).toBe(4);
  });

  it("says back the second and the e-mail it was made of; a Form response id has no parts", () => {
    const key = responseKey({
      receivedAt: new Date("2025-06-01T10:00:00.400+02:00"),
      answers: {},
      email: " A@B.fr ",
    });
    expect(keyParts(key)).toEqual({
      second: "2025-06-01T08:00:00Z",
      email: "a@b.fr",
      answersHash: key.slice(-8),
    });
    expect(keyParts("2_ABaOnud0")).toBeUndefined();
  });

  it("does not depend on the order of the answers", () => {
    const a = { receivedAt: new Date(0), answers: { x: "1", y: 2 } };
    expect(responseKey(a)).toBe(responseKey({ receivedAt: new Date(0), answers: { y: 2, x: "1" } }));
  });
});
