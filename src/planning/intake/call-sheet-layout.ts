/**
 * A call for applications as a sheet the finance manager owns, `Appel <identifiant>`: the
 * layout and its writer (definition → cells, written in one go by the adapter). Pure. The
 * reader (cells → the same definition, or every problem with its cell) is call-sheet-reader.ts.
 *
 * Sections, top to bottom, each starting with its title in column A: Général (label, value),
 * Questions, Règles d'éligibilité, Critères d'instruction, Statuts (one row each, under a
 * header row). A blank row inside a section is skipped.
 */
import {
  type CallDefinition,
  type EligibilityRules,
  type QuestionDefinition,
  type QuestionType,
  questionTypeWord,
} from "../../core/intake/call-schema";
import { parisOffsetHours, toParis } from "../../core/intake/paris-time";
import { STATUSES } from "../../core/intake/review";
import { asText, FORMAT, type LayoutCell, type SheetLayout, type ValidatedRange } from "../sheet-layout";

export const CALL_SHEET_PREFIX = "Appel ";

export function callSheetName(callId: string): string {
  return `${CALL_SHEET_PREFIX}${callId}`;
}

/** The call id a sheet's name gives (`Appel EXPLOR-2026` → `EXPLOR-2026`), or undefined. */
export function callIdOfSheetName(name: string): string | undefined {
  if (!name.startsWith(CALL_SHEET_PREFIX)) return undefined;
  const id = name.slice(CALL_SHEET_PREFIX.length).trim();
  return /^[A-Z][A-Z0-9]*-\d{4}$/.test(id) ? id : undefined;
}

export const SECTIONS = {
  general: "Général",
  questions: "Questions",
  rules: "Règles d'éligibilité",
  criteria: "Critères d'instruction",
  statuses: "Statuts",
} as const;

export type Section = keyof typeof SECTIONS;

export const GENERAL = {
  id: "Identifiant",
  title: "Titre",
  description: "Description",
  opensAt: "Ouverture (heure de Paris)",
  closesAt: "Clôture (heure de Paris, dernière seconde à l'heure)",
  capacity: "Places (capacité)",
  confirmationMessage: "Message de confirmation",
  email: "E-mail du candidat : question qui le demande (vide : l'adresse que Forms collecte)",
  sheetName: "Feuille d'instruction",
  applicantQuestion: "Question qui nomme le candidat",
  applicantHeader: "En-tête de la colonne candidat",
  projectTitle: "Question qui nomme le projet (montrée au jury ; vide : aucune)",
  shownAnswers: "Réponses résumées dans la feuille d'instruction (identifiants séparés par ;)",
  lettersName: "Courriers : nom de l'appel (vide : son identifiant)",
  lettersContact: "Courriers : question qui nomme la personne à qui écrire (vide : le candidat)",
  acknowledgement: "Accusé de réception préparé à chaque envoi (Oui/Non)",
} as const;

export type GeneralKey = keyof typeof GENERAL;

export const QUESTION_HEADERS = [
  "Identifiant",
  "Libellé",
  "Type",
  "Obligatoire",
  "Choix (séparés par ;)",
  "Aide",
  "Personnelle (RGPD)",
  "Minimum",
  "Maximum",
  "Entier",
  "Format (expression régulière)",
  "Message si la réponse est refusée",
] as const;

export const Q = {
  id: 0,
  label: 1,
  type: 2,
  required: 3,
  choices: 4,
  help: 5,
  personal: 6,
  min: 7,
  max: 8,
  integer: 9,
  pattern: 10,
  message: 11,
} as const;

const RULE_HEADERS = ["Règle", "Question lue", "Paramètre 1", "Paramètre 2", "Explication"] as const;
const CRITERIA_HEADERS = [
  "Identifiant",
  "Critère",
  "Poids",
  "Note maximale (notes de 0 à ce nombre)",
] as const;
const STATUS_HEADERS = ["Statut", "Signification"] as const;

