/**
 * The erasure of one application, planned without Sheets (planning/intake/erasure-plan): which
 * cells become the dated mention, the key a later sync will compute, the review row and the
 * summary as that sync would write them, and every erased value.
 */
import { describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS } from "../../dev/fixtures/intake-samples";
import { callById } from "../../src/core/intake/calls";
import { planErasure } from "../../src/planning/intake/erasure-plan";
import { planReviewSync, reviewSheetShape } from "../../src/planning/intake/review-plan";
import { computeReviewRows } from "../../src/planning/intake/review-rows";

const call = callById("EXPLOR-2025");
const shape = reviewSheetShape(call);
const AT = new Date("2026-11-23T10:00:00Z");
const MARKER = "Données effacées le 23/11/2026 (RGPD)";

/** A responses sheet as Forms writes it: timestamp, e-mail, one column per question. */
function responsesSheet(people: readonly { name: string; email: string; second: number }[]): unknown[][] {
  const header = ["Horodateur", "Adresse e-mail", ...call.questions.map((q) => q.label)];
  return [
    header,
    ...people.map((p) => [
      new Date(Date.UTC(2025, 5, 1, 8, 0, p.second)),
      p.email,
      ...call.questions.map((q) =>
        q.id === "contactNom"
          ? p.name
          : q.id === "contactEmail"
            ? p.email
            : String(EXPLOR_ANSWERS[q.id] ?? ""),
      ),
    ]),
  ];
}

function setup() {
  const responseValues = responsesSheet([
    { name: "Claire Martin", email: "claire.martin@artois-sahel.fr", second: 1 },
    { name: "Paul Durand", email: "paul.durand@exemple.fr", second: 2 },
  ]);
  const { rows } = computeReviewRows(call, responseValues, 0);
  const sync = planReviewSync(call, [], rows);
  const existing = [[...shape.headers], ...sync.appended.map((r) => [...r])];
  return { responseValues, rows, existing };
}

describe("planning an erasure", () => {
  it("replaces the applicant's personal answers by the dated mention, and only theirs", () => {
    const { responseValues, rows, existing } = setup();
    const plan = planErasure({
      call,
      key: rows[0]?.key ?? "",
      at: AT,
      existing,
      index: 1,
      hasResponses: true,
      responseValues,
      sheetId: 0,
      tags: new Map(),
    });
    expect(plan.marker).toBe(MARKER);
    expect(plan.targetRows).toEqual([1]);
    const erased = plan.anonymised[1] ?? [];
    for (const c of plan.personalColumns) expect(erased[c]).toBe(MARKER);
    expect(erased).toContain(EXPLOR_ANSWERS.partenairePays);
    expect(erased).not.toContain(EXPLOR_ANSWERS.projetTitre);
    expect(plan.anonymised[2]).toEqual(responseValues[2]);
    expect([...plan.erasedValues]).toEqual(
      expect.arrayContaining(["Claire Martin", "claire.martin@artois-sahel.fr"]),
    );
    expect([...plan.erasedValues]).not.toContain("Paul Durand");
  });

  it("plans the review row and the summary as the next sync writes them, nobody named", () => {
    const { responseValues, rows, existing } = setup();
    const plan = planErasure({
      call,
      key: rows[0]?.key ?? "",
      at: AT,
      existing,
      index: 1,
      hasResponses: true,
      responseValues,
      sheetId: 0,
      tags: new Map(),
    });
    const again = computeReviewRows(call, plan.anonymised, 0).rows[0];
    expect(plan.computed[shape.keyColumn]).toBe(again?.key);
    expect(JSON.stringify(plan.computed)).not.toMatch(/Claire|artois-sahel/);
    expect(JSON.stringify(plan.summary)).not.toMatch(/Claire Martin|claire\.martin/);
  });
});
