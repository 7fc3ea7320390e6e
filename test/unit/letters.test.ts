import { describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS } from "../../dev/fixtures/intake-samples";
import { checkTemplatesSheet } from "../../src/addon/letters/templates-sheet";
import { InputError } from "../../src/core/errors";
import { callById, parseSubmission } from "../../src/core/intake";
import {
  checkTemplates,
  DEFAULT_SIGNATURE,
  DEFAULT_TEMPLATES,
  eventByLabel,
  eventLabel,
  eventOfStatus,
  isEmailAddress,
  type LetterTemplate,
  letterId,
  type OutboxRow,
  placeholdersOf,
  planLetters,
  planSending,
  renderLetter,
  sentStamp,
  templateProblems,
} from "../../src/core/letters";
import { HOSTILE_STRINGS } from "../support/hostile-strings";

const explor = () => callById("EXPLOR-2025");

function application(
  number: number,
  status: string,
  changes: Record<string, unknown> = {},
  at = "10/06/2025 10:00:00",
) {
  const call = explor();
  return {
    number,
    status,
    submission: parseSubmission(call, {
      receivedAt: at,
      answers: { ...EXPLOR_ANSWERS, ...changes },
      email: String(changes.contactEmail ?? EXPLOR_ANSWERS.contactEmail),
    }),
  };
}

function plan(applications: ReturnType<typeof application>[], existing: Set<string> = new Set()) {
  return planLetters({
    call: explor(),
    templates: DEFAULT_TEMPLATES,
    signature: DEFAULT_SIGNATURE,
    applications,
    existing,
  });
}

describe("letter templates", () => {
  it("ship one template per event, every placeholder known to the EXPLOR and PAM calls", () => {
    expect(DEFAULT_TEMPLATES.map((t) => `${t.event}${t.callId ? ` ${t.callId}` : ""}`)).toEqual([
      "accuse",
      "irrecevable",
      "retenue",
      "attente",
      "refusee",
      "accuse PAM-2025",
    ]);
    expect(templateProblems(DEFAULT_TEMPLATES, explor())).toEqual([]);
    expect(templateProblems(DEFAULT_TEMPLATES, callById("PAM-2025"))).toEqual([]);
  });

  it("name the template and the unknown placeholder, in French, before anything is prepared", () => {
    const broken: LetterTemplate[] = [
      ...DEFAULT_TEMPLATES.filter((t) => t.event !== "retenue"),
      { event: "retenue", subject: "Bravo {assocation}", body: "Projet : {projetTitre}\n{date_limit}" },
    ];
    const problems = templateProblems(broken, explor());
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^Modèle « Retenue » \(objet\) : champ inconnu \{assocation\} — champs possibles : \{association\}/,
    );
    expect(problems[1]).toMatch(/^Modèle « Retenue » \(texte\) : champ inconnu \{date_limit\}/);
    expect(() => checkTemplates(broken, explor())).toThrow(InputError);
    // A question id of the call is a placeholder of that call only.
    expect(
      templateProblems([{ event: "accuse", subject: "x", body: "{structureNom}" }], explor())[0],
    ).toMatch(/champ inconnu \{structureNom\}/);
  });

  it("read events by their label as the sheet shows them", () => {
    expect(eventByLabel(" liste d’attente ")?.id).toBe("attente");
    expect(eventByLabel("Accusé de réception")?.id).toBe("accuse");
    expect(eventByLabel("Relance")).toBeUndefined();
    expect(eventOfStatus("Retenue")?.id).toBe("retenue");
    expect(eventOfStatus("En instruction")).toBeUndefined();
    expect(eventOfStatus("À instruire")).toBeUndefined();
  });

  it("fill each placeholder once: an applicant's {motifs} stays as typed", () => {
    const letter = renderLetter(
      { event: "retenue", subject: "{association}", body: "Cher {contact}, {association} — {motifs}" },
      { association: "Les {motifs} de {contact}", contact: "Awa", motifs: "aucun" },
    );
    expect(letter.body).toBe("Cher Awa, Les {motifs} de {contact} — aucun");
    expect(placeholdersOf("{a} {b_1} { c } {1x} {a}")).toEqual(["a", "b_1"]);
  });

  it("keep the subject on one line: an applicant's line break cannot add a header", () => {
    const letter = renderLetter(
      { event: "retenue", subject: "Candidature {association}", body: "{association}" },
      { association: "Asso\r\nBcc: espion@exemple.invalid" },
    );
    expect(letter.subject).toBe("Candidature Asso Bcc: espion@exemple.invalid");
    expect(letter.body).toBe("Asso\nBcc: espion@exemple.invalid");
  });
});

