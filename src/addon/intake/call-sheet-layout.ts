/**
 * A call for applications as a sheet the finance manager owns, `Appel <identifiant>`: the
 * writer (definition → cells) and the reader (cells → the same typed definition the shipped
 * templates give, validated by the one call schema). Pure: cells in, cells out; every problem
 * names the sheet, the cell and its value.
 *
 * Sections, top to bottom, each starting with its title in column A: Général (label, value),
 * Questions, Règles d'éligibilité, Critères d'instruction, Statuts (one row each, under a
 * header row). A blank row inside a section is skipped.
 */
import * as z from "zod/mini";
import { quote } from "../../core/errors";
import {
  type CallDefinition,
  callSchema,
  type EligibilityRules,
  type QuestionDefinition,
  type QuestionType,
  questionTypeWord,
  type ValidationDefinition,
} from "../../core/intake/call-schema";
import { dacListById } from "../../core/intake/dac-lists";
import { normalizeName } from "../../core/intake/normalize";
import { parisOffsetHours, parseDateTime, toParis } from "../../core/intake/paris-time";
import { STATUSES } from "../../core/intake/review";
import { asText, FORMAT, type LayoutCell, type SheetLayout, type ValidatedRange } from "../sheet-layout";
import { columnLetter } from "./review-plan";

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

const SECTIONS = {
  general: "Général",
  questions: "Questions",
  rules: "Règles d'éligibilité",
  criteria: "Critères d'instruction",
  statuses: "Statuts",
} as const;

type Section = keyof typeof SECTIONS;

const GENERAL = {
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
} as const;

type GeneralKey = keyof typeof GENERAL;

