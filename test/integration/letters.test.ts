/**
 * Lianes › Courriers on the local host, through the built bundle: templates, the outbox
 * `Courriers`, sending with MailApp (quota, failure midway, invalid addresses), the
 * acknowledgement from the trigger, and the documents (financial annex, decision letter).
 */
import { describe, expect, it } from "vitest";
import { modelOfGoogleDoc } from "../../dev/demo-documents";
import { EXPLOR_ANSWERS, PAM_ANSWERS } from "../../dev/fixtures/intake-samples";
import { createHost, type FakeForm, type Host } from "../../dev/host";
import { conventionById } from "../../src/core/convention";
import { documentText, financialAnnex } from "../../src/core/documents";
import { callById } from "../../src/core/intake";
import { HOSTILE_STRINGS } from "../support/hostile-strings";

const OK = (text: string) => ({ kind: "prompt" as const, button: "OK" as const, text });
const YES = { kind: "alert" as const, button: "YES" as const };
const NO = { kind: "alert" as const, button: "NO" as const };

function byLabel(callId: string, answers: Readonly<Record<string, unknown>>): Record<string, string> {
  const call = callById(callId);
  return Object.fromEntries(
    call.questions.filter((q) => answers[q.id] !== undefined).map((q) => [q.label, String(answers[q.id])]),
  );
}

/** EXPLOR-2025 with applications, then staff set their statuses and sync. */
function explorWith(
  applications: readonly { email: string; status?: string; answers?: Record<string, unknown> }[],
  options: { mailQuota?: number } = {},
): Host {
  const host = createHost(options);
  host.call("onOpen", {});
  host.runMenuItem("Créer le formulaire…", OK("EXPLOR-2025"));
  const form = [...host.forms.forms.values()].at(-1) as FakeForm;
  applications.forEach((a, i) => {
    host.submitForm(form, {
      answers: byLabel("EXPLOR-2025", { ...EXPLOR_ANSWERS, contactEmail: a.email, ...a.answers }),
      email: a.email,
      timestamp: new Date(Date.parse("2025-06-01T10:00:00+02:00") + i * 60_000),
    });
  });
  const review = host.spreadsheet.getSheetByName("Candidatures");
  const header = host.values("Candidatures")[0] as string[];
  applications.forEach((a, i) => {
    if (a.status) review?.getRange(i + 2, header.indexOf("Statut") + 1).setValue(a.status);
  });
  return host;
}

function tickAll(host: Host): void {
  const sheet = host.spreadsheet.getSheetByName("Courriers");
  const rows = (sheet?.getLastRow() ?? 1) - 1;
  sheet?.getRange(2, 8, rows, 1).setValues(Array.from({ length: rows }, () => [true]));
}

const outbox = (host: Host) => host.values("Courriers").slice(1);

const FOUR = [
  { email: "retenue@exemple.fr", status: "Retenue" },
  { email: "attente@exemple.fr", status: "Liste d'attente" },
  { email: "refusee@exemple.fr", status: "Refusée" },
  {
    email: "paris@exemple.fr",
    answers: { associationCodePostal: "75011", associationNom: "Solidarité Paris" },
  },
  { email: "instruction@exemple.fr", status: "En instruction" },
];

