import { describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS, PAM_ANSWERS } from "../../dev/fixtures/intake-samples";
import { type CallDefinition, callById, loadCall, questionOf } from "../../src/core/intake";
import {
  emailOfKey,
  erasedPersonalAnswers,
  erasedRow,
  erasureDateOf,
  erasureMarker,
  findApplications,
  isErasedSubmission,
  isErasureMarker,
  matchFormResponse,
  parseApplicationRef,
  personalFieldIds,
  personalQuestions,
} from "../../src/core/intake/erasure";
import { PERSONAL_REVIEWER_COLUMNS, reviewRow } from "../../src/core/intake/review";
import { parseSubmission, validateSubmission } from "../../src/core/intake/submission";

const explor = () => callById("EXPLOR-2025");
const received = "01/06/2025 10:00:00";
const AT = new Date("2026-11-23T10:00:00Z");
const MARKER = "Données effacées le 23/11/2026 (RGPD)";

/** The sample answers as the erasure leaves them: every non-blank personal answer is the mention. */
function erasedAnswers(
  call: CallDefinition,
  answers: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...answers };
  for (const q of personalQuestions(call)) {
    if (String(out[q.id] ?? "").trim() !== "") out[q.id] = MARKER;
  }
  return out;
}

describe("the erasure mention", () => {
  it("is dated in Paris time and recognised, with or without a precision after it", () => {
    expect(erasureMarker(AT)).toBe(MARKER);
    // 23:30 UTC on 23 November is already the 24th in Paris.
    expect(erasureMarker(new Date("2026-11-23T23:30:00Z"))).toBe("Données effacées le 24/11/2026 (RGPD)");
    expect(isErasureMarker(MARKER)).toBe(true);
    expect(isErasureMarker(`${MARKER} — n° 3`)).toBe(true);
    expect(isErasureMarker(" Données effacées le 23/11/2026 (RGPD) ")).toBe(true);
    expect(isErasureMarker("Données effacées")).toBe(false);
    expect(isErasureMarker("Association Données effacées le 23/11/2026 (RGPD)")).toBe(false);
    expect(isErasureMarker(3)).toBe(false);
    expect(erasureDateOf(MARKER)).toBe("23/11/2026");
    expect(erasureDateOf("x")).toBeUndefined();
  });
});

describe("personal fields, declared by the calls", () => {
  it("EXPLOR-2025: the free-text answers, never what an eligibility rule or a count needs", () => {
    expect(personalQuestions(explor()).map((q) => q.id)).toEqual([
      "associationNom",
      "associationIdentifiant",
      "contactNom",
      "contactEmail",
      "contactTelephone",
      "partenaireNom",
      "partenaireVille",
      "projetTitre",
      "projetResume",
      "missionProfil",
      "besoinComment",
    ]);
    expect(personalFieldIds(explor(), "email")[0]).toBe("email");
  });

  it("PAM-2025: the holder, the structure, the contact and every free text", () => {
    expect(personalQuestions(callById("PAM-2025")).map((q) => q.id)).toEqual([
      "porteurNom",
      "structureNom",
      "contactEmail",
      "contactTelephone",
      "ideeQuoi",
      "ideePourquoi",
      "experienceDetail",
      "trancheAge",
      "partenariatDetail",
    ]);
  });

  it("the internal comment is the only personal reviewer column", () => {
    expect(PERSONAL_REVIEWER_COLUMNS).toEqual(["comment"]);
  });

  it.each([
    [
      "an e-mail question not marked personal",
      (c: CallDefinition) => delete questionOf(c, "contactEmail").personal,
      /question e-mail est une donnée personnelle/,
    ],
    [
      "the applicant's name not marked personal",
      (c: CallDefinition) => delete questionOf(c, "associationNom").personal,
      /review\.applicant/,
    ],
    [
      "a question read by an eligibility rule marked personal",
      (c: CallDefinition) => {
        questionOf(c, "associationCodePostal").personal = true;
      },
      /règle d'éligibilité ne peut pas être personnelle/,
    ],
  ])("the call schema refuses %s", (_what, change, message) => {
    const c = structuredClone(explor());
    change(c);
    expect(() => loadCall(c)).toThrow(message);
  });
});

describe("an erased row", () => {
  it("gets the mention in each personal cell that held something; blanks stay blank; the row is copied", () => {
    const row = ["horodateur", "a@b.fr", "", "62000", 10];
    const out = erasedRow(row, [1, 2, 9], MARKER);
    expect(out).toEqual(["horodateur", MARKER, "", "62000", 10]);
    expect(row[1]).toBe("a@b.fr");
  });
});

