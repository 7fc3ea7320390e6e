/**
 * The demonstration: the BUILT bundle on the local host (no Google account) through the three
 * jobs of the add-on, as a user would do them. `npm start` runs it and writes out/demo.xlsx;
 * a test runs it and checks that no cell of the result is broken.
 */

import { applyValidations, writeLayout } from "../src/addon/sheets";
import type { Cents } from "../src/core/decimal";
import { callById } from "../src/core/intake/calls";
import { formatEuros, formatPercent } from "../src/core/money";
import { type MissionLineInput, missionSheetLayout } from "../src/planning/mission-layout";
import { explorCall2026, explorCall2026Verdicts } from "./demo-calls";
import { MISSION_A, MISSION_B, sheetLines } from "./fixtures/explor-missions";
import { EXPLOR_ANSWERS, PAM_ANSWERS } from "./fixtures/intake-samples";
import { applicationChoices, type Marks, submitEvaluation } from "./fixtures/jury";
import { mission2026Layout, RECITAL_CELLS, recitalSheetLayout } from "./fixtures/recital-projects";
import { createHost, type FakeForm, type Host } from "./host";
import { fakeInfoEuro } from "./host/infoeuro";
import type { SentMessage } from "./host/mail";
import { createSpreadsheetApp } from "./host/spreadsheet";

function euros(value: unknown): string {
  return typeof value === "number" ? formatEuros(Math.round(value * 100) as Cents) : String(value);
}

const receipt = (supplier: string, service: string, amount: number) => ({
  date: "14/10/2025",
  supplier,
  service,
  amount,
});

/**
 * Mission C, its final décompte: two hotel receipts sharing the 300 € of the mission, a
 * « Vaccin » line, a label off Annexe 2 with a suggestion, and a taxi without its receipt.
 */
const MISSION_C_LINES: MissionLineInput[] = [
  { category: "Avion", amount: 780 },
  { category: "Hébergement", amount: 200, receipt: receipt("Hôtel de la Gare", "2 nuits", 200) },
  { category: "Hôtel", amount: 150, receipt: receipt("Auberge du Lac", "2 nuits", 150) },
  { category: "Vaccin", amount: 45, receipt: receipt("Pharmacie centrale", "Vaccin fièvre jaune", 45) },
  { category: "Taxi", amount: 60 },
  { category: "Transprot", amount: 30, receipt: receipt("Car rapide", "Trajet", 30) },
  { category: "Per diem", amount: 150, days: 10 },
];

/** The EXPLOR sheet with Missions A, B and C typed in, computed by the bundle's functions. */
function explorSheet(host: Host): void {
  const layout = missionSheetLayout({
    name: "EXPLOR",
    missions: [
      { title: MISSION_A.title, lines: sheetLines(MISSION_A), blankRows: 0 },
      { title: MISSION_B.title, lines: sheetLines(MISSION_B), blankRows: 0 },
      {
        title: "Mission C (décompte final, 10 jours)",
        stage: "Décompte final",
        lines: MISSION_C_LINES,
        blankRows: 1,
      },
    ],
  });
  const sheet = host.spreadsheet.insertSheet("EXPLOR", 0) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  writeLayout(sheet, layout);
  const app = createSpreadsheetApp(
    host.spreadsheet,
    host.ui,
  ) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  applyValidations(sheet, layout, app);
}

/** Realised spending typed line by line in `Bilan`, in proportion to the forecast, to the cent. */
function typeRealisedSpending(host: Host, total: number): void {
  const sheet = host.spreadsheet.getSheetByName("Bilan");
  if (!sheet) throw new Error("Pas de feuille Bilan");
  const rows = host.values("Bilan");
  const lines = rows.flatMap((r, i) =>
    typeof r[1] === "number" && i > 0 && r[0] !== "Total" ? [i + 1] : [],
  );
  const firstTotal = rows.findIndex((r) => r[0] === "Total") + 1;
  const budgetLines = lines.filter((row) => row < firstTotal);
  const forecast = budgetLines.map((row) => rows[row - 1]?.[1] as number);
  const sum = forecast.reduce((a, b) => a + b, 0);
  const cents = forecast.map((f) => Math.round((f / sum) * total * 100));
  cents[cents.length - 1] = (cents.at(-1) ?? 0) + total * 100 - cents.reduce((a, b) => a + b, 0);
  sheet.getRange(budgetLines[0] ?? 2, 3, budgetLines.length, 1).setValues(cents.map((c) => [c / 100]));
}

