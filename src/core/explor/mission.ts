/**
 * One reader for a mission, whoever holds it: the EXPLOR custom functions (Sheets values), the
 * mission sheet (through those functions) and the calculator sidebar (texts typed in a form).
 * Each line's category, amount (converted to euros at its InfoEuro rate), days and receipt are
 * read and checked here; every field that cannot be read gets its French error, the line then
 * counts for nothing (never as 0), and the mission is assessed only when every line reads.
 */
import {
  centsToDecimal,
  compare,
  type Decimal,
  divideToCents,
  isZero,
  MAX_CENTS,
  multiply,
  toCents,
} from "../decimal";
import { field, InputError, invalid, quote } from "../errors";
import { monthKey, parseCurrencyCode, parseRateMonth } from "../infoeuro";
import { decimalFromSheetNumber, isBlank, MAX_AMOUNT, MAX_AMOUNT_TEXT, parseAmount } from "../money";
import { normalizeCategoryName } from "./category-names";
import { parseDays } from "./days";
import {
  assessCents,
  assessMission,
  categoryMatcher,
  dailyAmount,
  type MissionAssessment,
  type MissionLine,
  needsReceipt,
} from "./engine";
import type { Category, RuleSet } from "./rule-set";

export const EURO = "EUR";
const CURRENCY_CODE = /^[A-Za-z]{3}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The dropdown's choice for an expense no category covers (Annexe 2: "Toute autre dépense…"). */
export const OTHER_EXPENSE_LABEL = "Autre dépense (non prise en charge)";
const OTHER_KEY = normalizeCategoryName(OTHER_EXPENSE_LABEL);

const NONE_MISSING: readonly string[] = [];
/** The largest amount, as a number: a Sheets number up to it reads without further checks. */
const MAX_EUROS = MAX_CENTS / 100;
const otherLabels = new Map<string, boolean>();

/** « Autre dépense (non prise en charge) » as typed (any case, accents, spacing). */
function isOtherLabel(text: string): boolean {
  const first = text.trimStart().charCodeAt(0);
  if (first !== 65 && first !== 97) return false; // A or a: « Autre dépense… »
  let found = otherLabels.get(text);
  if (found === undefined) {
    found = normalizeCategoryName(text) === OTHER_KEY;
    if (otherLabels.size < 1000) otherLabels.set(text, found);
  }
  return found;
}

/** Shown on a line that needs a receipt and has it only in part, before the final décompte. */
export const INCOMPLETE_RECEIPT = "justificatif incomplet";

/** A receipt's four required parts, as typed. */
export interface ReceiptParts {
  /** ISO date `2025-07-12`, or blank. */
  readonly date: unknown;
  readonly supplier: unknown;
  readonly service: unknown;
  readonly amount: unknown;
}

/** One line as it arrives: Sheets values or the texts of a form. */
export interface RawMissionLine {
  /** A category name as typed (key, label, alias…), or blank. */
  readonly category: unknown;
  /** Declared by the user as an expense the rule set does not cover ("Autre dépense"). */
  readonly other?: boolean;
  readonly amount: unknown;
  /** ISO 4217 code; blank or EUR means euros. */
  readonly currency?: unknown;
  /** InfoEuro rate: units of the currency for 1 EUR. */
  readonly rate?: unknown;
  /** Month of the rate, `2025-07`. */
  readonly month?: unknown;
  readonly days?: unknown;
  /** VRAI/FAUX (or Oui/Non) beside the line; blank is FAUX. Ignored when receipts are not checked. */
  readonly receipt?: unknown;
  /** The receipt's parts (the calculator); complete when all four are given. */
  readonly receiptParts?: ReceiptParts;
}

export type MissionFieldName =
  | "category"
  | "amount"
  | "currency"
  | "rate"
  | "month"
  | "days"
  | "receipt"
  | "receiptDate"
  | "receiptAmount";

/** The argument or field name of each part of a line, in errors: `(montants, ligne 3)`. */
export type MissionFieldNames = Readonly<Record<MissionFieldName, string>>;

/** What the Sheets functions call their arguments. */
export const FUNCTION_FIELD_NAMES: MissionFieldNames = {
  category: "categories",
  amount: "montants",
  currency: "devise",
  rate: "taux",
  month: "mois",
  days: "jours",
  receipt: "justificatifs",
  receiptDate: "date du justificatif",
  receiptAmount: "montant du justificatif",
};

export type Stage = "previsionnel" | "final";

export interface MissionReadOptions {
  readonly names: MissionFieldNames;
  /** "final": a line needing a receipt without one is not reimbursed. Default "previsionnel". */
  readonly stage?: Stage;
  /** 1-based row of each line in errors; default its position. Undefined: no row (one cell). */
  readonly rowOf?: (index: number) => number | undefined;
}

