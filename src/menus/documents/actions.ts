/**
 * `Lianes › Courriers › Annexe financière de la convention…` and `Lettre de décision (ligne
 * sélectionnée)`: the document model is rendered by core, drawn in a Google Doc, copied as PDF
 * into the convention's (or the call's) Drive folder; the links go to the sheet `Documents`.
 * Regenerating asks before replacing.
 */

import { askForDefinition } from "../../addon/dialogs";
import {
  CONVENTION_SHEET_PREFIX,
  DOCUMENTS_SHEET,
  recordDocumentLinks,
  recordOnConventionSheet,
} from "../../addon/documents/documents-sheet";
import { folderFor, type Generated, generateDocument, previousGenerated } from "../../addon/documents/drive";
import { allIntakeStates } from "../../addon/intake/state";
import { readLetterApplications } from "../../addon/letters/applications";
import { readTemplates, TEMPLATES_SHEET } from "../../addon/letters/templates-sheet";
import { CONVENTION_IDS, conventionById, DEFAULT_CONVENTION_ID } from "../../core/convention";
import { annexTitle, financialAnnex, letterDocument } from "../../core/documents";
import { InputError } from "../../core/errors";
import type { CallDefinition } from "../../core/intake/call-schema";
import { CALL_IDS, callById } from "../../core/intake/calls";
import { formatParisDateTime } from "../../core/intake/paris-time";
import { formatAnswer } from "../../core/intake/review";
import type { Submission } from "../../core/intake/submission";
import { callName, eventLabel, eventOfStatus, planLetters, templateProblems } from "../../core/letters";
import { reviewSheetShape } from "../../planning/intake/review-plan";

type Ui = GoogleAppsScript.Base.Ui;

function confirmReplace(ui: Ui, what: string, previous: Generated | undefined): boolean {
  if (!previous) return true;
  const answer = ui.alert(
    "Remplacer le document ?",
    `${what} existe déjà (créé le ${formatParisDateTime(new Date(Date.parse(previous.at)))}). ` +
      "Le remplacer par une nouvelle version ? L'ancienne version (document et PDF) ira dans la corbeille de Drive.",
    ui.ButtonSet.YES_NO,
  );
  return answer === ui.Button.YES;
}

function doneMessage(generated: Generated, folderName: string, linksSheet = DOCUMENTS_SHEET): string {
  return (
    `Google Doc : ${generated.doc.url}\nPDF : ${generated.pdf.url}\n\n` +
    `Dans le dossier Drive « ${folderName} » ; les liens sont dans la feuille « ${linksSheet} ».`
  );
}

/** The letter's addressee: the person to write to (when the call names one), then the applicant. */
function addresseeOf(call: CallDefinition, submission: Submission | undefined): string {
  if (!submission) return "";
  const name = (id: string | undefined) => (id ? formatAnswer(submission.answers[id]) : "");
  const association = name(call.review.applicant.question);
  const contact = name(call.letters?.contact);
  return contact && contact !== association ? `${contact}\n${association}` : association;
}

/** Lianes › Courriers › Annexe financière de la convention… */
export function menuAnnexeFinanciere(): void {
  const ui = SpreadsheetApp.getUi();
  const convention = askForDefinition(ui, {
    title: "Annexe financière",
    question: `Convention (${CONVENTION_IDS.join(", ")}) ; laissez vide pour ${DEFAULT_CONVENTION_ID} :`,
    defaultId: DEFAULT_CONVENTION_ID,
    byId: conventionById,
    unknown: (error) => ({ title: "Convention inconnue", message: error.message }),
  });
  if (!convention) return;
  const now = new Date();
  const model = financialAnnex(convention, now);
  const key = `lianes.annexe.${convention.id}`;
  if (!confirmReplace(ui, `« ${annexTitle(convention)} »`, previousGenerated(key))) return;
  const folderName = `Convention ${convention.id}`;
  const generated = generateDocument(
    model,
    folderFor(`lianes.dossier.${convention.id}`, folderName),
    key,
    now,
  );
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  // On the convention's own sheet when the workbook has it, else in the sheet Documents.
  let linksSheet = `${CONVENTION_SHEET_PREFIX}${convention.id}`;
  if (!recordOnConventionSheet(spreadsheet, convention.id, model.title, generated)) {
    recordDocumentLinks(spreadsheet, convention.id, model.title, generated);
    linksSheet = DOCUMENTS_SHEET;
  }
  ui.alert("Annexe financière créée", doneMessage(generated, folderName, linksSheet), ui.ButtonSet.OK);
}