/** The 1-based row whose column A reads `label`, from row `after` on. */
function rowLabelled(host: Host, sheetName: string, label: string, after = 0): number {
  const i = host.values(sheetName).findIndex((r, k) => k >= after && r[0] === label);
  if (i < 0) throw new Error(`« ${label} » absent de « ${sheetName} »`);
  return i + 1;
}

/** Realised quantities and notes typed in the activity report of the CD62-2024 Bilan, and the date it was handed in. */
function fillActivityReport(host: Host): void {
  const sheet = host.spreadsheet.getSheetByName("Bilan");
  if (!sheet) throw new Error("Pas de feuille Bilan");
  const first = rowLabelled(host, "Bilan", "Action") + 1;
  // Realised in C and comments in E, as one types them: the rate in D is the sheet's formula.
  const typed: [number | string, string][] = [
    [8, "6 projets déposés à l'AAP 2024, 2 en préparation pour 2025"],
    [3, "le 4e porteur a reporté son projet"],
    [7, ""],
    [1, "session du 12/11/2024 à Arras"],
    [7, "outils des 7 modules livrés"],
    ["Fait", "listing des jumelages actifs à jour"],
    ["Fait", ""],
    ["Fait", "festival, 3 réunions, 2 marchés"],
  ];
  sheet.getRange(first, 3, typed.length, 1).setValues(typed.map(([realised]) => [realised]));
  sheet.getRange(first, 5, typed.length, 1).setValues(typed.map(([, comment]) => [comment]));
}

/**
 * Next year's convention without a developer: `Convention CD62-2025` from CD62-2024, the
 * transport line raised from 200 € to 300 € and Article 4's figures set to match, then its
 * budget, plan and report written from the sheet.
 */
function nextConvention(host: Host): void {
  host.runMenuItem(
    "Paramètres › Nouvelle convention…",
    { kind: "prompt", button: "OK", text: "CD62-2024" },
    { kind: "prompt", button: "OK", text: "CD62-2025" },
  );
  const name = "Convention CD62-2025";
  const sheet = host.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`Pas de feuille ${name}`);
  const lines = rowLabelled(host, name, "Lignes du budget");
  sheet.getRange(rowLabelled(host, name, "Déplacements & fournitures", lines), 4).setValue(300);
  sheet.getRange(rowLabelled(host, name, "Subvention accordée (article 4)"), 2).setValue(9979.54);
  sheet.getRange(rowLabelled(host, name, "Coût total prévisionnel (article 4)"), 2).setValue(11979.54);
  host.runMenuItem("Budget de convention…", { kind: "prompt", button: "OK", text: "CD62-2025" });
}

function answersByLabel(callId: string, answers: Readonly<Record<string, unknown>>): Record<string, string> {
  const call = callById(callId);
  return Object.fromEntries(
    call.questions.filter((q) => answers[q.id] !== undefined).map((q) => [q.label, String(answers[q.id])]),
  );
}

const paris = (iso: string) => new Date(iso);