/** A line read: what the totals use, and what the form or sheet shows about it. */
export interface ReadMissionLine extends MissionLine {
  /** As typed, in the line's currency. */
  readonly given: Decimal | undefined;
  readonly currency: string;
  readonly rate: Decimal | undefined;
  readonly month: string | undefined;
  /** Receipt parts still missing, when the receipt is partly given. */
  readonly missingReceipt: readonly string[];
  readonly receiptAmount: Decimal | undefined;
}

export interface LineReading {
  /** Per field, the French error. */
  readonly errors: Partial<Record<MissionFieldName, string>>;
  /** Present when every field reads and the line has something to count. */
  readonly line?: ReadMissionLine;
  /** True for a line with nothing in it. */
  readonly empty: boolean;
}

export interface MissionReading {
  readonly ruleSet: RuleSet;
  readonly lines: readonly LineReading[];
  /** Present when every line reads and the totals are within bounds. */
  readonly assessment?: MissionAssessment;
  /** The error on the totals ("Total trop grand"), when there is one. */
  readonly totalError?: string;
}

function textOf(value: unknown): string {
  return isBlank(value) ? "" : String(value);
}

const TRUE_WORDS = new Set(["vrai", "oui", "true", "x", "1"]);
const FALSE_WORDS = new Set(["faux", "non", "false", "0", ""]);

/** VRAI/FAUX as Sheets gives them, or Oui/Non typed: blank is FAUX (no receipt). */
export function parseReceipt(value: unknown, where: ReturnType<typeof field>): boolean {
  if (typeof value === "boolean") return value;
  if (isBlank(value)) return false;
  if (typeof value === "number" && (value === 0 || value === 1)) return value === 1;
  const text = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  if (text !== undefined && TRUE_WORDS.has(text)) return true;
  if (text !== undefined && FALSE_WORDS.has(text)) return false;
  throw invalid("Justificatif invalide", where, value, "VRAI si le justificatif est fourni, FAUX sinon");
}

function readReceiptDate(value: unknown, where: ReturnType<typeof field>): void {
  if (isBlank(value)) return;
  const text = String(value).trim();
  const m = ISO_DATE.exec(text);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !date || date.getUTCDate() !== Number(m[3]) || date.getUTCMonth() !== Number(m[2]) - 1) {
    throw invalid("Date invalide", where, value, "attendu une date comme 2025-07-12");
  }
}

function isEmptyLine(raw: RawMissionLine): boolean {
  if (!isBlank(raw.category) || !isBlank(raw.amount) || !isBlank(raw.days)) return false;
  if (!isBlank(raw.rate) || !isBlank(raw.month)) return false;
  const r = raw.receiptParts;
  return !r || (isBlank(r.date) && isBlank(r.supplier) && isBlank(r.service) && isBlank(r.amount));
}

const EMPTY_LINE: LineReading = Object.freeze({ errors: Object.freeze({}), empty: true });
const NO_ERRORS: Partial<Record<MissionFieldName, string>> = Object.freeze({});

/** The errors of one line, made only when a field fails. */
class LineErrors {
  errors: Partial<Record<MissionFieldName, string>> | undefined;
  attempt<T>(name: MissionFieldName, read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      return this.add(name, error);
    }
  }
  add(name: MissionFieldName, error: unknown): undefined {
    if (!(error instanceof InputError)) throw error;
    this.errors ??= {};
    this.errors[name] ??= error.message;
    return undefined;
  }
}

function isForeignCurrency(currency: unknown): boolean {
  return !isBlank(currency) && String(currency).trim().toUpperCase() !== EURO;
}

