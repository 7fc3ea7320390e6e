/**
 * Issue 7 §1 — nothing lost, nothing doubled: concurrent submissions, replayed, blank and
 * stale events, a responses sheet reworked by a user, a sorted review sheet, a failing run.
 * The real built bundle runs on the local host; the host interleaves the handlers.
 */
import { describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS } from "../../dev/fixtures/intake-samples";
import type { FakeSubmission, Host } from "../../dev/host";
import { callById } from "../../src/core/intake/calls";
import { hostWithForm } from "../support/intake";

const CALL_ID = "EXPLOR-2025";
const REVIEW = "Candidatures";
const RESPONSES = "Réponses au formulaire 1";

const withForm = () => hostWithForm(CALL_ID);

/** The n-th applicant (1-based): its own association, e-mail and second of arrival. */
function applicant(n: number, associationNom = `Association ${n}`): FakeSubmission {
  const call = callById(CALL_ID);
  const answers = { ...EXPLOR_ANSWERS, associationNom };
  return {
    answers: Object.fromEntries(
      call.questions
        .filter((q) => answers[q.id as keyof typeof answers] !== undefined)
        .map((q) => [q.label, String(answers[q.id as keyof typeof answers])]),
    ),
    email: `candidat${n}@example.org`,
    timestamp: new Date(Date.UTC(2025, 5, 1, 8, 0, n)),
  };
}

function column(host: Host, sheet: string, header: string): unknown[] {
  const values = host.values(sheet);
  const i = (values[0] as string[]).indexOf(header);
  if (i < 0) throw new Error(`pas de colonne « ${header} » dans ${sheet}`);
  return values.slice(1).map((r) => r[i]);
}

const pendingNotes = (host: Host) =>
  host.documentProperties.getKeys().filter((k) => k.startsWith("lianes.attente."));

const logText = (host: Host) => host.log.lines.join("\n");