describe("Lianes › Courriers › Préparer les courriers", () => {
  it("adds one letter « à relire » per application whose status calls for one, never twice", () => {
    const host = explorWith(FOUR);
    host.runMenuItem("Préparer les courriers");
    expect(host.spreadsheet.getSheetByName("Modèles de courriers")).not.toBeNull();
    expect(outbox(host).map((r) => [r[0], r[1], r[2], r[3], r[6], r[7]])).toEqual([
      [1, "EXPLOR-2025", "Retenue", "retenue@exemple.fr", "à relire", false],
      [2, "EXPLOR-2025", "Liste d'attente", "attente@exemple.fr", "à relire", false],
      [3, "EXPLOR-2025", "Refusée", "refusee@exemple.fr", "à relire", false],
      [4, "EXPLOR-2025", "Irrecevable", "paris@exemple.fr", "à relire", false],
    ]);
    const inadmissible = outbox(host)[3] ?? [];
    expect(inadmissible[4]).toBe("EXPLOR 2025 : votre candidature n'est pas recevable");
    expect(inadmissible[5]).toContain(
      "Merci pour la candidature de Solidarité Paris à l'appel EXPLOR 2025 (n° 4).",
    );
    expect(inadmissible[5]).toContain("pour le ou les motifs suivants :\n- siège hors Hauts-de-France\n");
    expect(host.ui.alerts.at(-1)).toMatch(
      /^Courriers préparés — 4 courrier\(s\) ajouté\(s\) à la feuille « Courriers »/,
    );
    // The box is a checkbox.
    const box = host.spreadsheet.getSheetByName("Courriers")?.getRange(2, 8).getDataValidation();
    expect(box?.getCriteriaType()).toBe("CHECKBOX");

    host.runMenuItem("Préparer les courriers");
    expect(outbox(host)).toHaveLength(4);
    expect(host.ui.alerts.at(-1)).toMatch(/Aucun nouveau courrier/);

    // A decision changed: the new event gets its letter, the old one stays.
    const header = host.values("Candidatures")[0] as string[];
    host.spreadsheet
      .getSheetByName("Candidatures")
      ?.getRange(6, header.indexOf("Statut") + 1)
      .setValue("Retenue");
    host.runMenuItem("Préparer les courriers");
    expect(outbox(host).map((r) => `${r[0]} ${r[2]}`)).toEqual([
      "1 Retenue",
      "2 Liste d'attente",
      "3 Refusée",
      "4 Irrecevable",
      "5 Retenue",
    ]);
    expect(host.mail.messages).toEqual([]);
  });

  it("refuses an unknown placeholder, naming the template and the placeholder, before preparing anything", () => {
    const host = explorWith(FOUR);
    host.runMenuItem("Préparer les courriers");
    const templates = host.spreadsheet.getSheetByName("Modèles de courriers");
    const rows = host.values("Modèles de courriers");
    const refused = rows.findIndex((r) => r[0] === "Refusée") + 1;
    templates
      ?.getRange(refused, 4)
      .setValue("Bonjour {contact}, votre projet {titre_projet} n'est pas retenu.");
    host.spreadsheet
      .getSheetByName("Candidatures")
      ?.getRange(6, 1 + (host.values("Candidatures")[0] as string[]).indexOf("Statut"))
      .setValue("Refusée");
    host.runMenuItem("Préparer les courriers");
    expect(host.ui.alerts.at(-1)).toMatch(
      /^Modèles de courriers à corriger — Aucun courrier préparé : corrigez d'abord la feuille « Modèles de courriers »\.\nModèle « Refusée » \(texte\) : champ inconnu \{titre_projet\}/,
    );
    expect(outbox(host)).toHaveLength(4);
    // A question id of the call is a placeholder: with {projetTitre} it goes through.
    templates
      ?.getRange(refused, 4)
      .setValue("Bonjour {contact}, votre projet {projetTitre} n'est pas retenu.");
    host.runMenuItem("Préparer les courriers");
    expect(outbox(host).at(-1)?.[5]).toBe(
      "Bonjour Claire Martin, votre projet Maraîchage et formation des jeunes n'est pas retenu.",
    );
  });
});

describe("a long outbox", () => {
  it("grows the sheet's grid past its 1 000 rows instead of failing the write", () => {
    const host = explorWith(FOUR);
    const sheet = host.spreadsheet.insertSheet("Courriers");
    const old = Array.from({ length: 997 }, (_, i) => [
      i + 1,
      "PAM-2025",
      "Accusé de réception",
      `p${i}@exemple.fr`,
      "Objet",
      "Texte",
      "envoyé le 01/12/2024 à 10:00",
      false,
    ]);
    sheet
      .getRange(1, 1, 1, 8)
      .setValues([["N°", "Appel", "Événement", "Destinataire", "Objet", "Texte", "Statut", "Envoyer"]]);
    sheet.getRange(2, 1, old.length, 8).setValues(old);
    host.runMenuItem("Préparer les courriers");
    expect(host.ui.alerts.at(-1)).toMatch(/^Courriers préparés — 4 courrier\(s\) ajouté\(s\)/);
    expect(outbox(host)).toHaveLength(1001);
    expect(sheet.getMaxRows()).toBeGreaterThanOrEqual(1002);
  });
});

