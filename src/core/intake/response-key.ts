/**
 * A response's key, the one identity a response keeps from the form-submit event to the review
 * sheet: how it is made, and what it says back.
 */
import type { Answers } from "./answers";

/** The longest email address (RFC 5321 path limit). */
const MAX_EMAIL = 254;

/** FNV-1a, 32 bits, over the UTF-16 code units: the same in node and Apps Script. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** The answers in a canonical text: sorted by question id, typed values only. */
function canonicalAnswers(answers: Answers): string {
  return JSON.stringify(
    Object.keys(answers)
      .sort()
      .map((k) => [k, answers[k]]),
  );
}

/**
 * A response's stable key: the Form response id when known, else the second it arrived (UTC),
 * the email and a hash of the typed answers — the same whether read from an event or the sheet.
 */
export function responseKey(r: {
  readonly receivedAt: Date;
  readonly answers: Answers;
  readonly email?: string | undefined;
  readonly responseId?: string | undefined;
}): string {
  if (r.responseId) return r.responseId;
  const second = new Date(Math.floor(r.receivedAt.getTime() / 1000) * 1000)
    .toISOString()
    .replace(".000Z", "Z");
  const email = (r.email ?? "").trim().toLowerCase();
  // An address is at most 254 characters; anything longer is hashed, so the key fits in a cell.
  const shownEmail = email.length <= MAX_EMAIL ? email : `#${fnv1a(email)}`;
  return `${second}|${shownEmail}|${fnv1a(canonicalAnswers(r.answers))}`;
}

/** What a key made without a Form response id says: `second|e-mail|answers hash`. */
export interface KeyParts {
  /** The second it arrived, UTC, ISO 8601. */
  readonly second: string;
  /** Lower-cased; empty when none was collected (or once erased). */
  readonly email: string;
  readonly answersHash: string;
}

/** The parts of a `second|e-mail|hash` key; undefined for a Form response id or anything else. */
export function keyParts(key: string): KeyParts | undefined {
  const parts = key.split("|");
  if (parts.length !== 3) return undefined;
  const [second = "", email = "", answersHash = ""] = parts;
  return { second, email, answersHash };
}
