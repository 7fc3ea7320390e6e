/**
 * Lianes › Diagnostic on the local host, with the built bundle: every platform assumption is
 * checked on scratch objects that are removed afterwards, one line per check in `Diagnostic`; a
 * service that fails gives an « échec » line with its message and the other checks still run.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createHost, type Host } from "../../dev/host";
import { fakeInfoEuro } from "../support/infoeuro-fetch";
import { hostWithForm } from "../support/intake";

const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};
const SEND_MAIL = "https://www.googleapis.com/auth/script.send_mail";
/** MailApp's check applies once the manifest asks to send mail (the host then needs MailApp). */
const MAIL_DECLARED = (
  JSON.parse(readFileSync(new URL("../../appsscript.json", import.meta.url), "utf8")) as {
    oauthScopes: string[];
  }
).oauthScopes.includes(SEND_MAIL);

const CHECKS = [
  "Métadonnées de développeur sur une colonne entière déplacée",
  "Form.deleteResponse",
  "Feuille de destination d'un formulaire visible après flush()",
  "Verrou du document",
  "Texte commençant par + - @ = écrit avec une apostrophe",
  "Résultat 2-D d'une fonction personnalisée",
  "InfoEuro joignable par UrlFetchApp",
  "Un déclencheur d'envoi de formulaire pour le classeur",
  "Formats fr-FR par Intl",
  "Arithmétique BigInt",
  "Quota d'envoi de MailApp",
  "Google Doc et PDF dans un dossier Drive",
  "Nettoyage des objets temporaires",
];

/** A host whose UrlFetchApp answers with the recorded InfoEuro rates. */
function onlineHost(): Host {
  const host = createHost({ services: { UrlFetchApp: fakeInfoEuro().services.UrlFetchApp } });
  // A workbook always has a sheet.
  host.spreadsheet.insertSheet("Feuille 1");
  host.call("onOpen", {});
  return host;
}

interface Line {
  readonly title: string;
  readonly status: string;
  readonly expected: string;
  readonly obtained: string;
  readonly version: string;
}

function diagnosticLines(host: Host): Line[] {
  const [header, ...rows] = host.values("Diagnostic") as string[][];
  expect(header).toEqual(["Vérification", "Résultat", "Attendu", "Obtenu", "Version", "Exécuté le"]);
  return rows.map(([title = "", status = "", expected = "", obtained = "", v = ""]) => ({
    title,
    status,
    expected,
    obtained,
    version: v,
  }));
}

const statusOf = (lines: Line[]) => Object.fromEntries(lines.map((l) => [l.title, l.status]));

