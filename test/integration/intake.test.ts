import { describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS, PAM_ANSWERS } from "../../dev/fixtures/intake-samples";
import type { FakeForm, Host } from "../../dev/host";
import { callById, choicesOf } from "../../src/core/intake/calls";
import { hostWithForm } from "../support/intake";

function answersByLabel(callId: string, answers: Readonly<Record<string, unknown>>): Record<string, string> {
  const call = callById(callId);
  return Object.fromEntries(
    call.questions.filter((q) => answers[q.id] !== undefined).map((q) => [q.label, String(answers[q.id])]),
  );
}

const withForm = hostWithForm;

function apply(host: Host, form: FakeForm, email: string, at: string, changes: Record<string, unknown> = {}) {
  return host.submitForm(form, {
    answers: answersByLabel("EXPLOR-2025", { ...EXPLOR_ANSWERS, ...changes }),
    email,
    timestamp: new Date(at),
  });
}

const column = (host: Host, sheet: string, header: string) => {
  const values = host.values(sheet);
  const i = (values[0] as string[]).findIndex((h) => h.startsWith(header));
  return values.slice(1).map((r) => r[i]);
};

describe("Lianes › Créer le formulaire…", () => {
  it("builds the EXPLOR form from its definition, linked to the spreadsheet, with one trigger", () => {
    const { host, form } = withForm("EXPLOR-2025");
    const call = callById("EXPLOR-2025");
    const items = form.getItems();
    expect(items.map((i) => i.getTitle())).toEqual(call.questions.map((q) => q.label));
    expect(items.map((i) => i.isRequired())).toEqual(call.questions.map((q) => q.required));
    const country = items[call.questions.findIndex((q) => q.id === "partenairePays")];
    const countryQuestion = call.questions.find((q) => q.id === "partenairePays");
    expect(country?.choices).toEqual(countryQuestion ? [...choicesOf(countryQuestion)] : []);
    expect(country?.choices).toContain("Autre pays");
    const email = items[call.questions.findIndex((q) => q.type === "email")];
    expect(email?.validation?.requirements).toEqual(["email"]);
    expect(form.collectsEmail()).toBe(true);
    expect(form.confirmationMessage).toBe(call.confirmationMessage);
    expect(host.scriptApp.triggers).toHaveLength(1);
    expect(host.documentProperties.getProperty("lianes.trigger")).toBe(host.scriptApp.triggers[0]?.id);
  });

  it("updates the same form on a second run: same items, no second trigger, no second responses sheet", () => {
    const { host, form } = withForm("EXPLOR-2025");
    const ids = form.getItems().map((i) => i.getId());
    apply(host, form, "a@example.org", "2025-06-01T10:00:00+02:00");
    host.runMenuItem("Créer le formulaire…", { kind: "prompt", button: "OK", text: "EXPLOR-2025" });
    expect(host.forms.forms.size).toBe(1);
    expect(form.getItems().map((i) => i.getId())).toEqual(ids);
    expect(host.scriptApp.triggers).toHaveLength(1);
    expect(host.spreadsheet.getSheets().filter((s) => s.getName().startsWith("Réponses"))).toHaveLength(1);
    expect(host.values("Réponses au formulaire 1")).toHaveLength(2);
  });

  it("serves PAM-2025 with the same builder, sync and review sheet", () => {
    const { host, form } = withForm("PAM-2025");
    host.submitForm(form, {
      answers: answersByLabel("PAM-2025", PAM_ANSWERS),
      email: "karim@mjc-lens.fr",
      timestamp: new Date("2024-11-20T10:00:00+01:00"),
    });
    expect(form.getItems()).toHaveLength(callById("PAM-2025").questions.length);
    expect(column(host, "Candidatures PAM-2025", "Éligibilité")).toEqual(["Éligible"]);
    expect(column(host, "Candidatures PAM-2025", "Statut")).toEqual(["À instruire"]);
  });
});

