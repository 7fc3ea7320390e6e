/**
 * Dates typed or stored by users, read as Paris time (the wall clock is core/paris-clock.ts,
 * re-exported here for the intake).
 */
import { type Field, invalid } from "../errors";
import { fromParis, type ParisDateTime, wallClockOf } from "../paris-clock";

export {
  formatParisDate,
  formatParisDateTime,
  fromParis,
  type ParisDateTime,
  parisIsoDate,
  parisOffsetHours,
  toParis,
} from "../paris-clock";

/** A Date from this or another realm (a vm context, Apps Script): anything with a numeric getTime. */
export function asDate(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === "object" && value !== null && "getTime" in value) {
    const getTime = (value as { getTime: unknown }).getTime;
    if (typeof getTime === "function") {
      const t = getTime.call(value);
      if (typeof t === "number") return new Date(t);
    }
  }
  return undefined;
}

const FRENCH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function valid(p: ParisDateTime): boolean {
  const check = new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second));
  return (
    check.getUTCFullYear() === p.year &&
    check.getUTCMonth() === p.month - 1 &&
    check.getUTCDate() === p.day &&
    check.getUTCHours() === p.hour &&
    check.getUTCMinutes() === p.minute &&
    check.getUTCSeconds() === p.second
  );
}

function wallClock(parts: (string | undefined)[]): ParisDateTime {
  const [year, month, day, hour, minute, second] = parts.map((s) => (s === undefined ? 0 : Number(s)));
  return {
    year: year ?? 0,
    month: month ?? 0,
    day: day ?? 0,
    hour: hour ?? 0,
    minute: minute ?? 0,
    second: second ?? 0,
  };
}

/** Days from Sheets' epoch (30/12/1899) to the Unix epoch. */
const SHEETS_EPOCH_DAYS = 25_569;

/**
 * Reads a date-time: a Date (an instant), a Sheets serial number (Paris wall clock),
 * `15/06/2025 23:59:59` (or without seconds or time) read in Paris, or ISO 8601 — read in
 * Paris unless it carries `Z` or an offset.
 */
export function parseDateTime(value: unknown, where: Field): Date {
  const date = asDate(value);
  if (date) {
    if (Number.isNaN(date.getTime())) throw invalid("Date invalide", where, value);
    return date;
  }
  if (typeof value === "number" && Number.isFinite(value) && value > 0) {
    return fromParis(wallClockOf(new Date(Math.round((value - SHEETS_EPOCH_DAYS) * 86_400) * 1000)));
  }
  // French Sheets writes a no-break or narrow no-break space between date and time.
  const text = typeof value === "string" ? value.replace(/[\u00a0\u202f\u2007\u2009]/g, " ").trim() : "";
  const fr = FRENCH.exec(text);
  if (fr) {
    const p = wallClock([fr[3], fr[2], fr[1], fr[4], fr[5], fr[6]]);
    if (valid(p)) return fromParis(p);
  }
  const iso = ISO.exec(text);
  if (iso) {
    const p = wallClock(iso.slice(1, 7));
    if (valid(p)) {
      const zone = iso[7];
      if (zone === undefined) return fromParis(p);
      const base = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
      if (zone === "Z") return new Date(base);
      const sign = zone.startsWith("-") ? -1 : 1;
      const digits = zone.slice(1).replace(":", "");
      const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
      return new Date(base - offset);
    }
  }
  throw invalid("Date invalide", where, value, "attendu une date comme 15/06/2025 23:59:59");
}