describe("the cost of preparing letters", () => {
  it("is the same number of service calls for 5 and for 15 applications (one read per sheet, one write)", () => {
    const calls = (n: number) => {
      const host = explorWith(
        Array.from({ length: n }, (_, i) => FOUR[i % FOUR.length] as (typeof FOUR)[number]),
      );
      host.counter.reset();
      host.runMenuItem("Préparer les courriers");
      expect(outbox(host).length).toBeGreaterThanOrEqual(n - Math.ceil(n / 5));
      return [...host.counter.counts]
        .filter(([k]) => !k.startsWith("Sheets:"))
        .reduce((s, [, v]) => s + v, 0);
    };
    expect(calls(15)).toBe(calls(5));
  });
});

describe("Lianes › Paramètres › Vérifier les paramètres", () => {
  it("finds an unknown placeholder in Modèles de courriers, with its cell", () => {
    const host = explorWith(FOUR);
    host.runMenuItem("Préparer les courriers");
    host.runMenuItem("Vérifier les paramètres");
    expect(host.ui.alerts.at(-1)).toMatch(
      /^Paramètres en ordre — 1 feuille vérifiée \(Modèles de courriers\)/,
    );
    host.spreadsheet.getSheetByName("Modèles de courriers")?.getRange(4, 4).setValue("Bravo {assocation} !");
    host.runMenuItem("Vérifier les paramètres");
    expect(host.ui.alerts.at(-1)).toMatch(
      /• Modèles de courriers, D4 : Modèle « Retenue » \(texte\) : champ inconnu \{assocation\} — /,
    );
  });
});