/**
 * Lianes › Courriers › Lettre de décision (ligne sélectionnée): one letter per selected
 * application of a review sheet (one row, or several), from its status's template.
 */
export function menuLettreDecision(): void {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getActiveSheet();
  const states = allIntakeStates(PropertiesService.getDocumentProperties().getProperties());
  const entry = states
    .map(({ callId, state }) => ({ call: callById(callId), state }))
    .find(({ call }) => call.review.sheetName === sheet.getName());
  if (!entry) {
    ui.alert(
      `Sélectionnez une candidature dans une feuille d'instruction (appels : ${CALL_IDS.join(", ")}), puis relancez.`,
    );
    return;
  }
  const { call, state } = entry;
  const range = spreadsheet.getActiveRange();
  const first = Math.max(range?.getRow() ?? 0, 2);
  const last = range ? range.getRow() + range.getNumRows() - 1 : 0;
  const statusColumn = reviewSheetShape(call).statusColumn;
  const selected =
    last >= first
      ? sheet
          .getRange(first, 1, last - first + 1, statusColumn + 1)
          .getValues()
          .filter((r) => typeof r[0] === "number")
          .map((r) => ({ number: r[0] as number, status: r[statusColumn] }))
      : [];
  if (selected.length === 0) {
    ui.alert("Sélectionnez la ligne d'une candidature (avec son N°), puis relancez.");
    return;
  }
  const notes = selected
    .filter((a) => !eventOfStatus(a.status))
    .map(
      (a) =>
        `Candidature n° ${a.number} : le statut « ${String(a.status)} » n'appelle pas de lettre de décision ` +
        "(Irrecevable, Retenue, Liste d'attente ou Refusée).",
    );
  const wanted = selected.filter((a) => eventOfStatus(a.status));
  if (wanted.length === 0) {
    ui.alert(notes.join("\n"));
    return;
  }
  const templates = readTemplates(spreadsheet);
  const problems = [...templates.problems, ...templateProblems(templates.templates, call)];
  if (problems.length > 0) {
    ui.alert(`Corrigez d'abord la feuille « ${TEMPLATES_SHEET} »`, problems.join("\n"), ui.ButtonSet.OK);
    return;
  }
  const applications = readLetterApplications(spreadsheet, call, state) ?? [];
  const plan = planLetters({
    call,
    templates: templates.templates,
    signature: templates.signature,
    applications: wanted.flatMap((w) => applications.filter((a) => a.number === w.number)),
    existing: new Set(),
  });
  notes.push(...plan.notes);
  const letters = plan.letters.map((letter) => ({
    letter,
    title: `Courrier — ${callName(call)} — n° ${letter.number} — ${eventLabel(letter.event)}`,
    key: `lianes.lettre.${call.id}.${letter.number}.${letter.event}`,
    addressee: addresseeOf(call, applications.find((a) => a.number === letter.number)?.submission),
  }));
  if (letters.length === 0)
    throw new InputError(notes[0] ?? "Aucune candidature sélectionnée n'a de lettre.");
  const existing = letters.filter((l) => previousGenerated(l.key));
  if (existing.length > 0) {
    const answer = ui.alert(
      "Remplacer les lettres ?",
      `${existing.map((l) => `« ${l.title} »`).join(", ")} ${existing.length > 1 ? "existent" : "existe"} déjà. ` +
        "Les remplacer par une nouvelle version ? L'ancienne version (document et PDF) ira dans la corbeille de Drive.",
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) return;
  }
  const now = new Date();
  const folderName = `Courriers ${call.id}`;
  const folder = folderFor(`lianes.dossier.${call.id}`, folderName);
  const made = letters.map(({ letter, title, key, addressee }) => {
    const model = letterDocument({
      title,
      addressee,
      subject: letter.subject,
      body: letter.body,
      date: now,
    });
    const generated = generateDocument(model, folder, key, now);
    recordDocumentLinks(spreadsheet, `${call.id} n° ${letter.number}`, title, generated);
    return generated;
  });
  ui.alert(
    made.length === 1 ? "Lettre de décision créée" : `${made.length} lettres de décision créées`,
    (made.length === 1 && made[0]
      ? doneMessage(made[0], folderName)
      : `Dans le dossier Drive « ${folderName} » ; les liens sont dans la feuille « ${DOCUMENTS_SHEET} ».`) +
      (notes.length ? `\n\n${notes.join("\n")}` : ""),
    ui.ButtonSet.OK,
  );
}
