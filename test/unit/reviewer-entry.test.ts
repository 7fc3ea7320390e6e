import { describe, expect, it } from "vitest";
import { callById } from "../../src/core/intake/calls";
import { STATUSES } from "../../src/core/intake/review";
import { type ReviewerDraft, readReviewerEntry } from "../../src/core/intake/reviewer-entry";

const call = callById("EXPLOR-2025");
const rules = { criteria: call.review.criteria, maxScore: call.review.maxScore, statuses: STATUSES };
const draft = (fields: Partial<ReviewerDraft> = {}): ReviewerDraft => ({
  statut: "Retenue",
  instructeur: " Awa D. ",
  notes: ["4", 3, "", null],
  decision: "Retenue sous réserve du budget",
  commentaire: "",
  ...fields,
});
const problems = (d: ReviewerDraft) => {
  const read = readReviewerEntry(rules, d);
  return "problems" in read ? read.problems.map((p) => [p.field, p.error.message]) : [];
};

describe("what a reviewer enters, read once for the dashboard's page and its server", () => {
  it("takes scores typed or sent as numbers, blank for none yet, texts trimmed", () => {
    expect(readReviewerEntry(rules, draft())).toEqual({
      entry: {
        status: "Retenue",
        instructor: "Awa D.",
        scores: [4, 3, null, null],
        decision: "Retenue sous réserve du budget",
        comment: "",
      },
    });
  });

  it("gathers every problem, each on its field, in French", () => {
    expect(
      problems(draft({ statut: "Acceptée", notes: ["7", "2,5", "", "-1"], commentaire: "x".repeat(5001) })),
    ).toEqual([
      ["statut", "Statut hors de la liste (Statut) : « Acceptée » — choisissez-en un dans la liste"],
      [
        "commentaire",
        `Texte trop long, au plus 5 000 caractères (5 001 saisis) (Commentaire interne) : « ${"x".repeat(77)}… »`,
      ],
      ["note-0", "Note invalide, attendu un entier de 0 à 5 (Besoin identifié avec le partenaire) : « 7 »"],
      ["note-1", "Note invalide, attendu un entier de 0 à 5 (Qualité du partenariat) : « 2,5 »"],
      ["note-3", "Note invalide, attendu un entier de 0 à 5 (Faisabilité (calendrier, budget)) : « -1 »"],
    ]);
  });

  it("wants one score per criterion", () => {
    expect(problems(draft({ notes: [4, 4] }))).toEqual([
      ["notes", "4 note(s) attendue(s), une par critère (notes) : « 2 note(s) »"],
    ]);
  });
});