/** Ten EXPLOR applications: eligible ones and one of each reason to refuse, plus a replay. */
function explorApplications(host: Host, form: FakeForm): number {
  const applications: [string, string, Record<string, unknown>][] = [
    ["claire.martin@artois-sahel.fr", "2025-05-20T09:12:00+02:00", {}],
    [
      "contact@amis-de-tiassale.org",
      "2025-06-02T18:40:00+02:00",
      {
        associationNom: "Les Amis de Tiassalé",
        associationCodePostal: "59000",
        partenairePays: "Côte d'Ivoire",
        missionDuree: "12",
      },
    ],
    [
      "bureau@somme-madagascar.fr",
      "2025-06-15T23:59:59+02:00",
      { associationNom: "Somme–Madagascar", associationCodePostal: "80000", partenairePays: "Madagascar" },
    ],
    [
      "asso@tard.fr",
      "2025-06-16T00:00:00+02:00",
      { associationNom: "Arrivée une seconde trop tard", associationCodePostal: "62100" },
    ],
    [
      "paris@solidarite.fr",
      "2025-06-05T10:00:00+02:00",
      { associationNom: "Solidarité Paris", associationCodePostal: "75011" },
    ],
    [
      "chili@andes.fr",
      "2025-06-06T11:00:00+02:00",
      { associationNom: "Andes Nord", partenairePays: "Chili" },
    ],
    [
      "long@mission.fr",
      "2025-06-07T12:00:00+02:00",
      { associationNom: "Mission longue", missionDuree: "21" },
    ],
    [
      "deja@explor.fr",
      "2025-06-08T13:00:00+02:00",
      { associationNom: "Déjà financée", dejaBeneficiaire: "Oui", nouveauProjet: "Non" },
    ],
    [
      "piege@exemple.fr",
      "2025-06-09T14:00:00+02:00",
      {
        associationNom: '=HYPERLINK("http://exemple.invalid";"Cliquez ici")',
        projetResume: "+33 6 00 00 00 00",
      },
    ],
    [
      "oise@cooperation.fr",
      "2025-06-10T15:00:00+02:00",
      { associationNom: "Oise Coopération", associationCodePostal: "60000", partenairePays: "Bénin" },
    ],
  ];
  let last: GoogleAppsScript.Events.SheetsOnFormSubmit | undefined;
  for (const [email, at, changes] of applications) {
    last = host.submitForm(form, {
      answers: answersByLabel("EXPLOR-2025", { ...EXPLOR_ANSWERS, contactEmail: email, ...changes }),
      email,
      timestamp: paris(at),
    });
  }
  // Apps Script retries events: the last one arrives a second time.
  host.call("onFormSubmitLianes", last);
  return applications.length;
}

/** Staff instruct in the review sheet: statuses and scores typed by hand, then a new sync. */
function instruct(host: Host): void {
  const sheet = host.spreadsheet.getSheetByName("Candidatures");
  if (!sheet) throw new Error("Pas de feuille Candidatures");
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const col = (name: string) => header.findIndex((h) => h.startsWith(name)) + 1;
  const statut = col("Statut");
  const instructeur = col("Instructeur");
  const scores = header.flatMap((h, i) => (/\(0–5\)$/.test(h) ? [i + 1] : []));
  const decisions: [number, string, number[]][] = [
    [2, "Retenue", [5, 4, 4, 4]],
    [3, "Retenue", [4, 4, 3, 5]],
    [4, "Liste d'attente", [3, 3, 3, 3]],
  ];
  for (const [row, status, marks] of decisions) {
    sheet.getRange(row, statut).setValue(status);
    sheet.getRange(row, instructeur).setValue("Awa D.");
    marks.forEach((m, i) => {
      const c = scores[i];
      if (c) sheet.getRange(row, c).setValue(m);
    });
  }
  host.runMenuItem("Synchroniser les candidatures");
}

const ok = (text: string) => ({ kind: "prompt" as const, button: "OK" as const, text });

/** The Récital sheet's figures as first computed, then what one rule-sheet edit changed. */
export interface RecitalRun {
  readonly figures: readonly string[];
  readonly edit: { readonly what: string; readonly before: unknown; readonly after: unknown };
}

/**
 * The finance manager sets up the three Récital funds through Lianes › Paramètres, types sample
 * projects with their aid by formula, then changes the tandem flat rate in its rule sheet.
 */
function recital(host: Host): RecitalRun {
  for (const template of ["RECITAL-FT", "RECITAL-PS", "RECITAL-TANDEM"]) {
    host.runMenuItem("Paramètres › Nouvelle règle de financement…", ok(template), ok(""));
  }
  const sheet = host.spreadsheet.insertSheet("Récital");
  writeLayout(sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet, recitalSheetLayout());
  const figures = recitalFigures(host);
  const tandem = RECITAL_CELLS.tandems[0];
  const before = sheet.valueAt(tandem.row, 4);
  // Next school year, 700 € a tandem: one cell of the rule sheet, and the aid follows.
  host.spreadsheet.getSheetByName("Règle RECITAL-TANDEM")?.getRange("B4").setValue(700);
  return {
    figures,
    edit: {
      what: "Forfait des Tandems solidaires 600 € → 700 € (Règle RECITAL-TANDEM, B4), 2 tandems à 1 500 €",
      before,
      after: sheet.valueAt(tandem.row, 4),
    },
  };
}

