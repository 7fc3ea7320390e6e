/**
 * The rule table people type, « Paramètre | Valeur », one parameter a row (issue 15's public
 * contract): keys matched ignoring case, accents and a trailing colon; a header row and blank
 * rows ignored; amounts read as everywhere else; rates as 0 < t ≤ 1 or « 70 % ». The same zod
 * schema as the shipped templates validates what was read, and every problem names its cell.
 */
import * as z from "zod/mini";
import { columnLetter } from "../a1";
import { decimalFromNumber, toNumber } from "../decimal";
import { InputError, quote } from "../errors";
import { parseAmount } from "../money";
import {
  annualRuleSchema,
  CATEGORY_TYPE,
  type FundingRule,
  type FundingType,
  flatRuleSchema,
  fundingRuleSchema,
  RATE_HINT,
  rateRuleSchema,
} from "./schema";

const SCHEMAS = { taux: rateRuleSchema, "taux annuel": annualRuleSchema, forfait: flatRuleSchema } as const;

/** The schema of one field of a type (its checks, French messages included). */
function fieldSchema(type: FundingType, key: FieldKey): z.ZodMiniType | undefined {
  return (SCHEMAS[type].shape as Record<string, z.ZodMiniType>)[key];
}

/** One thing wrong in a rule table: the cell (A1 style, when there is one) and the French text. */
export interface RuleProblem {
  readonly cell?: string;
  readonly message: string;
}

/** Where the table's top-left cell is on its sheet (1-based), to name cells as the sheet does. */
export interface TableOrigin {
  readonly row: number;
  readonly column: number;
}

export const TABLE_ORIGIN: TableOrigin = { row: 1, column: 1 };

export type RuleTableRead =
  | { readonly kind: "rule"; readonly rule: FundingRule }
  /** A « plafonds par catégorie » table: read by the EXPLOR rule-sheet reader. */
  | { readonly kind: "categories"; readonly id: string | undefined }
  | { readonly kind: "problems"; readonly id: string | undefined; readonly problems: readonly RuleProblem[] };

type FieldKey =
  | "id"
  | "name"
  | "type"
  | "rate"
  | "minAid"
  | "maxAid"
  | "maxPerYear"
  | "years"
  | "perUnit"
  | "unit";

interface Parameter {
  readonly key: FieldKey;
  /** As the sheet shows it, in column A. */
  readonly label: string;
  /** The types it belongs to, and those it is required for. */
  readonly types: readonly FundingType[];
  readonly required: readonly FundingType[];
  readonly read: (value: unknown) => unknown;
  /** What the value is called in a message, when not the label in lower case. */
  readonly noun?: string;
  /** How a value is quoted back in a message (a rate as a percentage). */
  readonly show?: (value: unknown) => string;
}

const ALL: readonly FundingType[] = ["taux", "taux annuel", "forfait"];

/** A message part thrown by a cell reader: `<noun> invalide « v » — <hint>`. */
export class CellProblem extends Error {}

function text(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value).trim();
}

export function readText(value: unknown): string {
  return text(value);
}

export function readId(value: unknown): string {
  return text(value).toUpperCase();
}

/** Case, accents, extra spaces and a trailing colon do not matter. */
export function normalizeKey(value: unknown): string {
  return String(value ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim()
    .replace(/\s*:$/, "")
    .trim();
}

const TYPE_NAMES = new Map<string, string>([
  ["taux", "taux"],
  ["taux annuel", "taux annuel"],
  ["forfait", "forfait"],
  ["plafonds par categorie", CATEGORY_TYPE],
  ["plafonds par categories", CATEGORY_TYPE],
  ["plafond par categorie", CATEGORY_TYPE],
]);

export const TYPE_HINT = `taux, taux annuel, forfait ou ${CATEGORY_TYPE}`;

export function readType(value: unknown): string {
  const type = TYPE_NAMES.get(normalizeKey(value));
  if (type === undefined) throw new CellProblem(TYPE_HINT);
  return type;
}

const PERCENT_TEXT = /^(.*?)\s*%$/;

/** 0,7 or « 70 % » as a number (0.7); the range is the schema's to check. */
export function readRate(value: unknown): number {
  const percent = typeof value === "string" ? PERCENT_TEXT.exec(value.trim()) : null;
  try {
    const d = parseAmount(percent ? percent[1] : value, { name: "taux" }, { allowNegative: true });
    return toNumber(percent ? { units: d.units, scale: d.scale + 2 } : d);
  } catch {
    throw new CellProblem(RATE_HINT);
  }
}

/** A rate typed as a number shows as the percentage the sheet displays: 1,7 → « 170 % ». */
export function showRate(value: unknown): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return quote(value);
  const percent = toNumber({ ...decimalFromNumber(value), scale: decimalFromNumber(value).scale - 2 });
  return quote(`${String(percent).replace(".", ",")} %`);
}

export function readAmount(value: unknown): number {
  try {
    return toNumber(parseAmount(value, { name: "valeur" }, { allowNegative: true }));
  } catch (error) {
    const message = error instanceof InputError ? error.message : "";
    const hint = message.includes(" — ") ? message.slice(message.indexOf(" — ") + 3) : "";
    throw new CellProblem(hint || "un montant en euros, ex. 3 000 €");
  }
}

