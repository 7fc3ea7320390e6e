/**
 * A month's InfoEuro rates as exact decimals, read from the Commission's answer, and the rate of
 * one currency. A rate is never rounded: `10.5866` stays 10.5866 until CONVERTIR_EUR divides by it.
 */
import * as z from "zod/mini";
import { type Decimal, decimalFromPlainText, isNegative, ONE } from "../decimal";
import { field, InputError, invalid } from "../errors";
import { frenchMonth, type RateMonth } from "./month";
import { monthlyRatesSchema, noRatesSchema } from "./schema";

/** ISO 4217 code → rate as exact decimal text (`"MAD": "10.5866"`): what caches and properties keep. */
export type RateTable = Readonly<Record<string, string>>;

const RATE_TEXT = /^\d+(\.\d+)?$/;

export const rateTableSchema = z.record(
  z.string().check(z.regex(/^[A-Z]{3}$/)),
  z.string().check(z.regex(RATE_TEXT)),
);

/** The euro is InfoEuro's reference currency: 1 EUR for 1 EUR. */
export const EURO = "EUR";

/** `10.5866`, the exact text of a decimal. */
export function decimalText(d: Decimal): string {
  const negative = isNegative(d);
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, "0");
  const int = digits.slice(0, digits.length - d.scale);
  const frac = digits.slice(digits.length - d.scale);
  return `${negative ? "-" : ""}${int}${frac ? `.${frac}` : ""}`;
}

/** An ISO 4217 code, upper-cased: `mad` → `MAD`. */
export function parseCurrencyCode(value: unknown): string {
  const text = typeof value === "string" ? value.trim() : "";
  if (!/^[A-Za-z]{3}$/.test(text))
    throw invalid(
      "Devise invalide",
      field("devise"),
      value,
      "attendu un code ISO 4217 de trois lettres, ex. MAD",
    );
  return text.toUpperCase();
}

export function noRatesError(m: RateMonth): InputError {
  return new InputError(
    `Aucun taux InfoEuro publié pour ${frenchMonth(m)} (mois) — la Commission publie les taux d'un mois à la fin du mois précédent ; saisissez le taux à la main si besoin`,
  );
}

/** The Commission could not be reached: `detail` says how (`réponse HTTP 503`, `pas de réponse`). */
export function unreachableError(m: RateMonth, detail: string): InputError {
  return new InputError(
    `InfoEuro injoignable pour ${frenchMonth(m)} (${detail}) — saisissez le taux à la main`,
  );
}

function malformed(m: RateMonth, detail: string): InputError {
  return new InputError(
    `Réponse InfoEuro inattendue pour ${frenchMonth(m)} : ${detail} — le format du service a peut-être changé ; saisissez le taux à la main`,
  );
}

/** The rate's shortest exact text (`655.957`, `30596`), so that equal rates compare equal. */
function rateOf(value: number | string): string {
  const text = decimalText(decimalFromPlainText(String(value)));
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/**
 * Reads the Commission's answer for month `m`: its table of rates, or the French error for a
 * month without rates, a server that failed (`status` ≠ 200), or an answer of another shape.
 */
export function readMonthlyRates(status: number, body: string, m: RateMonth): RateTable {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    if (status !== 200) throw unreachableError(m, `réponse HTTP ${status}`);
    throw malformed(m, "ce n'est pas du JSON");
  }
  if (z.safeParse(noRatesSchema, json).success) throw noRatesError(m);
  if (status !== 200) throw unreachableError(m, `réponse HTTP ${status}`);
  const parsed = z.safeParse(monthlyRatesSchema, json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length
      ? `champ « ${issue.path.join(".")} » invalide`
      : "ni une liste de taux ni un message";
    throw malformed(m, where);
  }
  if (parsed.data.length === 0) throw malformed(m, "liste de taux vide");
  const table: Record<string, string> = {};
  for (const row of parsed.data) {
    const code = row.isoA3Code.toUpperCase();
    const rate = rateOf(row.value);
    const known = table[code];
    if (known !== undefined && known !== rate)
      throw malformed(m, `deux taux différents pour ${code} (${known} et ${rate})`);
    table[code] = rate;
  }
  return table;
}

/** The rate of `code` (an upper-case ISO 4217 code) in the month's table; EUR → 1. */
export function pickRate(table: RateTable, code: string, m: RateMonth): Decimal {
  if (code === EURO) return ONE;
  const text = table[code];
  if (text === undefined)
    throw invalid(
      "Devise inconnue",
      field("devise"),
      code,
      `InfoEuro ne publie pas de taux pour cette devise en ${frenchMonth(m)}`,
    );
  return decimalFromPlainText(text);
}