/** A mission computed under a rule sheet (Mission A's lines, the per diem given by its days). */
export interface RuleMission {
  readonly sheet: string;
  readonly contribution: unknown;
  readonly remainder: unknown;
}

/**
 * Next year's EXPLOR ceilings without code: the 2025 rule as a sheet, duplicated as
 * EXPLOR-HDF-2026, the per diem raised to 20 € a day in its sheet, and Mission A computed under
 * it by the EXPLOR functions reading the named range REGLE_EXPLOR_HDF_2026.
 */
function explor2026(host: Host): RuleMission {
  host.runMenuItem("Paramètres › Nouvelle règle de financement…", ok("EXPLOR-HDF-2025"), ok(""));
  host.runMenuItem("Paramètres › Dupliquer une règle…", ok("EXPLOR-HDF-2025"), ok("EXPLOR-HDF-2026"));
  const rule = host.spreadsheet.getSheetByName("Règle EXPLOR-HDF-2026");
  if (!rule) throw new Error("Règle EXPLOR-HDF-2026 non créée");
  const perDiem = host.values("Règle EXPLOR-HDF-2026").findIndex((r) => r[0] === "Per diem") + 1;
  rule.getRange(perDiem, 2).setValue(20);
  const name = "Mission EXPLOR 2026";
  const sheet = host.spreadsheet.insertSheet(name);
  writeLayout(sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet, mission2026Layout(name));
  return { sheet: name, contribution: sheet.valueAt(10, 2), remainder: sheet.valueAt(11, 2) };
}

/** The jury: three members evaluate the applications under review, as the guide describes. */
function juryDemo(host: Host): void {
  host.runMenuItem("Préparer le jury…", { kind: "prompt", button: "OK", text: "EXPLOR-2025" });
  host.spreadsheet
    .getSheetByName("Jury EXPLOR-2025")
    ?.getRange(5, 1, 3, 3)
    .setValues([
      ["Awa Diallo", "awa.diallo@lianes-cooperation.org", "Lianes coopération"],
      ["Marc Leroy", "marc.leroy@hautsdefrance.fr", "Région Hauts-de-France"],
      ["Inès Morel", "ines.morel@pasdecalais.fr", "Département du Pas-de-Calais"],
    ]);
  const form = [...host.forms.forms.values()].find((f) => f.getTitle() === "Évaluation EXPLOR-2025");
  if (!form) throw new Error("Formulaire d'évaluation non créé");
  const call = callById("EXPLOR-2025");
  const evaluate = (email: string, application: number, marks: Marks, at: string, comment = "") =>
    submitEvaluation(host, form, call, { email, application, marks, at, comment });
  const [awa, marc, ines] = [
    "awa.diallo@lianes-cooperation.org",
    "marc.leroy@hautsdefrance.fr",
    "ines.morel@pasdecalais.fr",
  ];
  const numbers = applicationChoices(form)
    .map((c) => Number(/^N° (\d+)/.exec(c)?.[1]))
    .slice(0, 3);
  const [first = 1, second = 2, third = 3] = numbers;
  evaluate(
    awa,
    first,
    [5, 4, 4, 4],
    "2025-06-23T09:00:00+02:00",
    "Besoin bien documenté avec le partenaire.",
  );
  evaluate(marc, first, [4, 4, 3, 5], "2025-06-23T10:00:00+02:00");
  evaluate(ines, first, [4, 5, 4, 4], "2025-06-23T11:00:00+02:00");
  evaluate(awa, second, [3, 3, 4, 3], "2025-06-23T09:10:00+02:00");
  evaluate(marc, second, [5, 4, 5, 4], "2025-06-23T10:10:00+02:00");
  // Inès works with the association of the second application: she declares a conflict.
  evaluate(ines, second, "conflit", "2025-06-23T11:10:00+02:00");
  evaluate(awa, third, [1, 2, 1, 2], "2025-06-23T09:20:00+02:00");
  evaluate(marc, third, [1, 2, 2, 1], "2025-06-23T10:20:00+02:00");
  // Marc corrects his evaluation of the third: the later one counts.
  evaluate(marc, third, [4, 3, 3, 4], "2025-06-24T08:30:00+02:00", "Notes corrigées après l'entretien.");
  // Someone who is not on the jury got the link.
  evaluate("curieux@exemple.fr", first, [0, 0, 0, 0], "2025-06-24T12:00:00+02:00");
  host.runMenuItem("Évaluations manquantes");
}

