/**
 * A jury of three for EXPLOR-2025 on the local host, through the menus and the forms as staff
 * and members would use them.
 */
import { describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS } from "../../dev/fixtures/intake-samples";
import { applicationChoices, evaluationAnswers, type Marks, submitEvaluation } from "../../dev/fixtures/jury";
import type { FakeForm, Host } from "../../dev/host";
import { callById } from "../../src/core/intake/calls";
import { HOSTILE_STRINGS } from "../support/hostile-strings";
import { hostWithForm } from "../support/intake";

const call = callById("EXPLOR-2025");
const MEMBERS = [
  ["Awa Diallo", "awa@lianes.org", "Lianes coopération"],
  ["Marc Leroy", "marc@region.fr", "Région Hauts-de-France"],
  ["Inès Morel", "ines@cd62.fr", "Département du Pas-de-Calais"],
];

function apply(host: Host, form: FakeForm, association: string, title: string, at: string): void {
  const answers: Record<string, unknown> = {
    ...EXPLOR_ANSWERS,
    associationNom: association,
    projetTitre: title,
  };
  host.submitForm(form, {
    answers: Object.fromEntries(call.questions.map((q) => [q.label, String(answers[q.id] ?? "")])),
    email: `${association.length}@exemple.fr`,
    timestamp: new Date(at),
  });
}

/** Three eligible applications, a jury prepared, its members typed in. */
function juryReady(): { host: Host; jury: FakeForm } {
  const { host, form } = hostWithForm("EXPLOR-2025");
  apply(host, form, "Solidarité Artois–Sahel", "Maraîchage", "2025-06-01T10:00:00+02:00");
  apply(host, form, "Les Amis de Tiassalé", "Puits partagés", "2025-06-02T10:00:00+02:00");
  apply(host, form, "Oise Coopération", "École de Bohicon", "2025-06-03T10:00:00+02:00");
  host.runMenuItem("Préparer le jury…", { kind: "prompt", button: "OK", text: "EXPLOR-2025" });
  const sheet = host.spreadsheet.getSheetByName("Jury EXPLOR-2025");
  if (!sheet) throw new Error("pas de feuille Jury EXPLOR-2025");
  sheet.getRange(5, 1, MEMBERS.length, 3).setValues(MEMBERS);
  host.runMenuItem("Synchroniser les candidatures");
  const jury = [...host.forms.forms.values()].find((f) => f.getTitle() === "Évaluation EXPLOR-2025");
  if (!jury) throw new Error("pas de formulaire d'évaluation");
  return { host, jury };
}

const choices = applicationChoices;

function evaluate(
  host: Host,
  jury: FakeForm,
  email: string,
  application: number,
  marks: Marks,
  at: string,
  comment = "",
): void {
  submitEvaluation(host, jury, call, { email, application, marks, at, comment });
}

function column(host: Host, sheet: string, header: string): unknown[] {
  const [head = [], ...rows] = host.values(sheet);
  const i = head.indexOf(header);
  if (i < 0) throw new Error(`pas de colonne « ${header} » dans ${sheet}`);
  return rows.map((r) => r[i]);
}

