/**
 * The dashboard's reasons of ineligibility come from the response, read again by the core; when
 * the response is gone, the review sheet's verdict is shown as written, never taken apart.
 */
import { describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS } from "../../dev/fixtures/intake-samples";
import { callById } from "../../src/core/intake/calls";
import { hostWithForm } from "../support/intake";

const CALL = callById("EXPLOR-2025");

function ineligibleApplication() {
  const { host, form } = hostWithForm(CALL.id);
  const answers: Record<string, unknown> = { ...EXPLOR_ANSWERS, associationCodePostal: "75011" };
  host.submitForm(form, {
    answers: Object.fromEntries(
      CALL.questions.filter((q) => answers[q.id] !== undefined).map((q) => [q.label, String(answers[q.id])]),
    ),
    email: "claire.martin@artois-sahel.fr",
    timestamp: new Date("2025-06-01T10:00:00+02:00"),
  });
  const review = host.spreadsheet.getSheetByName(CALL.review.sheetName);
  review?.activate();
  review?.getRange("A2").activate();
  return host;
}

type Shown = { application: { eligible: boolean; reasons: string[]; answersNote: string | null } };

describe("the dashboard's reasons of ineligibility", () => {
  it("are the core's, from the response", () => {
    const host = ineligibleApplication();
    const shown = host.call("serverCandidaturesTableau", { appel: CALL.id }) as Shown;
    expect(shown.application.eligible).toBe(false);
    expect(shown.application.reasons).toEqual(["siège hors Hauts-de-France"]);
  });

  it("are the review sheet's verdict as written when the response is gone", () => {
    const host = ineligibleApplication();
    const verdict = host.values(CALL.review.sheetName)[1]?.[
      (host.values(CALL.review.sheetName)[0] ?? []).indexOf("Éligibilité")
    ];
    const responses = host.spreadsheet.getSheetByName("Réponses au formulaire 1");
    if (responses) host.spreadsheet.deleteSheet(responses);
    const shown = host.call("serverCandidaturesTableau", { appel: CALL.id }) as Shown;
    expect(verdict).toBe("Non éligible : siège hors Hauts-de-France");
    expect(shown.application.reasons).toEqual([verdict]);
    expect(shown.application.answersNote).toMatch(/^Réponse introuvable dans la feuille de réponses/);
  });
});