describe("20 submissions at the same time", () => {
  const TWENTY = Array.from({ length: 20 }, (_, i) => applicant(i + 1));

  it("gives 20 rows, none lost, none doubled, with one lock holder at a time and some waits timing out", () => {
    const { host, form } = withForm();
    const run = host.submitConcurrently(form, TWENTY, {
      arrivalEvery: 15,
      givesUpWaiting: (i) => i % 3 === 1,
    });

    const associations = column(host, REVIEW, "Association");
    const submitted = TWENTY.map((_, i) => `Association ${i + 1}`);
    const lost = submitted.filter((a) => !associations.includes(a));
    const doubled = associations.length - new Set(associations).size;
    expect({ rows: associations.length, lost: lost.length, doubled }).toEqual({
      rows: 20,
      lost: 0,
      doubled: 0,
    });
    expect(new Set(column(host, REVIEW, "Clé")).size).toBe(20);
    expect(column(host, REVIEW, "N°")).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    // The handlers really overlapped, some gave up waiting, and none of their responses waits still.
    expect(run.started).toHaveLength(20);
    expect(run.overlapping).toBeGreaterThan(5);
    expect(host.lock.log.filter((o) => o === "timed out").length).toBeGreaterThan(2);
    console.info(
      `20 envois simultanés : ${run.overlapping} handlers démarrés pendant un autre, ` +
        `${host.lock.log.filter((o) => o === "timed out").length} attentes du verrou expirées, ` +
        `${associations.length} lignes, ${lost.length} perdue, ${doubled} en double`,
    );
    expect(pendingNotes(host)).toEqual([]);
    expect(logText(host)).toMatch(/verrou occupé, la réponse de la ligne \d+ est notée en attente/);
    expect(logText(host)).toMatch(/réponse\(s\) laissée\(s\) en attente reprise\(s\)/);

    // One holder at a time: every acquisition follows the previous holder's release.
    let holder: string | undefined;
    for (const step of host.lock.history) {
      if (step.outcome === "acquired") {
        expect(holder === undefined || holder === step.execution).toBe(true);
        holder = step.execution;
      }
      if (step.outcome === "released") holder = undefined;
    }
  });

  it("keeps them all when 19 arrive during the first one's sync and all give up waiting", () => {
    const { host, form } = withForm();
    host.submitConcurrently(form, TWENTY, {
      arrivalEvery: 3,
      givesUpWaiting: (i) => i > 0,
      onlyWhileLocked: true,
    });
    expect(host.lock.log.filter((o) => o === "timed out")).toHaveLength(19);
    // The first handler syncs again before letting go of the lock: nothing waits for another event.
    expect(new Set(column(host, REVIEW, "Association")).size).toBe(20);
    expect(column(host, REVIEW, "Association")).toHaveLength(20);
    expect(pendingNotes(host)).toEqual([]);
  });

  it("leaves pending notes that the next sync picks up when no handler can take them", () => {
    const { host, form } = withForm();
    host.lock.holdBy("une autre exécution");
    for (const s of TWENTY.slice(0, 5)) host.submitForm(form, s);
    expect(pendingNotes(host)).toHaveLength(5);
    // The notes name the call and a hash of the key: no e-mail in the properties.
    expect(JSON.stringify(host.documentProperties.getProperties())).not.toContain("@example.org");
    expect(host.spreadsheet.getSheetByName(REVIEW)).toBeNull();

    host.lock.holdBy(undefined);
    host.runMenuItem("Synchroniser les candidatures", { kind: "alert", button: "OK" });
    expect(column(host, REVIEW, "Association")).toHaveLength(5);
    expect(pendingNotes(host)).toEqual([]);
    expect(logText(host)).toContain("5 réponse(s) laissée(s) en attente reprise(s).");
  });
  it("counts what every round added, and does not loop on a note for a call without responses sheet", () => {
    const { host, form } = withForm();
    host.documentProperties.setProperty(
      "lianes.appel.PAM-2025",
      JSON.stringify({ formId: "formulaire-disparu", itemIds: {} }),
    );
    host.documentProperties.setProperty("lianes.attente.PAM-2025.0badc0de", '{"row":2,"at":""}');
    host.submitConcurrently(form, TWENTY.slice(0, 4), {
      arrivalEvery: 3,
      givesUpWaiting: (i) => i > 0,
      onlyWhileLocked: true,
    });
    expect(column(host, REVIEW, "Association")).toHaveLength(4);
    // One sync, one more for the three left pending: not a third for PAM's stray note.
    expect(logText(host).match(/Appel PAM-2025 : feuille de réponses introuvable/g)).toHaveLength(2);
    expect(logText(host)).toMatch(/Appel EXPLOR-2025 : 4 candidature\(s\) ajoutée\(s\)/);
    expect(logText(host)).not.toContain("était déjà dans la feuille d'instruction");
  });
});

describe("events that are not what they seem", () => {
  it("adds a replayed event once and says so", () => {
    const { host, form } = withForm();
    const event = host.submitForm(form, applicant(1));
    host.call("onFormSubmitLianes", event);
    host.call("onFormSubmitLianes", event);
    expect(column(host, REVIEW, "Association")).toEqual(["Association 1"]);
    expect(logText(host)).toContain(
      "la réponse de la ligne 2 était déjà dans la feuille d'instruction (envoi rejoué ou déjà repris) : rien à ajouter.",
    );
  });

  it("ignores a blank event with a note, without touching the review sheet", () => {
    const { host, form } = withForm();
    host.submitForm(form, applicant(1));
    const before = host.values(REVIEW);
    const event = host.submitForm(form, applicant(2));
    host.call("onFormSubmitLianes", { ...event, values: ["", "", ""], namedValues: {} });
    host.call("onFormSubmitLianes", {});
    expect(host.values(REVIEW)).toHaveLength(before.length + 1);
    expect(logText(host)).toContain("Envoi de formulaire sans réponse ignoré");
  });

  it("syncs anyway when the event's row was deleted before its handler ran, and notes it", () => {
    const { host, form } = withForm();
    host.submitForm(form, applicant(1));
    host.lock.holdBy("une autre exécution");
    const event = host.submitForm(form, applicant(2));
    host.lock.holdBy(undefined);
    host.spreadsheet.getSheetByName(RESPONSES)?.deleteRow(3);
    host.call("onFormSubmitLianes", event);
    expect(column(host, REVIEW, "Association")).toEqual(["Association 1"]);
    expect(logText(host)).toContain("la ligne 3 de la feuille de réponses est vide");
    expect(logText(host)).toContain("Réponse laissée en attente (ligne 3) absente de la feuille de réponses");
    expect(pendingNotes(host)).toEqual([]);
  });
});

