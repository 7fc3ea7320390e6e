/**
 * Amounts as users give them (Sheets numbers, French or English text) and as they see them
 * (fr-FR, `9 879,54 €`).
 */
import {
  type Cents,
  cents,
  compare,
  type Decimal,
  decimalFromNumber,
  decimalFromPlainText,
  isNegative,
  MAX_CENTS,
  subtract,
  toCents,
} from "./decimal";
import { type Field, invalid, requireSingleCell } from "./errors";

export interface AmountOptions {
  /** A refund or a correction may be negative; most amounts may not. */
  readonly allowNegative?: boolean;
  /** What the value is, in messages: `Taux invalide (taux) : « x »`. */
  readonly noun?: "Montant" | "Taux" | "Nombre";
}

/** The largest amount accepted, read or computed: 1 000 000 000 000 €. */
export const MAX_AMOUNT: Decimal = { units: BigInt(MAX_CENTS), scale: 2 };
/** The hint of every « trop grand » error. */
export const MAX_AMOUNT_HINT = "au plus 1 000 000 000 000";
/** The largest amount, in words of a message: `le résultat dépasse 1 000 000 000 000 €`. */
export const MAX_AMOUNT_TEXT = "1 000 000 000 000 €";

/** True when |d| is over the largest amount the add-on accepts. */
export function exceedsMaxAmount(d: Decimal): boolean {
  return compare(isNegative(d) ? { units: -d.units, scale: d.scale } : d, MAX_AMOUNT) > 0;
}
const SPACES = /[ \u00a0\u202f\u2009]/g;
const CURRENCY = /\s*(?:€|EUR)\s*$/i;
const MINUS = /^[-\u2212]\s*/;

/** Thousands grouped by one separator `sep`, then an optional decimal part after `dec`. */
function grouped(sep: string, dec: string): RegExp {
  const s = sep.replace(".", "\\.");
  const d = dec.replace(".", "\\.");
  return new RegExp(`^\\d{1,3}(?:${s}\\d{3})+(?:${d}\\d+)?$`);
}

const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/;
const PLAIN = /^\d+(?:[.,]\d+)?$/;

function canonical(body: string, f: Field, original: unknown, noun: string): string {
  const hasComma = body.includes(",");
  const hasDot = body.includes(".");
  if (body.includes(" ")) {
    if (!SPACE_GROUPED.test(body)) throw invalid(`${noun} invalide`, f, original);
    return body.replace(/ /g, "").replace(",", ".");
  }
  if (hasComma && hasDot) {
    const decimalSep = body.lastIndexOf(",") > body.lastIndexOf(".") ? "," : ".";
    const thousandsSep = decimalSep === "," ? "." : ",";
    if (!grouped(thousandsSep, decimalSep).test(body)) throw invalid(`${noun} invalide`, f, original);
    return body.split(thousandsSep).join("").replace(",", ".");
  }
  const sep = hasComma ? "," : hasDot ? "." : "";
  const count = sep ? body.split(sep).length - 1 : 0;
  if (count > 1) {
    if (!grouped(sep, "\u0000").test(body)) throw invalid(`${noun} invalide`, f, original);
    return body.split(sep).join("");
  }
  if (!PLAIN.test(body)) throw invalid(`${noun} invalide`, f, original);
  if (sep === "." && /^\d{1,3}\.\d{3}$/.test(body)) {
    const [int, frac] = body.split(".");
    throw invalid(
      `${noun} ambigu`,
      f,
      original,
      `écrivez ${int}${frac} ou ${int},${frac?.replace(/0+$/, "") || "0"}`,
    );
  }
  return body.replace(",", ".");
}

function checkRange(d: Decimal, f: Field, original: unknown, options: AmountOptions): Decimal {
  const noun = options.noun ?? "Montant";
  if (isNegative(d) && !options.allowNegative) throw invalid(`${noun} négatif non accepté`, f, original);
  if (exceedsMaxAmount(d)) throw invalid(`${noun} trop grand`, f, original, MAX_AMOUNT_HINT);
  return d;
}

