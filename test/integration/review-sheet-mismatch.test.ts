/**
 * One error model: a review sheet whose column a user renamed is an input error, said in French
 * the same way by the sync, the erasure and the dashboard — never « Erreur inattendue ».
 */
import { describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS } from "../../dev/fixtures/intake-samples";
import { callById } from "../../src/core/intake/calls";
import { hostWithForm } from "../support/intake";

const CALL = callById("EXPLOR-2025");
const MISMATCH =
  "La feuille « Candidatures » n'a pas les colonnes attendues (Statut) : remettez ces colonnes à leur " +
  "place et sous leur nom, ou renommez la feuille pour en recréer une.";

function withRenamedStatus() {
  const { host, form } = hostWithForm(CALL.id);
  host.submitForm(form, {
    answers: Object.fromEntries(
      CALL.questions
        .filter((q) => EXPLOR_ANSWERS[q.id] !== undefined)
        .map((q) => [q.label, String(EXPLOR_ANSWERS[q.id])]),
    ),
    email: "claire.martin@artois-sahel.fr",
    timestamp: new Date("2025-06-01T10:00:00+02:00"),
  });
  const review = host.spreadsheet.getSheetByName(CALL.review.sheetName);
  const header = host.values(CALL.review.sheetName)[0] as string[];
  review?.getRange(1, header.indexOf("Statut") + 1).setValue("État");
  return host;
}

describe("a review sheet with a renamed column", () => {
  it("the sync menu says which column, in French, and writes nothing", () => {
    const host = withRenamedStatus();
    const before = JSON.stringify(host.values(CALL.review.sheetName));
    expect(() => host.runMenuItem("Synchroniser les candidatures", { kind: "alert", button: "OK" })).toThrow(
      MISMATCH,
    );
    expect(JSON.stringify(host.values(CALL.review.sheetName))).toBe(before);
    expect(host.log.lines.join("\n")).not.toMatch(/Erreur inattendue/);
  });

  it("the dashboard gives the same message", () => {
    const host = withRenamedStatus();
    expect(() => host.call("serverCandidaturesTableau", { appel: CALL.id })).toThrow(MISMATCH);
  });
});