describe("sheets reworked by their users", () => {
  function headerIndex(host: Host, sheet: string, header: string): number {
    const i = (host.values(sheet)[0] as string[]).indexOf(header);
    if (i < 0) throw new Error(`pas de colonne « ${header} »`);
    return i + 1;
  }

  it("reads a responses sheet whose columns were moved and renamed, reviewer columns intact", () => {
    const { host, form } = withForm();
    host.submitForm(form, applicant(1));
    host.submitForm(form, applicant(2));
    const review = host.spreadsheet.getSheetByName(REVIEW);
    review?.getRange(2, headerIndex(host, REVIEW, "Statut")).setValue("Retenue");
    review?.getRange(3, headerIndex(host, REVIEW, "Commentaire interne")).setValue("Appeler le 12/06");
    const before = host.values(REVIEW);

    const responses = host.spreadsheet.getSheetByName(RESPONSES);
    if (!responses) throw new Error("no responses sheet");
    const name = headerIndex(host, RESPONSES, "Nom de l'association");
    responses.moveColumns(responses.getRange(1, name, responses.getMaxRows(), 1), 1);
    const country = headerIndex(host, RESPONSES, "Pays du partenaire");
    responses.moveColumns(
      responses.getRange(1, country, responses.getMaxRows(), 1),
      responses.getLastColumn() + 1,
    );
    responses.getRange(1, headerIndex(host, RESPONSES, "Nom de l'association")).setValue("Association (nom)");
    responses.getRange(1, headerIndex(host, RESPONSES, "Horodateur")).setValue("Reçu le");
    host.submitForm(form, applicant(3));

    const after = host.values(REVIEW);
    expect(after.slice(0, 3)).toEqual(before);
    expect(column(host, REVIEW, "Association")).toEqual(["Association 1", "Association 2", "Association 3"]);
    expect(column(host, REVIEW, "Pays partenaire")).toEqual(
      column(host, REVIEW, "Pays partenaire").map(
        () => after[1]?.[headerIndex(host, REVIEW, "Pays partenaire") - 1],
      ),
    );
    expect(column(host, REVIEW, "Éligibilité")[2]).toBe(column(host, REVIEW, "Éligibilité")[0]);
    expect(logText(host)).toContain(
      "Colonnes de réponses renommées, lues quand même par leur question : « Reçu le » (Horodateur), « Association (nom) » (Nom de l'association).",
    );
    expect(logText(host)).toContain("Colonnes de réponses déplacées : chacune est lue par sa question");
  });

  it("keeps each reviewer's notes on its application after the review sheet was sorted", () => {
    const { host, form } = withForm();
    for (const n of [1, 2, 3]) host.submitForm(form, applicant(n));
    const review = host.spreadsheet.getSheetByName(REVIEW);
    if (!review) throw new Error("no review sheet");
    const comment = headerIndex(host, REVIEW, "Commentaire interne");
    const association = headerIndex(host, REVIEW, "Association");
    for (const row of [2, 3, 4]) {
      review.getRange(row, comment).setValue(`Note sur ${review.getRange(row, association).getValue()}`);
    }
    // The user sorts by association, descending (Sheets rewrites the rows in the new order).
    const sorted = host.values(REVIEW).slice(1).reverse();
    const formulas = review
      .getRange(2, 1, 3, sorted[0]?.length ?? 0)
      .getFormulas()
      .reverse();
    review
      .getRange(2, 1, 3, sorted[0]?.length ?? 0)
      .setValues(sorted.map((r, i) => r.map((v, j) => formulas[i]?.[j] || v)));
    host.submitForm(form, applicant(4));

    expect(column(host, REVIEW, "Association")).toEqual([
      "Association 3",
      "Association 2",
      "Association 1",
      "Association 4",
    ]);
    expect(column(host, REVIEW, "Commentaire interne")).toEqual([
      "Note sur Association 3",
      "Note sur Association 2",
      "Note sur Association 1",
      "",
    ]);
    expect(column(host, REVIEW, "N°")).toEqual([3, 2, 1, 4]);
  });
});