/** A non-negative amount in cents; a plain number with at most two decimals skips the text parser (large ranges). */
export function amountCents(value: unknown, where: Field): Cents {
  if (typeof value === "number" && value >= 0 && value <= MAX_CENTS / 100) {
    const whole = Math.round(value * 100);
    if (whole / 100 === value) return cents(whole);
  }
  return toCents(parseAmount(value, where));
}

/** A millionth of a euro: how far float noise takes a sum of cents in Sheets. */
const NOISE: Decimal = { units: BigInt(1), scale: 6 };

/**
 * The reading rule for numbers Sheets hands over: within a millionth of a whole cent, the
 * number is that cent (5 × 20,13 is 100.64999999999999 in Sheets, and shows as 100,65 €); any
 * other number is kept exactly (0,125 stays 0,125, rounded once at the end).
 */
export function decimalFromSheetNumber(n: number): Decimal {
  const exact = decimalFromNumber(n);
  if (exact.scale <= 2) return exact;
  const cent: Decimal = { units: BigInt(toCents(exact)), scale: 2 };
  const gap = subtract(exact, cent);
  const absolute = isNegative(gap) ? { units: -gap.units, scale: gap.scale } : gap;
  return compare(absolute, NOISE) <= 0 ? cent : exact;
}

/** The same rule for counts (days, quantities): within a millionth of a whole number, that number. */
export function wholeNumberOf(n: number): number {
  const whole = Math.round(n);
  return Number.isFinite(n) && Math.abs(n - whole) <= 1e-6 ? whole : n;
}

/**
 * Reads an amount from a Sheets number or from text such as `1500`, `1 500,00 €`,
 * `1.500,50`, `1,500.50` or `1500.5`; the last of two kinds of separator is the decimal one.
 */
export function parseAmount(value: unknown, f: Field, options: AmountOptions = {}): Decimal {
  const noun = options.noun ?? "Montant";
  requireSingleCell(value, f);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw invalid(`${noun} invalide`, f, value);
    if (value < 0 && !options.allowNegative) throw invalid(`${noun} négatif non accepté`, f, value);
    if (Math.abs(value) > MAX_CENTS / 100) throw invalid(`${noun} trop grand`, f, value, MAX_AMOUNT_HINT);
    // A rate is kept exactly as Sheets holds it; a count (Nombre) within a millionth of a whole
    // number is that number; an amount within a millionth of a euro of a cent is that cent.
    if (noun === "Taux") return decimalFromNumber(value);
    // (A count is never rounded to 0: a tiny quantity stays an error about its size.)
    if (noun === "Nombre") return decimalFromNumber(Math.round(value) === 0 ? value : wholeNumberOf(value));
    return decimalFromSheetNumber(value);
  }
  if (typeof value !== "string") throw invalid(`${noun} invalide`, f, value);
  let body = value.trim().replace(CURRENCY, "").replace(SPACES, " ").trim();
  const negative = MINUS.test(body);
  body = body.replace(MINUS, "");
  if (body === "") throw invalid(`${noun} invalide`, f, value);
  const text = canonical(body, f, value, noun);
  if (text.replace(".", "").length > 30) throw invalid(`${noun} trop grand`, f, value);
  const parsed = decimalFromPlainText(negative ? `-${text}` : text);
  return checkRange(parsed, f, value, options);
}

/** The blank test every reader uses (core/blank.ts), here for the money readers. */
export { isBlank } from "./blank";

const EUROS = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const PERCENT = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });

/** `9 879,54 €`, exactly as `Intl.NumberFormat('fr-FR')` writes it. */
export function formatEuros(c: Cents): string {
  return EUROS.format(c / 100);
}

/** `83 %`, `1,4 %` */
export function formatPercent(fraction: number): string {
  return PERCENT.format(fraction);
}