export interface Demo {
  readonly host: Host;
  /** EXPLOR applications submitted (one of them delivered twice). */
  readonly submitted: number;
  readonly recital: RecitalRun;
  readonly explor2026: RuleMission;
  /** What Lianes › Paramètres › Vérifier les paramètres answered at the end. */
  readonly verified: string;
}

/** Runs the demonstration on a fresh host; `step` hears of each stage, in French. */
export function runDemo(step: (text: string) => void = () => {}): Demo {
  step("Chargement du code construit dans l'hôte local (services Apps Script simulés)…");
  // InfoEuro answers from recorded monthly rates: the demo never touches the network.
  const host = createHost({ services: { UrlFetchApp: fakeInfoEuro().services.UrlFetchApp } });
  host.call("onOpen", { authMode: "NONE" });

  step("EXPLOR : missions A, B et C (plafonds de l'Annexe 2 par mission, décompte final)…");
  explorSheet(host);

  step("CD62 : Lianes › Budget de convention… (budget, plan de financement, bilan)…");
  host.runMenuItem("Budget de convention…", { kind: "prompt", button: "OK", text: "" });

  step("Bilan : l'équipe saisit 10 000 € de dépenses réalisées…");
  typeRealisedSpending(host, 10_000);
  step("Bilan : rapport d'activité CD62-2024 (article 2) — quantités réalisées et commentaires…");
  fillActivityReport(host);

  step(
    "CD62-2025 : Lianes › Paramètres › Nouvelle convention… d'après CD62-2024, déplacements 200 € → 300 €, puis Budget de convention…",
  );
  nextConvention(host);

  step("Candidatures : Lianes › Créer le formulaire… pour EXPLOR-2025, puis 10 dépôts…");
  host.runMenuItem("Créer le formulaire…", { kind: "prompt", button: "OK", text: "EXPLOR-2025" });
  const explorForm = [...host.forms.forms.values()].find((f) => f.getTitle().startsWith("EXPLOR"));
  if (!explorForm) throw new Error("Formulaire EXPLOR non créé");
  const submitted = explorApplications(host, explorForm);
  step("Instruction : statuts et notes saisis par l'équipe, puis Lianes › Synchroniser les candidatures…");
  instruct(host);

  step(
    "Jury : Lianes › Jury › Préparer le jury…, trois membres évaluent (un conflit, une correction, un intrus)…",
  );
  juryDemo(host);

  step("Candidatures : formulaire PAM-2025 et 2 inscriptions (même code, autre définition)…");
  host.runMenuItem("Créer le formulaire…", { kind: "prompt", button: "OK", text: "PAM-2025" });
  // By its title: the jury's evaluation form is there too since the jury step.
  const pamTitle = callById("PAM-2025").title;
  const pamForm = [...host.forms.forms.values()].find((f) => f.getTitle() === pamTitle);
  if (!pamForm) throw new Error("Formulaire PAM non créé");
  host.submitForm(pamForm, {
    answers: answersByLabel("PAM-2025", PAM_ANSWERS),
    email: "karim@mjc-lens.fr",
    timestamp: paris("2024-11-20T10:00:00+01:00"),
  });
  host.submitForm(pamForm, {
    answers: answersByLabel("PAM-2025", {
      ...PAM_ANSWERS,
      structureNom: "Centre social d'Arras",
      porteurNom: "Léa Roux",
    }),
    email: "lea@cs-arras.fr",
    timestamp: paris("2024-12-07T09:00:00+01:00"),
  });

  step(
    "Courriers : Lianes › Courriers › Préparer les courriers, tous cochés, puis Envoyer les courriers cochés…",
  );
  sendLetters(host);

  step(
    "Documents : annexe financière CD62-2024 et lettre de décision de la candidature n° 1 (Google Docs et PDF)…",
  );
  host.runMenuItem("Annexe financière de la convention…", { kind: "prompt", button: "OK", text: "" });
  const review = host.spreadsheet.getSheetByName("Candidatures");
  review?.activate();
  review?.getRange(2, 1).activate();
  host.runMenuItem("Lettre de décision (ligne sélectionnée)");

  step(
    "Récital : Lianes › Paramètres › Nouvelle règle de financement… (3 fonds), projets et aides par formule…",
  );
  const recitalRun = recital(host);
  step(
    "EXPLOR 2026 : Lianes › Paramètres › Dupliquer une règle… (per diem à 20 € par jour), une mission sous cette règle…",
  );
  const mission2026 = explor2026(host);
  explorCall2026(host, step);
  host.runMenuItem("Paramètres › Vérifier les paramètres");
  const verified = host.ui.alerts.at(-1) ?? "aucune alerte";
  return { host, submitted, recital: recitalRun, explor2026: mission2026, verified };
}

