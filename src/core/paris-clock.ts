/**
 * Metropolitan-France time (Europe/Paris) without Intl: UTC+1, and UTC+2 from the last Sunday
 * of March 01:00 UTC to the last Sunday of October 01:00 UTC (EU rule since 1996).
 * Apps Script and node agree on this rule, not always on their time-zone databases.
 * The wall clock only (no input to check): errors.ts shows dates with it; reading dates typed
 * by users is in intake/paris-time.ts.
 */
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
export function wallClockOf(d: Date): ParisDateTime {
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