/** The menu of rule kinds, as the sheet names them, with what their parameters mean. */
export const RULES = {
  headOffice: {
    word: "Siège dans les départements",
    help: "Paramètre 1 : codes des départements séparés par ; — Paramètre 2 : nom de la région, cité dans le motif (siège hors …).",
  },
  partnerCountry: {
    word: "Pays partenaire sur la liste CAD",
    help: "Paramètre 1 : la liste CAD (CAD-2024-2025).",
  },
  alreadyFunded: {
    word: "Déjà financée sans nouveau projet",
    help: "Question lue : déjà financée (oui/non) — Paramètre 1 : la question « nouveau projet » (oui/non) — Paramètre 2 : le programme cité dans le motif.",
  },
  durationDays: {
    word: "Durée entre … et … jours",
    help: "Paramètre 1 : durée minimale — Paramètre 2 : durée maximale, en jours.",
  },
  amount: {
    word: "Montant entre … et … €",
    help: "Paramètre 1 : montant minimal — Paramètre 2 : montant maximal, en euros.",
  },
  deadline: {
    word: "Déposée avant la clôture",
    help: "Lit l'heure d'envoi : une candidature reçue après la clôture est hors délai. Supprimez la ligne pour accepter les envois tardifs.",
  },
} as const;

export type RuleKind = keyof typeof RULES;

/** What the add-on's statuses mean, as the sheet says it (they stay, whatever the sheet holds). */
export const STATUS_MEANINGS: Readonly<Record<(typeof STATUSES)[number], string>> = {
  "À instruire": "Statut du module : éligible et à l'heure, donné à l'arrivée.",
  Irrecevable: "Statut du module : non éligible ou hors délai, donné à l'arrivée.",
  "En instruction": "Statut du module : en cours d'examen.",
  Retenue: "Statut du module : retenue (comptée dans les places).",
  "Liste d'attente": "Statut du module : retenue si une place se libère.",
  Refusée: "Statut du module : examinée, non retenue.",
  "Sans suite": "Statut du module : retirée par le candidat.",
};

/** Extra question types the sheet offers: a short text with a set format, a country list. */
export const PHONE = {
  pattern: "^\\+?[0-9 .]{10,20}$",
  message: "Indiquez un numéro de téléphone (10 chiffres, ou +33…).",
};
export const POSTCODE = { pattern: "^\\d{5}$", message: "Indiquez un code postal à 5 chiffres." };
export const COUNTRY = { dacList: "CAD-2024-2025", other: "Autre pays" };

export type SheetType = QuestionType | "phone" | "postcode" | "country" | "amount";

export const SHEET_TYPE_WORDS: Readonly<Record<SheetType, string>> = {
  shortText: questionTypeWord("shortText"),
  paragraph: questionTypeWord("paragraph"),
  singleChoice: questionTypeWord("singleChoice"),
  checkboxes: questionTypeWord("checkboxes"),
  dropdown: questionTypeWord("dropdown"),
  date: questionTypeWord("date"),
  number: questionTypeWord("number"),
  amount: "montant (€)",
  yesNo: questionTypeWord("yesNo"),
  email: questionTypeWord("email"),
  phone: "téléphone",
  postcode: "code postal",
  country: "pays",
  scale: questionTypeWord("scale"),
};

export const YES = "Oui";
export const NO = "Non";

// ---------------------------------------------------------------------------------------------
// Writer

function sheetTypeOf(q: QuestionDefinition): SheetType {
  const v = q.validation;
  if (q.type === "shortText" && v?.kind === "pattern") {
    if (v.pattern === PHONE.pattern) return "phone";
    if (v.pattern === POSTCODE.pattern) return "postcode";
  }
  if (q.type === "dropdown" && q.choices && !Array.isArray(q.choices)) return "country";
  if (q.type === "number" && q.unit === "euros") return "amount";
  return q.type;
}