/** The manager prepares the letters, reads them, ticks every one and sends them. */
function sendLetters(host: Host): void {
  host.runMenuItem("Préparer les courriers");
  const sheet = host.spreadsheet.getSheetByName("Courriers");
  if (!sheet) throw new Error("Pas de feuille Courriers");
  const rows = sheet.getLastRow() - 1;
  sheet.getRange(2, 8, rows, 1).setValues(Array.from({ length: rows }, () => [true]));
  host.runMenuItem("Envoyer les courriers cochés");
}

export interface SentLetter {
  readonly callId: string;
  readonly number: number;
  /** The event's id: accuse, irrecevable, retenue, attente, refusee. */
  readonly event: string;
  readonly message: SentMessage;
}

const EVENT_IDS: Readonly<Record<string, string>> = {
  "Accusé de réception": "accuse",
  Irrecevable: "irrecevable",
  Retenue: "retenue",
  "Liste d'attente": "attente",
  Refusée: "refusee",
};

/** Each message MailApp recorded, with the row of `Courriers` it came from (same order, same recipient). */
export function sentLetters(host: Host): SentLetter[] {
  const sent = host.values("Courriers").filter((r) => String(r[6]).startsWith("envoyé le "));
  return host.mail.messages.map((message, i) => {
    const row = sent[i];
    if (!row || row[3] !== message.to) throw new Error(`Message ${i + 1} sans sa ligne dans Courriers`);
    return {
      callId: String(row[1]),
      number: Number(row[0]),
      event: EVENT_IDS[String(row[2])] ?? String(row[2]),
      message,
    };
  });
}

/** The first number right of a label, on every row that has the label. */
function numbersRightOf(host: Host, sheetName: string, label: string): unknown[] {
  return host.values(sheetName).flatMap((row) => {
    const i = row.indexOf(label);
    const value = i < 0 ? undefined : row.slice(i + 1).find((v) => typeof v === "number");
    return value === undefined ? [] : [value];
  });
}

/** « N° 2 : 3 / 3 → 4,27 » for each application the jury evaluated. */
function juryLine(host: Host): string {
  const [header = [], ...rows] = host.values("Candidatures");
  const [received, mean] = [header.indexOf("Évaluations jury"), header.indexOf("Moyenne pondérée jury")];
  return rows
    .filter((r) => String(r[received] ?? "") !== "")
    .map(
      (r) =>
        `n° ${r[0]} ${r[received]} → ${typeof r[mean] === "number" ? String(r[mean]).replace(".", ",") : "—"}`,
    )
    .join(", ");
}