describe("a jury on the host", () => {
  it("prepares a sheet and an evaluation form listing the applications under review", () => {
    const { host, jury } = juryReady();
    expect(choices(jury)).toEqual([
      "N° 1 — Solidarité Artois–Sahel — Maraîchage",
      "N° 2 — Les Amis de Tiassalé — Puits partagés",
      "N° 3 — Oise Coopération — École de Bohicon",
    ]);
    expect(jury.collectsEmail()).toBe(true);
    expect(column(host, "Candidatures", "Évaluations jury")).toEqual(["0 / 3", "0 / 3", "0 / 3"]);
    expect(column(host, "Candidatures", "Moyenne pondérée jury")).toEqual(["", "", ""]);
  });

  it("merges the members' evaluations: conflicts excluded, the latest counts, non-members refused", () => {
    const { host, jury } = juryReady();
    evaluate(host, jury, "awa@lianes.org", 1, [5, 4, 4, 4], "2025-06-20T10:00:00+02:00");
    evaluate(host, jury, "marc@region.fr", 1, [2, 2, 2, 2], "2025-06-20T11:00:00+02:00");
    evaluate(host, jury, "ines@cd62.fr", 1, "conflit", "2025-06-20T12:00:00+02:00");
    // Marc corrects his evaluation: the later one replaces the first.
    evaluate(host, jury, "marc@region.fr", 1, [4, 4, 3, 5], "2025-06-21T09:00:00+02:00");
    evaluate(host, jury, "curieux@exemple.fr", 1, [0, 0, 0, 0], "2025-06-21T10:00:00+02:00");
    evaluate(host, jury, "AWA@lianes.org", 2, [5, 5, 5, 5], "2025-06-21T11:00:00+02:00");
    evaluate(host, jury, "marc@region.fr", 2, [2, 3, 3, 2], "2025-06-21T12:00:00+02:00");

    // N° 1: Awa 22/5 = 4,4 and Marc 20/5 = 4,0 → 4,2; Inès in conflict.
    expect(column(host, "Candidatures", "Évaluations jury")).toEqual(["2 / 2", "2 / 3", "0 / 3"]);
    expect(column(host, "Candidatures", "Jury : Besoin identifié avec le partenaire")).toEqual([
      4.5,
      3.5,
      "",
    ]);
    expect(column(host, "Candidatures", "Moyenne pondérée jury")).toEqual([4.2, 3.7, ""]);
    // N° 2: Awa 5,0 and Marc 12/5 = 2,4: a spread of 2,6 points, to discuss.
    expect(column(host, "Candidatures", "Écart jury")).toEqual([0.4, 2.6, ""]);
    expect(column(host, "Candidatures", "À discuter")).toEqual(["", "Oui", ""]);
    expect(column(host, "Candidatures", "Conflits déclarés")).toEqual([1, 0, 0]);

    const jurySheet = host.values("Jury EXPLOR-2025");
    const flat = jurySheet.flat().map(String);
    expect(flat).toContain("conflit");
    expect(flat).toContain("évaluée (remplace 1 envoi)");
    expect(flat).toContain("curieux@exemple.fr");
    expect(flat).toContain("adresse qui n'est pas celle d'un membre du jury");

    // The committee's ranking in the decision summary: N° 1 (4,2) before N° 2 (3,7), N° 3 unscored.
    const summary = host.values("Synthèse EXPLOR-2025");
    const rankHeader = summary.findIndex((r) => r.includes("Moyenne pondérée jury"));
    const start = summary[rankHeader]?.indexOf("Rang") ?? -1;
    const ranking = summary.slice(rankHeader + 1, rankHeader + 4).map((r) => r.slice(start, start + 7));
    expect(ranking.map((r) => [r[0], r[1], r[3]])).toEqual([
      [1, 1, 4.2],
      [2, 2, 3.7],
      ["", 3, ""],
    ]);
    expect(ranking[1]?.[6]).toBe("À discuter (écart ≥ 2 points)");
  });

  it("leaves reviewer columns untouched", () => {
    const { host, jury } = juryReady();
    const sheet = host.spreadsheet.getSheetByName("Candidatures");
    const header = host.values("Candidatures")[0] ?? [];
    const instructor = header.indexOf("Instructeur") + 1;
    sheet?.getRange(2, instructor).setValue("Awa D.");
    evaluate(host, jury, "awa@lianes.org", 1, [3, 3, 3, 3], "2025-06-20T10:00:00+02:00");
    expect(column(host, "Candidatures", "Instructeur")[0]).toBe("Awa D.");
    expect(column(host, "Candidatures", "Statut")).toEqual(["À instruire", "À instruire", "À instruire"]);
  });

  it("lists each member's missing evaluations with a reminder", () => {
    const { host, jury } = juryReady();
    evaluate(host, jury, "awa@lianes.org", 1, [3, 3, 3, 3], "2025-06-20T10:00:00+02:00");
    evaluate(host, jury, "awa@lianes.org", 2, "conflit", "2025-06-20T10:05:00+02:00");
    host.ui.alerts.length = 0;
    host.runMenuItem("Évaluations manquantes");
    expect(host.ui.alerts.at(-1)).toContain("- Awa Diallo : 1 à évaluer");
    expect(host.ui.alerts.at(-1)).toContain("- Marc Leroy : 3 à évaluer");
    const flat = host.values("Jury EXPLOR-2025").flat().map(String);
    expect(flat.some((c) => c.startsWith("Bonjour") || c.includes("Bonjour Marc Leroy,"))).toBe(true);
  });

  it("20 evaluations at once are all counted, once", () => {
    const { host, jury } = juryReady();
    const members = Array.from({ length: 20 }, (_, i) => [`Membre ${i + 1}`, `m${i + 1}@jury.fr`, ""]);
    host.spreadsheet.getSheetByName("Jury EXPLOR-2025")?.getRange(5, 1, 20, 3).setValues(members);
    const choice = choices(jury)[0] as string;
    host.submitConcurrently(
      jury,
      members.map(([, email], i) => ({
        answers: evaluationAnswers(
          call,
          choice,
          [1, 1, 1, 1].map(() => (i % 5) + 1),
        ),
        email: email as string,
        timestamp: new Date(Date.parse("2025-06-20T10:00:00+02:00") + i * 1000),
      })),
      // The worst case: all arrive while the first one holds the lock, and give up waiting.
      { arrivalEvery: 8, givesUpWaiting: (i) => i > 0, onlyWhileLocked: true },
    );
    expect(host.log.lines.filter((l) => l.includes("verrou occupé")).length).toBeGreaterThan(10);
    // Members score 1,2,3,4,5 four times each: mean 3.
    expect(column(host, "Candidatures", "Évaluations jury")[0]).toBe("20 / 20");
    expect(column(host, "Candidatures", "Moyenne pondérée jury")[0]).toBe(3);
  });

  it("hostile text in a comment stays text", () => {
    const { host, jury } = juryReady();
    const hostile = HOSTILE_STRINGS.slice(0, 5).map((h) => h.text);
    hostile.forEach((text, i) => {
      evaluate(host, jury, "awa@lianes.org", 1, [3, 3, 3, 3], `2025-06-20T10:0${i}:00+02:00`, text);
    });
    const sheet = host.spreadsheet.getSheetByName("Jury EXPLOR-2025");
    const formulas = sheet?.getDataRange().getFormulas().flat() ?? [];
    expect(formulas.filter((f) => f !== "" && !f.startsWith('=HYPERLINK("#gid='))).toEqual([]);
  });

  it("a member list with a bad e-mail is refused in French, naming the row", () => {
    const { host } = juryReady();
    host.spreadsheet.getSheetByName("Jury EXPLOR-2025")?.getRange(6, 2).setValue("marc@region");
    host.ui.alerts.length = 0;
    host.runMenuItem("Évaluations manquantes");
    expect(host.ui.alerts.at(-1)).toContain(
      "E-mail de membre du jury invalide (e-mail, ligne 6) : « marc@region »",
    );
  });

  it("erasing an applicant (RGPD) erases them from the jury too, scores kept", () => {
    const { host, jury } = juryReady();
    evaluate(
      host,
      jury,
      "awa@lianes.org",
      1,
      [5, 4, 4, 4],
      "2025-06-20T10:00:00+02:00",
      "Solidarité Artois–Sahel connaît bien Thiès.",
    );
    evaluate(host, jury, "marc@region.fr", 1, [4, 4, 3, 5], "2025-06-20T11:00:00+02:00");
    host.runMenuItem(
      "Effacer les données d'un candidat…",
      { kind: "prompt", button: "OK", text: "1" },
      { kind: "alert", button: "YES" },
    );
    const everything = host.spreadsheet
      .getSheets()
      .flatMap((s) => s.getDataRange().getValues().flat())
      .map(String);
    expect(everything.filter((c) => c.includes("Solidarité Artois–Sahel"))).toEqual([]);
    expect(everything.filter((c) => c.includes("Maraîchage"))).toEqual([]);
    expect(
      jury
        .getResponses()
        .some((r) => r.getItemResponses().some((a) => String(a.getResponse()).startsWith("N° 1 "))),
    ).toBe(false);
    expect(column(host, "Candidatures", "Évaluations jury")[0]).toBe("2 / 3");
    expect(column(host, "Candidatures", "Moyenne pondérée jury")[0]).toBe(4.2);
  });

  it("a member's own data can be erased by the same action; their scores still count", () => {
    const { host, jury } = juryReady();
    evaluate(host, jury, "marc@region.fr", 1, [4, 4, 3, 5], "2025-06-20T11:00:00+02:00");
    host.runMenuItem(
      "Effacer les données d'un candidat…",
      { kind: "prompt", button: "OK", text: "Marc@Region.fr" },
      { kind: "alert", button: "YES" },
    );
    const everything = host.spreadsheet
      .getSheets()
      .flatMap((s) => s.getDataRange().getValues().flat())
      .map(String);
    expect(everything.filter((c) => /marc@region\.fr|Marc Leroy|Région Hauts-de-France/i.test(c))).toEqual(
      [],
    );
    expect(jury.getResponses().filter((r) => r.getRespondentEmail() === "marc@region.fr")).toEqual([]);
    expect(column(host, "Candidatures", "Évaluations jury")[0]).toBe("1 / 3");
    expect(column(host, "Candidatures", "Moyenne pondérée jury")[0]).toBe(4);
  });

  it("an application arriving after the jury's scores keeps the committee's ranking in the summary", () => {
    const { host, jury } = juryReady();
    evaluate(host, jury, "awa@lianes.org", 1, [5, 4, 4, 4], "2025-06-20T10:00:00+02:00");
    evaluate(host, jury, "marc@region.fr", 2, [2, 3, 3, 2], "2025-06-20T11:00:00+02:00");
    const ranking = (summary: unknown[][]) => {
      const at = summary.findIndex((r) => r.includes("Moyenne pondérée jury"));
      const start = summary[at]?.indexOf("Rang") ?? -1;
      return summary.slice(at, at + 4).map((r) => r.slice(start, start + 7));
    };
    const before = ranking(host.values("Synthèse EXPLOR-2025"));
    const logged = host.log.lines.length;
    const form = [...host.forms.forms.values()].find((f) => f.getTitle() !== "Évaluation EXPLOR-2025");
    if (!form) throw new Error("pas de formulaire de candidature");
    // Taken on its own (issue 14 §4): its row, the count « À instruire », the ranking kept as it was.
    apply(host, form, "Nord–Sud Santé", "Dispensaire", "2025-06-22T10:00:00+02:00");
    expect(host.log.lines.slice(logged).join("\n")).not.toContain("synchronisation complète");
    expect(column(host, "Candidatures", "Association")).toHaveLength(4);
    expect(ranking(host.values("Synthèse EXPLOR-2025"))).toEqual(before);
    expect(before[1]?.slice(0, 4)).toEqual([1, 1, "Solidarité Artois–Sahel", 4.4]);
  });
});
