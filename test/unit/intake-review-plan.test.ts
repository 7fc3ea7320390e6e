import { describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS } from "../../dev/fixtures/intake-samples";
import { callById } from "../../src/core/intake/calls";
import { reviewRow } from "../../src/core/intake/review";
import { parseSubmission } from "../../src/core/intake/submission";
import { readResponses } from "../../src/planning/intake/responses";
import { planReviewSync, reviewSheetShape } from "../../src/planning/intake/review-plan";
import { columnLetter } from "../../src/planning/sheet-layout";

const call = callById("EXPLOR-2025");
const shape = reviewSheetShape(call);

function application(name: string, second: number, extra: Record<string, unknown> = {}) {
  const submission = parseSubmission(call, {
    receivedAt: new Date(Date.UTC(2025, 5, 10, 8, 0, second)),
    answers: { ...EXPLOR_ANSWERS, associationNom: name, ...extra },
    email: `${second}@example.org`,
  });
  return submission;
}

const rows = (names: string[]) => names.map((n, i) => reviewRow(call, application(n, i), i + 1));

describe("planning a review-sheet sync", () => {
  it("writes the header and every application, numbered in arrival order, into an empty sheet", () => {
    const plan = planReviewSync(call, [], rows(["Alpha", "Beta"]));
    expect(plan.header).toEqual(shape.headers);
    expect(plan.computed).toEqual([]);
    expect(plan.appended).toHaveLength(2);
    expect(plan.appended[0]?.[0]).toBe(1);
    expect(plan.appended[1]?.[shape.applicantColumn]).toBe("Beta");
    expect(plan.appended[0]?.[shape.statusColumn]).toBe("À instruire");
    expect(plan.appended.every((r) => r.length === shape.headers.length)).toBe(true);
  });

  it("gives each new row its weighted-score formula on its own sheet row", () => {
    const plan = planReviewSync(call, [], rows(["Alpha", "Beta"]));
    const scoreCells = shape.scoreColumns.map((c) => `${columnLetter(c + 1)}3`);
    expect(plan.appended[1]?.[shape.weightedScoreColumn]).toContain(scoreCells.join(","));
  });

  it("keeps rows where the user sorted them and never plans a reviewer column for them", () => {
    const first = planReviewSync(call, [], rows(["Alpha", "Beta", "Gamma"]));
    const sheet = [shape.headers, ...first.appended.map((r) => [...r])];
    // The user sorts by name descending and instructs Beta.
    const sorted = [sheet[0] as unknown[], sheet[3], sheet[2], sheet[1]] as unknown[][];
    const beta = sorted[2] as unknown[];
    beta[shape.statusColumn] = "Retenue";
    beta[shape.statusColumn + 1] = "Awa";
    const again = planReviewSync(call, sorted, rows(["Alpha", "Beta", "Gamma", "Delta"]));
    expect(again.header).toBeUndefined();
    expect(again.computed.map((r) => r[shape.applicantColumn])).toEqual(["Gamma", "Beta", "Alpha"]);
    expect(again.computed.every((r) => r.length === shape.computedCount)).toBe(true);
    expect(again.computed.map((r) => r[0])).toEqual([3, 2, 1]);
    expect(again.appended.map((r) => [r[0], r[shape.applicantColumn]])).toEqual([[4, "Delta"]]);
    expect(again.after.slice(1).map((r) => r[shape.statusColumn])).toEqual([
      "À instruire",
      "Retenue",
      "À instruire",
      "À instruire",
    ]);
  });

  it("leaves a row the user emptied in its place, so new rows go below the last one", () => {
    const first = planReviewSync(call, [], rows(["Alpha", "Beta", "Gamma"]));
    const blank = shape.headers.map(() => "");
    const sheet = [shape.headers, first.appended[0], blank, first.appended[2]].map((r) => [...(r ?? [])]);
    const again = planReviewSync(call, sheet, rows(["Alpha", "Beta", "Gamma", "Delta"]));
    expect(again.computed).toHaveLength(3);
    expect(again.computed[1]?.every((v) => v === "")).toBe(true);
    expect(again.computed.map((r) => r[shape.applicantColumn])).toEqual(["Alpha", "", "Gamma"]);
    // Beta's row was emptied: it comes back as a new row, below Gamma, not over it.
    expect(again.appended.map((r) => r[shape.applicantColumn])).toEqual(["Beta", "Delta"]);
    expect(again.appended[0]?.[shape.weightedScoreColumn]).toContain(
      `${columnLetter((shape.scoreColumns[0] ?? 0) + 1)}5`,
    );
  });

  it("leaves a row typed by hand (no key) as it is, formulas included, and never gives its N° again", () => {
    const first = planReviewSync(call, [], rows(["Alpha"]));
    const paper = shape.headers.map(() => "");
    paper[0] = "2";
    paper[shape.applicantColumn] = "Dossier papier";
    const sheet = [shape.headers, first.appended[0], paper].map((r) => [...(r ?? [])]) as unknown[][];
    (sheet[2] as unknown[])[0] = 2;
    const formulas = sheet.map((r) => r.map(() => ""));
    (formulas[2] as string[])[shape.computedCount - 1] = '=HYPERLINK("https://exemple.org","Scan")';
    const again = planReviewSync(call, sheet, rows(["Alpha", "Beta"]), formulas);
    expect(again.keyless).toEqual([3]);
    expect(again.computed[1]?.[shape.applicantColumn]).toBe("Dossier papier");
    expect(again.computed[1]?.[shape.computedCount - 1]).toBe('=HYPERLINK("https://exemple.org","Scan")');
    expect(again.appended.map((r) => [r[0], r[shape.applicantColumn]])).toEqual([[3, "Beta"]]);
    expect(again.updated).toBe(1);
  });

  it("matches a corrected response to its row by second and e-mail, never two anonymous ones", () => {
    const first = planReviewSync(call, [], rows(["Alpha", "Beta"]));
    const sheet = [shape.headers, ...first.appended].map((r) => [...r]) as unknown[][];
    const corrected = rows(["Alpha corrigée", "Beta"]);
    const again = planReviewSync(call, sheet, corrected);
    expect(again.edited).toEqual([1]);
    expect(again.appended).toEqual([]);
    expect(again.computed[0]?.[shape.keyColumn]).toBe(corrected[0]?.key);
    expect(again.computed[0]?.[shape.applicantColumn]).toBe("Alpha corrigée");
    // Without an e-mail, the same second is no proof of the same applicant: a new row.
    const anonymous = (r: (typeof corrected)[number]) => {
      const key = r.key.replace(/\|[^|]*\|/, "||");
      return { ...r, key, values: r.values.map((v, c) => (c === shape.keyColumn ? key : v)) };
    };
    const noEmail = [shape.headers, ...planReviewSync(call, [], rows(["Alpha"]).map(anonymous)).appended];
    const other = planReviewSync(
      call,
      noEmail.map((r) => [...r]),
      rows(["Gamma"]).map(anonymous),
    );
    expect(other.edited).toEqual([]);
    expect(other.appended).toHaveLength(1);
  });

  it("adds nothing when the same responses are synchronised twice", () => {
    const first = planReviewSync(call, [], rows(["Alpha"]));
    const second = planReviewSync(
      call,
      [shape.headers, ...first.appended.map((r) => [...r])],
      rows(["Alpha"]),
    );
    expect(second.appended).toEqual([]);
    expect(second.computed).toHaveLength(1);
  });

  it("keeps a row whose response left the responses sheet, and says so", () => {
    const first = planReviewSync(call, [], rows(["Alpha", "Beta"]));
    const sheet = [shape.headers, ...first.appended.map((r) => [...r])];
    const plan = planReviewSync(call, sheet, rows(["Alpha"]));
    expect(plan.orphans).toHaveLength(1);
    expect(plan.computed[1]?.[shape.applicantColumn]).toBe("Beta");
  });

  it("stores an applicant's formula-looking answer as text", () => {
    const hostile = reviewRow(call, application('=HYPERLINK("http://x.example","clic")', 1), 1);
    const plan = planReviewSync(call, [], [hostile]);
    expect(plan.appended[0]?.[shape.applicantColumn]).toBe('\'=HYPERLINK("http://x.example","clic")');
    const reread = [
      shape.headers,
      plan.appended[0]?.map((v) => (typeof v === "string" ? v.replace(/^'/, "") : v)),
    ];
    const again = planReviewSync(call, reread as unknown[][], [hostile]);
    expect(again.computed[0]?.[shape.applicantColumn]).toBe('\'=HYPERLINK("http://x.example","clic")');
  });

  it("refuses a review sheet whose columns were moved, rather than writing into the wrong ones", () => {
    const moved = [[...shape.headers].reverse()];
    expect(() => planReviewSync(call, moved, [])).toThrow(/n'a pas les colonnes attendues/);
  });
});

describe("reading the responses sheet", () => {
  const labels = call.questions.map((q) => q.label);
  it("finds columns by their header, whatever their order", () => {
    const header = ["Adresse e-mail", ...[...labels].reverse(), "Horodateur"];
    const answers = [...call.questions].reverse().map((q) => String(EXPLOR_ANSWERS[q.id] ?? ""));
    const stamp = new Date(Date.UTC(2025, 5, 10, 8, 0, 0));
    const reading = readResponses(call, [header, ["a@example.org", ...answers, stamp]]);
    expect(reading.unknownHeaders).toEqual([]);
    expect(reading.missingQuestions).toEqual([]);
    expect(reading.submissions[0]?.raw.email).toBe("a@example.org");
    expect(reading.submissions[0]?.raw.receivedAt).toBe(stamp);
    expect(reading.submissions[0]?.raw.answers.associationNom).toBe(EXPLOR_ANSWERS.associationNom);
  });

  it("reports a renamed column and skips blank rows", () => {
    const header = ["Horodateur", "Adresse e-mail", "Nom (renommé)", ...labels.slice(1)];
    const reading = readResponses(call, [header, ["", "", "", ...labels.slice(1).map(() => "")]]);
    expect(reading.unknownHeaders).toEqual(["Nom (renommé)"]);
    expect(reading.missingQuestions).toEqual([labels[0]]);
    expect(reading.submissions).toEqual([]);
  });
});
