/**
 * `Lianes › Courriers › Annexe financière de la convention…` and `Lettre de décision (ligne
 * sélectionnée)`: the document model is rendered by core, drawn in a Google Doc, copied as PDF
 * into the convention's (or the call's) Drive folder; the links go to the sheet `Documents`.
 * Regenerating asks before replacing.
 */
import { CONVENTION_IDS, conventionById, DEFAULT_CONVENTION_ID } from "../../core/convention";
import { annexTitle, financialAnnex, letterDocument } from "../../core/documents";
import { InputError } from "../../core/errors";
import { CALL_IDS, callById } from "../../core/intake/calls";
import { formatParisDateTime } from "../../core/intake/paris-time";
import { callName, eventLabel, eventOfStatus, planLetters, templateProblems } from "../../core/letters";
import { askForDefinition } from "../dialogs";
import { reviewSheetShape } from "../intake/review-plan";
import { allIntakeStates } from "../intake/state";
import { readLetterApplications } from "../letters/applications";
import { readTemplates, TEMPLATES_SHEET } from "../letters/templates-sheet";
import { DOCUMENTS_SHEET, recordDocumentLinks } from "./documents-sheet";
import { folderFor, type Generated, generateDocument, previousGenerated } from "./drive";

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

function doneMessage(generated: Generated, folderName: string): string {
  return (
    `Google Doc : ${generated.doc.url}\nPDF : ${generated.pdf.url}\n\n` +
    `Dans le dossier Drive « ${folderName} » ; les liens sont dans la feuille « ${DOCUMENTS_SHEET} ».`
  );
}

/** Lianes › Courriers › Annexe financière de la convention… */
export function menuFinancialAnnex(): void {
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
  recordDocumentLinks(SpreadsheetApp.getActiveSpreadsheet(), convention.id, model.title, generated);
  ui.alert("Annexe financière créée", doneMessage(generated, folderName), ui.ButtonSet.OK);
}

/** Lianes › Courriers › Lettre de décision (ligne sélectionnée) */
export function menuDecisionLetter(): void {
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
  const row = spreadsheet.getActiveRange()?.getRow() ?? 0;
  const number = row >= 2 ? sheet.getRange(row, 1).getValue() : "";
  const status = row >= 2 ? sheet.getRange(row, reviewSheetShape(call).statusColumn + 1).getValue() : "";
  const event = eventOfStatus(status);
  if (typeof number !== "number") {
    ui.alert("Sélectionnez la ligne d'une candidature (avec son N°), puis relancez.");
    return;
  }
  if (!event) {
    ui.alert(
      `Candidature n° ${number} : le statut « ${String(status)} » n'appelle pas de lettre de décision ` +
        "(Irrecevable, Retenue, Liste d'attente ou Refusée).",
    );
    return;
  }
  const templates = readTemplates(spreadsheet);
  const problems = [...templates.problems, ...templateProblems(templates.templates, call)];
  if (problems.length > 0) {
    ui.alert(`Corrigez d'abord la feuille « ${TEMPLATES_SHEET} »`, problems.join("\n"), ui.ButtonSet.OK);
    return;
  }
  const application = readLetterApplications(spreadsheet, call, state)?.find((a) => a.number === number);
  const plan = planLetters({
    call,
    templates: templates.templates,
    signature: templates.signature,
    applications: application ? [application] : [],
    existing: new Set(),
  });
  const letter = plan.letters[0];
  if (!letter || !application?.submission) {
    throw new InputError(
      plan.notes[0] ?? `Candidature n° ${number} introuvable dans la feuille d'instruction.`,
    );
  }
  const association = String(application.submission.answers[call.review.applicant.question] ?? "");
  const title = `Courrier — ${callName(call)} — n° ${number} — ${eventLabel(event.id)}`;
  const key = `lianes.lettre.${call.id}.${number}.${event.id}`;
  if (!confirmReplace(ui, `« ${title} »`, previousGenerated(key))) return;
  const now = new Date();
  const model = letterDocument({
    title,
    addressee: association,
    subject: letter.subject,
    body: letter.body,
    date: now,
  });
  const folderName = `Courriers ${call.id}`;
  const generated = generateDocument(model, folderFor(`lianes.dossier.${call.id}`, folderName), key, now);
  recordDocumentLinks(spreadsheet, `${call.id} n° ${number}`, title, generated);
  ui.alert("Lettre de décision créée", doneMessage(generated, folderName), ui.ButtonSet.OK);
}