/** What the demo produced, in French, one line each. */
export function demoSummary({ host, submitted, recital, explor2026, verified }: Demo): string[] {
  const [header = [], ...rows] = host.values("Candidatures");
  const eligibility = header.indexOf("Éligibilité");
  const [contributionA, contributionB, contributionC] = numbersRightOf(
    host,
    "EXPLOR",
    "Prise en charge EXPLOR",
  );
  const plan = (label: string, sheet = "Plan de financement") => euros(numbersRightOf(host, sheet, label)[0]);
  const share = (label: string, sheet: string) =>
    formatPercent(host.values(sheet).find((r) => r[3] === label)?.[5] as number);
  const next = "Plan de financement CD62-2025";
  const activity = host.values("Bilan");
  const first = activity.findIndex((r) => r[0] === "Action") + 1;
  const rates = activity
    .slice(first, first + 5)
    .map((r) => `${r[2]}/${r[1]}`)
    .join(", ");
  const state = activity.find((r) => r[0] === "État du bilan")?.[1];
  return [
    `EXPLOR : prise en charge mission A ${euros(contributionA)}, mission B ${euros(contributionB)}, ` +
      `mission C (décompte final) ${euros(contributionC)}`,
    `Plan CD62 : total ${plan("TOTAL CHARGES")}, CD62 ${plan("CD62")}, RECITAL ${plan("RECITAL")}`,
    `Plan CD62-2025 (déplacements 300 €) : total ${plan("TOTAL CHARGES", next)}, CD62 ${plan("CD62", next)} (${share("CD62", next)}), RECITAL ${plan("RECITAL", next)} (${share("RECITAL", next)})`,
    `Rapport d'activité CD62-2024 : réalisé/prévu ${rates} ; bilan dû le 01/04/2025 : ${String(state)}`,
    `Bilan : 10 000,00 € réalisés → subvention due (article 5) ${euros(
      numbersRightOf(host, "Bilan", "Subvention due (article 5)")[0],
    )}`,
    `Candidatures EXPLOR : ${submitted} dépôts (dont un événement reçu deux fois) → ${rows.length} lignes, ` +
      `${rows.filter((r) => r[eligibility] === "Éligible").length} éligibles`,
    ...recital.figures,
    `Règle modifiée dans sa feuille — ${recital.edit.what} : ${euros(recital.edit.before)} → ${euros(recital.edit.after)}`,
    `EXPLOR-HDF-2026 (per diem 20 € par jour) : mission A de 10 jours → prise en charge ${euros(
      explor2026.contribution,
    )}, reste à charge ${euros(explor2026.remainder)}`,
    `Vérifier les paramètres : ${verified}`,
    `Jury EXPLOR-2025 : ${juryLine(host)}`,
    `Appel EXPLOR-2026 (feuille du classeur) : ${explorCall2026Verdicts(host).join(" / ")}`,
    `Courriers : ${host.values("Courriers").length - 1} préparés, ${host.mail.messages.length} envoyés ` +
      `(${host.mail.getRemainingDailyQuota()} restants dans le quota du jour)`,
    `Documents : ${[...host.documents.documents.values()].map((d) => d.getName()).join(", ")}`,
    `Feuilles : ${host.spreadsheet
      .getSheets()
      .map((s) => s.getName())
      .join(", ")}`,
  ];
}

/** The Récital figures as the sheet shows them: amounts, or the cell's French error. */
function recitalFigures(host: Host): string[] {
  const sheet = host.spreadsheet.getSheetByName("Récital");
  if (!sheet) return ["Récital : feuille absente"];
  const shown = (row: number, column: number) =>
    sheet.errorAt(row, column) ?? euros(sheet.valueAt(row, column));
  const { territorial, structuring, tandems } = RECITAL_CELLS;
  return [
    `Récital, fonds territoriaux : ${territorial.map((p) => `${euros(p.cost)} → ${shown(p.row, 3)}`).join(" ; ")}`,
    `Récital, projet structurant : ${[2, 3, 4]
      .map((c) => euros(sheet.valueAt(structuring.costsRow, c)))
      .join(" / ")} → ${[2, 3, 4].map((c) => shown(structuring.aidRow, c)).join(" / ")}`,
    `Récital, tandems : ${tandems.map((t) => `${t.tandems} × ${euros(t.cost)} → ${shown(t.row, 4)}`).join(" ; ")}`,
  ];
}