describe("a response corrected in the responses sheet", () => {
  it("updates its own row, reviewer notes intact, instead of adding the application again", () => {
    const { host, form } = withForm();
    for (const n of [1, 2]) host.submitForm(form, applicant(n));
    const review = host.spreadsheet.getSheetByName(REVIEW);
    const header = host.values(REVIEW)[0] as string[];
    review?.getRange(2, header.indexOf("Commentaire interne") + 1).setValue("Nom à vérifier");
    const responses = host.spreadsheet.getSheetByName(RESPONSES);
    const name = (host.values(RESPONSES)[0] as string[]).indexOf("Nom de l'association") + 1;
    responses?.getRange(2, name).setValue("Association 1 (nom corrigé)");
    host.runMenuItem("Synchroniser les candidatures", { kind: "alert", button: "OK" });

    expect(column(host, REVIEW, "Association")).toEqual(["Association 1 (nom corrigé)", "Association 2"]);
    expect(column(host, REVIEW, "N°")).toEqual([1, 2]);
    expect(column(host, REVIEW, "Commentaire interne")[0]).toBe("Nom à vérifier");
    expect(column(host, REVIEW, "Réponse complète")[0]).toBe("Voir la réponse");
    expect(logText(host)).toContain(
      "Candidature n° 1 : réponse corrigée dans la feuille de réponses, ligne mise à jour.",
    );
    expect(logText(host)).not.toContain("absente de la feuille de réponses");
  });
});

describe("a sync that fails half-way", () => {
  const snapshot = (host: Host, name: string) => {
    const sheet = host.spreadsheet.getSheetByName(name);
    if (!sheet) return undefined;
    const range = sheet.getDataRange();
    return { values: range.getValues(), formulas: range.getFormulas() };
  };

  it("leaves the review sheet and the summary as they were, and loses nothing", () => {
    const { host, form } = withForm();
    host.submitForm(form, applicant(1, "=1+1"));
    for (const n of [2, 3]) host.submitForm(form, applicant(n));
    const review = host.spreadsheet.getSheetByName(REVIEW);
    const header = host.values(REVIEW)[0] as string[];
    review?.getRange(2, header.indexOf("Statut") + 1).setValue("Retenue");
    review?.getRange(3, header.indexOf("Commentaire interne") + 1).setValue("Dossier complet");
    host.runMenuItem("Synchroniser les candidatures", { kind: "alert", button: "OK" });
    // Two more responses arrive while the lock is busy.
    host.lock.holdBy("une autre exécution");
    for (const n of [4, 5]) host.submitForm(form, applicant(n));
    host.lock.holdBy(undefined);
    const reviewBefore = snapshot(host, REVIEW);
    const summaryBefore = snapshot(host, `Synthèse ${CALL_ID}`);

    // The second write of the sync (the new rows, after the updated ones) fails.
    host.counter.failOn("Range.setValues", 2);
    expect(() => host.runMenuItem("Synchroniser les candidatures", { kind: "alert", button: "OK" })).toThrow(
      /Erreur inattendue/,
    );
    // Restored as it was: the applicant's `=1+1` is still text, not a formula giving 2.
    expect(snapshot(host, REVIEW)).toEqual(reviewBefore);
    expect(snapshot(host, `Synthèse ${CALL_ID}`)).toEqual(summaryBefore);
    expect(pendingNotes(host)).toHaveLength(2);

    host.runMenuItem("Synchroniser les candidatures", { kind: "alert", button: "OK" });
    expect(column(host, REVIEW, "Association")).toEqual([
      "=1+1",
      "Association 2",
      "Association 3",
      "Association 4",
      "Association 5",
    ]);
    expect(column(host, REVIEW, "Statut")[0]).toBe("Retenue");
    expect(column(host, REVIEW, "Commentaire interne")[1]).toBe("Dossier complet");
    expect(pendingNotes(host)).toEqual([]);
  });

  it("removes the review sheet it was creating when its first write fails", () => {
    const { host, form } = withForm();
    host.counter.failOn("Range.setValues", 1);
    expect(() => host.submitForm(form, applicant(1))).toThrow();
    expect(host.spreadsheet.getSheetByName(REVIEW)).toBeNull();
    host.submitForm(form, applicant(2));
    expect(column(host, REVIEW, "Association")).toEqual(["Association 1", "Association 2"]);
  });
});

