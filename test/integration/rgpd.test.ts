/**
 * Lianes › Effacer les données d'un candidat… on the local host, with the built bundle: one
 * applicant's personal data leave every sheet and the form, the others' stay, the application
 * keeps its row (N°, date, eligibility, status, decision), and later syncs leave it so.
 */
import { describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS, PAM_ANSWERS } from "../../dev/fixtures/intake-samples";
import { createHost, type FakeForm, type Host, type ScriptedAnswer } from "../../dev/host";
import { callById } from "../../src/core/intake/calls";

const ERASE = "Effacer les données d'un candidat…";
const prompt = (text: string, button: "OK" | "CANCEL" = "OK"): ScriptedAnswer => ({
  kind: "prompt",
  button,
  text,
});
const confirm = (button: "YES" | "NO"): ScriptedAnswer => ({ kind: "alert", button });

function byLabel(callId: string, answers: Readonly<Record<string, unknown>>): Record<string, string> {
  const call = callById(callId);
  return Object.fromEntries(
    call.questions.filter((q) => answers[q.id] !== undefined).map((q) => [q.label, String(answers[q.id])]),
  );
}

/** An EXPLOR application whose every personal answer carries `who` (so it can be searched for). */
function applicant(who: string): { answers: Record<string, unknown>; email: string } {
  return {
    email: `${who.toLowerCase()}@asso-${who.toLowerCase()}.fr`,
    answers: {
      ...EXPLOR_ANSWERS,
      associationNom: `Association ${who}`,
      associationIdentifiant: who === "Beta" ? "W622009999" : who === "Alpha" ? "W621001111" : "W623003333",
      contactNom: `Camille ${who}`,
      contactEmail: `contact.${who.toLowerCase()}@exemple.fr`,
      contactTelephone:
        who === "Beta" ? "06 12 34 56 78" : who === "Alpha" ? "03 21 11 11 11" : "03 22 33 33 33",
      partenaireNom: `Partenaire ${who}`,
      partenaireVille: `Ville-${who}`,
      projetTitre: `Projet ${who} au Sénégal`,
      projetResume: `Résumé du projet ${who}, avec Mme ${who}-Diallo.`,
      missionProfil: `Expert ${who} en irrigation`,
      besoinComment: `Rencontre avec M. ${who} en 2024.`,
    },
  };
}

const PERSONAL_IDS = callById("EXPLOR-2025")
  .questions.filter((q) => q.personal)
  .map((q) => q.id);

function personalStrings(a: { answers: Record<string, unknown>; email: string }): string[] {
  return [a.email, ...PERSONAL_IDS.map((id) => String(a.answers[id]))];
}

function setup(): { host: Host; form: FakeForm; people: ReturnType<typeof applicant>[] } {
  const host = createHost();
  host.call("onOpen", {});
  host.runMenuItem("Créer le formulaire…", prompt("EXPLOR-2025"));
  const form = [...host.forms.forms.values()].at(-1);
  if (!form) throw new Error("no form");
  const people = ["Alpha", "Beta", "Gamma"].map(applicant);
  people.forEach((p, i) => {
    host.submitForm(form, {
      answers: byLabel("EXPLOR-2025", p.answers),
      email: p.email,
      timestamp: new Date(`2025-06-0${i + 1}T10:00:00+02:00`),
    });
  });
  host.runMenuItem("Synchroniser les candidatures");
  // The team instructs Beta: retained, with a decision and an internal comment naming a person.
  const review = host.spreadsheet.getSheetByName("Candidatures");
  const header = host.values("Candidatures")[0] as string[];
  review?.getRange(3, header.indexOf("Statut") + 1).setValue("Retenue");
  review?.getRange(3, header.indexOf("Décision") + 1).setValue("Accord : 1 000 € de prise en charge");
  review?.getRange(3, header.indexOf("Commentaire interne") + 1).setValue("Appeler Camille Beta lundi");
  review?.getRange(3, header.indexOf("Instructeur") + 1).setValue("Équipe Lianes");
  host.runMenuItem("Synchroniser les candidatures");
  return { host, form, people };
}

/** Every cell of every sheet, values and formulas, as text. */
function allCells(host: Host): string[] {
  return host.spreadsheet.getSheets().flatMap((s) => {
    if (s.getLastRow() === 0) return [];
    const range = s.getDataRange();
    return [
      ...range
        .getValues()
        .flat()
        .map((v) => String(v)),
      ...range.getFormulas().flat(),
    ];
  });
}

