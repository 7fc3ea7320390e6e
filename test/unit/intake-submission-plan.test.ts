/**
 * Issue 14 §4 — one submission planned from a small part of the review sheet gives the rows
 * and summary the full sync would, and leaves to the full sync what it cannot decide.
 */
import { describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS } from "../../dev/fixtures/intake-samples";
import { callById } from "../../src/core/intake/calls";
import { reviewRow } from "../../src/core/intake/review";
import { parseSubmission } from "../../src/core/intake/submission";
import {
  type PlannedRow,
  planReviewSync,
  responseLink,
  reviewSheetShape,
} from "../../src/planning/intake/review-plan";
import {
  excerptColumns,
  type NewSubmission,
  planSubmissions,
  responseRowOfLink,
  rowsFromExcerpts,
} from "../../src/planning/intake/submission-plan";
import { decisionSummaryLayout } from "../../src/planning/intake/summary";
import { renderLayout, summaryPatch, undoPatch } from "../../src/planning/intake/summary-patch";

const call = callById("EXPLOR-2025");
const shape = reviewSheetShape(call);
const SHEET_ID = 7;

/** The application of `name`, arrived at 08:00:`second`, on responses row `second + 2`. */
function planned(name: string, second: number, email = `${second}@example.org`): PlannedRow {
  const submission = parseSubmission(call, {
    receivedAt: new Date(Date.UTC(2025, 5, 10, 8, 0, second)),
    answers: { ...EXPLOR_ANSWERS, associationNom: name },
    email,
  });
  return { ...reviewRow(call, submission, second + 1), link: responseLink(SHEET_ID, second + 2) };
}

const submission = (row: PlannedRow): NewSubmission => ({
  responseRow: responseRowOfLink(row.link ?? "", SHEET_ID) ?? 0,
  row,
});

/** The review sheet after a full sync of `rows`, as getValues would read it. */
function reviewSheet(rows: readonly PlannedRow[]): unknown[][] {
  const plan = planReviewSync(call, [], rows);
  return [[...shape.headers], ...plan.appended.map((r) => [...r])];
}

const noLink = () => {
  throw new Error("no link should be read for this plan");
};

describe("planning one submission", () => {
  const alpha = planned("Alpha", 0);
  const beta = planned("Beta", 1);
  const gamma = planned("Gamma", 2);
  const delta = planned("Delta", 3);

  it("appends a new application below the last row, N° after the highest, as the full sync would", () => {
    const sheet = reviewSheet([alpha, beta, gamma]);
    const plan = planSubmissions(call, sheet[0] ?? [], sheet.slice(1), [submission(delta)], noLink);
    const full = planReviewSync(call, sheet, [alpha, beta, gamma, delta]);
    if (plan.kind !== "incremental") throw new Error(plan.reason);
    expect(plan.appended.firstRow).toBe(5);
    expect(plan.appended.written).toEqual(full.appended);
    expect(plan.appended.written[0]?.[0]).toBe(4);
    expect(plan.rewrites).toEqual([]);
    expect(plan.after).toEqual(full.after);
  });

  it("numbers after the highest N° even when the sheet was sorted, and appends below a row the user emptied", () => {
    const sheet = reviewSheet([alpha, beta, gamma]);
    const sorted = [sheet[0], sheet[3], shape.headers.map(() => ""), sheet[1]] as unknown[][];
    const plan = planSubmissions(call, sorted[0] ?? [], sorted.slice(1), [submission(delta)], noLink);
    if (plan.kind !== "incremental") throw new Error(plan.reason);
    expect(plan.appended.firstRow).toBe(5);
    expect(plan.appended.written[0]?.[0]).toBe(4);
  });

  it("plans nothing for a replayed response, and takes a batch's duplicate once", () => {
    const sheet = reviewSheet([alpha, beta]);
    const plan = planSubmissions(
      call,
      sheet[0] ?? [],
      sheet.slice(1),
      [submission(beta), submission(gamma), submission(gamma)],
      noLink,
    );
    if (plan.kind !== "incremental") throw new Error(plan.reason);
    expect(plan.present.map((s) => s.row.key)).toEqual([beta.key]);
    expect(plan.appended.written.map((r) => r[shape.applicantColumn])).toEqual(["Gamma"]);
  });

  it("rewrites the computed columns of a corrected response's application, keeping its N° and reviewer columns", () => {
    const sheet = reviewSheet([alpha, beta]);
    (sheet[1] as unknown[])[shape.statusColumn] = "Retenue";
    // Beta's answers were corrected on its own responses row (3): same second, same e-mail.
    const corrected = planned("Beta (nom corrigé)", 1);
    const asked: number[] = [];
    const plan = planSubmissions(call, sheet[0] ?? [], sheet.slice(1), [submission(corrected)], (row) => {
      asked.push(row);
      return 3;
    });
    const full = planReviewSync(call, sheet, [alpha, corrected]);
    if (plan.kind !== "incremental") throw new Error(plan.reason);
    expect(asked).toEqual([3]);
    expect(plan.rewrites).toHaveLength(1);
    expect(plan.rewrites[0]?.sheetRow).toBe(3);
    expect(plan.rewrites[0]?.number).toBe(2);
    expect(plan.rewrites[0]?.computed).toEqual(full.computed[1]);
    expect(plan.appended.written).toEqual([]);
    expect(plan.after).toEqual(full.after);
    expect(full.edited).toEqual([2]);
  });

  it("leaves to the full sync what it cannot decide from a few columns", () => {
    const sheet = reviewSheet([alpha, beta]);
    const moved = [...shape.headers].reverse();
    expect(planSubmissions(call, moved, sheet.slice(1), [submission(gamma)], noLink)).toMatchObject({
      kind: "full",
      reason: expect.stringContaining("colonnes de la feuille d'instruction inattendues"),
    });
    // Same second and e-mail as Beta, but Beta's link points elsewhere: two responses, or a correction?
    const twin = { ...planned("Beta bis", 1), link: responseLink(SHEET_ID, 9) };
    expect(planSubmissions(call, sheet[0] ?? [], sheet.slice(1), [submission(twin)], () => 3)).toMatchObject({
      kind: "full",
      reason: expect.stringContaining("même seconde et du même e-mail"),
    });
    const one = planned("Gamma", 2);
    const other = { ...planned("Gamma, autre réponse", 2), link: responseLink(SHEET_ID, 10) };
    expect(
      planSubmissions(call, sheet[0] ?? [], sheet.slice(1), [submission(one), submission(other)], noLink),
    ).toMatchObject({ kind: "full" });
  });

  it("rebuilds the rows the summary reads from two excerpts, leaving the columns between blank", () => {
    const sheet = reviewSheet([alpha, beta]);
    const { head, tailFrom } = excerptColumns(shape);
    const body = sheet.slice(1);
    const rows = rowsFromExcerpts(
      shape,
      body.map((r) => r.slice(0, head)),
      body.map((r) => r.slice(tailFrom)),
    );
    expect(
      rows.map((r) => [r[0], r[shape.keyColumn], r[shape.applicantColumn], r[shape.statusColumn]]),
    ).toEqual(body.map((r) => [r[0], r[shape.keyColumn], r[shape.applicantColumn], r[shape.statusColumn]]));
    expect(rows[0]?.[shape.computedCount - 1]).toBe("");
    expect(decisionSummaryLayout(call, [shape.headers, ...rows])).toEqual(decisionSummaryLayout(call, sheet));
  });

  it("reads back the responses row a link points to, only in its own responses sheet", () => {
    expect(responseRowOfLink(responseLink(SHEET_ID, 42), SHEET_ID)).toBe(42);
    expect(responseRowOfLink(responseLink(8, 42), SHEET_ID)).toBeUndefined();
    expect(responseRowOfLink("Réponse supprimée de la feuille de réponses", SHEET_ID)).toBeUndefined();
  });
});