function readWhole(value: unknown): number {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\s*\d+\s*$/.test(value)
        ? Number(value)
        : Number.NaN;
  if (!Number.isInteger(n)) throw new CellProblem("un nombre entier d'années, de 1 à 100");
  return n;
}

export const PARAMETERS: readonly Parameter[] = [
  { key: "id", label: "Identifiant", types: ALL, required: ALL, read: readId },
  { key: "name", label: "Nom", types: ALL, required: [], read: readText },
  { key: "type", label: "Type", types: ALL, required: ALL, read: readType },
  {
    key: "rate",
    label: "Taux",
    types: ["taux", "taux annuel"],
    required: ["taux", "taux annuel"],
    read: readRate,
    show: showRate,
  },
  { key: "minAid", label: "Aide minimale", types: ["taux"], required: [], read: readAmount },
  { key: "maxAid", label: "Aide maximale", types: ["taux"], required: [], read: readAmount },
  {
    key: "maxPerYear",
    label: "Aide maximale par an",
    types: ["taux annuel"],
    required: ["taux annuel"],
    read: readAmount,
  },
  {
    key: "years",
    label: "Années",
    noun: "nombre d'années",
    types: ["taux annuel"],
    required: ["taux annuel"],
    read: readWhole,
  },
  { key: "perUnit", label: "Forfait", types: ["forfait"], required: ["forfait"], read: readAmount },
  { key: "unit", label: "Unité", types: ["forfait"], required: [], read: readText },
];

const BY_KEY = new Map(PARAMETERS.map((p) => [normalizeKey(p.label), p]));

/** The parameters of a type, in the order a rule sheet lists them. */
export function parametersOf(type: FundingType): readonly Parameter[] {
  return PARAMETERS.filter((p) => p.types.includes(type));
}

