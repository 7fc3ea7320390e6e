import { describe, expect, it } from "vitest";
import type { CallDefinition } from "../../src/core/intake/call-schema";
import { EXPLOR_2025 } from "../../src/core/intake/explor-2025";
import {
  APPLICATION_TITLE,
  applicationChoice,
  applicationNumberOf,
  COMMENT_TITLE,
  CONFLICT_TITLE,
  scoreTitle,
} from "../../src/core/jury/evaluation-form";
import {
  EMAIL_TITLE,
  type Evaluation,
  readEvaluations,
  TIMESTAMP_TITLE,
} from "../../src/core/jury/evaluations";
import { readMembers } from "../../src/core/jury/members";
import { committeeRanking, juryResults, missingEvaluations, reminderText } from "../../src/core/jury/results";

// EXPLOR 2025: besoin ×2, partenariat, ODD, faisabilité ×1 (Σ 5), notes de 0 à 5.
const call = EXPLOR_2025;
const awa = { name: "Awa Diallo", email: "awa@lianes.org", organisation: "Lianes coopération" };
const marc = { name: "Marc Leroy", email: "marc@region.fr", organisation: "Région Hauts-de-France" };
const ines = { name: "Inès Morel", email: "ines@cd62.fr", organisation: "CD62" };
const jury = [awa, marc, ines];
const applications = [2, 3, 4].map((n) => ({
  number: n,
  choice: applicationChoice(n, `Asso ${n}`, "Projet"),
}));

let row = 1;
function evaluation(
  email: string,
  application: number,
  scores: number[] | "conflit",
  at = "2025-06-20T10:00:00+02:00",
): Evaluation {
  row++;
  return {
    row,
    email,
    submittedAt: new Date(at),
    application,
    conflict: scores === "conflit",
    scores: scores === "conflit" ? [] : scores,
    comment: "",
  };
}