describe("patching the decision summary", () => {
  const rowsWith = (statuses: string[]) => {
    const sheet = reviewSheet(statuses.map((_, i) => planned(`Association ${i + 1}`, i)));
    statuses.forEach((s, i) => {
      const row = sheet[i + 1] as unknown[];
      row[shape.statusColumn] = s;
      row[shape.weightedScoreColumn] = 10 + i;
    });
    return sheet;
  };

  it("writes only the count that changes when one application « À instruire » arrives", () => {
    const before = decisionSummaryLayout(call, rowsWith(["À instruire", "Retenue"]));
    const after = decisionSummaryLayout(call, rowsWith(["À instruire", "Retenue", "À instruire"]));
    const writes = summaryPatch(before, after, renderLayout(before) ?? []);
    expect(writes).toEqual([{ row: 4, column: 1, values: [["À instruire", 2, ""]] }]);
    expect(undoPatch(writes ?? [], before, after)).toEqual([
      { row: 4, column: 1, values: [["À instruire", 1, ""]] },
    ]);
  });

  it("keeps applicants' formula-looking names as text, and compares them as the sheet reads them", () => {
    const sheet = rowsWith(["Retenue"]);
    (sheet[1] as unknown[])[shape.applicantColumn] = "=1+1";
    const before = decisionSummaryLayout(call, sheet);
    const shown = renderLayout(before) ?? [];
    expect(shown.flat()).toContain("=1+1");
    const after = decisionSummaryLayout(call, [
      ...sheet,
      ...rowsWith(["À instruire", "À instruire"]).slice(2),
    ]);
    expect(summaryPatch(before, after, shown)).toEqual([
      { row: 4, column: 1, values: [["À instruire", 1, ""]] },
    ]);
  });

  it("rewrites the whole summary when the sheet no longer shows the layout before, or the blocks move", () => {
    const before = decisionSummaryLayout(call, rowsWith(["À instruire"]));
    const after = decisionSummaryLayout(call, rowsWith(["À instruire", "À instruire"]));
    // A reviewer's statuses since the last sync: the sheet shows older counts.
    const stale = (renderLayout(before) ?? []).map((r) => [...r]);
    (stale[3] as unknown[])[1] = 5;
    expect(summaryPatch(before, after, stale)).toBeUndefined();
    // A status outside the list adds a row to the counts: every block below moves.
    const other = decisionSummaryLayout(call, rowsWith(["À instruire", "À voir"]));
    expect(summaryPatch(before, other, renderLayout(before) ?? [])).toBeUndefined();
  });
});