describe("an erased response, read again", () => {
  const original = parseSubmission(explor(), {
    receivedAt: received,
    answers: EXPLOR_ANSWERS,
    email: "claire.martin@artois-sahel.fr",
  });
  const raw = { receivedAt: received, answers: erasedAnswers(explor(), EXPLOR_ANSWERS), email: MARKER };

  it("is recognised only when its applicant answer is the mention and no personal answer is left", () => {
    expect(isErasedSubmission(explor(), raw.answers)).toBe(true);
    expect(isErasedSubmission(explor(), EXPLOR_ANSWERS)).toBe(false);
    expect(isErasedSubmission(explor(), { ...raw.answers, contactNom: "Claire Martin" })).toBe(false);
    expect(isErasedSubmission(explor(), { ...raw.answers, associationNom: "" })).toBe(false);
  });

  it("validates without its personal answers, has no e-mail, and keeps its eligibility and facts", () => {
    const result = validateSubmission(explor(), raw);
    if (!result.ok) throw new Error(result.errors.join(" ; "));
    const s = result.submission;
    expect(s.email).toBeUndefined();
    expect(s.answers.associationNom).toBe(MARKER);
    expect(s.answers.contactEmail).toBe(MARKER);
    expect(s.answers.missionDuree).toBe(10);
    expect(s.answers.budgetTotal).toBe(1497);
    expect(s.key).not.toBe(original.key);
    expect(s.key).toMatch(/^2025-06-01T08:00:00Z\|\|[0-9a-f]{8}$/);
    const before = reviewRow(explor(), original, 1);
    const after = reviewRow(explor(), s, 1);
    expect(after.eligibility.text).toBe(before.eligibility.text);
    expect(after.status).toBe(before.status);
    expect(after.values.join("\n")).not.toMatch(/Artois|Claire|Martin|Jokkoo|Thiès|Maraîchage|@/);
    // The same erased response always gives the same key.
    const again = validateSubmission(explor(), raw);
    expect(again.ok && again.submission.key).toBe(s.key);
  });

  it("still reports its non-personal answers' problems, never quoting a personal one", () => {
    const result = validateSubmission(explor(), { ...raw, answers: { ...raw.answers, missionDuree: "dix" } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.join(" ")).toContain("dix");
    expect(result.errors).toHaveLength(1);
  });

  it("PAM-2025 likewise", () => {
    const pam = callById("PAM-2025");
    const result = validateSubmission(pam, {
      receivedAt: "20/11/2024 10:00:00",
      answers: erasedAnswers(pam, PAM_ANSWERS),
    });
    expect(result.ok).toBe(true);
    expect(erasedPersonalAnswers(pam, erasedAnswers(pam, PAM_ANSWERS))).toMatchObject({
      porteurNom: MARKER,
      structureNom: MARKER,
    });
  });
});

describe("naming an application", () => {
  const calls = ["EXPLOR-2025", "PAM-2025"];
  it.each([
    ["3", { kind: "number", number: 3 }],
    ["  n° 3 ", { kind: "number", number: 3 }],
    ["N°12", { kind: "number", number: 12 }],
    ["pam-2025 2", { kind: "number", number: 2, callId: "PAM-2025" }],
    ["Claire.Martin@Artois-Sahel.fr", { kind: "email", email: "claire.martin@artois-sahel.fr" }],
    ["2025-06-01T08:00:00Z|a@b.fr|1a2b3c4d", { kind: "key", key: "2025-06-01T08:00:00Z|a@b.fr|1a2b3c4d" }],
  ])("reads « %s »", (text, ref) => {
    expect(parseApplicationRef(text, calls)).toEqual(ref);
  });

  it.each(["", "trois", "3 4", "EXPLOR-2025", "=1+1"])("refuses « %s »", (text) => {
    expect(parseApplicationRef(text, calls)).toBeUndefined();
  });

  it("finds by N° (in one call or all), key or e-mail", () => {
    const listed = [
      { callId: "EXPLOR-2025", number: 1, key: "2025-06-01T08:00:00Z|a@b.fr|11111111" },
      { callId: "EXPLOR-2025", number: 2, key: "2025-06-02T08:00:00Z|c@d.fr|22222222" },
      { callId: "PAM-2025", number: 1, key: "2024-11-20T09:00:00Z|a@b.fr|33333333" },
      { callId: "EXPLOR-2025", number: 3, key: "2025-06-03T08:00:00Z||44444444" },
    ];
    expect(findApplications({ kind: "number", number: 1 }, listed)).toHaveLength(2);
    expect(findApplications({ kind: "number", number: 1, callId: "PAM-2025" }, listed)).toEqual([listed[2]]);
    expect(findApplications({ kind: "email", email: "a@b.fr" }, listed)).toEqual([listed[0], listed[2]]);
    expect(findApplications({ kind: "key", key: listed[1]?.key ?? "" }, listed)).toEqual([listed[1]]);
    expect(findApplications({ kind: "email", email: "" }, listed)).toEqual([]);
    expect(emailOfKey("2025-06-03T08:00:00Z||44444444")).toBe("");
    expect(emailOfKey("form-response-id")).toBe("");
  });
});

describe("the applicant's form response", () => {
  const at = new Date("2025-06-01T08:00:00.000Z");
  const r = (id: string, ms: number, email = "a@b.fr") => ({
    id,
    timestamp: new Date(at.getTime() + ms),
    email,
  });

  it("is the one received the same second, from the same e-mail", () => {
    expect(
      matchFormResponse([r("x", -3000), r("y", 420), r("z", 420, "c@d.fr")], {
        receivedAt: at,
        email: "A@b.fr",
      }),
    ).toEqual({
      kind: "found",
      id: "y",
    });
  });

  it("accepts one second apart when nothing closer matches", () => {
    expect(matchFormResponse([r("y", 1200)], { receivedAt: at, email: "a@b.fr" })).toEqual({
      kind: "found",
      id: "y",
    });
    expect(matchFormResponse([r("y", 2500)], { receivedAt: at, email: "a@b.fr" })).toEqual({ kind: "none" });
  });

  it("matches on time alone when the form collects no e-mail, and is ambiguous when two answered that second", () => {
    expect(matchFormResponse([r("y", 0, "")], { receivedAt: at, email: "a@b.fr" })).toEqual({
      kind: "found",
      id: "y",
    });
    expect(matchFormResponse([r("y", 0, ""), r("z", 500, "")], { receivedAt: at, email: undefined })).toEqual(
      {
        kind: "ambiguous",
        count: 2,
      },
    );
    expect(matchFormResponse([r("y", 0, "c@d.fr")], { receivedAt: at, email: "a@b.fr" })).toEqual({
      kind: "none",
    });
  });
});
