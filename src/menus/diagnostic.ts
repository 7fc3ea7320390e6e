/**
 * `Lianes › Diagnostic`: checks, against Google's real services, the platform behaviours the
 * add-on relies on and the local host can only imitate. Each check works on scratch objects the
 * diagnostic makes (a temporary sheet, a temporary form) and removes, never on user data; the
 * outcome is one line per check in the sheet `Diagnostic`. A check that throws is an « échec »
 * with its message: the others still run.
 *
 * The checks are data (DIAGNOSTIC_CHECKS): a new assumption is one more entry. A check that
 * needs an OAuth scope the manifest does not declare is reported « non applicable ».
 */

import { ADDON_VERSION, DECLARED_SCOPES } from "../addon/build-info";
import { drawDocument } from "../addon/documents/google-doc";
import { findResponsesSheet } from "../addon/intake/responses-sheet";
import { cents, decimalFromPlainText, mulDivToCents } from "../core/decimal";
import { InputError, quote } from "../core/errors";
import {
  decimalText,
  frenchMonth,
  monthlyRatesUrl,
  pickRate,
  type RateMonth,
  readMonthlyRates,
} from "../core/infoeuro";
import { formatEuros } from "../core/money";
import { literalText } from "../core/sheet-text";
import { FORMAT } from "../planning/sheet-layout";
import { FORM_SUBMIT_HANDLER } from "./intake/actions";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Form = GoogleAppsScript.Forms.Form;

/** The custom function the diagnostic runs in a cell (its registry name). */
const PERCENTAGES_FUNCTION = "POURCENTAGES";

export const DIAGNOSTIC_SHEET = "Diagnostic";
export const DIAGNOSTIC_HEADER = ["Vérification", "Résultat", "Attendu", "Obtenu", "Version", "Exécuté le"];
export const SCRATCH_SHEET = "Lianes — diagnostic (temporaire)";
export const SCRATCH_FORM_TITLE = "Lianes — diagnostic (formulaire temporaire)";
/** The scratch form's id: Apps Script cannot delete a form without Drive access, so it is reused. */
const SCRATCH_FORM_PROPERTY = "lianes.diagnostic.formulaire";
const METADATA_KEY = "lianes.diagnostic";
/** How long a custom function may show « Loading… » before its result is read. */
const CUSTOM_FUNCTION_WAIT_MS = 20_000;

export type CheckStatus = "OK" | "échec" | "non applicable";

export interface CheckOutcome {
  readonly ok: boolean;
  /** What happened, in French. */
  readonly obtained: string;
}

export interface DiagnosticCheck {
  readonly title: string;
  /** What the add-on assumes, in French. */
  readonly expected: string;
  /** An OAuth scope the check needs: without it in appsscript.json, the check does not apply. */
  readonly scope?: string;
  readonly run: (scratch: Scratch) => CheckOutcome;
}

export interface DiagnosticLine {
  readonly title: string;
  readonly status: CheckStatus;
  readonly expected: string;
  readonly obtained: string;
}

/** An error's own message (of any realm: a service's error may not be this bundle's Error). */
function messageOf(error: unknown): string {
  const message =
    typeof error === "object" && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === "string" ? message : String(error);
}

/** A value read back, as a French sheet shows it: `« 0,75 »`. */
function shown(value: unknown): string {
  return typeof value === "number" ? `« ${value.toLocaleString("fr-FR")} »` : quote(value);
}

/** Spaces fr-FR formatting may use (narrow no-break, no-break) read as plain spaces. */
function plainSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, " ");
}

function columnName(column: number | undefined): string {
  return column === undefined ? "?" : String.fromCharCode(64 + column);
}