export function isBlankCell(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

function cellName(origin: TableOrigin, index: number, offset: 0 | 1): string {
  return `${columnLetter(origin.column + offset)}${origin.row + index}`;
}

function lower(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

interface Row {
  readonly index: number;
  readonly parameter: Parameter;
  readonly value: unknown;
}

/** The Type row of a table (first two columns), if there is one: what kind of reader it needs. */
export function tableType(values: readonly (readonly unknown[])[]): string | undefined {
  for (const row of values) {
    if (normalizeKey(row[0]) !== "type") continue;
    try {
      return readType(row[1]);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The Identifiant of a table, as typed (upper-cased), if there is one. */
export function tableId(values: readonly (readonly unknown[])[]): string | undefined {
  const row = values.find((r) => normalizeKey(r[0]) === "identifiant");
  return row && !isBlankCell(row[1]) ? readId(row[1]) : undefined;
}

/**
 * Reads a « Paramètre | Valeur » table (only its first two columns) into a typed rule, or lists
 * every problem with its cell. A « plafonds par catégorie » table is left to its own reader.
 */
export function readRuleTable(
  values: readonly (readonly unknown[])[],
  origin: TableOrigin = TABLE_ORIGIN,
): RuleTableRead {
  const problems: RuleProblem[] = [];
  const rows = new Map<FieldKey, Row>();
  const unknown: { index: number; key: unknown }[] = [];
  values.forEach((row, index) => {
    const [key, value] = [row[0], row[1]];
    if (isBlankCell(key)) {
      if (!isBlankCell(value)) {
        problems.push({
          cell: cellName(origin, index, 1),
          message: `valeur sans paramètre ${quote(value)} — écrivez le paramètre en colonne ${columnLetter(origin.column)}`,
        });
      }
      return;
    }
    const normalized = normalizeKey(key);
    if (normalized === "parametre" && normalizeKey(value) === "valeur") return;
    const parameter = BY_KEY.get(normalized);
    if (!parameter) {
      unknown.push({ index, key });
      return;
    }
    const earlier = rows.get(parameter.key);
    if (earlier) {
      problems.push({
        cell: cellName(origin, index, 0),
        message: `paramètre en double ${quote(key)} — déjà en ${cellName(origin, earlier.index, 0)}`,
      });
      return;
    }
    rows.set(parameter.key, { index, parameter, value });
  });

  const id = (() => {
    const row = rows.get("id");
    return row && !isBlankCell(row.value) ? readId(row.value) : undefined;
  })();

  // The type decides which parameters belong: read it first.
  const typeRow = rows.get("type");
  let type: string | undefined;
  if (!typeRow || isBlankCell(typeRow.value)) {
    problems.push({
      ...(typeRow ? { cell: cellName(origin, typeRow.index, 1) } : {}),
      message: `paramètre manquant « Type » — ${TYPE_HINT}`,
    });
  } else {
    try {
      type = readType(typeRow.value);
    } catch {
      problems.push({
        cell: cellName(origin, typeRow.index, 1),
        message: `type inconnu ${quote(typeRow.value)} — ${TYPE_HINT}`,
      });
    }
  }
  if (type === CATEGORY_TYPE) return { kind: "categories", id };
  const fundingType = type as FundingType | undefined;
  const allowed = fundingType ? parametersOf(fundingType) : PARAMETERS;
  const allowedText = `paramètres ${fundingType ? `d'une règle ${fundingType}` : "possibles"} : ${allowed
    .map((p) => p.label)
    .join(", ")}`;
  for (const { index, key } of unknown) {
    problems.push({
      cell: cellName(origin, index, 0),
      message: `paramètre inconnu ${quote(key)} — ${allowedText}`,
    });
  }

  const definition: Record<string, unknown> = {};
  for (const row of rows.values()) {
    const { parameter, index, value } = row;
    if (parameter.key === "type") {
      if (fundingType) definition.type = fundingType;
      continue;
    }
    if (fundingType && !parameter.types.includes(fundingType)) {
      problems.push({
        cell: cellName(origin, index, 0),
        message: `paramètre ${quote(parameter.label)} sans objet pour une règle ${fundingType} — ${allowedText}`,
      });
      continue;
    }
    if (isBlankCell(value)) {
      if (fundingType && parameter.required.includes(fundingType)) {
        problems.push({
          cell: cellName(origin, index, 1),
          message: `valeur manquante pour ${quote(parameter.label)} — obligatoire pour une règle ${fundingType}`,
        });
      }
      continue;
    }
    try {
      const read = parameter.read(value);
      // Each value against its own field of the type's schema, so every cell's problem is listed.
      const own = fundingType ? fieldSchema(fundingType, parameter.key) : undefined;
      const checked = own ? z.safeParse(own, read) : undefined;
      if (checked && !checked.success) throw new CellProblem(checked.error.issues[0]?.message ?? "");
      definition[parameter.key] = read;
    } catch (error) {
      if (!(error instanceof CellProblem)) throw error;
      problems.push({
        cell: cellName(origin, index, 1),
        message: `${parameter.noun ?? lower(parameter.label)} invalide ${(parameter.show ?? quote)(value)} — ${error.message}`,
      });
    }
  }
  for (const parameter of PARAMETERS) {
    if (rows.has(parameter.key) || parameter.key === "type") continue;
    if (parameter.key === "id" || (fundingType && parameter.required.includes(fundingType))) {
      problems.push({
        message: `paramètre manquant ${quote(parameter.label)} — obligatoire${
          fundingType ? ` pour une règle ${fundingType}` : ""
        }${parameter.key === "id" ? ", ex. RECITAL-FT" : ""}`,
      });
    }
  }
  if (problems.length > 0 || !fundingType) return { kind: "problems", id, problems: inSheetOrder(problems) };

  const result = z.safeParse(fundingRuleSchema, definition);
  if (result.success) return { kind: "rule", rule: result.data };
  for (const issue of result.error.issues) {
    const key = issue.path[0] as FieldKey | undefined;
    const row = key ? rows.get(key) : undefined;
    if (!row) {
      problems.push({ message: issue.message });
      continue;
    }
    const hint = issue.message;
    problems.push({
      cell: cellName(origin, row.index, 1),
      message: `${row.parameter.noun ?? lower(row.parameter.label)} invalide ${(row.parameter.show ?? quote)(row.value)} — ${hint}`,
    });
  }
  return { kind: "problems", id, problems: inSheetOrder(problems) };
}

/** Top to bottom, left to right; problems with no cell (a missing parameter) last. */
export function inSheetOrder(problems: readonly RuleProblem[]): RuleProblem[] {
  const position = (p: RuleProblem): [number, string] => {
    const m = p.cell ? /^([A-Z]+)(\d+)$/.exec(p.cell) : null;
    return m ? [Number(m[2]), (m[1] as string).padStart(3, " ")] : [Number.MAX_SAFE_INTEGER, ""];
  };
  return [...problems].sort((a, b) => {
    const [ra, ca] = position(a);
    const [rb, cb] = position(b);
    return ra - rb || (ca < cb ? -1 : ca > cb ? 1 : 0);
  });
}

/** `Règle RECITAL-FT, B4 : taux invalide « 170 % » — un taux entre 0 et 100 %` */
export function describeProblem(label: string, problem: RuleProblem): string {
  return problem.cell ? `${label}, ${problem.cell} : ${problem.message}` : `${label} : ${problem.message}`;
}

/** The rows of a rule's table, in the order its sheet shows them (values as the sheet holds them). */
export function ruleTableRows(rule: FundingRule): [string, string | number][] {
  const cellOf = (key: FieldKey): string | number => {
    const v = (rule as Record<string, unknown>)[key];
    return typeof v === "number" || typeof v === "string" ? v : "";
  };
  return orderedParameters(rule.type).map((p) => [p.label, cellOf(p.key)]);
}

/** Identifiant, Type, then the type's own parameters, Nom last (so a rate sits in B4). */
export function orderedParameters(type: FundingType): Parameter[] {
  const own = parametersOf(type).filter((p) => !["id", "type", "name"].includes(p.key));
  const byKey = (k: FieldKey) => PARAMETERS.find((p) => p.key === k) as Parameter;
  return [byKey("id"), byKey("type"), ...own, byKey("name")];
}