/** Reads one line; `row` is its 1-based number in messages (undefined for a single cell). */
export function readMissionLine(
  ruleSet: RuleSet,
  raw: RawMissionLine,
  row: number | undefined,
  options: MissionReadOptions,
  match: (name: string) => Category | undefined = categoryMatcher(ruleSet),
): LineReading {
  if (isEmptyLine(raw)) return EMPTY_LINE;
  const names = options.names;
  const failures = new LineErrors();
  const attempt = <T>(name: MissionFieldName, read: () => T): T | undefined => failures.attempt(name, read);

  const text = textOf(raw.category);
  const other = raw.other === true || (text !== "" && isOtherLabel(text));
  const category = other || text === "" ? undefined : match(text);
  let given: Decimal | undefined;
  const amount = raw.amount;
  if (typeof amount === "number" && amount >= 0 && amount <= MAX_EUROS) {
    // The common case, a Sheets number within bounds: what parseAmount would give, without its checks.
    given = decimalFromSheetNumber(amount);
  } else if (!isBlank(amount)) {
    try {
      given = parseAmount(amount, field(names.amount, row));
    } catch (error) {
      failures.add("amount", error);
    }
  }
  const foreign = isForeignCurrency(raw.currency);
  const currency = foreign
    ? attempt("currency", () => {
        if (!CURRENCY_CODE.test(String(raw.currency).trim())) {
          throw invalid(
            "Devise invalide",
            field(names.currency, row),
            raw.currency,
            "attendu un code ISO 4217 de trois lettres, ex. MAD",
          );
        }
        return parseCurrencyCode(String(raw.currency));
      })
    : EURO;
  let rate: Decimal | undefined;
  let month: string | undefined;
  if (foreign) {
    month = attempt("month", () => {
      if (isBlank(raw.month)) {
        throw new InputError(
          `Mois du taux manquant (${names.month}${row === undefined ? "" : `, ligne ${row}`}) — indiquez le mois du paiement, ex. 2025-07`,
        );
      }
      return monthKey(parseRateMonth(String(raw.month).trim()));
    });
    rate = attempt("rate", () => {
      if (isBlank(raw.rate)) {
        throw new InputError(
          `Taux manquant (${names.rate}${row === undefined ? "" : `, ligne ${row}`}) — indiquez le mois pour le taux InfoEuro, ou saisissez le taux`,
        );
      }
      const r = parseAmount(raw.rate, field(names.rate, row), { noun: "Taux" });
      if (isZero(r)) throw invalid("Taux invalide, il doit être positif", field(names.rate, row), raw.rate);
      return r;
    });
  }
  const days =
    category?.daily && !isBlank(raw.days)
      ? attempt("days", () =>
          parseDays(typeof raw.days === "string" ? raw.days.trim() : raw.days, field(names.days, row)),
        )
      : undefined;
  const stage = options.stage ?? "previsionnel";
  const parts = raw.receiptParts;
  let receiptAmount: Decimal | undefined;
  if (parts) {
    attempt("receiptDate", () => readReceiptDate(parts.date, field(names.receiptDate, row)));
    receiptAmount = isBlank(parts.amount)
      ? undefined
      : attempt("receiptAmount", () => parseAmount(parts.amount, field(names.receiptAmount, row)));
  }
  const receiptGiven =
    stage !== "final"
      ? undefined
      : parts
        ? [parts.date, parts.supplier, parts.service, parts.amount].every((v) => !isBlank(v))
        : attempt("receipt", () => parseReceipt(raw.receipt, field(names.receipt, row)));
  if (failures.errors) return { errors: failures.errors, empty: false };

  let euros: Decimal | undefined;
  if (given !== undefined) {
    if (foreign && rate) {
      const r = rate;
      euros = attempt("amount", () => {
        if (compare(given, multiply(MAX_AMOUNT, r)) > 0) {
          throw invalid(
            "Montant converti trop grand",
            field(names.amount, row),
            raw.amount,
            `au taux ${quote(raw.rate)}, le résultat dépasse ${MAX_AMOUNT_TEXT}`,
          );
        }
        return centsToDecimal(divideToCents(given, r));
      });
    } else {
      euros = given;
    }
  } else if (category?.daily && days !== undefined) {
    euros = attempt("amount", () => dailyAmount(ruleSet, category, days, field(names.amount, row)));
  }
  if (failures.errors) return { errors: failures.errors, empty: false };
  if (euros === undefined) return { errors: NO_ERRORS, empty: false };

  const partNames: [string, unknown][] = parts
    ? [
        ["date", parts.date],
        ["fournisseur", parts.supplier],
        ["prestation", parts.service],
        ["montant", parts.amount],
      ]
    : [];
  const filled = parts ? partNames.filter(([, v]) => !isBlank(v)).length : 0;
  const missingReceipt =
    filled > 0 && filled < partNames.length && needsReceipt(category)
      ? partNames.filter(([, v]) => isBlank(v)).map(([name]) => name)
      : NONE_MISSING;
  return {
    errors: NO_ERRORS,
    empty: false,
    line: {
      category,
      text,
      other,
      amount: euros,
      days,
      receipt: receiptGiven,
      amountName: names.amount,
      row,
      amountValue: raw.amount,
      given,
      currency: currency ?? EURO,
      rate,
      month,
      missingReceipt,
      receiptAmount,
    },
  };
}

type MissionRaws =
  | readonly RawMissionLine[]
  | { readonly count: number; readonly at: (index: number) => RawMissionLine };