/**
 * Issue 14 §4 — once the review sheet exists, each submission is taken on its own: its row,
 * the summary's changed cells, nothing else. The same guarantees, proven again on that path.
 */
describe("submissions taken on their own, once the review sheet exists", () => {
  const FULL_SYNC = /synchronisation complète/;

  /** A form whose first applicant is already in the review sheet (the full sync made it). */
  function withReviewSheet() {
    const { host, form } = withForm();
    host.submitForm(form, applicant(1));
    const logged = host.log.lines.length;
    const since = () => host.log.lines.slice(logged).join("\n");
    return { host, form, since };
  }

  const cellsWritten = (host: Host) => host.counter.counts.get("Sheets: écriture de cellules") ?? 0;
  const calls = (host: Host) => host.counter.total() - cellsWritten(host);

  it("adds one row and changes one count of the summary, reading neither sheet whole", () => {
    const { host, form, since } = withReviewSheet();
    const summaryBefore = host.values(`Synthèse ${CALL_ID}`);
    // Forms writes the response row; the trigger that follows is what is counted.
    const event = form.submit(applicant(2));
    host.counter.reset();
    host.call("onFormSubmitLianes", { ...event, range: host.counter.wrap(event.range, "Range") });
    expect(since()).not.toMatch(FULL_SYNC);
    expect(column(host, REVIEW, "Association")).toEqual(["Association 1", "Association 2"]);
    expect(column(host, REVIEW, "N°")).toEqual([1, 2]);
    expect(column(host, REVIEW, "Statut")).toEqual(["À instruire", "À instruire"]);
    const summaryAfter = host.values(`Synthèse ${CALL_ID}`);
    const changed = summaryAfter.flatMap((r, i) =>
      r.flatMap((v, j) => (v === summaryBefore[i]?.[j] ? [] : [[i + 1, j + 1, v]])),
    );
    expect(changed).toEqual([[4, 2, 2]]);
    // One review row (its width) and the summary's changed count row (status, count, places);
    // no getDataRange on the responses or review sheet.
    expect(cellsWritten(host)).toBe((host.values(REVIEW)[0] as unknown[]).length + 3);
    expect(calls(host)).toBeLessThanOrEqual(60);
    expect(host.counter.counts.get("DeveloperMetadataFinder.find") ?? 0).toBe(0);
    // The new row has the rules and formats the full sync gave the first: status list, scores, dates.
    expect(formatsOf(host, 3)).toEqual(formatsOf(host, 2));
  });

  /** A review row's number formats and validation rules, as Sheets would show them. */
  function formatsOf(host: Host, row: number) {
    const width = (host.values(REVIEW)[0] as unknown[]).length;
    const range = host.spreadsheet.getSheetByName(REVIEW)?.getRange(row, 1, 1, width);
    const rules = (range?.getDataValidations()[0] ?? []).map((r) =>
      r ? [r.getCriteriaType(), ...r.getCriteriaValues()] : null,
    );
    expect(rules.filter((r) => r !== null).length).toBeGreaterThan(1);
    return { formats: range?.getNumberFormats()[0], rules };
  }

  it("gives the new row the call's rules and formats when the row above was typed by hand", () => {
    const { host, form } = withReviewSheet();
    host.spreadsheet
      .getSheetByName(REVIEW)
      ?.getRange(3, 1, 1, 2)
      .setValues([["", ""]]);
    host.spreadsheet.getSheetByName(REVIEW)?.getRange(3, 4).setValue("Dossier papier, reçu le 02/06");
    host.submitForm(form, applicant(2));
    expect(column(host, REVIEW, "Association")).toEqual([
      "Association 1",
      "Dossier papier, reçu le 02/06",
      "Association 2",
    ]);
    expect(formatsOf(host, 4)).toEqual(formatsOf(host, 2));
  });

  it("gives 20 rows for 20 submissions at the same time, none lost, none doubled, without the full sync", () => {
    const { host, form, since } = withReviewSheet();
    const twenty = Array.from({ length: 20 }, (_, i) => applicant(i + 2));
    const run = host.submitConcurrently(form, twenty, {
      arrivalEvery: 12,
      givesUpWaiting: (i) => i % 3 === 1,
    });
    const associations = column(host, REVIEW, "Association");
    expect(associations).toHaveLength(21);
    expect(new Set(associations).size).toBe(21);
    expect(new Set(column(host, REVIEW, "Clé")).size).toBe(21);
    expect(column(host, REVIEW, "N°")).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(run.overlapping).toBeGreaterThan(5);
    expect(host.lock.log.filter((o) => o === "timed out").length).toBeGreaterThan(2);
    expect(pendingNotes(host)).toEqual([]);
    expect(since()).toMatch(/verrou occupé, la réponse de la ligne \d+ est notée en attente/);
    expect(since()).toMatch(/réponse\(s\) laissée\(s\) en attente reprise\(s\)/);
    expect(since()).not.toMatch(FULL_SYNC);
    // The summary counts them all, as a full sync would.
    const summary = host.values(`Synthèse ${CALL_ID}`);
    expect(summary[3]?.slice(0, 2)).toEqual(["À instruire", 21]);
    console.info(
      `20 envois simultanés, feuille d'instruction existante : ${run.overlapping} handlers démarrés pendant un autre, ` +
        `${host.lock.log.filter((o) => o === "timed out").length} attentes du verrou expirées, ` +
        `${associations.length - 1} lignes ajoutées, 0 perdue, 0 en double`,
    );
  });

  it("keeps them all when 19 arrive while the first one holds the lock and all give up waiting", () => {
    const { host, form, since } = withReviewSheet();
    const twenty = Array.from({ length: 20 }, (_, i) => applicant(i + 2));
    host.submitConcurrently(form, twenty, {
      arrivalEvery: 3,
      givesUpWaiting: (i) => i > 0,
      onlyWhileLocked: true,
    });
    expect(host.lock.log.filter((o) => o === "timed out")).toHaveLength(19);
    expect(column(host, REVIEW, "Association")).toHaveLength(21);
    expect(new Set(column(host, REVIEW, "Association")).size).toBe(21);
    expect(pendingNotes(host)).toEqual([]);
    expect(since()).not.toMatch(FULL_SYNC);
  });

  it("takes the responses noted while the lock was busy with the next submission", () => {
    const { host, form, since } = withReviewSheet();
    host.lock.holdBy("une autre exécution");
    for (const n of [2, 3, 4, 5, 6]) host.submitForm(form, applicant(n));
    expect(pendingNotes(host)).toHaveLength(5);
    expect(JSON.stringify(host.documentProperties.getProperties())).not.toContain("@example.org");
    expect(column(host, REVIEW, "Association")).toEqual(["Association 1"]);
    host.lock.holdBy(undefined);
    host.submitForm(form, applicant(7));
    expect(column(host, REVIEW, "Association")).toEqual([1, 7, 2, 3, 4, 5, 6].map((n) => `Association ${n}`));
    expect(column(host, REVIEW, "N°")).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pendingNotes(host)).toEqual([]);
    expect(since()).toContain("5 réponse(s) laissée(s) en attente reprise(s).");
    expect(since()).not.toMatch(FULL_SYNC);
  });

  it("adds a replayed event once, says so and writes nothing", () => {
    const { host, form, since } = withReviewSheet();
    const event = host.submitForm(form, applicant(2));
    host.counter.reset();
    host.call("onFormSubmitLianes", event);
    expect(column(host, REVIEW, "Association")).toEqual(["Association 1", "Association 2"]);
    expect(cellsWritten(host)).toBe(0);
    expect(pendingNotes(host)).toEqual([]);
    expect(since()).toContain(
      "la réponse de la ligne 3 était déjà dans la feuille d'instruction (envoi rejoué ou déjà repris) : rien à ajouter.",
    );
    expect(since()).not.toMatch(FULL_SYNC);
  });

  it("rewrites its own application when a response edited on its row is delivered again, notes intact", () => {
    const { host, form, since } = withReviewSheet();
    host.submitForm(form, applicant(2));
    const review = host.spreadsheet.getSheetByName(REVIEW);
    const header = host.values(REVIEW)[0] as string[];
    review?.getRange(2, header.indexOf("Commentaire interne") + 1).setValue("Nom à vérifier");
    review?.getRange(2, header.indexOf("Statut") + 1).setValue("Retenue");
    // The applicant corrects the association's name: Forms rewrites row 2 and fires the trigger again.
    const responses = host.spreadsheet.getSheetByName(RESPONSES);
    const name = (host.values(RESPONSES)[0] as string[]).indexOf("Nom de l'association") + 1;
    responses?.getRange(2, name).setValue("Association 1 (nom corrigé)");
    const width = host.values(RESPONSES)[0]?.length ?? 0;
    host.call("onFormSubmitLianes", {
      range: host.counter.wrap(responses?.getRange(2, 1, 1, width), "Range"),
      values: ["x", "Association 1 (nom corrigé)"],
    });
    expect(column(host, REVIEW, "Association")).toEqual(["Association 1 (nom corrigé)", "Association 2"]);
    expect(column(host, REVIEW, "N°")).toEqual([1, 2]);
    expect(column(host, REVIEW, "Commentaire interne")[0]).toBe("Nom à vérifier");
    expect(column(host, REVIEW, "Statut")[0]).toBe("Retenue");
    expect(since()).toContain(
      "Candidature n° 1 : réponse corrigée dans la feuille de réponses, ligne mise à jour.",
    );
    expect(since()).not.toMatch(FULL_SYNC);
    // The retained application's new name is in the summary too.
    expect(host.values(`Synthèse ${CALL_ID}`).flat()).toContain("Association 1 (nom corrigé)");
  });

  it("leaves a response edited by hand (no event) to Synchroniser les candidatures, and adds the next one", () => {
    const { host, form, since } = withReviewSheet();
    const responses = host.spreadsheet.getSheetByName(RESPONSES);
    const name = (host.values(RESPONSES)[0] as string[]).indexOf("Nom de l'association") + 1;
    responses?.getRange(2, name).setValue("Association 1 (corrigée à la main)");
    host.submitForm(form, applicant(2));
    expect(column(host, REVIEW, "Association")).toEqual(["Association 1", "Association 2"]);
    expect(since()).not.toMatch(FULL_SYNC);
    host.runMenuItem("Synchroniser les candidatures", { kind: "alert", button: "OK" });
    expect(column(host, REVIEW, "Association")).toEqual([
      "Association 1 (corrigée à la main)",
      "Association 2",
    ]);
    expect(column(host, REVIEW, "N°")).toEqual([1, 2]);
  });

  it("after a failed write, leaves both sheets as they were and the response noted, for the next one", () => {
    const { host, form } = withReviewSheet();
    host.submitForm(form, applicant(2, "=1+1"));
    const snapshot = (name: string) => {
      const range = host.spreadsheet.getSheetByName(name)?.getDataRange();
      return { values: range?.getValues(), formulas: range?.getFormulas() };
    };
    const reviewBefore = snapshot(REVIEW);
    const summaryBefore = snapshot(`Synthèse ${CALL_ID}`);
    // The second write of the submission (the summary's count, after the new row) fails.
    host.counter.failOn("Range.setValues", 2);
    expect(() => host.submitForm(form, applicant(3))).toThrow();
    expect(snapshot(REVIEW)).toEqual(reviewBefore);
    expect(snapshot(`Synthèse ${CALL_ID}`)).toEqual(summaryBefore);
    expect(pendingNotes(host)).toHaveLength(1);

    host.submitForm(form, applicant(4));
    expect(column(host, REVIEW, "Association")).toEqual([
      "Association 1",
      "=1+1",
      "Association 4",
      "Association 3",
    ]);
    expect(column(host, REVIEW, "N°")).toEqual([1, 2, 3, 4]);
    expect(pendingNotes(host)).toEqual([]);
  });

  it("grows the review sheet's grid when the new row falls past it, on both paths", () => {
    const { host, form } = withReviewSheet();
    const review = host.spreadsheet.getSheetByName(REVIEW);
    if (!review) throw new Error("no review sheet");
    // Sheets refuses to write past the grid (1 000 rows for a new sheet): here it ends at row 2.
    review.deleteRows(3, review.getMaxRows() - 2);
    expect(review.getMaxRows()).toBe(2);
    host.submitForm(form, applicant(2));
    expect(column(host, REVIEW, "Association")).toEqual(["Association 1", "Association 2"]);
    // What the row needs, and room for the next ones.
    expect(review.getMaxRows()).toBe(103);
    review.deleteRows(4, 100);

    host.lock.holdBy("une autre exécution");
    for (const n of [3, 4]) host.submitForm(form, applicant(n));
    host.lock.holdBy(undefined);
    host.runMenuItem("Synchroniser les candidatures", { kind: "alert", button: "OK" });
    expect(column(host, REVIEW, "Association")).toEqual([1, 2, 3, 4].map((n) => `Association ${n}`));
    expect(review.getMaxRows()).toBe(105);
  });

  it("goes to the full sync when the review sheet is gone, and when its key column was removed", () => {
    const { host, form, since } = withReviewSheet();
    const review = host.spreadsheet.getSheetByName(REVIEW);
    if (!review) throw new Error("no review sheet");
    host.spreadsheet.deleteSheet(review);
    host.submitForm(form, applicant(2));
    expect(since()).toContain(
      "synchronisation complète (première réponse, la feuille d'instruction est à créer)",
    );
    expect(column(host, REVIEW, "Association")).toEqual(["Association 1", "Association 2"]);

    const key = (host.values(REVIEW)[0] as string[]).indexOf("Clé") + 1;
    host.spreadsheet.getSheetByName(REVIEW)?.getRange(1, key).setValue("Identifiant");
    // An input error (the sheet's columns), said in French in the execution's failure, not a bug.
    expect(() => host.submitForm(form, applicant(3))).toThrow(
      "La feuille « Candidatures » n'a pas les colonnes attendues (Clé) : remettez ces colonnes à leur place",
    );
    expect(since()).toContain(
      "synchronisation complète (colonnes de la feuille d'instruction inattendues (Clé))",
    );
    // Nothing lost: the response waits in its note until the sheet is put right.
    expect(pendingNotes(host)).toHaveLength(1);
  });

  it("reads the column tags again, once, after a column of the responses sheet was moved", () => {
    const { host, form, since } = withReviewSheet();
    const responses = host.spreadsheet.getSheetByName(RESPONSES);
    if (!responses) throw new Error("no responses sheet");
    const name = (host.values(RESPONSES)[0] as string[]).indexOf("Nom de l'association") + 1;
    responses.moveColumns(responses.getRange(1, name, responses.getMaxRows(), 1), 1);
    host.counter.reset();
    host.submitForm(form, applicant(2));
    expect(host.counter.counts.get("DeveloperMetadataFinder.find")).toBe(1);
    host.counter.reset();
    host.submitForm(form, applicant(3));
    expect(host.counter.counts.get("DeveloperMetadataFinder.find") ?? 0).toBe(0);
    expect(column(host, REVIEW, "Association")).toEqual(["Association 1", "Association 2", "Association 3"]);
    expect(since()).toContain("Colonnes de réponses déplacées");
    expect(since()).not.toMatch(FULL_SYNC);
  });

  it("leaves the sheets exactly as Synchroniser les candidatures would, statuses and a correction included", () => {
    const { host, form, since } = withReviewSheet();
    for (const n of [2, 3, 4]) host.submitForm(form, applicant(n, n === 3 ? "+33 Solidarité" : undefined));
    const review = host.spreadsheet.getSheetByName(REVIEW);
    const header = host.values(REVIEW)[0] as string[];
    // Reviewers instruct while responses still arrive: the summary is refreshed by the next one.
    review?.getRange(3, header.indexOf("Statut") + 1).setValue("Retenue");
    review?.getRange(4, header.indexOf("Statut") + 1).setValue("Refusée");
    for (const n of [5, 6]) host.submitForm(form, applicant(n));
    expect(since()).not.toMatch(FULL_SYNC);
    const sheets = () =>
      [REVIEW, `Synthèse ${CALL_ID}`].map((name) => {
        const range = host.spreadsheet.getSheetByName(name)?.getDataRange();
        return { name, values: range?.getValues(), formulas: range?.getFormulas() };
      });
    const incremental = sheets();
    host.runMenuItem("Synchroniser les candidatures", { kind: "alert", button: "OK" });
    expect(sheets()).toEqual(incremental);
  });
});