describe("Lianes › Courriers › Envoyer les courriers cochés", () => {
  it("sends the ticked rows only, stamps each, and never sends a row twice", () => {
    const host = explorWith(FOUR);
    host.runMenuItem("Préparer les courriers");
    host.spreadsheet
      .getSheetByName("Courriers")
      ?.getRange(2, 8, 2, 1)
      .setValues([[true], [true]]);
    host.runMenuItem("Envoyer les courriers cochés");
    expect(host.mail.messages.map((m) => m.to)).toEqual(["retenue@exemple.fr", "attente@exemple.fr"]);
    expect(host.mail.messages[0]?.name).toBe("Lianes coopération");
    expect(host.mail.messages[0]?.htmlBody).toBeUndefined();
    const rows = outbox(host);
    expect(rows.map((r) => [String(r[6]).replace(/\d/g, "9"), r[7]])).toEqual([
      ["envoyé le 99/99/9999 à 99:99", false],
      ["envoyé le 99/99/9999 à 99:99", false],
      ["à relire", false],
      ["à relire", false],
    ]);
    expect(host.ui.alerts.at(-1)).toMatch(/^Envoi des courriers — 2 courrier\(s\) envoyé\(s\)/);
    // Ticked again by mistake: not sent again.
    tickAll(host);
    host.runMenuItem("Envoyer les courriers cochés");
    expect(host.mail.messages.map((m) => m.to)).toEqual([
      "retenue@exemple.fr",
      "attente@exemple.fr",
      "refusee@exemple.fr",
      "paris@exemple.fr",
    ]);
    expect(host.ui.alerts.at(-1)).toMatch(/2 déjà envoyé\(s\) : pas renvoyé\(s\)/);
  });

  it("after a failure midway, the sent rows are stamped and a retry sends only the others", () => {
    const host = explorWith(FOUR);
    host.runMenuItem("Préparer les courriers");
    tickAll(host);
    host.counter.failOn("MailApp.sendEmail", 3, "Service unavailable: Gmail");
    host.runMenuItem("Envoyer les courriers cochés");
    expect(host.mail.messages.map((m) => m.to)).toEqual(["retenue@exemple.fr", "attente@exemple.fr"]);
    expect(outbox(host).map((r) => String(r[6]).slice(0, 10))).toEqual([
      "envoyé le ",
      "envoyé le ",
      "à relire",
      "à relire",
    ]);
    expect(host.ui.alerts.at(-1)).toMatch(
      /Envoi interrompu \(ligne 4 : Service unavailable: Gmail\)\. .*aucun ne part deux fois/,
    );
    host.runMenuItem("Envoyer les courriers cochés");
    expect(host.mail.messages.map((m) => m.to)).toEqual([
      "retenue@exemple.fr",
      "attente@exemple.fr",
      "refusee@exemple.fr",
      "paris@exemple.fr",
    ]);
    expect(outbox(host).every((r) => String(r[6]).startsWith("envoyé le "))).toBe(true);
  });

  it("a message sent but not stamped (the sheet failed) is never sent again blindly", () => {
    const host = explorWith(FOUR);
    host.runMenuItem("Préparer les courriers");
    tickAll(host);
    // The stamp of the second message fails: « envoi en cours » stays on its row.
    host.counter.failOn("Range.setValues", 2);
    host.runMenuItem("Envoyer les courriers cochés");
    expect(host.mail.messages.map((m) => m.to)).toEqual(["retenue@exemple.fr", "attente@exemple.fr"]);
    expect(outbox(host).map((r) => String(r[6]).replace(/\d/g, "9"))).toEqual([
      "envoyé le 99/99/9999 à 99:99",
      "envoi en cours",
      "à relire",
      "à relire",
    ]);
    expect(host.ui.alerts.at(-1)).toMatch(/ligne 3 : message envoyé mais la ligne n'a pas pu être marquée/);
    host.runMenuItem("Envoyer les courriers cochés");
    expect(host.mail.messages.map((m) => m.to)).toEqual([
      "retenue@exemple.fr",
      "attente@exemple.fr",
      "refusee@exemple.fr",
      "paris@exemple.fr",
    ]);
    expect(host.ui.alerts.at(-1)).toMatch(
      /Ligne\(s\) 3 restée\(s\) « envoi en cours » .* Vérifiez dans les messages envoyés de Gmail/s,
    );
    // Checked in Gmail: it went. Staff write the stamp; nothing more is sent.
    host.spreadsheet.getSheetByName("Courriers")?.getRange(3, 7).setValue("envoyé le 01/07/2025 à 10:00");
    host.runMenuItem("Envoyer les courriers cochés");
    expect(host.mail.messages).toHaveLength(4);
  });

  it("reads the day's quota first and says how many wait for tomorrow", () => {
    const host = explorWith(FOUR, { mailQuota: 3 });
    host.runMenuItem("Préparer les courriers");
    tickAll(host);
    host.mail.setRemainingDailyQuota(1);
    host.runMenuItem("Envoyer les courriers cochés");
    expect(host.mail.messages).toHaveLength(1);
    expect(host.ui.alerts.at(-1)).toMatch(
      /1 courrier\(s\) envoyé\(s\).*\n3 courrier\(s\) attendent demain : le quota quotidien d'e-mails est atteint \(0 restant\)/s,
    );
    expect(outbox(host).map((r) => r[7])).toEqual([false, true, true, true]);
    expect(host.counter.counts.get("MailApp.getRemainingDailyQuota")).toBeGreaterThanOrEqual(1);
    // Tomorrow.
    host.mail.setRemainingDailyQuota(100);
    host.runMenuItem("Envoyer les courriers cochés");
    expect(host.mail.messages).toHaveLength(4);
    expect(new Set(host.mail.messages.map((m) => m.to)).size).toBe(4);
  });

  it("refuses an invalid recipient on its row and sends the others", () => {
    const host = explorWith(FOUR);
    host.runMenuItem("Préparer les courriers");
    const sheet = host.spreadsheet.getSheetByName("Courriers");
    sheet?.getRange(3, 4).setValue("attente@exemple.fr, espion@exemple.invalid");
    sheet?.getRange(4, 4).setValue("refusee(at)exemple.fr");
    tickAll(host);
    host.runMenuItem("Envoyer les courriers cochés");
    expect(host.mail.messages.map((m) => m.to)).toEqual(["retenue@exemple.fr", "paris@exemple.fr"]);
    expect(outbox(host).map((r) => r[6])[1]).toBe(
      "refusé : adresse e-mail invalide « attente@exemple.fr, espion@exemple.invalid »",
    );
    expect(outbox(host).map((r) => r[6])[2]).toBe(
      "refusé : adresse e-mail invalide « refusee(at)exemple.fr »",
    );
    expect(host.ui.alerts.at(-1)).toMatch(/2 refusé\(s\) : adresse e-mail invalide/);
  });

  it("sends hostile applicant text as plain text, and keeps it text in the sheet", () => {
    const hostile = HOSTILE_STRINGS.filter((h) => h.text.length < 1000);
    const host = explorWith(
      hostile.map((h, i) => ({
        email: `asso${i}@exemple.fr`,
        status: "Retenue",
        answers: { associationNom: h.text },
      })),
    );
    host.runMenuItem("Préparer les courriers");
    const sheet = host.spreadsheet.getSheetByName("Courriers");
    expect(sheet?.getRange(2, 1, hostile.length, 8).getFormulas().flat().filter(Boolean)).toEqual([]);
    tickAll(host);
    host.runMenuItem("Envoyer les courriers cochés");
    expect(host.mail.messages).toHaveLength(hostile.length);
    host.mail.messages.forEach((m, i) => {
      const typed = (hostile[i]?.text ?? "").trim();
      expect(m.htmlBody).toBeUndefined();
      expect(m.body.replace(/\s+/g, " ")).toContain(typed.replace(/\s+/g, " "));
      expect(m.subject).not.toMatch(/[\r\n]/);
    });
  });
});

describe("erasing an applicant (RGPD) erases their letters too", () => {
  it("replaces recipient, subject and body of their rows in Courriers, keeps the facts, sends nothing", () => {
    const host = explorWith(FOUR);
    host.runMenuItem("Préparer les courriers");
    tickAll(host);
    host.runMenuItem("Envoyer les courriers cochés");
    host.runMenuItem("Effacer les données d'un candidat…", OK("4"), YES);
    const row = outbox(host)[3] ?? [];
    expect(row.slice(0, 3)).toEqual([4, "EXPLOR-2025", "Irrecevable"]);
    expect(
      row.slice(3, 6).every((v) => /^Données effacées le \d\d\/\d\d\/\d{4} \(RGPD\)$/.test(String(v))),
    ).toBe(true);
    expect(String(row[6])).toMatch(/^envoyé le /);
    expect(JSON.stringify(host.values("Courriers"))).not.toMatch(/paris@exemple\.fr|Solidarité Paris/);
    expect(outbox(host)[0]?.[3]).toBe("retenue@exemple.fr");
    // Ticked again: refused (not an address), never sent.
    host.spreadsheet.getSheetByName("Courriers")?.getRange(5, 8).setValue(true);
    host.runMenuItem("Envoyer les courriers cochés");
    expect(host.mail.messages).toHaveLength(4);
  });
});

describe("the acknowledgement on submission", () => {
  it("is prepared, never sent, by the trigger when the call asks for it (PAM-2025)", () => {
    const host = createHost();
    host.call("onOpen", {});
    host.runMenuItem("Créer le formulaire…", OK("PAM-2025"));
    const form = [...host.forms.forms.values()].at(-1) as FakeForm;
    host.submitForm(form, {
      answers: byLabel("PAM-2025", PAM_ANSWERS),
      email: "karim@mjc-lens.fr",
      timestamp: new Date("2024-11-20T10:00:00+01:00"),
    });
    expect(outbox(host).map((r) => [r[0], r[1], r[2], r[3], r[6]])).toEqual([
      [1, "PAM-2025", "Accusé de réception", "karim@mjc-lens.fr", "à relire"],
    ]);
    expect(outbox(host)[0]?.[5]).toContain("Bonjour Karim Benali,");
    expect(host.mail.messages).toEqual([]);
    // The same event again (Apps Script retries): no second acknowledgement.
    host.runMenuItem("Synchroniser les candidatures");
    expect(outbox(host)).toHaveLength(1);
    // The next registration is taken on its own (the responses sheet's columns are known now).
    const logFrom = host.log.lines.length;
    host.submitForm(form, {
      answers: byLabel("PAM-2025", {
        ...PAM_ANSWERS,
        porteurNom: "Léa Roux",
        structureNom: "Centre social d'Arras",
      }),
      email: "lea@cs-arras.fr",
      timestamp: new Date("2024-11-21T10:00:00+01:00"),
    });
    expect(host.log.lines.slice(logFrom).join("\n")).not.toMatch(/synchronisation complète/);
    expect(outbox(host).map((r) => [r[0], r[2], r[3]])).toEqual([
      [1, "Accusé de réception", "karim@mjc-lens.fr"],
      [2, "Accusé de réception", "lea@cs-arras.fr"],
    ]);
    expect(outbox(host)[1]?.[5]).toContain("Bonjour Léa Roux,");
    expect(host.mail.messages).toEqual([]);
  });

  it("is off by default (EXPLOR-2025): no outbox at all", () => {
    const host = explorWith([{ email: "a@exemple.fr" }]);
    expect(host.spreadsheet.getSheetByName("Courriers")).toBeNull();
    expect(host.mail.messages).toEqual([]);
  });
});

describe("Lianes › Courriers › Annexe financière de la convention…", () => {
  it("makes the Google Doc and its PDF in the convention's folder, links in Documents, asks before replacing", () => {
    const host = createHost();
    host.call("onOpen", {});
    host.runMenuItem("Annexe financière de la convention…", OK(""));
    const docs = [...host.documents.documents.values()];
    expect(docs.map((d) => d.getName())).toEqual(["Annexe financière — CD62-2024"]);
    const doc = docs[0];
    const text = doc?.body.getText() ?? "";
    const model = financialAnnex(conventionById("CD62-2024"), new Date());
    expect(text.replace(/Document établi le .*/, "")).toBe(
      documentText(model).replace(/Document établi le .*/, ""),
    );
    for (const figure of ["11 879,54 €", "9 879,54 €", "83 %", "17 %"]) {
      expect(text.replace(/[\u202f\u00a0]/g, " ")).toContain(figure);
    }
    // Totals in bold, headings, amounts right-aligned.
    const tables = doc?.body.elements.filter((e) => "rows" in e) ?? [];
    const plan = tables.at(-1) as {
      rows: { cells: { bold: boolean; paragraph: { alignment: string } }[] }[];
    };
    expect(plan.rows.at(-1)?.cells.every((c) => c.bold)).toBe(true);
    expect(plan.rows[1]?.cells[0]?.bold).toBe(false);
    expect(plan.rows[1]?.cells[1]?.paragraph.alignment).toBe("RIGHT");
    const folder = [...host.drive.folders.values()];
    expect(folder.map((f) => f.getName())).toEqual(["Convention CD62-2024"]);
    expect(folder[0]?.filesHere().map((f) => [f.getName(), f.getMimeType()])).toEqual([
      ["Annexe financière — CD62-2024", "application/vnd.google-apps.document"],
      ["Annexe financière — CD62-2024.pdf", "application/pdf"],
    ]);
    const links = host.spreadsheet.getSheetByName("Documents");
    expect(host.values("Documents")[1]?.slice(0, 4)).toEqual([
      "CD62-2024",
      "Annexe financière — CD62-2024",
      "Ouvrir le document",
      "Ouvrir le PDF",
    ]);
    expect(links?.getRange(2, 3).getFormula()).toContain(doc?.getId());

    // Again: asked; No changes nothing.
    host.runMenuItem("Annexe financière de la convention…", OK("CD62-2024"), NO);
    expect(host.ui.alerts.at(-1)).toMatch(
      /^Remplacer le document \? — « Annexe financière — CD62-2024 » existe déjà/,
    );
    expect(host.documents.documents.size).toBe(1);
    // Yes: a new version, the old one in the bin, the same row of Documents.
    host.runMenuItem("Annexe financière de la convention…", OK("CD62-2024"), YES);
    expect(host.documents.documents.size).toBe(2);
    expect(folder[0]?.filesHere()).toHaveLength(2);
    expect([...host.drive.files.values()].filter((f) => f.isTrashed())).toHaveLength(2);
    expect(host.values("Documents")).toHaveLength(2);
    expect(host.drive.folders.size).toBe(1);
  });

  it("writes the links in the Documents section of the convention's own sheet when the workbook has one", () => {
    const host = createHost();
    host.call("onOpen", {});
    const convention = host.spreadsheet.insertSheet("Convention CD62-2024");
    convention.getRange(1, 1, 5, 3).setValues([
      ["Engagements (article 2)", "", ""],
      ["Engagement", "Prévu", "Unité"],
      ["", "", ""],
      ["Documents", "", ""],
      ["Document", "Lien", "Date"],
    ]);
    host.runMenuItem("Annexe financière de la convention…", OK("CD62-2024"));
    expect(host.ui.alerts.at(-1)).toMatch(/les liens sont dans la feuille « Convention CD62-2024 »/);
    const rows = host.values("Convention CD62-2024").slice(5);
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ["Annexe financière — CD62-2024", "Ouvrir le document"],
      ["Annexe financière — CD62-2024 (PDF)", "Ouvrir le PDF"],
    ]);
    expect(rows[0]?.[2]).toBeInstanceOf(Date);
    expect(host.spreadsheet.getSheetByName("Documents")).toBeNull();
    // A new version replaces the two rows in place.
    host.runMenuItem("Annexe financière de la convention…", OK("CD62-2024"), YES);
    expect(host.values("Convention CD62-2024")).toHaveLength(7);
    const [doc] = [...host.documents.documents.values()].slice(-1);
    expect(convention.getRange(6, 2).getFormula()).toContain(doc?.getId());
  });

  it("draws the Google Doc from the model exactly: read back, it is the model core renders", () => {
    const host = createHost();
    host.call("onOpen", {});
    host.runMenuItem("Annexe financière de la convention…", OK(""));
    const [doc] = [...host.documents.documents.values()];
    if (!doc) throw new Error("pas de document");
    const drawn = modelOfGoogleDoc(doc);
    const model = financialAnnex(conventionById("CD62-2024"), new Date());
    const undated = (m: typeof model) =>
      JSON.parse(JSON.stringify(m).replace(/Document établi le \d\d\/\d\d\/\d{4}/, "")) as unknown;
    expect(undated(drawn)).toEqual(undated(model));
  });

  it("says so for an unknown convention, and writes nothing", () => {
    const host = createHost();
    host.call("onOpen", {});
    host.runMenuItem("Annexe financière de la convention…", OK("CD99"));
    expect(host.ui.alerts.at(-1)).toMatch(
      /^Convention inconnue — Convention inconnue \(convention\) : « CD99 »/,
    );
    expect(host.documents.documents.size).toBe(0);
  });
});