/** Every e-mail and answer the form still holds. */
function formTexts(form: FakeForm): string[] {
  return form
    .getResponses()
    .flatMap((r) => [r.getRespondentEmail(), ...r.getItemResponses().map((i) => String(i.getResponse()))]);
}

function workbook(host: Host): Record<string, unknown[][]> {
  return Object.fromEntries(
    host.spreadsheet.getSheets().map((s) => [s.getName(), s.getDataRange().getValues()]),
  );
}

const rowOf = (host: Host, n: number) => host.values("Candidatures").find((r) => r[0] === n) as unknown[];
const headerOf = (host: Host) => host.values("Candidatures")[0] as string[];

function contains(texts: readonly string[], needle: string): boolean {
  const n = needle.toLowerCase();
  return texts.some((t) => t.toLowerCase().includes(n));
}

describe("Lianes › Effacer les données d'un candidat…", () => {
  it("erases one applicant everywhere, keeps the others and the application's facts", () => {
    const { host, form, people } = setup();
    const [alpha, beta, gamma] = people as [
      ReturnType<typeof applicant>,
      ReturnType<typeof applicant>,
      ReturnType<typeof applicant>,
    ];
    const header = headerOf(host);
    const col = (h: string) => header.indexOf(h);
    const before = rowOf(host, 2);
    const alphaRow = rowOf(host, 1);
    const gammaRow = rowOf(host, 3);
    const summaryBefore = host.values("Synthèse EXPLOR-2025").flat();
    expect(summaryBefore).toContain("Retenues : 1 / 6");
    expect(contains(allCells(host), "Camille Beta")).toBe(true);
    expect(form.getResponses()).toHaveLength(3);
    const logFrom = host.log.lines.length;

    host.runMenuItem(ERASE, prompt("2"), confirm("YES"));

    // The confirmation named the applicant; the last alert says what was done.
    const alerts = host.ui.alerts.slice(-2);
    expect(alerts[0]).toContain("« Association Beta »");
    expect(alerts[0]).toContain("n° 2 (EXPLOR-2025");
    expect(alerts[1]).toMatch(/^Données effacées — Candidature n° 2 .*réponse est supprimée du formulaire/s);

    // Nothing personal of Beta remains, in any cell of any sheet, nor in the form.
    const cells = allCells(host);
    for (const s of [...personalStrings(beta), "Appeler Camille Beta lundi", "asso-beta"]) {
      expect(contains(cells, s), s).toBe(false);
      expect(contains(formTexts(form), s), s).toBe(false);
    }
    expect(form.getResponses()).toHaveLength(2);
    // Nor in what the erasure wrote to the execution log.
    for (const line of host.log.lines.slice(logFrom)) {
      for (const s of personalStrings(beta)) expect(line).not.toContain(s);
    }
    expect(
      host.log.lines
        .slice(logFrom)
        .some((l) => l.includes("RGPD : données personnelles de la candidature n° 2")),
    ).toBe(true);

    // The others are untouched.
    for (const s of [...personalStrings(alpha), ...personalStrings(gamma)])
      expect(contains(cells, s), s).toBe(true);
    expect(rowOf(host, 1)).toEqual(alphaRow);
    expect(rowOf(host, 3)).toEqual(gammaRow);

    // Beta's row: N°, date, eligibility, status, scores, decision and instructor kept.
    const after = rowOf(host, 2);
    const marker = /^Données effacées le \d{2}\/\d{2}\/\d{4} \(RGPD\)$/;
    expect(after[col("Association")]).toMatch(marker);
    expect(after[col("Commentaire interne")]).toMatch(marker);
    for (const h of [
      "Reçue le",
      "Département",
      "Pays partenaire",
      "Liste CAD",
      "Durée (jours)",
      "Éligibilité",
      "Hors délai",
      "Statut",
      "Décision",
      "Instructeur",
    ]) {
      expect(after[col(h)], h).toEqual(before[col(h)]);
    }
    expect(after[col("Éligibilité")]).toBe("Éligible");
    expect(after[col("Statut")]).toBe("Retenue");
    expect(String(after[col("Clé")])).not.toBe(before[col("Clé")]);
    expect(String(after[col("Clé")])).not.toContain("@");
    expect(String(after[col("Réponses")])).toContain("Titre du projet : Données effacées le");
    expect(String(after[col("Réponses")])).toContain(
      "Budget total indicatif de la mission (€) : 1\u202f497\u00a0€",
    );
    expect(host.values("Candidatures")).toHaveLength(4);

    // The summary still counts the retained application, under the mention.
    const summary = host.values("Synthèse EXPLOR-2025");
    expect(summary.flat()).toContain("Retenues : 1 / 6");
    const retained = summary.find((r) => r[0] === "Retenue" && r[1] === 2);
    expect(retained?.[2]).toMatch(marker);
    expect(retained?.[4]).toBe("Accord : 1 000 € de prise en charge");

    // The responses sheet keeps the row, its facts, and the mention in each personal cell.
    const responses = host.values("Réponses au formulaire 1");
    expect(responses).toHaveLength(4);
    const rHeader = responses[0] as string[];
    const erased = responses[2] as unknown[];
    expect(erased[rHeader.indexOf("Adresse e-mail")]).toMatch(marker);
    expect(erased[rHeader.indexOf("Nom de l'association")]).toMatch(marker);
    expect(String(erased[rHeader.indexOf("Code postal du siège")])).toBe("62000");
    expect(erased[rHeader.indexOf("Pays du partenaire")]).toBe("Sénégal");

    // A later sync changes nothing and says nothing about it; a new submission neither.
    const erasedState = workbook(host);
    const syncFrom = host.log.lines.length;
    host.runMenuItem("Synchroniser les candidatures");
    expect(workbook(host)).toEqual(erasedState);
    expect(host.ui.alerts.at(-1)).toBe("EXPLOR-2025 : 0 ajoutée(s), 3 à jour");
    expect(host.log.lines.slice(syncFrom).join("\n")).not.toMatch(/absente|illisible|double/);
    const delta = applicant("Delta");
    host.submitForm(form, {
      answers: byLabel("EXPLOR-2025", delta.answers),
      email: delta.email,
      timestamp: new Date("2025-06-10T10:00:00+02:00"),
    });
    const rows = host.values("Candidatures").slice(1);
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4]);
    expect(rowOf(host, 2)).toEqual(after);
    expect(rows.map((r) => r[col("Association")])).toEqual([
      "Association Alpha",
      after[col("Association")],
      "Association Gamma",
      "Association Delta",
    ]);
    const cellsLater = allCells(host);
    for (const s of personalStrings(beta)) expect(contains(cellsLater, s), s).toBe(false);
    expect(host.log.lines.slice(syncFrom).join("\n")).not.toMatch(/absente|illisible|double/);
  });

  it("finds the application by its key or its e-mail, and refuses to erase it twice", () => {
    const { host, form, people } = setup();
    const beta = people[1] as ReturnType<typeof applicant>;
    host.runMenuItem(ERASE, prompt(beta.email.toUpperCase()), confirm("YES"));
    expect(form.getResponses()).toHaveLength(2);
    expect(contains(allCells(host), beta.email)).toBe(false);
    const state = workbook(host);
    host.runMenuItem(ERASE, prompt("EXPLOR-2025 2"));
    expect(host.ui.alerts.at(-1)).toMatch(/déjà été effacées le \d{2}\/\d{2}\/\d{4}\. Rien n'a changé\./);
    expect(workbook(host)).toEqual(state);

    const gammaKey = String(rowOf(host, 3)[headerOf(host).indexOf("Clé")]);
    host.runMenuItem(ERASE, prompt(gammaKey), confirm("YES"));
    expect(form.getResponses()).toHaveLength(1);
    expect(contains(allCells(host), "Camille Gamma")).toBe(false);
    expect(contains(allCells(host), "Camille Alpha")).toBe(true);
  });

  it("an unknown N°, a cancelled prompt or a « Non » change nothing", () => {
    const { host, form } = setup();
    const state = workbook(host);
    const alerts = host.ui.alerts.length;
    host.runMenuItem(ERASE, prompt("7"));
    expect(host.ui.alerts.slice(alerts)).toEqual([
      "Effacer les données d'un candidat — Aucune candidature ne correspond à « 7 » : indiquez le N° affiché dans la feuille d'instruction. Rien n'a changé.",
    ]);
    host.runMenuItem(ERASE, prompt("2025-06-01T08:00:00Z|inconnu@exemple.fr|00000000"));
    expect(host.ui.alerts.at(-1)).toMatch(/Aucune candidature ne correspond/);
    host.runMenuItem(ERASE, prompt("n'importe quoi"));
    expect(host.ui.alerts.at(-1)).toMatch(/Réponse non reconnue : « n'importe quoi »/);
    host.runMenuItem(ERASE, prompt("2", "CANCEL"));
    host.runMenuItem(ERASE, prompt("2"), confirm("NO"));
    expect(workbook(host)).toEqual(state);
    expect(form.getResponses()).toHaveLength(3);
    expect(host.lock.heldBy()).toBeUndefined();
  });

  it.each([
    ["the summary's first write", "Range.setValues", 2],
    ["the review row's write", "Range.setValues", 1],
    ["the fifth cell of the responses sheet", "Range.setValue", 5],
  ] as const)("a failure at %s leaves every sheet and the form as they were", (_what, call, occurrence) => {
    const { host, form } = setup();
    const formulas = () =>
      host.spreadsheet.getSheets().map((s) => (s.getLastRow() ? s.getDataRange().getFormulas() : []));
    const state = workbook(host);
    const formulasBefore = formulas();
    host.counter.failOn(call, occurrence);
    expect(() => host.runMenuItem(ERASE, prompt("2"), confirm("YES"))).toThrow();
    expect(workbook(host)).toEqual(state);
    expect(formulas()).toEqual(formulasBefore);
    expect(form.getResponses()).toHaveLength(3);
    expect(host.lock.heldBy()).toBeUndefined();
    // And it can be done again once the service answers.
    host.runMenuItem(ERASE, prompt("2"), confirm("YES"));
    expect(contains(allCells(host), "Camille Beta")).toBe(false);
    host.runMenuItem("Synchroniser les candidatures");
    expect(host.values("Candidatures")).toHaveLength(4);
  });

  it("waits for no one: with the lock held elsewhere, it says so and changes nothing", () => {
    const { host, form } = setup();
    const state = workbook(host);
    host.lock.holdBy("une synchronisation");
    host.runMenuItem(ERASE, prompt("2"), confirm("YES"));
    expect(host.ui.alerts.at(-1)).toMatch(/Effacement impossible pour l'instant/);
    host.lock.holdBy(undefined);
    expect(workbook(host)).toEqual(state);
    expect(form.getResponses()).toHaveLength(3);
  });

  it("erases a PAM-2025 registration, named by its call and N°, beside an EXPLOR one", () => {
    const { host } = setup();
    host.runMenuItem("Créer le formulaire…", prompt("PAM-2025"));
    const pam = [...host.forms.forms.values()].at(-1) as FakeForm;
    host.submitForm(pam, {
      answers: byLabel("PAM-2025", PAM_ANSWERS),
      email: "karim@mjc-lens.fr",
      timestamp: new Date("2024-11-20T10:00:00+01:00"),
    });
    host.runMenuItem(ERASE, prompt("PAM-2025 1"), confirm("YES"));
    const cells = allCells(host);
    for (const s of ["Karim Benali", "MJC de Lens", "karim@mjc-lens.fr", "Cracovie", "Nowa Huta"]) {
      expect(contains(cells, s), s).toBe(false);
    }
    expect(pam.getResponses()).toHaveLength(0);
    const pamRow = host.values("Candidatures PAM-2025")[1] as unknown[];
    expect(pamRow[0]).toBe(1);
    expect(contains(cells, "Camille Alpha")).toBe(true);
    expect(contains(cells, "Camille Beta")).toBe(true);
    // A number alone is ambiguous with two calls (from a sheet that is neither review sheet).
    host.spreadsheet.setActiveSheet(host.spreadsheet.getSheetByName("Réponses au formulaire 1") as never);
    host.runMenuItem(ERASE, prompt("1"));
    expect(host.ui.alerts.at(-1)).toMatch(/Plusieurs candidatures correspondent à « 1 »/);
  });

  it("points at cells of other sheets still holding the applicant's data, without touching them", () => {
    const { host } = setup();
    const notes = host.spreadsheet.insertSheet("Suivi");
    notes.getRange(2, 2).setValue("Rappeler Camille Beta");
    host.runMenuItem(ERASE, prompt("2"), confirm("YES"));
    expect(host.ui.alerts.at(-1)).toContain("« Suivi » B2");
    expect(host.values("Suivi")[1]?.[1]).toBe("Rappeler Camille Beta");
  });

  it("erases an application whose response was deleted from the responses sheet", () => {
    const { host, form } = setup();
    const responses = host.spreadsheet.getSheetByName("Réponses au formulaire 1");
    responses?.deleteRow(3);
    host.runMenuItem("Synchroniser les candidatures");
    host.runMenuItem(ERASE, prompt("2"), confirm("YES"));
    const cells = allCells(host);
    for (const s of ["Association Beta", "beta@asso-beta.fr", "Projet Beta", "Appeler Camille Beta"]) {
      expect(contains(cells, s), s).toBe(false);
    }
    expect(form.getResponses()).toHaveLength(2);
    expect(rowOf(host, 2)[headerOf(host).indexOf("Statut")]).toBe("Retenue");
  });
});
