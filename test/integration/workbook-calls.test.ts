/**
 * A call owned by the workbook, through the menus as the finance manager uses them: EXPLOR
 * 2025 duplicated into EXPLOR 2026, its dates changed in the sheet, its form built from the
 * sheet, applications taken by the trigger, synced, erased — as for a shipped call.
 */
import { describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS } from "../../dev/fixtures/intake-samples";
import { createHost, type FakeForm, type Host, type ScriptedAnswer } from "../../dev/host";
import { callById } from "../../src/core/intake/calls";

const ok = (text: string): ScriptedAnswer => ({ kind: "prompt", button: "OK", text });
const CLOSING = "Clôture (heure de Paris, dernière seconde à l'heure)";
const OPENING = "Ouverture (heure de Paris)";

/** The A1 cell of the row whose column A holds `first`, in column `column` (0-based). */
function cellOf(host: Host, sheet: string, first: string, column: number): string {
  const row = host.values(sheet).findIndex((r) => r[0] === first);
  if (row < 0) throw new Error(`pas de ligne « ${first} » dans ${sheet}`);
  return `${String.fromCharCode(65 + column)}${row + 1}`;
}

function setCell(host: Host, sheet: string, first: string, column: number, value: unknown): void {
  host.spreadsheet
    .getSheetByName(sheet)
    ?.getRange(cellOf(host, sheet, first, column))
    .setValue(value);
}

/** EXPLOR-2026 duplicated from EXPLOR-2025 through the menu, open 01/04/2026 – 14/06/2026 23:59:59. */
function explor2026(): Host {
  const host = createHost();
  host.call("onOpen", {});
  host.runMenuItem("Dupliquer un appel…", ok("EXPLOR-2025"), ok("EXPLOR-2026"));
  setCell(host, "Appel EXPLOR-2026", CLOSING, 1, "14/06/2026 23:59:59");
  setCell(host, "Appel EXPLOR-2026", OPENING, 1, "01/04/2026");
  return host;
}

function buildForm(host: Host): FakeForm {
  host.runMenuItem("Créer le formulaire…", ok("EXPLOR-2026"));
  const form = [...host.forms.forms.values()].at(-1);
  if (!form) throw new Error("pas de formulaire");
  return form;
}

/** Answers keyed by the form's current labels (the labels the sheet gives now). */
function submit(
  host: Host,
  form: FakeForm,
  email: string,
  at: string,
  changes: Record<string, unknown> = {},
) {
  const answers = { ...EXPLOR_ANSWERS, ...changes };
  const labels = host.values("Appel EXPLOR-2026");
  const byLabel: Record<string, string> = {};
  for (const [id, value] of Object.entries(answers)) {
    const row = labels.find((r) => r[0] === id);
    if (row && value !== undefined) byLabel[String(row[1])] = String(value);
  }
  return host.submitForm(form, { answers: byLabel, email, timestamp: new Date(at) });
}

function column(host: Host, sheet: string, header: string): unknown[] {
  const values = host.values(sheet);
  const i = (values[0] as string[]).findIndex((h) => h.startsWith(header));
  return values.slice(1).map((r) => r[i]);
}