/** Readings made by the whole-cents path: every line read, none with an error. */
const errorFree = new WeakSet<MissionReading>();
/** Per reading, each line's index among the lines counted, -1 when it counts for nothing. */
const countedIndexes = new WeakMap<MissionReading, Int32Array>();
/** Per assessment from the whole-cents path, each counted line's eligible amount in cents. */
const eligibleCentsOf = new WeakMap<MissionAssessment, Float64Array>();

/**
 * Every line read, and the mission assessed when all of them read.
 *
 * A mission of Sheets numbers in whole cents, in euros, without receipt parts (what the EXPLOR
 * functions get on a sheet) is read and assessed in integer cents, without an object per line;
 * its `lines` (and its assessment's) are read by the general path the first time they are
 * asked for, to the same result. Anything else, or any line that does not read, goes the
 * general way, which gives every error and observation.
 */
export function readMission(
  ruleSet: RuleSet,
  raws: MissionRaws,
  options: MissionReadOptions,
): MissionReading {
  return readMissionInCents(ruleSet, raws, options) ?? readMissionLines(ruleSet, raws, options);
}

function countOf(raws: MissionRaws): number {
  return Array.isArray(raws) ? raws.length : (raws as { readonly count: number }).count;
}

function atOf(raws: MissionRaws): (index: number) => RawMissionLine {
  if (Array.isArray(raws)) {
    const list = raws as readonly RawMissionLine[];
    return (i) => list[i] as RawMissionLine;
  }
  return (raws as { readonly at: (index: number) => RawMissionLine }).at;
}

const RECEIPT_NOT_CHECKED = 0;
const RECEIPT_GIVEN = 1;
const RECEIPT_MISSING = 2;

/** Blank as `isBlank` says, decided at once for a number or a text that starts with a letter or digit. */
function blank(value: unknown): boolean {
  if (typeof value === "number") return false;
  if (typeof value === "string" && value.length > 0) {
    const first = value.charCodeAt(0);
    if (first > 32 && first < 127) return false;
  }
  return isBlank(value);
}

/** Index of each category in its rule set's list. */
const categoryIndexes = new WeakMap<RuleSet, Map<Category, number>>();

function indexOfCategory(ruleSet: RuleSet, category: Category): number {
  let indexes = categoryIndexes.get(ruleSet);
  if (!indexes) {
    indexes = new Map(ruleSet.categories.map((c, k) => [c, k]));
    categoryIndexes.set(ruleSet, indexes);
  }
  return indexes.get(category) ?? -1;
}

/** The whole-cents path of `readMission`, or undefined when the mission needs the general one. */
function readMissionInCents(
  ruleSet: RuleSet,
  raws: MissionRaws,
  options: MissionReadOptions,
): MissionReading | undefined {
  const count = countOf(raws);
  const at = atOf(raws);
  const match = categoryMatcher(ruleSet);
  const final = (options.stage ?? "previsionnel") === "final";
  const rowOf = options.rowOf ?? ((i: number) => i + 1);
  const counted = new Int32Array(count);
  const categories = new Int32Array(count);
  const cents = new Float64Array(count);
  const days = new Int32Array(count);
  const receipts = new Uint8Array(count);
  // Each label as typed → its category's index (-1: blank, unknown, « Autre dépense »), for this call.
  const indexOfLabel = new Map<string, number>();
  let n = 0;
  for (let i = 0; i < count; i++) {
    const raw = at(i);
    if (raw.receiptParts !== undefined || !blank(raw.rate) || !blank(raw.month)) return undefined;
    if (raw.currency !== undefined && isForeignCurrency(raw.currency)) return undefined;
    const amount = raw.amount;
    const label = raw.category;
    if (blank(label) && blank(amount) && blank(raw.days)) {
      counted[i] = -1;
      continue;
    }
    const text = textOf(label);
    let k = raw.other === true ? -1 : indexOfLabel.get(text);
    if (k === undefined) {
      const category = text === "" || isOtherLabel(text) ? undefined : match(text);
      k = category ? indexOfCategory(ruleSet, category) : -1;
      indexOfLabel.set(text, k);
    }
    const category = k < 0 ? undefined : ruleSet.categories[k];
    let lineDays = -1;
    let receipt = RECEIPT_NOT_CHECKED;
    try {
      if (category?.daily && !blank(raw.days)) {
        const d = raw.days;
        lineDays = parseDays(typeof d === "string" ? d.trim() : d, field(options.names.days, rowOf(i)));
      }
      if (final) {
        const r = raw.receipt;
        const given = typeof r === "boolean" ? r : parseReceipt(r, field(options.names.receipt, rowOf(i)));
        receipt = given ? RECEIPT_GIVEN : RECEIPT_MISSING;
      }
    } catch (error) {
      if (error instanceof InputError) return undefined;
      throw error;
    }
    if (typeof amount === "number") {
      // A Sheets number in whole cents, within bounds: exactly what decimalFromSheetNumber keeps.
      if (!(amount >= 0 && amount <= MAX_EUROS)) return undefined;
      const whole = Math.round(amount * 100);
      if (whole / 100 !== amount) return undefined;
      counted[i] = n;
      categories[n] = k;
      cents[n] = whole === 0 ? 0 : whole; // -0 (=0*-1 in a sheet) is 0 €, as the general path reads it
      days[n] = lineDays;
      receipts[n] = receipt;
      n++;
    } else if (blank(amount)) {
      // Days alone on a daily line count its ceiling (the general path says so, or why not).
      if (lineDays >= 0) return undefined;
      counted[i] = -1;
    } else {
      return undefined;
    }
  }
  const assessed = assessCents(ruleSet, { count: n, categories, cents, days, receipts });
  if (!assessed) return undefined;
  let general: MissionReading | undefined;
  const generalReading = (): MissionReading => {
    general ??= readMissionLines(ruleSet, raws, options);
    return general;
  };
  const assessment: MissionAssessment = {
    get lines() {
      const lines = generalReading().assessment?.lines;
      if (!lines) throw new Error("Lecture de la mission : les deux chemins de calcul divergent");
      return lines;
    },
    ...assessed.totals,
  };
  const reading: MissionReading = {
    ruleSet,
    get lines() {
      return generalReading().lines;
    },
    assessment,
  };
  errorFree.add(reading);
  countedIndexes.set(reading, counted);
  eligibleCentsOf.set(assessment, assessed.eligibleCents);
  return reading;
}

