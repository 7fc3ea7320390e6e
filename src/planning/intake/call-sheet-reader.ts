/**
 * Reading a call sheet `Appel <identifiant>` (as `getValues` gives it) into the same typed
 * definition the shipped templates give, validated by the one call schema; or every problem,
 * each naming the sheet, the cell and its value. Pure: cells in, definition or problems out.
 * The layout it reads is call-sheet-layout.ts's.
 */
import * as z from "zod/mini";
import { isBlank } from "../../core/blank";
import { quote } from "../../core/errors";
import {
  type CallDefinition,
  callSchema,
  type EligibilityRules,
  type QuestionDefinition,
  type QuestionType,
  type ValidationDefinition,
} from "../../core/intake/call-schema";
import { dacListById } from "../../core/intake/dac-lists";
import { normalizeName } from "../../core/intake/normalize";
import { parseDateTime } from "../../core/intake/paris-time";
import { STATUSES } from "../../core/intake/review";
import { columnLetter } from "../sheet-layout";
import {
  CALL_SHEET_PREFIX,
  COUNTRY,
  GENERAL,
  type GeneralKey,
  isoWithParisOffset,
  presetOf,
  Q,
  RULES,
  type RuleKind,
  SECTIONS,
  type Section,
  SHEET_TYPE_WORDS,
  type SheetType,
} from "./call-sheet-layout";

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
  return `${columnLetter(column + 1)}${row + 1}`;
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
        : type === "amount"
          ? "number"
          : (type ?? "shortText");
  const q: QuestionDefinition = {
    id,
    label,
    ...(help ? { help } : {}),
    type: schemaType,
    required,
    ...(personal ? { personal: true } : {}),
    ...(type === "amount" ? { unit: "euros" as const } : {}),
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
      case "amount":
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
  const lettersName = generalText("lettersName", ["letters", "name"]);
  const lettersContact = generalText("lettersContact", ["letters", "contact"]);
  const ackCell = general("acknowledgement", ["letters", "acknowledgement"]);
  const acknowledgement = ackCell
    ? r.yesNo(["letters", "acknowledgement"], ackCell.row, ackCell.column)
    : undefined;
  const letters = {
    ...(lettersName ? { name: lettersName } : {}),
    ...(lettersContact ? { contact: lettersContact } : {}),
    ...(acknowledgement === undefined ? {} : { acknowledgement }),
  };
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

  // Statuses: the add-on's seven always hold (their rows are for reading); any other row is one the call adds.
  const statuses: { label: string; meaning?: string }[] = [];
  for (const row of sectionRows(values, sections, "statuses", 1)) {
    const label = textOf(r.value(row, 0));
    if ((STATUSES as readonly string[]).includes(label)) continue;
    const path = ["review", "statuses", statuses.length];
    r.at([...path, "label"], row, 0);
    if (label === "") {
      r.problem(row, 0, "statut manquant (la signification est donnée sans statut)");
      continue;
    }
    const meaning = r.text([...path, "meaning"], row, 1);
    statuses.push({ label, ...(meaning ? { meaning } : {}) });
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
      ...(statuses.length > 0 ? { statuses } : {}),
    },
    confirmationMessage: generalText("confirmationMessage", ["confirmationMessage"]),
    ...(Object.keys(letters).length > 0 ? { letters } : {}),
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