/** The form's address without its ending (`/viewform`, `/edit`, query). */
function formAddress(url: string): string {
  return url.replace(/[?#].*$/, "").replace(/\/(viewform|edit|closedform)$/, "");
}

/** A sheet Forms writes `form`'s responses to. */
function linkedTo(sheet: Sheet, form: Form): boolean {
  const url = sheet.getFormUrl();
  if (!url) return false;
  return (
    url.includes(form.getId()) ||
    formAddress(url) === formAddress(form.getPublishedUrl()) ||
    formAddress(url) === formAddress(form.getEditUrl())
  );
}

/**
 * The scratch objects of one run, made on first use and all removed by `cleanUp`: a sheet at
 * the end of the workbook, and a form (linked to the workbook only for the check that needs it).
 */
export class Scratch {
  private madeSheet: Sheet | undefined;
  private madeForm: Form | undefined;
  private formError: unknown;
  private textItem: GoogleAppsScript.Forms.TextItem | undefined;
  private linked = false;
  private sheetsBeforeLink: number[] = [];
  private readonly activeSheet: Sheet | undefined;

  constructor(readonly spreadsheet: Spreadsheet) {
    try {
      this.activeSheet = spreadsheet.getActiveSheet();
    } catch {
      this.activeSheet = undefined;
    }
  }

  sheet(): Sheet {
    if (!this.madeSheet) {
      let name = SCRATCH_SHEET;
      for (let n = 2; this.spreadsheet.getSheetByName(name); n++) name = `${SCRATCH_SHEET} ${n}`;
      this.madeSheet = this.spreadsheet.insertSheet(name, this.spreadsheet.getSheets().length);
    }
    return this.madeSheet;
  }

  /** The scratch form, unlinked, with one short-answer question (made once: a failure stays one). */
  form(): Form {
    if (this.madeForm) return this.madeForm;
    if (this.formError !== undefined) throw this.formError;
    try {
      this.madeForm = this.openScratchForm();
    } catch (error) {
      this.formError = error;
      throw error;
    }
    return this.madeForm;
  }

  private openScratchForm(): Form {
    const properties = PropertiesService.getDocumentProperties();
    const id = properties.getProperty(SCRATCH_FORM_PROPERTY);
    let form: Form | undefined;
    if (id) {
      try {
        form = FormApp.openById(id);
      } catch {
        form = undefined;
      }
    }
    if (!form) {
      form = FormApp.create(SCRATCH_FORM_TITLE);
      properties.setProperty(SCRATCH_FORM_PROPERTY, form.getId());
    }
    // A run stopped half-way may have left it linked: answers must not reach the workbook.
    let linked: boolean;
    try {
      linked = form.getDestinationId() !== "";
    } catch {
      linked = false;
    }
    if (linked) form.removeDestination();
    return form;
  }

  question(): GoogleAppsScript.Forms.TextItem {
    if (!this.textItem) {
      const form = this.form();
      const existing = form.getItems(FormApp.ItemType.TEXT)[0];
      this.textItem = existing ? existing.asTextItem() : form.addTextItem().setTitle("Diagnostic");
    }
    return this.textItem;
  }

  /** Links the scratch form to the workbook, as `Créer le formulaire…` does, and flushes. */
  linkForm(): Form {
    const form = this.form();
    this.sheetsBeforeLink = this.spreadsheet.getSheets().map((s) => s.getSheetId());
    form.setDestination(FormApp.DestinationType.SPREADSHEET, this.spreadsheet.getId());
    this.linked = true;
    SpreadsheetApp.flush();
    return form;
  }

  /** Sheets that appeared since the form was linked. */
  sheetsAddedByLink(): Sheet[] {
    return this.spreadsheet.getSheets().filter((s) => !this.sheetsBeforeLink.includes(s.getSheetId()));
  }

  /** Removes what the run made; says what it did, and what it could not do. */
  cleanUp(): CheckOutcome {
    const done: string[] = [];
    const failed: string[] = [];
    const step = (what: string, action: () => void) => {
      try {
        action();
        done.push(what);
      } catch (error) {
        failed.push(`${what} : ${messageOf(error)}`);
      }
    };
    const form = this.madeForm;
    if (form && this.linked) {
      // Only a new sheet linked to the scratch form goes: another one may be someone else's, just made.
      let responses: Sheet[] = [];
      step("feuille de réponses du formulaire temporaire repérée", () => {
        responses = this.sheetsAddedByLink().filter((s) => linkedTo(s, form));
        if (responses.length === 0) throw new Error("aucune nouvelle feuille liée à ce formulaire");
      });
      step("formulaire délié du classeur", () => form.removeDestination());
      for (const sheet of responses) {
        const name = sheet.getName();
        step(`feuille « ${name} » supprimée`, () => this.spreadsheet.deleteSheet(sheet));
      }
    }
    if (form) step("réponses du formulaire temporaire supprimées", () => form.deleteAllResponses());
    const sheet = this.madeSheet;
    if (sheet) {
      const name = sheet.getName();
      step(`feuille « ${name} » supprimée`, () => this.spreadsheet.deleteSheet(sheet));
    }
    const active = this.activeSheet;
    if (active && (sheet || this.linked)) {
      step("feuille active rétablie", () => this.spreadsheet.setActiveSheet(active));
    }
    const kept = form
      ? ` Le formulaire « ${SCRATCH_FORM_TITLE} » reste dans Drive, délié et vide, pour le prochain diagnostic (le module n'a pas accès à Drive pour le supprimer) : ${form.getEditUrl()}`
      : "";
    return {
      ok: failed.length === 0,
      obtained: `${[...done, ...failed].join(" ; ") || "rien à nettoyer"}.${kept}`,
    };
  }
}

const INFOEURO_MONTH: RateMonth = { year: 2025, month: 6 };
const LITERAL_TEXTS = ["+33 6 12 34 56 78", "-relance", "@lianes", "=1+1"];

/** The platform assumptions the add-on relies on, in the order they run. */
export const DIAGNOSTIC_CHECKS: readonly DiagnosticCheck[] = [
  {
    title: "Métadonnées de développeur sur une colonne entière déplacée",
    expected:
      "La marque posée sur toute la colonne B la suit quand la colonne passe après C : colonne C, en-tête « colonne B ».",
    run(scratch) {
      const sheet = scratch.sheet();
      sheet.getRange(1, 1, 1, 3).setValues([["colonne A", "colonne B", "colonne C"]]);
      sheet.getRange("B:B").addDeveloperMetadata(METADATA_KEY, "B");
      sheet.moveColumns(sheet.getRange("B:B"), 4);
      SpreadsheetApp.flush();
      const found = sheet.createDeveloperMetadataFinder().withKey(METADATA_KEY).find();
      const column = found[0]?.getLocation().getColumn()?.getColumn();
      const header = column === undefined ? undefined : sheet.getRange(1, column).getValue();
      return {
        ok: found.length === 1 && column === 3 && header === "colonne B",
        obtained:
          found.length === 0
            ? "aucune marque retrouvée après le déplacement"
            : `${found.length} marque(s) ; colonne ${columnName(column)}, en-tête ${quote(header)}`,
      };
    },
  },
  {
    title: "Form.deleteResponse",
    expected: "Une réponse envoyée au formulaire temporaire est comptée, puis supprimée par son identifiant.",
    run(scratch) {
      const form = scratch.form();
      const before = form.getResponses().length;
      const response = form
        .createResponse()
        .withItemResponse(scratch.question().createResponse("diagnostic"))
        .submit();
      const afterSubmit = form.getResponses().length;
      form.deleteResponse(response.getId());
      const afterDelete = form.getResponses().length;
      return {
        ok: afterSubmit === before + 1 && afterDelete === before,
        obtained: `réponses : ${before} avant, ${afterSubmit} après l'envoi, ${afterDelete} après deleteResponse`,
      };
    },
  },
  {
    title: "Feuille de destination d'un formulaire visible après flush()",
    expected:
      "Après setDestination puis SpreadsheetApp.flush(), getSheets() montre la nouvelle feuille de réponses et le module la retrouve par son formulaire.",
    run(scratch) {
      const form = scratch.linkForm();
      const added = scratch.sheetsAddedByLink();
      const linked = added.filter((s) => linkedTo(s, form));
      const found = findResponsesSheet(scratch.spreadsheet, { formId: form.getId(), itemIds: {} });
      const names = (sheets: Sheet[]) => sheets.map((s) => `« ${s.getName()} »`).join(", ") || "aucune";
      return {
        ok: linked.length === 1 && found?.getSheetId() === linked[0]?.getSheetId(),
        obtained:
          `nouvelle(s) feuille(s) : ${names(added)} ; liée(s) au formulaire : ${names(linked)} ; ` +
          `retrouvée par le module : ${found ? `« ${found.getName()} »` : "non"}`,
      };
    },
  },
  {
    title: "Verrou du document",
    expected: "LockService.getDocumentLock() s'obtient (tryLock), se tient (hasLock) et se libère.",
    run() {
      const lock = LockService.getDocumentLock();
      const acquired = lock.tryLock(10_000);
      const held = lock.hasLock();
      if (acquired) lock.releaseLock();
      const after = lock.hasLock();
      return {
        ok: acquired && held && !after,
        obtained: acquired
          ? `obtenu ; tenu : ${held ? "oui" : "non"} ; après libération : ${after ? "encore tenu" : "libre"}`
          : "non obtenu en 10 s (une autre exécution le tient : relancez le diagnostic)",
      };
    },
  },
  {
    title: "Texte commençant par + - @ = écrit avec une apostrophe",
    expected: `Chaque texte reste le texte saisi, sans formule : ${LITERAL_TEXTS.map(quote).join(" ; ")}.`,
    run(scratch) {
      const sheet = scratch.sheet();
      const range = sheet.getRange(5, 1, 1, LITERAL_TEXTS.length);
      range.setValues([LITERAL_TEXTS.map(literalText)]);
      SpreadsheetApp.flush();
      const values = range.getValues()[0] ?? [];
      const formulas = (range.getFormulas()[0] ?? []).filter((f) => f !== "");
      return {
        ok: LITERAL_TEXTS.every((t, i) => values[i] === t) && formulas.length === 0,
        obtained:
          values.map(quote).join(" ; ") +
          (formulas.length > 0 ? ` ; formules : ${formulas.join(" ; ")}` : ""),
      };
    },
  },
  {
    title: "Résultat 2-D d'une fonction personnalisée",
    expected: `=${PERCENTAGES_FUNCTION}(A10:A11) sur 750 et 250 remplit deux cellules : 0,75 et 0,25.`,
    run(scratch) {
      const sheet = scratch.sheet();
      sheet.getRange(10, 1, 2, 1).setValues([[750], [250]]);
      sheet.getRange(10, 2).setFormula(`=${PERCENTAGES_FUNCTION}(A10:A11)`);
      SpreadsheetApp.flush();
      const result = sheet.getRange(10, 2, 2, 1);
      // Sheets computes custom functions apart: « Loading… » until the result arrives.
      const loading = (v: unknown) => typeof v === "string" && /^(Loading|Chargement|#LOADING)/i.test(v);
      for (let waited = 0; loading(result.getValue()) && waited < CUSTOM_FUNCTION_WAIT_MS; waited += 1000) {
        Utilities.sleep(1000);
      }
      const values = result.getValues().map((r) => r[0]);
      return {
        ok: values[0] === 0.75 && values[1] === 0.25,
        obtained: values.map(shown).join(" et "),
      };
    },
  },
  {
    title: "InfoEuro joignable par UrlFetchApp",
    expected: `Réponse 200 avec les taux de ${frenchMonth(INFOEURO_MONTH)}, dont celui du dirham marocain (MAD).`,
    scope: "https://www.googleapis.com/auth/script.external_request",
    run() {
      const response = UrlFetchApp.fetch(monthlyRatesUrl(INFOEURO_MONTH), { muteHttpExceptions: true });
      const table = readMonthlyRates(response.getResponseCode(), response.getContentText(), INFOEURO_MONTH);
      const rate = pickRate(table, "MAD", INFOEURO_MONTH);
      return {
        ok: true,
        obtained: `HTTP ${response.getResponseCode()}, ${Object.keys(table).length} devises, MAD = ${decimalText(rate).replace(".", ",")}`,
      };
    },
  },
  {
    title: "Un déclencheur d'envoi de formulaire pour le classeur",
    expected: `Au plus un déclencheur « ${FORM_SUBMIT_HANDLER} » sur ce classeur (il reçoit les envois de tous ses formulaires ; aucun avant le premier « Créer le formulaire… »).`,
    scope: "https://www.googleapis.com/auth/script.scriptapp",
    run(scratch) {
      const ours = ScriptApp.getProjectTriggers().filter(
        (t) =>
          t.getHandlerFunction() === FORM_SUBMIT_HANDLER &&
          t.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT,
      );
      const here = ours.filter((t) => t.getTriggerSourceId() === scratch.spreadsheet.getId());
      return {
        ok: here.length <= 1,
        obtained: `${here.length} déclencheur(s) sur ce classeur${ours.length > here.length ? `, ${ours.length - here.length} ailleurs` : ""}`,
      };
    },
  },
  {
    title: "Formats fr-FR par Intl",
    expected: "« 9 879,54 € » et « 15/06/2025 » (15 juin 2025, 23:59:59 à Paris).",
    run() {
      const euros = formatEuros(cents(987_954));
      const date = new Intl.DateTimeFormat("fr-FR", {
        timeZone: "Europe/Paris",
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
      }).format(new Date(Date.UTC(2025, 5, 15, 21, 59, 59)));
      const spaces = [...euros]
        .filter((c) => /\s/.test(c))
        .map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
      return {
        ok: plainSpaces(euros) === "9 879,54 €" && date === "15/06/2025",
        obtained: `« ${euros} » (espaces ${spaces.join(", ")}) et « ${date} »`,
      };
    },
  },
  {
    title: "Arithmétique BigInt",
    expected:
      'BigInt("9007199254740993") + 1 = 9007199254740994 ; 9 879,54 × 10 000 / 11 879,54 = 8 316,43 €.',
    run() {
      const sum = (BigInt("9007199254740993") + BigInt("1")).toString();
      const share = formatEuros(
        mulDivToCents(
          decimalFromPlainText("9879.54"),
          decimalFromPlainText("10000"),
          decimalFromPlainText("11879.54"),
        ),
      );
      return {
        ok: sum === "9007199254740994" && plainSpaces(share) === "8 316,43 €",
        obtained: `${sum} ; ${share}`,
      };
    },
  },
  {
    title: "Quota d'envoi de MailApp",
    expected: "Au moins un courriel peut encore partir aujourd'hui (MailApp.getRemainingDailyQuota).",
    scope: "https://www.googleapis.com/auth/script.send_mail",
    run() {
      const left = MailApp.getRemainingDailyQuota();
      return { ok: left > 0, obtained: `${left} courriel(s) restant(s) aujourd'hui` };
    },
  },
  {
    title: "Google Doc et PDF dans un dossier Drive",
    expected:
      "Un Google Doc (titre, tableau, total en gras) et sa copie PDF se créent dans un dossier créé par le " +
      "module (DocumentApp, DriveApp avec drive.file), puis vont à la corbeille.",
    scope: "https://www.googleapis.com/auth/drive.file",
    run() {
      const folder = DriveApp.createFolder(SCRATCH_FORM_TITLE.replace("formulaire", "dossier"));
      const made: GoogleAppsScript.Drive.File[] = [];
      try {
        const doc = DocumentApp.create(SCRATCH_SHEET);
        drawDocument(doc.getBody(), {
          title: SCRATCH_SHEET,
          blocks: [
            { kind: "heading", level: 1, text: "Diagnostic" },
            {
              kind: "table",
              header: ["Poste", "Montant"],
              align: ["left", "right"],
              rows: [{ cells: ["Total", "9 879,54 €"], bold: true }],
            },
          ],
        });
        doc.saveAndClose();
        const file = DriveApp.getFileById(doc.getId());
        made.push(file);
        file.moveTo(folder);
        const pdf = folder.createFile(file.getAs("application/pdf"));
        made.push(pdf);
        const type = pdf.getMimeType();
        return {
          ok: type === "application/pdf",
          obtained: `Google Doc et copie ${type} créés dans le dossier`,
        };
      } finally {
        for (const f of made) f.setTrashed(true);
        folder.setTrashed(true);
      }
    },
  },
];

/** Runs one check: its outcome, « non applicable » without its scope, « échec » when it throws. */
function runCheck(check: DiagnosticCheck, scratch: Scratch, scopes: readonly string[]): DiagnosticLine {
  const base = { title: check.title, expected: check.expected };
  if (check.scope && !scopes.includes(check.scope)) {
    return {
      ...base,
      status: "non applicable",
      obtained: `non applicable : appsscript.json ne déclare pas ${check.scope}`,
    };
  }
  try {
    const outcome = check.run(scratch);
    return { ...base, status: outcome.ok ? "OK" : "échec", obtained: outcome.obtained };
  } catch (error) {
    return { ...base, status: "échec", obtained: `erreur : ${messageOf(error)}` };
  }
}

/** Every check on fresh scratch objects, then their removal (its own line). */
export function runDiagnostic(
  checks: readonly DiagnosticCheck[] = DIAGNOSTIC_CHECKS,
  scopes: readonly string[] = DECLARED_SCOPES,
): DiagnosticLine[] {
  const scratch = new Scratch(SpreadsheetApp.getActiveSpreadsheet());
  const lines: DiagnosticLine[] = [];
  try {
    for (const check of checks) lines.push(runCheck(check, scratch, scopes));
  } finally {
    let cleanup: CheckOutcome;
    try {
      cleanup = scratch.cleanUp();
    } catch (error) {
      cleanup = { ok: false, obtained: `erreur : ${messageOf(error)}` };
    }
    lines.push({
      title: "Nettoyage des objets temporaires",
      status: cleanup.ok ? "OK" : "échec",
      expected: "Feuille temporaire et feuille de réponses supprimées, formulaire temporaire délié et vidé.",
      obtained: cleanup.obtained,
    });
  }
  return lines;
}

/** Refuses, before anything is made, when a user's own sheet is called `Diagnostic`. */
function assertDiagnosticSheetIsOurs(spreadsheet: Spreadsheet): void {
  const existing = spreadsheet.getSheetByName(DIAGNOSTIC_SHEET);
  if (existing && existing.getLastRow() > 0 && existing.getRange(1, 1).getValue() !== DIAGNOSTIC_HEADER[0]) {
    throw new InputError(
      `Une feuille « ${DIAGNOSTIC_SHEET} » existe déjà et n'a pas été écrite par Lianes : renommez-la, puis relancez le diagnostic.`,
    );
  }
}

/** The sheet `Diagnostic`, new or emptied (it is the add-on's own). */
function diagnosticSheet(spreadsheet: Spreadsheet): Sheet {
  assertDiagnosticSheetIsOurs(spreadsheet);
  const existing = spreadsheet.getSheetByName(DIAGNOSTIC_SHEET);
  if (!existing) return spreadsheet.insertSheet(DIAGNOSTIC_SHEET, spreadsheet.getSheets().length);
  existing.clear();
  return existing;
}

/** Writes the lines, one per check, with the add-on's version and the time of the run. */
export function writeDiagnostic(lines: readonly DiagnosticLine[], at: Date = new Date()): Sheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = diagnosticSheet(spreadsheet);
  const rows = lines.map((l) => [
    literalText(l.title),
    l.status,
    literalText(l.expected),
    literalText(l.obtained),
    literalText(ADDON_VERSION),
    at,
  ]);
  sheet.getRange(1, 1, 1, DIAGNOSTIC_HEADER.length).setValues([DIAGNOSTIC_HEADER]).setFontWeight("bold");
  const body = sheet.getRange(2, 1, rows.length, DIAGNOSTIC_HEADER.length);
  body.setValues(rows);
  body.setWrap(true);
  sheet.getRange(2, DIAGNOSTIC_HEADER.length, rows.length, 1).setNumberFormat(FORMAT.dateTime);
  sheet.setFrozenRows(1);
  [320, 110, 360, 420, 140, 150].forEach((width, i) => {
    sheet.setColumnWidth(i + 1, width);
  });
  return sheet;
}

export interface DiagnosticSummary {
  readonly ok: number;
  readonly failed: number;
  readonly notApplicable: number;
}

/**
 * `Lianes › Diagnostic`, also run from the Apps Script editor (function `menuDiagnostic`): the
 * checks, the sheet, then a message — an alert from the menu, the execution log from the editor.
 */
export function menuDiagnostic(): DiagnosticSummary {
  // Refused before any check when the name is taken: nothing made, nothing to clean.
  assertDiagnosticSheetIsOurs(SpreadsheetApp.getActiveSpreadsheet());
  const lines = runDiagnostic();
  const sheet = writeDiagnostic(lines);
  const count = (s: CheckStatus) => lines.filter((l) => l.status === s).length;
  const summary = { ok: count("OK"), failed: count("échec"), notApplicable: count("non applicable") };
  const failedTitles = lines.filter((l) => l.status === "échec").map((l) => `• ${l.title}`);
  const message =
    `Diagnostic ${ADDON_VERSION} : ${summary.ok} OK, ${summary.failed} échec(s), ${summary.notApplicable} non applicable(s). ` +
    `Détail dans la feuille « ${sheet.getName()} ».` +
    (failedTitles.length > 0 ? `\n\nÉchecs :\n${failedTitles.join("\n")}` : "");
  for (const l of lines) console.log(`${l.status} — ${l.title} — ${l.obtained}`);
  try {
    sheet.activate();
    SpreadsheetApp.getUi().alert(message);
  } catch {
    // Run from the editor: no dialog there; the execution log has the message.
    console.log(message);
  }
  return summary;
}