/** Each line's index in the assessment's lines, -1 for a line that counts for nothing (blank, no amount). */
export function countedLineIndexes(reading: MissionReading): Int32Array {
  const known = countedIndexes.get(reading);
  if (known) return known;
  const indexes = new Int32Array(reading.lines.length);
  let next = 0;
  reading.lines.forEach((l, i) => {
    indexes[i] = l.line ? next++ : -1;
  });
  return indexes;
}

/** Each counted line's eligible amount, to the cent (as a cell shows it). */
export function eligibleCentsByLine(assessment: MissionAssessment): ArrayLike<number> {
  return eligibleCentsOf.get(assessment) ?? assessment.lines.map((l) => toCents(l.eligible));
}

/** The general path: every line read with its errors, then the mission assessed. */
function readMissionLines(ruleSet: RuleSet, raws: MissionRaws, options: MissionReadOptions): MissionReading {
  const match = categoryMatcher(ruleSet);
  const rowOf = options.rowOf ?? ((i: number) => i + 1);
  // A reader given `at` may hand the same object back for every line: nothing here keeps it.
  const list = Array.isArray(raws) ? (raws as readonly RawMissionLine[]) : undefined;
  const reader = raws as { readonly count: number; readonly at: (index: number) => RawMissionLine };
  const count = list ? list.length : reader.count;
  const at = list ? (i: number) => list[i] as RawMissionLine : reader.at;
  let failed = false;
  const lines = new Array<LineReading>(count);
  for (let i = 0; i < count; i++) {
    const reading = readMissionLine(ruleSet, at(i), rowOf(i), options, match);
    if (!reading.empty && !reading.line && firstError(reading) !== undefined) failed = true;
    lines[i] = reading;
  }
  if (failed) return { ruleSet, lines };
  const counted: ReadMissionLine[] = [];
  for (const l of lines) if (l.line) counted.push(l.line);
  try {
    return { ruleSet, lines, assessment: assessMission(ruleSet, counted) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { ruleSet, lines, totalError: error.message };
  }
}

function firstError(reading: LineReading): string | undefined {
  for (const key in reading.errors) return reading.errors[key as MissionFieldName];
  return undefined;
}

/** The first error of a reading, in line order, then the totals': what a function or a server refuses with. */
export function firstMissionError(reading: MissionReading): string | undefined {
  if (errorFree.has(reading)) return reading.totalError;
  for (const l of reading.lines) {
    const message = firstError(l);
    if (message) return message;
  }
  return reading.totalError;
}

/** The reading's assessment, or the first error thrown as an InputError. */
export function assessedOrThrow(reading: MissionReading): MissionAssessment {
  const error = firstMissionError(reading);
  if (error !== undefined || !reading.assessment) throw new InputError(error ?? "Mission illisible");
  return reading.assessment;
}