describe("Lianes › Paramètres › Dupliquer un appel…", () => {
  it("writes the sheet Appel EXPLOR-2026 from EXPLOR-2025, with its own review sheet", () => {
    const host = createHost();
    host.call("onOpen", {});
    host.runMenuItem("Dupliquer un appel…", ok(""), ok("explor-2026"));
    expect(host.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Appel EXPLOR-2026"]);
    expect(host.ui.alerts.at(-1)).toMatch(
      /^Dupliquer un appel — Feuille « Appel EXPLOR-2026 » créée depuis EXPLOR-2025/,
    );
    const values = host.values("Appel EXPLOR-2026");
    expect(values.find((r) => r[0] === "Feuille d'instruction")?.[1]).toBe("Candidatures EXPLOR-2026");
    expect(values.find((r) => r[0] === "associationCodePostal")?.[2]).toBe("code postal");
    // The menus of the sheet are drop-downs: the question types, Oui/Non, the rule kinds.
    const sheet = host.spreadsheet.getSheetByName("Appel EXPLOR-2026");
    const at = (first: string, column: number) =>
      sheet
        ?.getRange(cellOf(host, "Appel EXPLOR-2026", first, column))
        .getDataValidation()
        ?.getCriteriaValues()[0];
    expect(at("associationCodePostal", 2)).toContain("code postal");
    expect(at("associationCodePostal", 6)).toEqual(["Oui", "Non"]);
    expect(at("Durée entre … et … jours", 0)).toContain("Montant entre … et … €");
  });

  it("duplicates a workbook call too, and refuses to overwrite an existing sheet or a bad id", () => {
    const host = explor2026();
    // A help text typed with Sheets' apostrophe (it would be a formula without): copied as text.
    setCell(host, "Appel EXPLOR-2026", "missionDuree", 5, "'= 7 à 15 jours");
    host.runMenuItem("Dupliquer un appel…", ok("EXPLOR-2026"), ok("EXPLOR-2027"));
    expect(host.values("Appel EXPLOR-2027").find((r) => r[0] === "missionDuree")?.[5]).toBe("= 7 à 15 jours");
    // The closing is a Sheets date-time (Paris time), copied as such.
    expect(host.values("Appel EXPLOR-2027").find((r) => r[0] === CLOSING)?.[1]).toEqual(
      new Date("2026-06-14T23:59:59+02:00"),
    );
    const before = host.values("Appel EXPLOR-2027");
    host.runMenuItem("Dupliquer un appel…", ok("EXPLOR-2025"), ok("EXPLOR-2027"));
    expect(host.ui.alerts.at(-1)).toMatch(
      /La feuille « Appel EXPLOR-2027 » existe déjà .* Rien n'a changé\.$/,
    );
    expect(host.values("Appel EXPLOR-2027")).toEqual(before);
    host.runMenuItem("Dupliquer un appel…", ok("EXPLOR-2025"), ok("EXPLOR 2028"));
    expect(host.ui.alerts.at(-1)).toMatch(
      /Identifiant invalide : « EXPLOR 2028 » — attendu par exemple EXPLOR-2026/,
    );
    expect(host.spreadsheet.getSheets()).toHaveLength(2);
  });

  it("Nouvel appel… writes a blank call that is already valid", () => {
    const host = createHost();
    host.call("onOpen", {});
    host.runMenuItem("Nouvel appel…", ok("FORMATION-2026"));
    host.runMenuItem("Créer le formulaire…", ok("FORMATION-2026"));
    expect(host.ui.alerts.at(-1)).toMatch(/^Formulaire créé — Appel à candidatures FORMATION-2026/);
  });
});

describe("Lianes › Paramètres › Vérifier les paramètres", () => {
  it("says all is well, then lists every problem of the call sheet with its cell", () => {
    const host = explor2026();
    host.runMenuItem("Vérifier les paramètres");
    expect(host.ui.alerts.at(-1)).toBe(
      "Paramètres en ordre — 1 feuille vérifiée (Appel EXPLOR-2026) : aucun problème.",
    );
    setCell(host, "Appel EXPLOR-2026", "missionObjet", 4, "");
    const choices = cellOf(host, "Appel EXPLOR-2026", "missionObjet", 4);
    const before = host.values("Appel EXPLOR-2026");
    host.runMenuItem("Vérifier les paramètres");
    expect(host.ui.alerts.at(-1)).toBe(
      "1 problème dans les paramètres — 1 feuille vérifiée (Appel EXPLOR-2026) :\n" +
        `• Appel EXPLOR-2026, cellule ${choices} : la question « missionObjet » (choix unique) n'a aucun choix — valeur « » (vide)`,
    );
    expect(host.values("Appel EXPLOR-2026")).toEqual(before);
  });
});

describe("a workbook call, from its sheet to its review sheet", () => {
  it("builds the form from the sheet (the shipped definition's questions, the sheet's dates)", () => {
    const host = explor2026();
    const form = buildForm(host);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(
      callById("EXPLOR-2025").questions.map((q) => q.label),
    );
    expect(host.ui.alerts.at(-1)).toMatch(/^Formulaire créé — EXPLOR 2025 .*Candidatures EXPLOR-2026/s);
    expect(host.documentProperties.getProperty("lianes.appel.EXPLOR-2026")).not.toBeNull();
    expect(host.scriptApp.triggers).toHaveLength(1);
  });

  it("on time, a second late, head office in Paris: Éligible / hors délai / siège hors Hauts-de-France", () => {
    const host = explor2026();
    const form = buildForm(host);
    submit(host, form, "a@example.org", "2026-06-14T23:59:59+02:00");
    submit(host, form, "b@example.org", "2026-06-15T00:00:00+02:00", { associationNom: "Tardive" });
    submit(host, form, "c@example.org", "2026-06-10T12:00:00+02:00", {
      associationNom: "Parisienne",
      associationCodePostal: "75011",
    });
    expect(column(host, "Candidatures EXPLOR-2026", "Éligibilité")).toEqual([
      "Éligible",
      "Non éligible : candidature hors délai",
      "Non éligible : siège hors Hauts-de-France",
    ]);
    expect(column(host, "Candidatures EXPLOR-2026", "Statut")).toEqual([
      "À instruire",
      "Irrecevable",
      "Irrecevable",
    ]);
    expect(column(host, "Candidatures EXPLOR-2026", "Hors délai")).toEqual(["Non", "Oui", "Non"]);
  });

  it("a rule edited in the sheet applies from the next sync: the duration now 10 to 12 days", () => {
    const host = explor2026();
    const form = buildForm(host);
    submit(host, form, "a@example.org", "2026-05-01T10:00:00+02:00", { missionDuree: "9" });
    expect(column(host, "Candidatures EXPLOR-2026", "Éligibilité")).toEqual(["Éligible"]);
    setCell(host, "Appel EXPLOR-2026", "Durée entre … et … jours", 2, 10);
    setCell(host, "Appel EXPLOR-2026", "Durée entre … et … jours", 3, 12);
    host.runMenuItem("Synchroniser les candidatures");
    expect(column(host, "Candidatures EXPLOR-2026", "Éligibilité")).toEqual([
      "Non éligible : durée hors 10–12 jours",
    ]);
  });

  it("a rule changed into « Montant entre … et … € »: its column and its reason in the review sheet", () => {
    const host = explor2026();
    const rule = "Durée entre … et … jours";
    const row = host.values("Appel EXPLOR-2026").findIndex((r) => r[0] === rule) + 1;
    host.spreadsheet
      .getSheetByName("Appel EXPLOR-2026")
      ?.getRange(row, 1, 1, 4)
      .setValues([["Montant entre … et … €", "budgetTotal", 1000, 5000]]);
    const form = buildForm(host);
    submit(host, form, "a@example.org", "2026-05-01T10:00:00+02:00", { budgetTotal: "1497" });
    submit(host, form, "b@example.org", "2026-05-02T10:00:00+02:00", {
      budgetTotal: "800",
      associationNom: "Petit budget",
    });
    expect(column(host, "Candidatures EXPLOR-2026", "Montant (€)")).toEqual([1497, 800]);
    expect(column(host, "Candidatures EXPLOR-2026", "Éligibilité")).toEqual([
      "Éligible",
      "Non éligible : montant hors 1\u202f000\u00a0€–5\u202f000\u00a0€",
    ]);
    expect(host.values("Candidatures EXPLOR-2026")[0]).not.toContain("Durée (jours)");
  });

  it("rebuilding after a relabel updates the form in place; answers stay read by the question's id", () => {
    const host = explor2026();
    const form = buildForm(host);
    const ids = form.getItems().map((i) => i.getId());
    submit(host, form, "a@example.org", "2026-05-01T10:00:00+02:00");
    setCell(host, "Appel EXPLOR-2026", "missionDuree", 1, "Nombre de jours de la mission");
    host.runMenuItem("Créer le formulaire…", ok("EXPLOR-2026"));
    expect(host.ui.alerts.at(-1)).toMatch(/^Formulaire mis à jour/);
    expect(host.forms.forms.size).toBe(1);
    expect(form.getItems().map((i) => i.getId())).toEqual(ids);
    expect(form.getItems().map((i) => i.getTitle())).toContain("Nombre de jours de la mission");
    submit(host, form, "b@example.org", "2026-05-02T10:00:00+02:00", {
      missionDuree: "20",
      associationNom: "Longue",
    });
    // Taken by the trigger on its own (no full sync yet), read by the question's id…
    expect(column(host, "Candidatures EXPLOR-2026", "Durée (jours)")).toEqual([10, 20]);
    // …and the same after a full sync.
    host.runMenuItem("Synchroniser les candidatures");
    expect(column(host, "Candidatures EXPLOR-2026", "Durée (jours)")).toEqual([10, 20]);
    expect(column(host, "Candidatures EXPLOR-2026", "Éligibilité")).toEqual([
      "Éligible",
      "Non éligible : durée hors 7–15 jours",
    ]);
    expect(host.values("Réponses au formulaire 1")).toHaveLength(3);
  });

  it("a review sheet already used by a call with a form is refused, cell named, no form touched", () => {
    const host = explor2026();
    host.runMenuItem("Créer le formulaire…", ok("EXPLOR-2025"));
    setCell(host, "Appel EXPLOR-2026", "Feuille d'instruction", 1, "Candidatures");
    const cell = cellOf(host, "Appel EXPLOR-2026", "Feuille d'instruction", 1);
    host.runMenuItem("Créer le formulaire…", ok("EXPLOR-2026"));
    expect(host.ui.alerts.at(-1)).toBe(
      `Créer le formulaire — Appel EXPLOR-2026, cellule ${cell} : la feuille d'instruction « Candidatures » ` +
        "est déjà celle de l'appel EXPLOR-2025, qui a son formulaire dans ce classeur — donnez-lui un autre nom " +
        "(par exemple « Candidatures EXPLOR-2026 »). Aucun formulaire n'a été modifié.",
    );
    expect(host.forms.forms.size).toBe(1);
  });

  it("an invalid sheet stops the build with the cell to fix, and no form is touched", () => {
    const host = explor2026();
    setCell(host, "Appel EXPLOR-2026", "odd", 2, 0);
    const weight = cellOf(host, "Appel EXPLOR-2026", "odd", 2);
    host.runMenuItem("Créer le formulaire…", ok("EXPLOR-2026"));
    expect(host.ui.alerts.at(-1)).toBe(
      "Créer le formulaire — La feuille « Appel EXPLOR-2026 » ne décrit pas un appel valide (1 erreur) :\n" +
        `• Appel EXPLOR-2026, cellule ${weight} : poids : attendu un nombre positif (plus grand que 0) — valeur « 0 »`,
    );
    expect(host.forms.forms.size).toBe(0);
    expect(host.scriptApp.triggers).toHaveLength(0);
  });

  it("a submission while the sheet is broken waits in the responses sheet; the sync after the fix takes it", () => {
    const host = explor2026();
    const form = buildForm(host);
    const closing = cellOf(host, "Appel EXPLOR-2026", CLOSING, 1);
    setCell(host, "Appel EXPLOR-2026", CLOSING, 1, "31/03/2026");
    submit(host, form, "a@example.org", "2026-05-01T10:00:00+02:00");
    expect(host.spreadsheet.getSheetByName("Candidatures EXPLOR-2026")).toBeNull();
    expect(host.log.lines.join("\n")).toContain(
      `cellule ${closing} : l'ouverture doit précéder la clôture — valeur « 31/03/2026 »`,
    );
    host.runMenuItem("Synchroniser les candidatures");
    expect(host.ui.alerts.at(-1)).toMatch(
      /^EXPLOR-2026 : La feuille « Appel EXPLOR-2026 » ne décrit pas un appel valide/,
    );
    setCell(host, "Appel EXPLOR-2026", CLOSING, 1, "14/06/2026 23:59:59");
    host.runMenuItem("Synchroniser les candidatures");
    expect(column(host, "Candidatures EXPLOR-2026", "Éligibilité")).toEqual(["Éligible"]);
  });

  it("once responses exist, a personal (RGPD) mark no longer changes: the build and the sync name the cell", () => {
    const host = explor2026();
    const form = buildForm(host);
    expect(
      JSON.parse(host.documentProperties.getProperty("lianes.appel.EXPLOR-2026") ?? "{}").personal,
    ).toContain("projetTitre");
    submit(host, form, "a@example.org", "2026-05-01T10:00:00+02:00");
    setCell(host, "Appel EXPLOR-2026", "projetTitre", 6, "Non");
    const cell = cellOf(host, "Appel EXPLOR-2026", "projetTitre", 6);
    const items = form.getItems().map((i) => i.getTitle());
    host.runMenuItem("Créer le formulaire…", ok("EXPLOR-2026"));
    const refusal =
      "Appel EXPLOR-2026 : des réponses sont arrivées, les marques « personnelle (RGPD) » ne changent plus pour cet appel " +
      "(une réponse effacée est reconnue à ses champs personnels ; prévoyez le changement pour l'appel suivant) :\n" +
      `• Appel EXPLOR-2026, cellule ${cell} : question « projetTitre », remettre Oui — valeur « Non »`;
    expect(host.ui.alerts.at(-1)).toBe(`Créer le formulaire — ${refusal}`);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(items);
    host.runMenuItem("Synchroniser les candidatures");
    expect(host.ui.alerts.at(-1)).toBe(`EXPLOR-2026 : ${refusal}`);
    setCell(host, "Appel EXPLOR-2026", "projetTitre", 6, "Oui");
    host.runMenuItem("Synchroniser les candidatures");
    expect(host.ui.alerts.at(-1)).toMatch(/^EXPLOR-2026 : 0 ajoutée\(s\), 1 à jour/);
  });

  it("a jury for the workbook call: its criteria, as edited in the sheet, make the evaluation form", () => {
    const host = explor2026();
    setCell(host, "Appel EXPLOR-2026", "odd", 1, "Cohérence avec les ODD");
    const form = buildForm(host);
    submit(host, form, "a@example.org", "2026-05-01T10:00:00+02:00", { projetTitre: "Maraîchage" });
    host.runMenuItem("Préparer le jury…", ok("EXPLOR-2026"));
    expect(host.ui.alerts.at(-1)).toMatch(
      /^Préparer le jury — Jury de l'appel EXPLOR-2026 prêt : 0 membre\(s\), 1 candidature/,
    );
    const jury = [...host.forms.forms.values()].find((f) => f.getTitle() === "Évaluation EXPLOR-2026");
    const titles = jury?.getItems().map((i) => i.getTitle()) ?? [];
    expect(titles).toContain("Cohérence avec les ODD (0–5)");
    const application = jury?.getItems().find((i) => i.getTitle() === "Candidature évaluée");
    expect((application?.getChoices() ?? []).map((c) => c.getValue())).toEqual([
      "N° 1 — Solidarité Artois–Sahel — Maraîchage",
    ]);
  });

  it("a shipped call taken into the workbook under its own id applies once its form is rebuilt", () => {
    const host = createHost();
    host.call("onOpen", {});
    host.runMenuItem("Créer le formulaire…", ok("EXPLOR-2025"));
    const form = [...host.forms.forms.values()][0] as FakeForm;
    host.runMenuItem("Dupliquer un appel…", ok("EXPLOR-2025"), ok("EXPLOR-2025"));
    const sheet = "Appel EXPLOR-2025";
    expect(host.values(sheet).find((r) => r[0] === "Feuille d'instruction")?.[1]).toBe("Candidatures");
    setCell(host, sheet, "Durée entre … et … jours", 3, 9);
    // The form was built from the template: the sync keeps it until the form is rebuilt from the sheet.
    host.runMenuItem("Créer le formulaire…", ok("EXPLOR-2025"));
    expect(host.forms.forms.size).toBe(1);
    host.submitForm(form, {
      answers: Object.fromEntries(
        callById("EXPLOR-2025").questions.map((q) => [q.label, String(EXPLOR_ANSWERS[q.id] ?? "")]),
      ),
      email: "a@example.org",
      timestamp: new Date("2025-06-01T10:00:00+02:00"),
    });
    expect(column(host, "Candidatures", "Éligibilité")).toEqual(["Non éligible : durée hors 7–9 jours"]);
  });

  it("a status the manager adds in the sheet: offered in the review sheet and the dashboard, counted in the summary", () => {
    const host = explor2026();
    const sheet = host.spreadsheet.getSheetByName("Appel EXPLOR-2026");
    const last = host.values("Appel EXPLOR-2026").findIndex((r) => r[0] === "Sans suite") + 1;
    sheet?.getRange(last + 1, 1, 1, 2).setValues([["Ajournée", "Revue à la session d'automne."]]);
    const form = buildForm(host);
    submit(host, form, "a@example.org", "2026-05-01T10:00:00+02:00");
    const review = host.spreadsheet.getSheetByName("Candidatures EXPLOR-2026");
    const statusColumn = (host.values("Candidatures EXPLOR-2026")[0] as string[]).indexOf("Statut") + 1;
    expect(review?.getRange(2, statusColumn).getDataValidation()?.getCriteriaValues()[0]).toContain(
      "Ajournée",
    );
    const key = String(column(host, "Candidatures EXPLOR-2026", "Clé")[0]);
    host.call("serverCandidatureEnregistrer", {
      appel: "EXPLOR-2026",
      cle: key,
      statut: "Ajournée",
      instructeur: "Claire",
      notes: [null, null, null, null],
      decision: "",
      commentaire: "",
    });
    expect(column(host, "Candidatures EXPLOR-2026", "Statut")).toEqual(["Ajournée"]);
    const board = host.call("serverCandidaturesTableau", { appel: "EXPLOR-2026" }) as {
      call: { statuses: string[] };
      counts: { status: string; count: number }[];
    };
    expect(board.call.statuses.at(-1)).toBe("Ajournée");
    expect(board.counts.find((c) => c.status === "Ajournée")?.count).toBe(1);
    expect(() =>
      host.call("serverCandidatureEnregistrer", {
        appel: "EXPLOR-2025",
        cle: key,
        statut: "Ajournée",
        instructeur: "",
        notes: [null, null, null, null],
        decision: "",
        commentaire: "",
      }),
    ).toThrow(
      /Statut hors de la liste \(Statut\) : « Ajournée » — choisissez-en un dans la liste \(À instruire, .*, Sans suite\)/,
    );
    host.runMenuItem("Synchroniser les candidatures");
    expect(host.values("Synthèse EXPLOR-2026").find((r) => r[0] === "Ajournée")?.[1]).toBe(1);
  });

  it("the dashboard lists the workbook call, and the RGPD erasure works on its applications", () => {
    const host = explor2026();
    const form = buildForm(host);
    submit(host, form, "claire.martin@artois-sahel.fr", "2026-05-01T10:00:00+02:00");
    expect(host.call("serverCandidaturesAppels")).toEqual([
      { id: "EXPLOR-2026", title: callById("EXPLOR-2025").title },
    ]);
    const board = host.call("serverCandidaturesTableau", { appel: "EXPLOR-2026" }) as { capacity?: number };
    expect(JSON.stringify(board)).toContain("À instruire");
    host.runMenuItem("Effacer les données d'un candidat…", ok("1"), { kind: "alert", button: "YES" });
    expect(host.ui.alerts.at(-1)).toMatch(/^Données effacées — Candidature n° 1 \(EXPLOR-2026/);
    expect(JSON.stringify(host.values("Candidatures EXPLOR-2026"))).not.toContain(
      "claire.martin@artois-sahel.fr",
    );
  });
});
