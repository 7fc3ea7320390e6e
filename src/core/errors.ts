/**
 * Errors shown to users. Every message is French and names the argument (and the row, in a
 * range) and the value, so the cell's error tooltip says what to fix.
 */

import { formatParisDateTime } from "./paris-clock";

/** Where a value came from: an argument name and, for a range, the 1-based row. */
export interface Field {
  readonly name: string;
  readonly row?: number;
}

export function field(name: string, row?: number): Field {
  return row === undefined ? { name } : { name, row };
}

export function describeField(f: Field): string {
  return f.row === undefined ? f.name : `${f.name}, ligne ${f.row}`;
}

/** A Date from any realm (Sheets' dates reach a vm context or Apps Script from outside). */
function isDateLike(value: unknown): value is { getTime(): number } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { getTime?: unknown }).getTime === "function"
  );
}

/** A date as a French sheet shows it: `15/06/2025`, with the time when it is not midnight in Paris. */
function parisDateText(instant: Date): string {
  const text = formatParisDateTime(instant);
  return text.endsWith(" 00:00:00") ? text.slice(0, -9) : text;
}

/** Shows a value the way the user typed it, quoted French-style. */
export function quote(value: unknown): string {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) {
    return "« » (vide)";
  }
  // Sheets in French shows a boolean cell as VRAI or FAUX.
  if (typeof value === "boolean") return value ? "« VRAI »" : "« FAUX »";
  if (isDateLike(value)) {
    const time = value.getTime();
    return `« ${Number.isNaN(time) ? "date invalide" : parisDateText(new Date(time))} »`;
  }
  const text = String(value);
  return `« ${text.length > 80 ? `${text.slice(0, 77)}…` : text} »`;
}

/** What the user gave and where, and what to do instead: the parts of an input error's message. */
export interface InputProblem {
  /** The argument, field, column or sheet, as the user names it (`montant, ligne 3`). */
  readonly field?: string;
  /** The value as given (absent when the problem is the field as a whole). */
  readonly value?: unknown;
  /** What to do instead, in French. */
  readonly advice?: string;
}

/**
 * The one error a user can cause: French, meant to be shown as is, naming the field and the
 * value and saying what to do. Every entry point shows its message; anything else thrown is a
 * bug, logged as one (src/main.ts).
 */
export class InputError extends Error {
  override readonly name = "InputError";
  readonly field: string | undefined;
  readonly value: unknown;
  readonly advice: string | undefined;

  constructor(message: string, problem: InputProblem = {}) {
    super(message);
    this.field = problem.field;
    this.value = problem.value;
    this.advice = problem.advice;
  }
}

/** `Montant invalide (montant, ligne 3) : « abc »` */
export function invalid(what: string, f: Field, value: unknown, hint?: string): InputError {
  return new InputError(`${what} (${describeField(f)}) : ${quote(value)}${hint ? ` — ${hint}` : ""}`, {
    field: describeField(f),
    value,
    ...(hint ? { advice: hint } : {}),
  });
}

/** `Une seule cellule attendue (taux), pas une plage`: for an argument that is one value. */
export function requireSingleCell(value: unknown, f: Field): void {
  if (Array.isArray(value))
    throw new InputError(`Une seule cellule attendue (${describeField(f)}), pas une plage`);
}

/** An error's message as a log line or a page shows it (a thrown non-Error as its text). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  // An Error of another realm (a service's, seen from the bundle's context) is one too.
  const message =
    typeof error === "object" && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === "string" ? message : String(error);
}