describe("preparing letters", () => {
  it("writes to the five inadmissible applications with their reasons, one per line", () => {
    const { letters } = plan([
      application(4, "Irrecevable", {
        associationCodePostal: "75011",
        partenairePays: "Chili",
        missionDuree: "21",
      }),
    ]);
    expect(letters).toHaveLength(1);
    const [letter] = letters;
    expect(letter?.recipient).toBe("claire.martin@artois-sahel.fr");
    expect(letter?.subject).toBe("EXPLOR 2025 : votre candidature n'est pas recevable");
    expect(letter?.body).toContain("Bonjour Claire Martin,");
    expect(letter?.body).toContain("(n° 4)");
    expect(letter?.body).toContain(
      "- siège hors Hauts-de-France\n- pays partenaire hors liste CAD\n- durée hors 7–15 jours\n",
    );
    expect(letter?.body).toMatch(/L'équipe de Lianes coopération$/);
  });

  it("tells the retained of the capacity and the waiting list of its place", () => {
    const { letters } = plan([
      application(1, "Retenue"),
      application(3, "Liste d'attente"),
      application(5, "En instruction"),
    ]);
    expect(letters.map((l) => [l.number, l.event])).toEqual([
      [1, "retenue"],
      [3, "attente"],
    ]);
    expect(letters[0]?.body).toContain("fait partie des 6 projets retenus pour l'appel EXPLOR 2025");
    expect(letters[1]?.body).toContain("Les 6 places étant attribuées");
  });

  it("never prepares a second letter for the same application and event", () => {
    const existing = new Set([letterId("EXPLOR-2025", 1, "retenue")]);
    expect(plan([application(1, "Retenue"), application(1, "Retenue")], existing).letters).toEqual([]);
    expect(plan([application(2, "Retenue"), application(2, "Retenue")]).letters).toHaveLength(1);
    // A status changed since: the new event gets its letter.
    expect(plan([application(1, "Refusée")], existing).letters.map((l) => l.event)).toEqual(["refusee"]);
  });

  it("says, by N° and never by e-mail, when a response is gone", () => {
    const { letters, notes } = plan([{ number: 7, status: "Retenue", submission: undefined } as never]);
    expect(letters).toEqual([]);
    expect(notes).toEqual([
      "Candidature n° 7 (Retenue) : réponse introuvable ou données effacées, aucun courrier préparé.",
    ]);
  });

  it.each(HOSTILE_STRINGS.map((h) => [h.name, h.text]))(
    "keeps hostile applicant text as plain text: %s",
    (_n, text) => {
      const app = application(1, "Retenue", { associationNom: text.slice(0, 1000) });
      // The name as the intake reads it (answers are trimmed), unchanged in the letter: no escaping, no markup.
      const name = String(app.submission.answers.associationNom);
      expect(name.length).toBeGreaterThan(0);
      const { letters } = plan([app]);
      expect(letters[0]?.body).toContain(`la candidature de ${name.replace(/\r\n?/g, "\n")} (n° 1)`);
      expect(letters[0]?.subject).not.toMatch(/[\r\n]/);
    },
  );
});

describe("sending", () => {
  const row = (n: number, recipient: string, ticked = true, status = "à relire"): OutboxRow => ({
    row: n,
    recipient,
    subject: "Objet",
    body: "Texte",
    status,
    ticked,
  });

  it("sends ticked rows within the quota; the others wait for tomorrow", () => {
    const rows = [
      row(2, "a@exemple.fr"),
      row(3, "b@exemple.fr", false),
      row(4, "c@exemple.fr"),
      row(5, "d@exemple.fr"),
    ];
    const p = planSending(rows, 2);
    expect(p.toSend.map((r) => r.row)).toEqual([2, 4]);
    expect(p.waiting.map((r) => r.row)).toEqual([5]);
    expect(planSending(rows, 0).waiting).toHaveLength(3);
  });

  it("never sends a stamped row again, and refuses an invalid address on its row", () => {
    const p = planSending(
      [
        row(2, "a@exemple.fr", true, "envoyé le 01/07/2025 à 10:00"),
        row(3, "pas une adresse"),
        row(4, "b@exemple.fr"),
      ],
      10,
    );
    expect(p.alreadySent.map((r) => r.row)).toEqual([2]);
    expect(p.refused).toEqual([
      { row: rows3(), reason: "refusé : adresse e-mail invalide « pas une adresse »" },
    ]);
    expect(p.toSend.map((r) => r.row)).toEqual([4]);
    function rows3() {
      return row(3, "pas une adresse");
    }
  });

  it.each([
    ["claire.martin@artois-sahel.fr", true],
    ["a.b+tag@sous.domaine.org", true],
    ["", false],
    ["claire", false],
    ["claire@localhost", false],
    ["a@b.fr, c@d.fr", false],
    ["a@b.fr\r\nBcc: x@y.fr", false],
    ["<a@b.fr>", false],
    ["a..b@c.fr", false],
    [`${"a".repeat(250)}@b.fr`, false],
  ])("reads %j as an e-mail address: %s", (text, valid) => {
    expect(isEmailAddress(text)).toBe(valid);
  });

  it("stamps the Paris date and time", () => {
    expect(sentStamp(new Date("2025-07-01T08:42:10Z"))).toBe("envoyé le 01/07/2025 à 10:42");
  });
});

describe("the settings check of the sheet Modèles de courriers", () => {
  const values = (): string[][] => [
    ["Événement", "Appel (vide : tous)", "Objet", "Texte"],
    ...DEFAULT_TEMPLATES.map((t) => [eventLabel(t.event), t.callId ?? "", t.subject, t.body]),
    ["", "", "", ""],
    ["Signature", "", DEFAULT_SIGNATURE, ""],
  ];

  it("finds nothing in the shipped texts, for both calls", () => {
    expect(checkTemplatesSheet(values(), [callById("EXPLOR-2025"), callById("PAM-2025")])).toEqual([]);
  });

  it("names the sheet, the cell, the template and the placeholder", () => {
    const v = values();
    (v[3] as string[])[3] = "Bravo {association} pour {projet}";
    (v[5] as string[])[2] = "Réponse {appel} {numro}";
    v.push(["Relance", "", "x", "y"], ["Retenue", "EXPLOR-2099", "x", "y"]);
    expect(checkTemplatesSheet(v, [callById("EXPLOR-2025")])).toEqual([
      "Modèles de courriers, ligne 10 : événement inconnu « Relance » — attendu : Accusé de réception, Irrecevable, Retenue, Liste d'attente, Refusée",
      "Modèles de courriers, B11 : appel inconnu « EXPLOR-2099 » — appels : EXPLOR-2025, PAM-2025 (vide : tous les appels)",
      expect.stringMatching(
        /^Modèles de courriers, D4 : Modèle « Retenue » \(texte\) : champ inconnu \{projet\} — /,
      ),
      expect.stringMatching(
        /^Modèles de courriers, C6 : Modèle « Refusée » \(objet\) : champ inconnu \{numro\} — /,
      ),
    ]);
  });

  it("lets one call have its own template, with its own questions, the others keep the common one", () => {
    const v = values();
    v.push(["Retenue", "explor-2025", "Bravo", "Votre projet « {projetTitre} » est retenu."]);
    const both = [callById("EXPLOR-2025"), callById("PAM-2025")];
    expect(checkTemplatesSheet(v, both)).toEqual([]);
    // The same question in the common template: refused for PAM-2025, which has no such question.
    (v[3] as string[])[3] = "Votre projet « {projetTitre} » est retenu.";
    expect(checkTemplatesSheet(v, both)).toEqual([
      expect.stringMatching(
        /^Modèles de courriers, D4 : Modèle « Retenue » \(texte\) : champ inconnu \{projetTitre\} — .*appel PAM-2025/,
      ),
    ]);
    const explor = planLetters({
      call: callById("EXPLOR-2025"),
      templates: [
        ...DEFAULT_TEMPLATES,
        { event: "retenue", callId: "EXPLOR-2025", subject: "Bravo", body: "« {projetTitre} »" },
      ],
      signature: "",
      applications: [application(1, "Retenue")],
      existing: new Set(),
    });
    expect(explor.letters[0]?.body).toBe("« Maraîchage et formation des jeunes »");
  });
});

describe("an application eligible by the rules that staff marked inadmissible", () => {
  it("gets a visible blank for its reason, and the manager is told to write it", () => {
    const { letters, notes } = plan([application(2, "Irrecevable")]);
    expect(letters[0]?.body).toContain(
      "pour le ou les motifs suivants :\n- [motif à préciser avant l'envoi]\n",
    );
    expect(notes).toEqual([
      "Candidature n° 2 (Irrecevable) : aucun motif d'éligibilité ; écrivez le motif dans le texte du courrier avant de l'envoyer.",
    ]);
  });
});