const QUESTION_HEADERS = [
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

const Q = {
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
const CRITERIA_HEADERS = ["Identifiant", "Critère", "Poids", "Note maximale (barème de 0 à)"] as const;
const STATUS_HEADERS = ["Statut", "Signification"] as const;

/** The menu of rule kinds, as the sheet names them, with what their parameters mean. */
const RULES = {
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

type RuleKind = keyof typeof RULES;

const STATUS_MEANINGS: Readonly<Record<(typeof STATUSES)[number], string>> = {
  "À instruire": "Éligible et à l'heure : statut donné à l'arrivée.",
  Irrecevable: "Non éligible ou hors délai : statut donné à l'arrivée.",
  "En instruction": "En cours d'examen.",
  Retenue: "Retenue (comptée dans les places).",
  "Liste d'attente": "Retenue si une place se libère.",
  Refusée: "Examinée, non retenue.",
  "Sans suite": "Retirée par le candidat.",
};

/** Extra question types the sheet offers: a short text with a set format, a country list. */
const PHONE = {
  pattern: "^\\+?[0-9 .]{10,20}$",
  message: "Indiquez un numéro de téléphone (10 chiffres, ou +33…).",
};
const POSTCODE = { pattern: "^\\d{5}$", message: "Indiquez un code postal à 5 chiffres." };
const COUNTRY = { dacList: "CAD-2024-2025", other: "Autre pays" };

type SheetType = QuestionType | "phone" | "postcode" | "country";

const SHEET_TYPE_WORDS: Readonly<Record<SheetType, string>> = {
  shortText: questionTypeWord("shortText"),
  paragraph: questionTypeWord("paragraph"),
  singleChoice: questionTypeWord("singleChoice"),
  checkboxes: questionTypeWord("checkboxes"),
  dropdown: questionTypeWord("dropdown"),
  date: questionTypeWord("date"),
  number: questionTypeWord("number"),
  yesNo: questionTypeWord("yesNo"),
  email: questionTypeWord("email"),
  phone: "téléphone",
  postcode: "code postal",
  country: "pays",
  scale: questionTypeWord("scale"),
};

const YES = "Oui";
const NO = "Non";

// ---------------------------------------------------------------------------------------------
// Writer

function sheetTypeOf(q: QuestionDefinition): SheetType {
  const v = q.validation;
  if (q.type === "shortText" && v?.kind === "pattern") {
    if (v.pattern === PHONE.pattern) return "phone";
    if (v.pattern === POSTCODE.pattern) return "postcode";
  }
  if (q.type === "dropdown" && q.choices && !Array.isArray(q.choices)) return "country";
  return q.type;
}

function presetOf(type: SheetType): { pattern: string; message: string } | undefined {
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
    if (count > 0)
      validations.push({ row: first, column: column + 1, rows: count, columns: 1, rule: "list", values });
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
  rows(STATUSES.map((s) => [s, STATUS_MEANINGS[s]]));

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

// ---------------------------------------------------------------------------------------------
// Reader

/** A problem of a call sheet: the cell (`E14`), the value found, the French message. */
export interface CallSheetProblem {
  readonly cell: string;
  readonly value: unknown;
  readonly message: string;
}

export type CallSheetReading =
  | { readonly call: CallDefinition; readonly problems?: undefined }
  | { readonly call?: undefined; readonly problems: readonly CallSheetProblem[] };

/** `Appel EXPLOR-2026, cellule E14 : la question … n'a aucun choix — « » (vide)` */
export function describeProblem(sheetName: string, p: CallSheetProblem): string {
  return `${sheetName}, cellule ${p.cell} : ${p.message} — valeur ${quote(p.value)}`;
}

function cellName(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

function textOf(v: unknown): string {
  return isBlank(v) ? "" : String(v).trim();
}

/** Splits `a ; b ; c`, dropping empty parts. */
function listOf(v: unknown): string[] {
  return textOf(v)
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

type Path = readonly (string | number)[];

class Reader {
  readonly problems: CallSheetProblem[] = [];
  /** Where each value of the definition came from: its path (`questions.3.choices`) → cell. */
  readonly cells = new Map<string, { row: number; column: number }>();

  constructor(readonly values: readonly (readonly unknown[])[]) {}

  value(row: number, column: number): unknown {
    return this.values[row]?.[column] ?? "";
  }

  problem(row: number, column: number, message: string): void {
    this.problems.push({ cell: cellName(row, column), value: this.value(row, column), message });
  }

  at(path: Path, row: number, column: number): void {
    this.cells.set(path.join("."), { row, column });
  }

  text(path: Path, row: number, column: number): string {
    this.at(path, row, column);
    return textOf(this.value(row, column));
  }

  yesNo(path: Path, row: number, column: number): boolean | undefined {
    this.at(path, row, column);
    const v = this.value(row, column);
    if (typeof v === "boolean") return v;
    if (isBlank(v)) return undefined;
    const t = normalizeName(String(v));
    if (t === "oui" || t === "vrai") return true;
    if (t === "non" || t === "faux") return false;
    this.problem(row, column, "attendu Oui ou Non");
    return undefined;
  }

  number(path: Path, row: number, column: number): number | undefined {
    this.at(path, row, column);
    const v = this.value(row, column);
    if (isBlank(v)) return undefined;
    const n =
      typeof v === "number"
        ? v
        : /^-?[\d\s\u00a0\u202f]+([.,]\d+)?$/.test(String(v).trim())
          ? Number(
              String(v)
                .replace(/[\s\u00a0\u202f]/g, "")
                .replace(",", "."),
            )
          : Number.NaN;
    if (!Number.isFinite(n)) {
      this.problem(row, column, "attendu un nombre");
      return undefined;
    }
    return n;
  }

  instant(path: Path, row: number, column: number): string {
    this.at(path, row, column);
    const v = this.value(row, column);
    if (isBlank(v)) {
      this.problem(row, column, "date et heure manquantes, attendu par exemple 15/06/2025 23:59:59");
      return "";
    }
    try {
      return isoWithParisOffset(parseDateTime(v, { name: cellName(row, column) }));
    } catch {
      this.problem(row, column, "date et heure invalides, attendu par exemple 15/06/2025 23:59:59");
      return "";
    }
  }

  /** The cell a schema problem's path points to: the longest known prefix. */
  cellOf(path: readonly PropertyKey[]): { row: number; column: number } | undefined {
    for (let n = path.length; n > 0; n--) {
      const found = this.cells.get(path.slice(0, n).map(String).join("."));
      if (found) return found;
    }
    return undefined;
  }
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

/** Where each section's title is (0-based row), in column A. */
function findSections(values: readonly (readonly unknown[])[]): Partial<Record<Section, number>> {
  const found: Partial<Record<Section, number>> = {};
  values.forEach((cells, r) => {
    const first = textOf(cells[0]);
    for (const [key, title] of Object.entries(SECTIONS) as [Section, string][]) {
      if (first === title && found[key] === undefined) found[key] = r;
    }
  });
  return found;
}

/** The non-blank rows of a section after its header row, up to the next section. */
function sectionRows(
  values: readonly (readonly unknown[])[],
  sections: Partial<Record<Section, number>>,
  key: Section,
  headerRows: number,
): number[] {
  const start = sections[key];
  if (start === undefined) return [];
  const next = Object.values(sections)
    .filter((r) => r > start)
    .reduce((a, b) => Math.min(a, b), values.length);
  const rows: number[] = [];
  for (let r = start + 1 + headerRows; r < next; r++) {
    if (!(values[r] ?? []).every(isBlank)) rows.push(r);
  }
  return rows;
}

const TYPE_BY_WORD = new Map<string, SheetType>(
  (Object.entries(SHEET_TYPE_WORDS) as [SheetType, string][]).map(([type, word]) => [
    normalizeName(word),
    type,
  ]),
);

function readQuestion(r: Reader, row: number, i: number): QuestionDefinition {
  const path = (...rest: (string | number)[]) => ["questions", i, ...rest];
  r.at(path(), row, Q.id);
  const id = r.text(path("id"), row, Q.id);
  const label = r.text(path("label"), row, Q.label);
  const typeWord = r.text(path("type"), row, Q.type);
  const type = TYPE_BY_WORD.get(normalizeName(typeWord));
  if (!type) {
    r.problem(
      row,
      Q.type,
      `type de question inconnu, attendu : ${Object.values(SHEET_TYPE_WORDS).join(", ")}`,
    );
  }
  const required = r.yesNo(path("required"), row, Q.required) ?? false;
  const personal = r.yesNo(path("personal"), row, Q.personal);
  const help = r.text(path("help"), row, Q.help);
  r.at(path("choices"), row, Q.choices);
  const choices = listOf(r.value(row, Q.choices));
  const min = r.number(path("validation", "min"), row, Q.min);
  const max = r.number(path("validation", "max"), row, Q.max);
  const integer = r.yesNo(path("validation", "integer"), row, Q.integer);
  const pattern = r.text(path("validation", "pattern"), row, Q.pattern);
  const message = r.text(path("validation", "message"), row, Q.message);
  r.at(path("validation"), row, Q.message);
  r.at(path("scale"), row, Q.min);

  const schemaType: QuestionType =
    type === "phone" || type === "postcode"
      ? "shortText"
      : type === "country"
        ? "dropdown"
        : (type ?? "shortText");
  const q: QuestionDefinition = {
    id,
    label,
    ...(help ? { help } : {}),
    type: schemaType,
    required,
    ...(personal ? { personal: true } : {}),
  };

  // An unknown type is reported once, not again for each of its cells.
  if (!type) return q;
  const refuse = (column: number, what: string) =>
    r.problem(row, column, `${what} sans objet pour une question « ${typeWord} »`);

  // Choices.
  if (type === "country") {
    const [dacList = COUNTRY.dacList, other = COUNTRY.other, ...extra] = choices;
    if (extra.length > 0)
      r.problem(row, Q.choices, "attendu la liste CAD puis le choix « autre pays », séparés par ;");
    try {
      dacListById(dacList, { name: cellName(row, Q.choices) });
    } catch (error) {
      r.problem(row, Q.choices, error instanceof Error ? error.message : String(error));
    }
    q.choices = { dacList, other };
  } else if (type === "scale") {
    if (choices.length > 0) {
      const [lowLabel, highLabel] = listOfKeepingBlanks(r.value(row, Q.choices));
      q.scale = {
        low: min ?? 1,
        high: max ?? 5,
        ...(lowLabel ? { lowLabel } : {}),
        ...(highLabel ? { highLabel } : {}),
      };
    } else {
      q.scale = { low: min ?? 1, high: max ?? 5 };
    }
  } else if (choices.length > 0 || type === "singleChoice" || type === "dropdown" || type === "checkboxes") {
    // An empty list on a choice question is left out: the schema names it (« n'a aucun choix »).
    if (choices.length > 0) q.choices = choices;
  }

  // Validation.
  const validation = ((): ValidationDefinition | undefined => {
    const preset = presetOf(type);
    if (preset) {
      if (min !== undefined) refuse(Q.min, "minimum");
      if (max !== undefined) refuse(Q.max, "maximum");
      return { kind: "pattern", pattern: pattern || preset.pattern, message: message || preset.message };
    }
    switch (type) {
      case "number":
        if (pattern) refuse(Q.pattern, "format");
        if (min === undefined && max === undefined && !integer) {
          if (message) refuse(Q.message, "message");
          return undefined;
        }
        return {
          kind: "numberRange",
          ...(min !== undefined ? { min } : {}),
          ...(max !== undefined ? { max } : {}),
          ...(integer ? { integer: true } : {}),
          message: message || numberMessage(min, max, integer === true),
        };
      case "checkboxes":
        if (pattern) refuse(Q.pattern, "format");
        if (integer !== undefined) refuse(Q.integer, "entier");
        if (min === undefined && max === undefined) {
          if (message) refuse(Q.message, "message");
          return undefined;
        }
        return {
          kind: "selectCount",
          ...(min !== undefined ? { min } : {}),
          ...(max !== undefined ? { max } : {}),
          message: message || countMessage(min, max),
        };
      case "shortText":
      case "paragraph":
        if (min !== undefined) refuse(Q.min, "minimum");
        if (integer !== undefined) refuse(Q.integer, "entier");
        if (pattern && max !== undefined) {
          r.problem(
            row,
            Q.max,
            "une seule règle par question : un format ou une longueur maximale, pas les deux",
          );
        }
        if (pattern) {
          try {
            new RegExp(pattern);
          } catch {
            r.problem(row, Q.pattern, "expression régulière invalide");
          }
          return { kind: "pattern", pattern, message: message || "Réponse au mauvais format." };
        }
        if (max !== undefined)
          return { kind: "maxLength", max, message: message || `${max} caractères au plus.` };
        if (message) refuse(Q.message, "message");
        return undefined;
      case "scale":
        if (integer !== undefined) refuse(Q.integer, "entier");
        if (pattern) refuse(Q.pattern, "format");
        if (message) refuse(Q.message, "message");
        return undefined;
      default:
        for (const [column, value, what] of [
          [Q.min, min, "minimum"],
          [Q.max, max, "maximum"],
          [Q.integer, integer, "entier"],
          [Q.pattern, pattern || undefined, "format"],
          [Q.message, message || undefined, "message"],
        ] as const) {
          if (value !== undefined) refuse(column, what);
        }
        return undefined;
    }
  })();
  if (validation) q.validation = validation;
  return q;
}

function listOfKeepingBlanks(v: unknown): string[] {
  return textOf(v)
    .split(";")
    .map((s) => s.trim());
}

const frenchNumber = (n: number) => String(n).replace(".", ",");

function numberMessage(min: number | undefined, max: number | undefined, integer: boolean): string {
  const what = integer ? "un nombre entier" : "un nombre";
  if (min !== undefined && max !== undefined)
    return `Indiquez ${what} de ${frenchNumber(min)} à ${frenchNumber(max)}.`;
  if (min !== undefined) return `Indiquez ${what} supérieur ou égal à ${frenchNumber(min)}.`;
  if (max !== undefined) return `Indiquez ${what} inférieur ou égal à ${frenchNumber(max)}.`;
  return `Indiquez ${what}.`;
}

function countMessage(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `Cochez de ${min} à ${max} cases.`;
  if (min !== undefined) return `Cochez au moins ${min} case${min > 1 ? "s" : ""}.`;
  return `Cochez au plus ${max} case${max !== undefined && max > 1 ? "s" : ""}.`;
}

const RULE_BY_WORD = new Map<string, RuleKind>(
  (Object.entries(RULES) as [RuleKind, { word: string }][]).map(([kind, r]) => [normalizeName(r.word), kind]),
);

function readRules(r: Reader, rows: readonly number[]): EligibilityRules {
  const e: EligibilityRules = { deadline: false };
  const seen = new Map<RuleKind, number>();
  for (const row of rows) {
    const kind = RULE_BY_WORD.get(normalizeName(textOf(r.value(row, 0))));
    if (!kind) {
      r.problem(
        row,
        0,
        `règle inconnue, attendu : ${Object.values(RULES)
          .map((x) => x.word)
          .join(", ")}`,
      );
      continue;
    }
    if (seen.has(kind)) {
      r.problem(row, 0, `règle déjà donnée ligne ${(seen.get(kind) ?? 0) + 1} : une seule par appel`);
      continue;
    }
    seen.set(kind, row);
    const path = (...rest: string[]) => ["eligibility", kind, ...rest];
    r.at(path(), row, 0);
    const question = () => r.text(path("question"), row, 1);
    switch (kind) {
      case "headOffice":
        r.at(path("departements"), row, 2);
        e.headOffice = {
          question: question(),
          // A code Sheets turned into a number (02 → 2) gets its zero back.
          departements: listOf(r.value(row, 2)).map((d) => (/^\d$/.test(d) ? `0${d}` : d)),
          regionLabel: r.text(path("regionLabel"), row, 3),
        };
        break;
      case "partnerCountry": {
        const dacList = r.text(path("dacList"), row, 2) || COUNTRY.dacList;
        try {
          dacListById(dacList, { name: cellName(row, 2) });
        } catch (error) {
          r.problem(row, 2, error instanceof Error ? error.message : String(error));
        }
        e.partnerCountry = { question: question(), dacList };
        break;
      }
      case "alreadyFunded":
        e.alreadyFunded = {
          question: question(),
          newProjectQuestion: r.text(path("newProjectQuestion"), row, 2),
          programme: r.text(path("programme"), row, 3),
        };
        break;
      case "durationDays":
      case "amount": {
        const q = question();
        const min = r.number(path("min"), row, 2);
        const max = r.number(path("max"), row, 3);
        if (min === undefined) r.problem(row, 2, "minimum manquant");
        if (max === undefined) r.problem(row, 3, "maximum manquant");
        e[kind] = { question: q, min: min ?? 0, max: max ?? 0 };
        break;
      }
      case "deadline":
        delete e.deadline;
        if (!isBlank(r.value(row, 1)))
          r.problem(row, 1, "cette règle lit l'heure d'envoi : laissez la question vide");
        break;
    }
  }
  return e;
}

/**
 * Reads a call sheet's values (as `getValues` gives them) into the call definition, or every
 * problem found, each naming its cell. `sheetName` must be `Appel <identifiant>`.
 */
export function readCallSheet(sheetName: string, values: readonly (readonly unknown[])[]): CallSheetReading {
  const r = new Reader(values);
  const sections = findSections(values);
  const missing = (Object.keys(SECTIONS) as Section[]).filter(
    (k) => k !== "statuses" && sections[k] === undefined,
  );
  if (missing.length > 0) {
    return {
      problems: [
        {
          cell: "A1",
          value: values[0]?.[0] ?? "",
          message: `section${missing.length > 1 ? "s" : ""} introuvable${missing.length > 1 ? "s" : ""} en colonne A : ${missing
            .map((k) => SECTIONS[k])
            .join(", ")} — recréez la feuille avec Lianes › Paramètres › Dupliquer un appel…`,
        },
      ],
    };
  }

  // Général: each value is on the row whose column A holds its label.
  const generalRows = sectionRows(values, sections, "general", 0);
  const rowOf = (key: GeneralKey): number | undefined =>
    generalRows.find((row) => textOf(r.value(row, 0)) === GENERAL[key]);
  const general = (key: GeneralKey, path: Path): { row: number; column: number } | undefined => {
    const row = rowOf(key);
    if (row === undefined) {
      const at = sections.general ?? 0;
      r.problem(at, 0, `ligne « ${GENERAL[key]} » introuvable dans la section ${SECTIONS.general}`);
      return undefined;
    }
    r.at(path, row, 1);
    return { row, column: 1 };
  };
  const generalText = (key: GeneralKey, path: Path): string => {
    const at = general(key, path);
    return at ? r.text(path, at.row, at.column) : "";
  };

  const id = generalText("id", ["id"]);
  const expectedId = sheetName.startsWith(CALL_SHEET_PREFIX)
    ? sheetName.slice(CALL_SHEET_PREFIX.length).trim()
    : "";
  const idCell = rowOf("id");
  if (idCell !== undefined && id !== "" && id !== expectedId) {
    r.problem(idCell, 1, `l'identifiant doit être celui du nom de la feuille (« ${expectedId} »)`);
  }
  const opensAtCell = general("opensAt", ["opensAt"]);
  const opensAt = opensAtCell ? r.instant(["opensAt"], opensAtCell.row, 1) : "";
  const closesAtCell = general("closesAt", ["closesAt"]);
  const closesAt = closesAtCell ? r.instant(["closesAt"], closesAtCell.row, 1) : "";
  const capacityCell = general("capacity", ["capacity"]);
  const capacity = capacityCell ? r.number(["capacity"], capacityCell.row, 1) : undefined;
  if (capacityCell && capacity === undefined && isBlank(r.value(capacityCell.row, 1))) {
    r.problem(capacityCell.row, 1, "nombre de places manquant");
  }
  const sheetNameRow = rowOf("sheetName");
  const reviewSheet = sheetNameRow === undefined ? "" : textOf(r.value(sheetNameRow, 1));
  if (sheetNameRow !== undefined && /^(Appel|Synthèse) /.test(reviewSheet)) {
    r.problem(
      sheetNameRow,
      1,
      "la feuille d'instruction ne peut pas porter le nom d'une feuille d'appel ou de synthèse (elle serait réécrite)",
    );
  }
  const email = generalText("email", ["review", "email"]);
  const projectTitle = generalText("projectTitle", ["review", "projectTitle"]);
  const shownCell = general("shownAnswers", ["review", "shownAnswers"]);
  const shownAnswers = shownCell ? listOf(r.value(shownCell.row, 1)) : [];

  // Questions.
  const questionRows = sectionRows(values, sections, "questions", 1);
  r.at(["questions"], sections.questions ?? 0, 0);
  const questions = questionRows.map((row, i) => readQuestion(r, row, i));

  // Rules.
  const eligibility = readRules(r, sectionRows(values, sections, "rules", 1));

  // Criteria.
  const criteriaRows = sectionRows(values, sections, "criteria", 1);
  r.at(["review", "criteria"], sections.criteria ?? 0, 0);
  let maxScore: number | undefined;
  const criteria = criteriaRows.map((row, i) => {
    const path = (...rest: string[]) => ["review", "criteria", i, ...rest];
    const weight = r.number(path("weight"), row, 2);
    if (weight === undefined && isBlank(r.value(row, 2))) r.problem(row, 2, "poids manquant");
    const scale = r.number(["review", "maxScore"], row, 3);
    if (scale === undefined && isBlank(r.value(row, 3))) r.problem(row, 3, "note maximale manquante");
    if (maxScore === undefined) maxScore = scale;
    else if (scale !== undefined && scale !== maxScore) {
      r.problem(row, 3, `une seule note maximale pour tous les critères (${maxScore} au premier)`);
    }
    return {
      id: r.text(path("id"), row, 0),
      label: r.text(path("label"), row, 1),
      weight: weight ?? Number.NaN,
    };
  });
  // Each schema problem of the scale is shown on the first criterion's cell.
  const firstCriterion = criteriaRows[0];
  if (firstCriterion !== undefined) r.at(["review", "maxScore"], firstCriterion, 3);

  // Statuses: the add-on's list, shown for reference; a status typed here that it does not know is an error.
  for (const row of sectionRows(values, sections, "statuses", 1)) {
    const status = textOf(r.value(row, 0));
    if (!(STATUSES as readonly string[]).includes(status)) {
      r.problem(row, 0, `statut inconnu : les statuts sont ${STATUSES.join(", ")}`);
    }
  }

  const definition = {
    id,
    title: generalText("title", ["title"]),
    description: generalText("description", ["description"]),
    questions,
    opensAt,
    closesAt,
    capacity: capacity ?? 0,
    eligibility,
    review: {
      sheetName: generalText("sheetName", ["review", "sheetName"]),
      applicant: {
        question: generalText("applicantQuestion", ["review", "applicant", "question"]),
        header: generalText("applicantHeader", ["review", "applicant", "header"]),
      },
      ...(email ? { email } : {}),
      ...(projectTitle ? { projectTitle } : {}),
      criteria,
      shownAnswers,
      maxScore: maxScore ?? 0,
    },
    confirmationMessage: generalText("confirmationMessage", ["confirmationMessage"]),
  };
  if (eligibility.deadline === undefined) delete eligibility.deadline;

  const parsed = z.safeParse(callSchema, definition);
  if (!parsed.success) {
    const fallback = { row: 0, column: 0 };
    for (const issue of parsed.error.issues) {
      const at = r.cellOf(issue.path) ?? fallback;
      // A value already reported by the reader (a cell that is no number, a missing date) is not repeated.
      const cell = cellName(at.row, at.column);
      if (r.problems.some((p) => p.cell === cell)) continue;
      r.problem(at.row, at.column, schemaMessage(issue));
    }
  }
  if (r.problems.length > 0 || !parsed.success) {
    return {
      problems: r.problems.length > 0 ? r.problems : [{ cell: "A1", value: "", message: "appel invalide" }],
    };
  }
  return { call: parsed.data };
}

/** A zod issue in French: ours are already; zod's own are named by what they check. */
function schemaMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "custom") return issue.message;
  const last = issue.path[issue.path.length - 1];
  const what = typeof last === "string" ? (FIELD_WORDS[last] ?? last) : "valeur";
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return `${what} manquant(e)`;
      if (issue.origin === "array") return `${what} : au moins ${String(issue.minimum)} attendu(s)`;
      return Number(issue.minimum) === 0 && !issue.inclusive
        ? `${what} : attendu un nombre positif (plus grand que 0)`
        : `${what} : attendu un nombre ${issue.inclusive ? "≥" : ">"} ${String(issue.minimum)}`;
    case "too_big":
      return `${what} trop grand(e) : au plus ${String(issue.maximum)}`;
    case "invalid_format":
      return `${what} au mauvais format${FORMAT_HINTS[last as string] ? ` : ${FORMAT_HINTS[last as string]}` : ""}`;
    case "invalid_type":
      return issue.expected === "int" ? `${what} : attendu un nombre entier` : `${what} invalide`;
    default:
      return `${what} invalide`;
  }
}

const FIELD_WORDS: Readonly<Record<string, string>> = {
  id: "identifiant",
  label: "libellé",
  title: "titre",
  description: "description",
  capacity: "nombre de places",
  weight: "poids",
  maxScore: "note maximale",
  sheetName: "feuille d'instruction",
  header: "en-tête",
  question: "question lue",
  newProjectQuestion: "question « nouveau projet »",
  programme: "programme",
  regionLabel: "nom de la région",
  departements: "départements",
  confirmationMessage: "message de confirmation",
  min: "minimum",
  max: "maximum",
  choices: "choix",
  pattern: "format",
  message: "message",
  questions: "questions",
  criteria: "critères",
};

const FORMAT_HINTS: Readonly<Record<string, string>> = {
  id: "une lettre minuscule puis lettres et chiffres sans espace (comme associationNom) ; pour l'appel, comme EXPLOR-2026",
  question: "l'identifiant d'une question, comme associationCodePostal",
  newProjectQuestion: "l'identifiant d'une question, comme nouveauProjet",
};

/** The A1 cell of a question's « Personnelle (RGPD) » mark in a call sheet's values, if the question is there. */
export function personalCell(
  values: readonly (readonly unknown[])[],
  questionId: string,
): string | undefined {
  const sections = findSections(values);
  const row = sectionRows(values, sections, "questions", 1).find(
    (r) => textOf(values[r]?.[Q.id]) === questionId,
  );
  return row === undefined ? undefined : cellName(row, Q.personal);
}

/** The A1 cell of the review sheet's name (section Général) in a call sheet's values, if there. */
export function reviewSheetNameCell(values: readonly (readonly unknown[])[]): string | undefined {
  const row = sectionRows(values, findSections(values), "general", 0).find(
    (r) => textOf(values[r]?.[0]) === GENERAL.sheetName,
  );
  return row === undefined ? undefined : cellName(row, 1);
}

/** The problems of a call sheet as French lines (for Vérifier les paramètres), none when it reads. */
export function checkCallSheet(sheetName: string, values: readonly (readonly unknown[])[]): string[] {
  const reading = readCallSheet(sheetName, values);
  return reading.problems ? reading.problems.map((p) => describeProblem(sheetName, p)) : [];
}

/** A sheet's name and values, as read for a check. */
export interface SheetValues {
  readonly name: string;
  readonly values: readonly (readonly unknown[])[];
}

/**
 * The problems of the workbook's call sheets, one French line each: each sheet's own, then
 * two calls sharing one review sheet (their syncs would overwrite each other).
 */
export function checkCallSheets(sheets: readonly SheetValues[]): string[] {
  const problems: string[] = [];
  const reviewSheets = new Map<string, string>();
  for (const { name, values } of sheets) {
    const reading = readCallSheet(name, values);
    if (reading.problems) {
      problems.push(...reading.problems.map((p) => describeProblem(name, p)));
      continue;
    }
    const review = reading.call.review.sheetName;
    const other = reviewSheets.get(review);
    if (other) {
      problems.push(
        `${name} : la feuille d'instruction « ${review} » est déjà celle de « ${other} » — donnez-lui un autre nom`,
      );
    } else reviewSheets.set(review, name);
  }
  return problems;
}

/** A copy of a call under a new id: its review sheet renamed after it, everything else kept for editing. */
export function duplicateCall(call: CallDefinition, newId: string): CallDefinition {
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