describe("Lianes › Diagnostic on the local host", () => {
  it("passes every check (MailApp's only with the send_mail scope), and leaves only its sheet", () => {
    const host = onlineHost();
    host.spreadsheet.insertSheet("Budget de l'association").getRange(1, 1).setValue("à ne pas toucher");
    const before = host.spreadsheet.getSheets().map((s) => s.getName());

    const summary = host.runMenuItem("Diagnostic") as { ok: number; notApplicable: number };

    const lines = diagnosticLines(host);
    expect(lines.map((l) => l.title)).toEqual(CHECKS);
    expect(lines.filter((l) => l.status !== "OK").map((l) => [l.title, l.status, l.obtained])).toEqual(
      MAIL_DECLARED
        ? []
        : [
            [
              "Quota d'envoi de MailApp",
              "non applicable",
              `non applicable : appsscript.json ne déclare pas ${SEND_MAIL}`,
            ],
          ],
    );
    expect(summary).toEqual({ ok: MAIL_DECLARED ? 13 : 12, failed: 0, notApplicable: MAIL_DECLARED ? 0 : 1 });
    // What was found, not only that it matched.
    const obtained = Object.fromEntries(lines.map((l) => [l.title, l.obtained]));
    expect(obtained["Métadonnées de développeur sur une colonne entière déplacée"]).toBe(
      "1 marque(s) ; colonne C, en-tête « colonne B »",
    );
    expect(obtained["Form.deleteResponse"]).toBe(
      "réponses : 0 avant, 1 après l'envoi, 0 après deleteResponse",
    );
    expect(obtained["Résultat 2-D d'une fonction personnalisée"]).toBe("« 0,75 » et « 0,25 »");
    expect(obtained["InfoEuro joignable par UrlFetchApp"]).toMatch(/^HTTP 200, \d+ devises, MAD = 10,3418$/);
    expect(obtained["Formats fr-FR par Intl"]).toBe(
      "« 9\u202f879,54\u00a0€ » (espaces U+202F, U+00A0) et « 15/06/2025 »",
    );
    expect(obtained["Arithmétique BigInt"]).toBe("9007199254740994 ; 8\u202f316,43\u00a0€");
    expect(obtained["Google Doc et PDF dans un dossier Drive"]).toBe(
      "Google Doc et copie application/pdf créés dans le dossier",
    );
    // The scratch Google Doc, its PDF and their folder are in Drive's bin.
    expect([...host.drive.files.values()].map((f) => [f.getMimeType(), f.isTrashed()])).toEqual([
      ["application/vnd.google-apps.document", true],
      ["application/pdf", true],
    ]);
    expect([...host.drive.folders.values()].every((f) => f.isTrashed())).toBe(true);
    // The add-on's version on every line.
    expect(new Set(lines.map((l) => l.version))).toEqual(new Set([lines[0]?.version]));
    expect(lines[0]?.version).toMatch(new RegExp(`^${version.replace(/\./g, "\\.")}( \\([0-9a-f]+\\))?$`));

    // Scratch objects gone: the workbook has its sheets plus Diagnostic, untouched.
    expect(host.spreadsheet.getSheets().map((s) => s.getName())).toEqual([...before, "Diagnostic"]);
    expect(host.values("Budget de l'association")).toEqual([["à ne pas toucher"]]);
    const forms = [...host.forms.forms.values()];
    expect(forms).toHaveLength(1);
    expect(forms[0]?.destinationId).toBeUndefined();
    expect(forms[0]?.getResponses()).toEqual([]);
    expect(host.lock.heldBy()).toBeUndefined();
    expect(host.ui.alerts.at(-1)).toContain(
      `${summary.ok} OK, 0 échec(s), ${summary.notApplicable} non applicable(s)`,
    );
  });

  it("runs again on the same scratch form and rewrites its own sheet", () => {
    const host = onlineHost();
    host.runMenuItem("Diagnostic");
    host.runMenuItem("Diagnostic");
    expect(host.forms.forms.size).toBe(1);
    expect(diagnosticLines(host).map((l) => l.title)).toEqual(CHECKS);
    expect(host.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Feuille 1", "Diagnostic"]);
  });

  it("reports a service that fails as an échec with its message, and runs the other checks", () => {
    const host = onlineHost();
    host.counter.failOn("Sheet.moveColumns", 1, "Service Spreadsheets failed while accessing document.");
    const summary = host.runMenuItem("Diagnostic");
    const lines = diagnosticLines(host);
    expect(lines.map((l) => l.title)).toEqual(CHECKS);
    const failed = lines.filter((l) => l.status === "échec");
    expect(failed.map((l) => [l.title, l.obtained])).toEqual([
      [
        "Métadonnées de développeur sur une colonne entière déplacée",
        "erreur : Service Spreadsheets failed while accessing document.",
      ],
    ]);
    expect(summary).toMatchObject({ failed: 1 });
    expect(host.ui.alerts.at(-1)).toContain("• Métadonnées de développeur sur une colonne entière déplacée");
    expect(host.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Feuille 1", "Diagnostic"]);
  });

  it("reports no form service as two échecs (the form checks), the rest OK, nothing left behind", () => {
    const host = onlineHost();
    host.counter.failOn("FormApp.create", 1, "Vous n'avez pas l'autorisation d'appeler FormApp.create.");
    host.runMenuItem("Diagnostic");
    const status = statusOf(diagnosticLines(host));
    expect(status["Form.deleteResponse"]).toBe("échec");
    expect(status["Feuille de destination d'un formulaire visible après flush()"]).toBe("échec");
    expect(Object.values(status).filter((s) => s === "OK")).toHaveLength(MAIL_DECLARED ? 11 : 10);
    expect(status["Nettoyage des objets temporaires"]).toBe("OK");
    expect(host.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Feuille 1", "Diagnostic"]);
  });

  it("reports a form that cannot be linked as an échec, and still removes what was made", () => {
    const host = onlineHost();
    host.counter.failOn("Form.setDestination", 1, "Service Forms failed while accessing the form.");
    host.runMenuItem("Diagnostic");
    const lines = diagnosticLines(host);
    const destination = lines.find((l) => l.title.startsWith("Feuille de destination"));
    expect(destination).toMatchObject({
      status: "échec",
      obtained: "erreur : Service Forms failed while accessing the form.",
    });
    const cleanup = lines.at(-1);
    expect(cleanup?.status).toBe("OK");
    expect(cleanup?.obtained).toMatch(
      /^réponses du formulaire temporaire supprimées ; feuille « Lianes — diagnostic \(temporaire\) » supprimée ; /,
    );
    expect(host.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Feuille 1", "Diagnostic"]);
    expect([...host.forms.forms.values()][0]?.destinationId).toBeUndefined();
  });

  it("unlinks the form and removes its responses sheet when the check fails after linking it", () => {
    const host = onlineHost();
    // The second flush is the one right after setDestination (the first follows the column move).
    host.counter.failOn(
      "SpreadsheetApp.flush",
      2,
      "Service Spreadsheets timed out while accessing document.",
    );
    host.runMenuItem("Diagnostic");
    const lines = diagnosticLines(host);
    expect(lines.find((l) => l.title.startsWith("Feuille de destination"))).toMatchObject({
      status: "échec",
      obtained: "erreur : Service Spreadsheets timed out while accessing document.",
    });
    expect(lines.at(-1)?.obtained).toMatch(
      /^feuille de réponses du formulaire temporaire repérée ; formulaire délié du classeur ; feuille « Réponses au formulaire 1 » supprimée ; /,
    );
    expect(host.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Feuille 1", "Diagnostic"]);
    expect([...host.forms.forms.values()][0]?.destinationId).toBeUndefined();
  });

  it("leaves a sheet someone else adds while the form is linked, removing only the form's own", () => {
    const host = onlineHost();
    let flushes = 0;
    host.counter.beforeEachCall = (name) => {
      // Right after the scratch form is linked, a colleague adds a sheet of their own.
      if (name === "SpreadsheetApp.flush" && ++flushes === 2) {
        host.spreadsheet.insertSheet("Notes de Camille").getRange(1, 1).setValue("à garder");
      }
    };
    host.runMenuItem("Diagnostic");
    host.counter.beforeEachCall = undefined;
    expect(host.spreadsheet.getSheets().map((s) => s.getName())).toEqual([
      "Feuille 1",
      "Notes de Camille",
      "Diagnostic",
    ]);
    expect(host.values("Notes de Camille")).toEqual([["à garder"]]);
    const lines = diagnosticLines(host);
    expect(lines.at(-1)?.status).toBe("OK");
    expect(lines.find((l) => l.title.startsWith("Feuille de destination"))).toMatchObject({
      status: "OK",
      obtained:
        "nouvelle(s) feuille(s) : « Réponses au formulaire 1 », « Notes de Camille » ; " +
        "liée(s) au formulaire : « Réponses au formulaire 1 » ; retrouvée par le module : « Réponses au formulaire 1 »",
    });
  });

  it("reports an unreachable InfoEuro (no UrlFetchApp answer) as an échec with the reason", () => {
    const infoEuro = fakeInfoEuro();
    infoEuro.setMode({ kind: "network-down" });
    const host = createHost({ services: { UrlFetchApp: infoEuro.services.UrlFetchApp } });
    host.call("onOpen", {});
    host.runMenuItem("Diagnostic");
    const line = diagnosticLines(host).find((l) => l.title === "InfoEuro joignable par UrlFetchApp");
    expect(line?.status).toBe("échec");
    expect(line?.obtained).toMatch(/^erreur : .*Address unavailable/);
  });

  it("finds the one trigger of a workbook that has a call's form, and leaves that form linked", () => {
    const { host, form } = hostWithForm("EXPLOR-2025");
    const sheets = host.spreadsheet.getSheets().map((s) => s.getName());
    host.runMenuItem("Diagnostic");
    const line = diagnosticLines(host).find((l) => l.title.startsWith("Un déclencheur"));
    expect(line).toMatchObject({ status: "OK", obtained: "1 déclencheur(s) sur ce classeur" });
    expect(form.destinationId).toBe(host.spreadsheet.getId());
    expect(host.spreadsheet.getSheets().map((s) => s.getName())).toEqual([...sheets, "Diagnostic"]);
  });

  it("says two form-submit triggers on the workbook are one too many", () => {
    const host = onlineHost();
    for (let i = 0; i < 2; i++) {
      host.scriptApp
        .newTrigger("onFormSubmitLianes")
        .forSpreadsheet(host.spreadsheet)
        .onFormSubmit()
        .create();
    }
    host.runMenuItem("Diagnostic");
    const line = diagnosticLines(host).find((l) => l.title.startsWith("Un déclencheur"));
    expect(line).toMatchObject({ status: "échec", obtained: "2 déclencheur(s) sur ce classeur" });
  });

  it("does not write over a user's own sheet called Diagnostic, and makes nothing", () => {
    const host = onlineHost();
    host.spreadsheet.insertSheet("Diagnostic").getRange(1, 1).setValue("Diagnostic du local");
    expect(() => host.runMenuItem("Diagnostic")).toThrow(
      "Une feuille « Diagnostic » existe déjà et n'a pas été écrite par Lianes : renommez-la, puis relancez le diagnostic.",
    );
    expect(host.values("Diagnostic")).toEqual([["Diagnostic du local"]]);
    expect(host.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Feuille 1", "Diagnostic"]);
    expect(host.forms.forms.size).toBe(0);
  });
});