export function presetOf(type: SheetType): { pattern: string; message: string } | undefined {
  return type === "phone" ? PHONE : type === "postcode" ? POSTCODE : undefined;
}

function questionRow(q: QuestionDefinition): LayoutCell[] {
  const row: LayoutCell[] = QUESTION_HEADERS.map(() => "");
  const type = sheetTypeOf(q);
  row[Q.id] = q.id;
  row[Q.label] = q.label;
  row[Q.type] = SHEET_TYPE_WORDS[type];
  row[Q.required] = q.required ? YES : NO;
  if (Array.isArray(q.choices)) row[Q.choices] = q.choices.join(" ; ");
  else if (q.choices) row[Q.choices] = `${q.choices.dacList} ; ${q.choices.other}`;
  if (q.scale) {
    row[Q.min] = q.scale.low;
    row[Q.max] = q.scale.high;
    if (q.scale.lowLabel !== undefined || q.scale.highLabel !== undefined) {
      row[Q.choices] = `${q.scale.lowLabel ?? ""} ; ${q.scale.highLabel ?? ""}`;
    }
  }
  row[Q.help] = q.help ?? "";
  row[Q.personal] = q.personal ? YES : NO;
  const v = q.validation;
  if (v) {
    const preset = presetOf(type);
    switch (v.kind) {
      case "numberRange":
        row[Q.min] = v.min ?? "";
        row[Q.max] = v.max ?? "";
        row[Q.integer] = v.integer ? YES : "";
        break;
      case "selectCount":
        row[Q.min] = v.min ?? "";
        row[Q.max] = v.max ?? "";
        break;
      case "maxLength":
        row[Q.max] = v.max;
        break;
      case "pattern":
        if (!preset) row[Q.pattern] = v.pattern;
        break;
    }
    row[Q.message] = preset && v.message === preset.message ? "" : v.message;
  }
  return row;
}

/**
 * A call instant as a Sheets date-time: its serial number (days since 30/12/1899, Paris wall
 * clock), shown `15/06/2025 23:59:59` by the cell's format. A number, not a text, so that no
 * spreadsheet locale reads 01/04/2026 as 4 January.
 */
export function instantSerial(iso: string): number {
  const p = toParis(new Date(Date.parse(iso)));
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall / 86_400_000 + 25_569;
}

function ruleRows(e: EligibilityRules): LayoutCell[][] {
  const rows: LayoutCell[][] = [];
  const row = (kind: RuleKind, question: string, p1: LayoutCell, p2: LayoutCell) =>
    rows.push([RULES[kind].word, question, p1, p2, RULES[kind].help]);
  if (e.headOffice) {
    row("headOffice", e.headOffice.question, e.headOffice.departements.join(" ; "), e.headOffice.regionLabel);
  }
  if (e.partnerCountry) row("partnerCountry", e.partnerCountry.question, e.partnerCountry.dacList, "");
  if (e.alreadyFunded) {
    row(
      "alreadyFunded",
      e.alreadyFunded.question,
      e.alreadyFunded.newProjectQuestion,
      e.alreadyFunded.programme,
    );
  }
  if (e.durationDays) row("durationDays", e.durationDays.question, e.durationDays.min, e.durationDays.max);
  if (e.amount) row("amount", e.amount.question, e.amount.min, e.amount.max);
  if (e.deadline !== false) row("deadline", "", "", "");
  return rows;
}

const SECTION_BACKGROUND = "#d9ead3";
const HEADER_BACKGROUND = "#eeeeee";