describe("Lianes › Courriers › Lettre de décision (ligne sélectionnée)", () => {
  it("makes the letter of the selected application from its status's template", () => {
    const host = explorWith(FOUR);
    const review = host.spreadsheet.getSheetByName("Candidatures");
    review?.activate();
    review?.getRange(2, 3).activate();
    host.runMenuItem("Lettre de décision (ligne sélectionnée)");
    const [doc] = [...host.documents.documents.values()];
    expect(doc?.getName()).toBe("Courrier — EXPLOR 2025 — n° 1 — Retenue");
    const text = doc?.body.getText() ?? "";
    expect(text).toContain("Objet : EXPLOR 2025 : votre candidature est retenue");
    expect(text).toContain("Bonjour Claire Martin,");
    expect([...host.drive.folders.values()].map((f) => f.getName())).toEqual(["Courriers EXPLOR-2025"]);
    // A status that calls for no letter.
    review?.activate();
    review?.getRange(6, 3).activate();
    host.runMenuItem("Lettre de décision (ligne sélectionnée)");
    expect(host.ui.alerts.at(-1)).toMatch(
      /Candidature n° 5 : le statut « En instruction » n'appelle pas de lettre/,
    );
  });

  it("makes one letter per selected application, says which have none, asks before replacing", () => {
    const host = explorWith(FOUR);
    const review = host.spreadsheet.getSheetByName("Candidatures");
    review?.activate();
    review?.getRange("B2:D6").activate();
    host.runMenuItem("Lettre de décision (ligne sélectionnée)");
    expect([...host.documents.documents.values()].map((d) => d.getName())).toEqual([
      "Courrier — EXPLOR 2025 — n° 1 — Retenue",
      "Courrier — EXPLOR 2025 — n° 2 — Liste d'attente",
      "Courrier — EXPLOR 2025 — n° 3 — Refusée",
      "Courrier — EXPLOR 2025 — n° 4 — Irrecevable",
    ]);
    expect(host.ui.alerts.at(-1)).toMatch(
      /^4 lettres de décision créées — .*\n\nCandidature n° 5 : le statut « En instruction » n'appelle pas/s,
    );
    expect(host.values("Documents")).toHaveLength(5);
    review?.activate();
    review?.getRange("A3").activate();
    host.runMenuItem("Lettre de décision (ligne sélectionnée)", NO);
    expect(host.ui.alerts.at(-1)).toMatch(
      /^Remplacer les lettres \? — « Courrier — EXPLOR 2025 — n° 2 — Liste d'attente » existe déjà/,
    );
    expect(host.documents.documents.size).toBe(4);
  });
});