describe("the form-submit trigger and the review sheet", () => {
  it("adds each application once, with its eligibility, even when an event arrives twice", () => {
    const { host, form } = withForm("EXPLOR-2025");
    apply(host, form, "a@example.org", "2025-06-15T23:59:59+02:00");
    const late = apply(host, form, "b@example.org", "2025-06-16T00:00:00+02:00", {
      associationNom: "Tardive",
    });
    host.call("onFormSubmitLianes", late);
    expect(column(host, "Candidatures", "Éligibilité")).toEqual([
      "Éligible",
      "Non éligible : candidature hors délai",
    ]);
    expect(column(host, "Candidatures", "Hors délai")).toEqual(["Non", "Oui"]);
    expect(column(host, "Candidatures", "Statut")).toEqual(["À instruire", "Irrecevable"]);
    const review = host.spreadsheet.getSheetByName("Candidatures");
    const responses = host.spreadsheet.getSheetByName("Réponses au formulaire 1");
    const link = (host.values("Candidatures")[0] as string[]).indexOf("Réponse complète") + 1;
    expect(review?.getRange(3, link).getFormula()).toBe(
      `=HYPERLINK("#gid=${responses?.getSheetId()}&range=A3","Voir la réponse")`,
    );
  });

  it("skips an event with no answers and says so in the execution log", () => {
    const { host } = withForm("EXPLOR-2025");
    host.call("onFormSubmitLianes", { values: ["", ""], namedValues: {}, range: undefined });
    expect(host.log.lines.some((l) => l.includes("sans réponse ignoré"))).toBe(true);
    expect(host.spreadsheet.getSheetByName("Candidatures")).toBeNull();
  });

  it("never overwrites what reviewers typed, even after they sorted the rows", () => {
    const { host, form } = withForm("EXPLOR-2025");
    apply(host, form, "a@example.org", "2025-06-01T10:00:00+02:00", { associationNom: "Alpha" });
    apply(host, form, "b@example.org", "2025-06-02T10:00:00+02:00", { associationNom: "Beta" });
    const sheet = host.spreadsheet.getSheetByName("Candidatures");
    if (!sheet) throw new Error("no review sheet");
    const width = sheet.getLastColumn();
    const rows = sheet.getRange(2, 1, 2, width).getValues();
    const header = host.values("Candidatures")[0] as string[];
    const status = header.indexOf("Statut");
    const comment = header.indexOf("Commentaire interne");
    // The user sorts Beta first, then instructs it.
    const sorted = [rows[1], rows[0]].map((r) => [...(r as unknown[])]);
    (sorted[0] as unknown[])[status] = "Retenue";
    (sorted[0] as unknown[])[comment] = "Très bon dossier";
    sheet
      .getRange(2, 1, 2, width)
      .setValues(sorted.map((r) => r.map((v, i) => (i === header.indexOf("Score pondéré") ? "" : v))));

    apply(host, form, "c@example.org", "2025-06-03T10:00:00+02:00", { associationNom: "Gamma" });
    host.runMenuItem("Synchroniser les candidatures");
    expect(column(host, "Candidatures", "Association")).toEqual(["Beta", "Alpha", "Gamma"]);
    expect(column(host, "Candidatures", "Statut")).toEqual(["Retenue", "À instruire", "À instruire"]);
    expect(column(host, "Candidatures", "Commentaire interne")).toEqual(["Très bon dossier", "", ""]);
    expect(column(host, "Candidatures", "N°")).toEqual([2, 1, 3]);
    const summary = host.values("Synthèse EXPLOR-2025").flat();
    expect(summary).toContain("Retenues : 1 / 6");
  });

  it("keeps applicants' formula-looking answers as text", () => {
    const { host, form } = withForm("EXPLOR-2025");
    const hostile = '=HYPERLINK("http://exemple.invalid";"clic")';
    apply(host, form, "a@example.org", "2025-06-01T10:00:00+02:00", { associationNom: hostile });
    const sheet = host.spreadsheet.getSheetByName("Candidatures");
    const header = host.values("Candidatures")[0] as string[];
    const c = header.indexOf("Association") + 1;
    expect(sheet?.getRange(2, c).getValue()).toBe(hostile);
    expect(sheet?.getRange(2, c).getFormula()).toBe("");
  });

  it("leaves a response for later when the lock is busy, and picks it up with the next event", () => {
    const { host, form } = withForm("EXPLOR-2025");
    host.lock.holdBy("une autre exécution");
    apply(host, form, "a@example.org", "2025-06-01T10:00:00+02:00", { associationNom: "Alpha" });
    expect(host.lock.log.at(-1)).toBe("timed out");
    const pending = () =>
      host.documentProperties.getKeys().filter((k) => k.startsWith("lianes.attente.EXPLOR-2025."));
    expect(pending()).toHaveLength(1);
    expect(host.spreadsheet.getSheetByName("Candidatures")).toBeNull();
    host.lock.holdBy(undefined);
    apply(host, form, "b@example.org", "2025-06-02T10:00:00+02:00", { associationNom: "Beta" });
    expect(column(host, "Candidatures", "Association")).toEqual(["Alpha", "Beta"]);
    expect(pending()).toEqual([]);
  });
});
