/**
 * Metropolitan-France time (Europe/Paris) without Intl: UTC+1, and UTC+2 from the last Sunday
 * of March 01:00 UTC to the last Sunday of October 01:00 UTC (EU rule since 1996).
 * Apps Script and node agree on this rule, not always on their time-zone databases.
 */
import { type Field, invalid } from "../errors";

const HOUR = 3_600_000;

/** A wall-clock date-time in Paris. */
export interface ParisDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function lastSundayUtc(year: number, monthIndex: number): number {
  const last = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, last.getUTCDate() - last.getUTCDay(), 1);
}

/** Paris offset from UTC at this instant, in hours (1 or 2). */
export function parisOffsetHours(instant: Date): 1 | 2 {
  const t = instant.getTime();
  const year = instant.getUTCFullYear();
  return t >= lastSundayUtc(year, 2) && t < lastSundayUtc(year, 9) ? 2 : 1;
}

/**
 * The instant a Paris wall-clock time denotes. In the autumn hour that happens twice, the
 * first (summer-time) one; in the spring hour that does not exist, the time an hour later.
 */
export function fromParis(p: ParisDateTime): Date {
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const summer = new Date(asUtc - 2 * HOUR);
  return parisOffsetHours(summer) === 2 ? summer : new Date(asUtc - HOUR);
}

/** The UTC fields of a Date, read as a wall clock. */
function wallClockOf(d: Date): ParisDateTime {
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

export function toParis(instant: Date): ParisDateTime {
  return wallClockOf(new Date(instant.getTime() + parisOffsetHours(instant) * HOUR));
}

const two = (n: number) => String(n).padStart(2, "0");

/** `15/06/2025 23:59:59`, as staff read it. */
export function formatParisDateTime(instant: Date): string {
  const p = toParis(instant);
  return `${two(p.day)}/${two(p.month)}/${p.year} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}

/** `15/06/2025`, the Paris calendar date of an instant. */
export function formatParisDate(instant: Date): string {
  const p = toParis(instant);
  return `${two(p.day)}/${two(p.month)}/${p.year}`;
}

/** `2025-06-15`, the Paris calendar date of an instant. */
export function parisIsoDate(instant: Date): string {
  const p = toParis(instant);
  return `${p.year}-${two(p.month)}-${two(p.day)}`;
}

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