/** The sheet of a call: every cell computed here, written in one go by the adapter. */
export function callSheetLayout(call: CallDefinition): SheetLayout {
  const blocks: SheetLayout["blocks"][number][] = [];
  const width = QUESTION_HEADERS.length;
  // The manager's texts (labels, help, choices, messages) stay text, even `-5 ans` or `=…`.
  const pad = (cells: readonly LayoutCell[]): LayoutCell[] => [
    ...cells.map((c) => (typeof c === "string" ? asText(c) : c)),
    ...Array.from({ length: width - cells.length }, () => ""),
  ];
  let row = 1;
  blocks.push({ row, column: 1, values: [pad([`Appel à candidatures ${call.id}`])], bold: true });
  row++;
  blocks.push({
    row,
    column: 1,
    values: [
      pad([
        "Modifiez les cellules de cette feuille, puis Lianes › Paramètres › Vérifier les paramètres (chaque erreur cite sa cellule) et Lianes › Créer le formulaire…",
      ]),
    ],
  });
  row += 2;

  const section = (title: string) => {
    blocks.push({ row, column: 1, values: [pad([title])], bold: true, background: SECTION_BACKGROUND });
    row++;
  };
  const header = (cells: readonly string[]) => {
    blocks.push({ row, column: 1, values: [pad(cells)], bold: true, background: HEADER_BACKGROUND });
    row++;
  };
  const rows = (values: LayoutCell[][], numberFormat?: string) => {
    if (values.length === 0) return;
    blocks.push({
      row,
      column: 1,
      values: values.map(pad),
      ...(numberFormat ? { numberFormat } : {}),
    });
    row += values.length;
  };

  section(SECTIONS.general);
  const general: Record<GeneralKey, LayoutCell> = {
    id: call.id,
    title: call.title,
    description: call.description,
    opensAt: instantSerial(call.opensAt),
    closesAt: instantSerial(call.closesAt),
    capacity: call.capacity,
    confirmationMessage: call.confirmationMessage,
    email: call.review.email ?? "",
    sheetName: call.review.sheetName,
    applicantQuestion: call.review.applicant.question,
    applicantHeader: call.review.applicant.header,
    projectTitle: call.review.projectTitle ?? "",
    shownAnswers: call.review.shownAnswers.join(" ; "),
    lettersName: call.letters?.name ?? "",
    lettersContact: call.letters?.contact ?? "",
    acknowledgement:
      call.letters?.acknowledgement === undefined ? "" : call.letters.acknowledgement ? "Oui" : "Non",
  };
  // Text, so that ids and texts stay as typed; the two instants as date-times.
  const keys = Object.keys(GENERAL) as GeneralKey[];
  blocks.push({
    row,
    column: 1,
    values: keys.map((k) => pad([GENERAL[k], general[k]])),
    numberFormat: keys.map((k) =>
      pad([]).map((_, c) =>
        c === 1 && (k === "opensAt" || k === "closesAt") ? FORMAT.dateTime : FORMAT.text,
      ),
    ),
  });
  row += keys.length + 1;

  const validations: ValidatedRange[] = [];
  const list = (first: number, count: number, column: number, values: readonly string[]) => {
    if (count > 0) {
      validations.push({
        row: first,
        column: column + 1,
        rows: count,
        columns: 1,
        rule: { list: values, strict: true, help: `Une valeur de la liste : ${values.join(", ")}.` },
      });
    }
  };

  section(SECTIONS.questions);
  header(QUESTION_HEADERS);
  const firstQuestion = row;
  rows(call.questions.map(questionRow), FORMAT.text);
  list(firstQuestion, call.questions.length, Q.type, Object.values(SHEET_TYPE_WORDS));
  for (const column of [Q.required, Q.personal, Q.integer])
    list(firstQuestion, call.questions.length, column, [YES, NO]);
  row++;

  section(SECTIONS.rules);
  header(RULE_HEADERS);
  const firstRule = row;
  const rules = ruleRows(call.eligibility);
  rows(rules, FORMAT.text);
  list(
    firstRule,
    rules.length,
    0,
    Object.values(RULES).map((r) => r.word),
  );
  row++;

  section(SECTIONS.criteria);
  header(CRITERIA_HEADERS);
  rows(call.review.criteria.map((c) => [c.id, c.label, c.weight, call.review.maxScore]));
  row++;

  section(SECTIONS.statuses);
  header(STATUS_HEADERS);
  // The add-on's seven, then the call's own (a row added here is a status the call adds).
  rows([
    ...STATUSES.map((s) => [s, STATUS_MEANINGS[s]]),
    ...(call.review.statuses ?? []).map((s) => [s.label, s.meaning ?? ""]),
  ]);

  return {
    name: callSheetName(call.id),
    blocks,
    validations,
    columnWidths: [220, 320, 130, 90, 260, 220, 100, 80, 80, 60, 180, 260],
    frozenRows: 1,
  };
}

