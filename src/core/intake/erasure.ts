/**
 * Erasing one applicant's personal data (RGPD), as data first: which fields are personal (the
 * call says so, `personal: true`, plus the e-mail Forms collects), what replaces them (a dated
 * mention, never a blank: staff see what happened), how an erased response is recognised when
 * the sheets are read again, and which form response is the applicant's.
 *
 * An erased response keeps what is not personal — when it arrived, the answers an eligibility
 * rule reads, the choices, dates, duration and amounts — so that the review sheet keeps its row
 * (N°, status, scores, decision, eligibility) and the counts and decisions stay true. Its key
 * changes: the old one holds the applicant's e-mail. The new key is what the sync computes from
 * the erased response, so a later sync finds the row and writes the same values again.
 */

import { isBlank } from "../blank";
import type { CallDefinition, QuestionDefinition } from "./call-schema";
import { formatParisDate } from "./paris-time";
import { keyParts } from "./response-key";

const MARKER = /^Données effacées le (\d{2}\/\d{2}\/\d{4}) \(RGPD\)/;

/** `Données effacées le 23/11/2026 (RGPD)`: what replaces each personal answer (Paris date). */
export function erasureMarker(at: Date): string {
  return `Données effacées le ${formatParisDate(at)} (RGPD)`;
}

/** Whether a cell holds the erasure mention (possibly followed by a precision). */
export function isErasureMarker(value: unknown): boolean {
  return typeof value === "string" && MARKER.test(value.trim());
}

/** The date (`23/11/2026`) of an erasure mention, or undefined. */
export function erasureDateOf(value: unknown): string | undefined {
  return typeof value === "string" ? MARKER.exec(value.trim())?.[1] : undefined;
}

/** The questions whose answers are personal data, in form order. */
export function personalQuestions(call: CallDefinition): readonly QuestionDefinition[] {
  return call.questions.filter((q) => q.personal === true);
}

/**
 * The personal fields of a response, by field id: the e-mail Forms collects (always personal,
 * its field id given by the reader of the responses sheet), then each personal question.
 */
export function personalFieldIds(call: CallDefinition, respondentEmailField: string): readonly string[] {
  return [respondentEmailField, ...personalQuestions(call).map((q) => q.id)];
}

/**
 * A row with the cells at `columns` replaced by the mention; a blank cell stays blank (there
 * was nothing to erase). The row is copied, never changed.
 */
export function erasedRow(row: readonly unknown[], columns: Iterable<number>, marker: string): unknown[] {
  const out = [...row];
  for (const c of columns) {
    if (c < 0 || c >= out.length) continue;
    if (!isBlank(out[c])) out[c] = marker;
  }
  return out;
}

/**
 * Whether a response was erased: its applicant answer is the mention, and every personal
 * answer is blank or the mention. Such a response is read without its personal questions
 * (their checks would refuse the mention), and without an e-mail.
 */
export function isErasedSubmission(
  call: CallDefinition,
  answers: Readonly<Record<string, unknown>>,
): boolean {
  if (!isErasureMarker(answers[call.review.applicant.question])) return false;
  return personalQuestions(call).every((q) => isBlank(answers[q.id]) || isErasureMarker(answers[q.id]));
}

/** The answers an erased response keeps for its personal questions: the mention where there was one. */
export function erasedPersonalAnswers(
  call: CallDefinition,
  answers: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of personalQuestions(call)) {
    const a = answers[q.id];
    if (typeof a === "string" && isErasureMarker(a)) out[q.id] = a.trim();
  }
  return out;
}

/** What staff type to name an application: its N° (in a call's review sheet), its key, or an e-mail. */
export type ApplicationRef =
  | { readonly kind: "number"; readonly number: number; readonly callId?: string }
  | { readonly kind: "key"; readonly key: string }
  | { readonly kind: "email"; readonly email: string; readonly callId?: string };

const EMAIL = /^[^\s@|]+@[^\s@|]+\.[^\s@|]+$/;

/**
 * Reads `3`, `n° 3`, `EXPLOR-2025 3`, a key as the review sheet shows it
 * (`2025-06-01T08:00:00Z|a@b.fr|1a2b3c4d`) or an e-mail address; undefined when it is none.
 */
export function parseApplicationRef(text: string, callIds: readonly string[]): ApplicationRef | undefined {
  let rest = text.trim();
  if (rest === "") return undefined;
  if (rest.includes("|")) return { kind: "key", key: rest };
  let callId: string | undefined;
  const first = rest.split(/\s+/)[0] ?? "";
  const known = callIds.find((id) => id.toUpperCase() === first.toUpperCase());
  if (known) {
    callId = known;
    rest = rest.slice(first.length).trim();
  }
  const number = /^(?:n\s*°|no\.?|n)?\s*(\d{1,6})$/i.exec(rest);
  if (number) return { kind: "number", number: Number(number[1]), ...(callId ? { callId } : {}) };
  if (EMAIL.test(rest)) return { kind: "email", email: rest.toLowerCase(), ...(callId ? { callId } : {}) };
  return undefined;
}

/** An application as the review sheets list it. */
export interface ListedApplication {
  readonly callId: string;
  readonly number: unknown;
  readonly key: string;
}

/** The e-mail part of a key made by responseKey (`instant|e-mail|hash`), lower case; "" if none. */
export function emailOfKey(key: string): string {
  return keyParts(key)?.email ?? "";
}

/** The applications a reference names (several when an N° or an e-mail is found in more than one place). */
export function findApplications<T extends ListedApplication>(
  ref: ApplicationRef,
  listed: readonly T[],
): T[] {
  switch (ref.kind) {
    case "key":
      return listed.filter((a) => a.key === ref.key);
    case "number":
      return listed.filter(
        (a) => (ref.callId === undefined || a.callId === ref.callId) && Number(a.number) === ref.number,
      );
    case "email":
      return listed.filter(
        (a) =>
          ref.email !== "" &&
          (ref.callId === undefined || a.callId === ref.callId) &&
          emailOfKey(a.key) === ref.email,
      );
  }
}

/** A form response as the matching needs it. */
export interface FormResponseFacts {
  readonly id: string;
  readonly timestamp: Date;
  /** The respondent's e-mail Forms collected, "" when it does not. */
  readonly email: string;
}

export type FormResponseMatch =
  | { readonly kind: "found"; readonly id: string }
  | { readonly kind: "none" }
  | { readonly kind: "ambiguous"; readonly count: number };

/**
 * The form response of an application: received the same second as the responses sheet's
 * timestamp (Forms writes it to the second; one second apart is accepted when nothing closer
 * matches), from the same e-mail when both are known. Two candidates as close: ambiguous, none
 * deleted.
 */
export function matchFormResponse(
  responses: readonly FormResponseFacts[],
  target: { readonly receivedAt: Date; readonly email: string | undefined },
): FormResponseMatch {
  const second = (d: Date) => Math.floor(d.getTime() / 1000);
  const wanted = second(target.receivedAt);
  const email = (target.email ?? "").trim().toLowerCase();
  const sameEmail = (r: FormResponseFacts) => {
    const theirs = r.email.trim().toLowerCase();
    return email === "" || theirs === "" || theirs === email;
  };
  for (const distance of [0, 1]) {
    const found = responses.filter(
      (r) => Math.abs(second(r.timestamp) - wanted) === distance && sameEmail(r),
    );
    if (found.length === 1 && found[0]) return { kind: "found", id: found[0].id };
    if (found.length > 1) return { kind: "ambiguous", count: found.length };
  }
  return { kind: "none" };
}