describe("the jury's scores merged", () => {
  it("two members score, the third declares a conflict: « 2 / 2 », exact means", () => {
    const results = juryResults(call, jury, applications, [
      evaluation(awa.email, 2, [5, 4, 4, 4]), // 2×5+4+4+4 = 22 → 4,4
      evaluation(marc.email, 2, [4, 4, 3, 5]), // 8+4+3+5 = 20 → 4,0
      evaluation(ines.email, 2, "conflit"),
    ]);
    const two = results.byApplication[0];
    expect(two).toMatchObject({ expected: 2, received: 2, conflicts: 1, weightedMean: 4.2, spread: 0.4 });
    expect(two?.criterionMeans).toEqual([4.5, 4, 3.5, 4.5]);
    expect(two?.toDiscuss).toBe(false);
  });

  it("an application nobody scored is blank, not 0", () => {
    const results = juryResults(call, jury, applications, []);
    expect(results.byApplication[1]).toMatchObject({
      received: 0,
      expected: 3,
      weightedMean: undefined,
      spread: undefined,
    });
    expect(results.byApplication[1]?.criterionMeans).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("a member's latest evaluation replaces the earlier one", () => {
    const results = juryResults(call, jury, applications, [
      evaluation(awa.email, 3, [1, 1, 1, 1], "2025-06-20T10:00:00+02:00"),
      evaluation(awa.email, 3, [4, 4, 4, 4], "2025-06-21T09:00:00+02:00"),
    ]);
    expect(results.byApplication[1]).toMatchObject({ received: 1, weightedMean: 4 });
    expect(results.byMember.find((m) => m.member === awa && m.application.number === 3)?.replaced).toBe(1);
  });

  it("an evaluation from an e-mail that is not a member is not counted, and is listed", () => {
    const results = juryResults(call, jury, applications, [
      evaluation("curieux@exemple.fr", 2, [5, 5, 5, 5]),
    ]);
    expect(results.byApplication[0]?.received).toBe(0);
    expect(results.notCounted).toEqual([
      expect.objectContaining({
        email: "curieux@exemple.fr",
        reason: expect.stringContaining("pas celle d'un membre"),
      }),
    ]);
  });

  it("members are recognised whatever the case of their e-mail", () => {
    const results = juryResults(call, jury, applications, [evaluation("awa@lianes.org", 2, [3, 3, 3, 3])]);
    const upper = juryResults(call, [{ ...awa, email: " AWA@Lianes.org " }], applications, [
      evaluation("awa@lianes.org", 2, [3, 3, 3, 3]),
    ]);
    expect(upper.byApplication[0]?.received).toBe(results.byApplication[0]?.received);
  });

  it("a spread of 2 points or more is flagged for discussion", () => {
    const results = juryResults(call, jury, applications, [
      evaluation(awa.email, 4, [5, 5, 5, 5]),
      evaluation(marc.email, 4, [3, 3, 3, 3]),
    ]);
    expect(results.byApplication[2]).toMatchObject({ spread: 2, toDiscuss: true });
  });

  it("halves round away from zero on the exact value, where floating point would not: 107/40 = 2,675 → 2,68", () => {
    const twoCriteria: CallDefinition = {
      ...call,
      review: {
        ...call.review,
        criteria: [
          { id: "a", label: "A", weight: 3 },
          { id: "b", label: "B", weight: 5 },
        ],
      },
    };
    const five = ["a@x.fr", "b@x.fr", "c@x.fr", "d@x.fr", "e@x.fr"].map((email) => ({
      name: email,
      email,
      organisation: "",
    }));
    const results = juryResults(twoCriteria, five, applications, [
      evaluation("a@x.fr", 2, [5, 5]), // 40
      evaluation("b@x.fr", 2, [5, 5]), // 40
      evaluation("c@x.fr", 2, [4, 3]), // 27
      evaluation("d@x.fr", 2, [0, 0]),
      evaluation("e@x.fr", 2, [0, 0]),
    ]);
    expect((107 / 40).toFixed(2)).toBe("2.67"); // floating point's own rounding
    expect(results.byApplication[0]?.weightedMean).toBe(2.68);
    expect(results.byApplication[0]?.criterionMeans).toEqual([2.8, 2.6]);
  });

  it("the committee ranks by weighted jury mean, then by N°, the unscored last", () => {
    const results = juryResults(call, jury, applications, [
      evaluation(awa.email, 2, [3, 3, 3, 3]),
      evaluation(awa.email, 4, [3, 3, 3, 3]),
    ]);
    expect(committeeRanking(results.byApplication).map((r) => r.application.number)).toEqual([2, 4, 3]);
  });

  it("each member's missing evaluations, and the reminder's text", () => {
    const results = juryResults(call, jury, applications, [
      evaluation(awa.email, 2, [3, 3, 3, 3]),
      evaluation(awa.email, 3, "conflit"),
      evaluation(awa.email, 4, [3, 3, 3, 3]),
      evaluation(marc.email, 2, [3, 3, 3, 3]),
    ]);
    const missing = missingEvaluations(results);
    expect(missing.map((m) => [m.member.name, m.applications.map((a) => a.number)])).toEqual([
      ["Marc Leroy", [3, 4]],
      ["Inès Morel", [2, 3, 4]],
    ]);
    const reminder = reminderText(call, marc, missing[0]?.applications ?? [], "https://forms.example/e");
    expect(reminder.subject).toBe(
      "Appel à candidatures EXPLOR 2025 : 2 évaluations en attente".replace(
        "Appel à candidatures EXPLOR 2025",
        call.title,
      ),
    );
    expect(reminder.body).toContain("Bonjour Marc Leroy,");
    expect(reminder.body).toContain("- N° 3 — Asso 3 — Projet");
  });
});

describe("the jury's sheets and form, read back", () => {
  it("members: blank rows skipped, a bad or repeated e-mail named by its row", () => {
    expect(
      readMembers(
        [
          ["Awa", "awa@lianes.org", "Lianes"],
          ["", "", ""],
        ],
        4,
      ),
    ).toHaveLength(1);
    expect(() => readMembers([["Awa", "awa@lianes", ""]], 4)).toThrow(
      "E-mail de membre du jury invalide (e-mail, ligne 4) : « awa@lianes »",
    );
    expect(() =>
      readMembers(
        [
          ["Awa", "awa@lianes.org", ""],
          ["Awa bis", "AWA@lianes.org", ""],
        ],
        4,
      ),
    ).toThrow("Membre du jury en double (déjà ligne 4) (e-mail, ligne 5)");
  });

  it("the application's N° is read from the choice, even once its name is erased", () => {
    expect(applicationNumberOf("N° 12 — Les Amis de Tiassalé — Puits")).toBe(12);
    expect(applicationNumberOf("N° 12 — [effacé]")).toBe(12);
    expect(applicationNumberOf("Les Amis")).toBeUndefined();
  });

  it("the responses sheet: scores, conflicts, and what cannot count", () => {
    const scores = call.review.criteria.map((c) => scoreTitle(call, c));
    const header = [
      TIMESTAMP_TITLE,
      EMAIL_TITLE,
      APPLICATION_TITLE,
      CONFLICT_TITLE,
      ...scores,
      COMMENT_TITLE,
    ];
    const at = new Date("2025-06-20T08:00:00Z");
    const reading = readEvaluations(call, [
      header,
      [at, "Awa@Lianes.org", "N° 2 — A — P", "Non", 5, 4, 4, 4, "Très bon besoin"],
      [at, "marc@region.fr", "N° 2 — A — P", "Oui", "", "", "", "", ""],
      [at, "ines@cd62.fr", "N° 2 — A — P", "Non", 5, "", 4, 9, ""],
      ["", "", "", "", "", "", "", "", ""],
    ]);
    expect(reading.evaluations).toEqual([
      expect.objectContaining({
        row: 2,
        email: "awa@lianes.org",
        scores: [5, 4, 4, 4],
        comment: "Très bon besoin",
      }),
      expect.objectContaining({ row: 3, conflict: true, scores: [] }),
    ]);
    expect(reading.refused).toEqual([
      {
        row: 4,
        email: "ines@cd62.fr",
        reason: `note manquante ou invalide (0 à 5) : ${scores[1]}, ${scores[3]}`,
      },
    ]);
  });
});