/** The cells of a layout as `getValues` gives them back (blank cells as "", a text's protecting apostrophe gone). */
export function layoutValues(layout: SheetLayout): LayoutCell[][] {
  const grid: LayoutCell[][] = [];
  for (const block of layout.blocks) {
    block.values.forEach((cells, i) => {
      const r = block.row - 1 + i;
      while (grid.length <= r) grid.push([]);
      const line = grid[r] ?? [];
      cells.forEach((cell, j) => {
        const c = block.column - 1 + j;
        while (line.length <= c) line.push("");
        line[c] = typeof cell === "string" && cell.startsWith("'") ? cell.slice(1) : cell;
      });
    });
  }
  const width = Math.max(...grid.map((r) => r.length));
  return grid.map((r) => [...r, ...Array.from({ length: width - r.length }, () => "")]);
}

const two = (n: number) => String(n).padStart(2, "0");

/** `2026-06-14T23:59:59+02:00`: the instant with Paris's offset, as the shipped calls write it. */
export function isoWithParisOffset(instant: Date): string {
  const offset = parisOffsetHours(instant);
  const p = new Date(instant.getTime() + offset * 3_600_000);
  return (
    `${p.getUTCFullYear()}-${two(p.getUTCMonth() + 1)}-${two(p.getUTCDate())}` +
    `T${two(p.getUTCHours())}:${two(p.getUTCMinutes())}:${two(p.getUTCSeconds())}+0${offset}:00`
  );
}

/**
 * A copy of a call under a new id: its review sheet renamed after it, everything else kept for
 * editing. Under the same id (a shipped call taken into the workbook), its review sheet stays.
 */
export function duplicateCall(call: CallDefinition, newId: string): CallDefinition {
  if (newId === call.id) return call;
  return { ...call, id: newId, review: { ...call.review, sheetName: `Candidatures ${newId}` } };
}

/** The start of a new call: the questions every call needs (who, e-mail), one criterion, the deadline. */
export function blankCall(newId: string, now: Date): CallDefinition {
  const year = Number(newId.slice(-4)) || now.getUTCFullYear();
  return {
    id: newId,
    title: `Appel à candidatures ${newId}`,
    description: "Présentez ici l'appel : qui peut candidater, pour quoi, jusqu'à quand.",
    opensAt: isoWithParisOffset(new Date(Date.UTC(year, 0, 1, 0, 0, 0) - 3_600_000)),
    closesAt: isoWithParisOffset(new Date(Date.UTC(year, 11, 31, 22, 59, 59))),
    capacity: 1,
    questions: [
      { id: "structureNom", label: "Nom de la structure", type: "shortText", required: true, personal: true },
      {
        id: "contactEmail",
        label: "Adresse e-mail de contact",
        type: "email",
        required: true,
        personal: true,
      },
    ],
    eligibility: {},
    review: {
      sheetName: `Candidatures ${newId}`,
      applicant: { question: "structureNom", header: "Structure" },
      email: "contactEmail",
      criteria: [{ id: "qualite", label: "Qualité du projet", weight: 1 }],
      shownAnswers: [],
      maxScore: 5,
    },
    confirmationMessage: "Merci, votre candidature est enregistrée.",
  };
}
