/** The month whose InfoEuro rate applies: the month of the payment, read in Europe/Paris. */
import { field, invalid } from "../errors";
import { asDate, parseDateTime, toParis } from "../intake/paris-time";

export interface RateMonth {
  readonly year: number;
  readonly month: number;
}

const FRENCH_MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;
const FRENCH_MONTH = /^(\d{1,2})\/(\d{4})$/;
const FULL_DATE = /^(\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})/;
const HINT = "attendu une date ou un mois comme 2025-07 ou 07/2025";

function checked(year: number, month: number, value: unknown): RateMonth {
  if (month < 1 || month > 12 || year < 1900) throw invalid("Mois invalide", field("mois"), value, HINT);
  return { year, month };
}

/** A Date (of any realm) read in Paris, `AAAA-MM`, `MM/AAAA`, or a full date `15/07/2025`. */
export function parseRateMonth(value: unknown): RateMonth {
  const date = asDate(value);
  if (date) {
    if (Number.isNaN(date.getTime())) throw invalid("Mois invalide", field("mois"), value, HINT);
    const p = toParis(date);
    return checked(p.year, p.month, value);
  }
  const text = typeof value === "string" ? value.trim() : "";
  const iso = ISO_MONTH.exec(text);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), value);
  const fr = FRENCH_MONTH.exec(text);
  if (fr) return checked(Number(fr[2]), Number(fr[1]), value);
  if (FULL_DATE.test(text)) {
    const p = toParis(parseDateTime(text, field("mois")));
    return checked(p.year, p.month, value);
  }
  throw invalid("Mois invalide", field("mois"), value, HINT);
}

/** `2025-07`, the key of a month in caches and what the sidebar shows. */
export function monthKey(m: RateMonth): string {
  return `${m.year}-${String(m.month).padStart(2, "0")}`;
}

/** `juillet 2025`. */
export function frenchMonth(m: RateMonth): string {
  return `${FRENCH_MONTHS[m.month - 1] ?? "?"} ${m.year}`;
}

export const INFOEURO_ENDPOINT = "https://ec.europa.eu/budg/inforeuro/api/public/monthly-rates";

export function monthlyRatesUrl(m: RateMonth): string {
  return `${INFOEURO_ENDPOINT}?year=${m.year}&month=${m.month}&lang=EN`;
}
