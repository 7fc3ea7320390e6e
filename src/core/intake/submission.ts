/**
 * A submission typed by its call: the answers checked with a zod schema derived from the
 * call's questions (required, types, choices, validation), and a stable key.
 */
import * as z from "zod/mini";
import { isBlankAnswer } from "../blank";
import { InputError } from "../errors";
import { type Answers, type AnswerValue, readAnswer } from "./answers";
import type { CallDefinition, QuestionDefinition } from "./call-schema";
import { erasedPersonalAnswers, isErasedSubmission } from "./erasure";
import { parseDateTime } from "./paris-time";
import { responseKey } from "./response-key";

/** What a trigger event or a responses-sheet row gives, before checking. */
export interface RawSubmission {
  /** A Date (any realm), or text `15/06/2025 23:59:59` / ISO read in Europe/Paris. */
  readonly receivedAt: unknown;
  /** Answers by question id. */
  readonly answers: Readonly<Record<string, unknown>>;
  /** The email Forms collected, when it does. */
  readonly email?: string;
  /** The Form response id, when known. */
  readonly responseId?: string;
}

export interface Submission {
  readonly callId: string;
  readonly key: string;
  readonly receivedAt: Date;
  readonly email?: string;
  readonly responseId?: string;
  readonly answers: Answers;
}

export type SubmissionResult =
  | { readonly ok: true; readonly submission: Submission }
  | { readonly ok: false; readonly errors: readonly string[] };

const schemas = new Map<CallDefinition, z.ZodMiniType<Answers, unknown>>();
const erasedSchemas = new Map<CallDefinition, z.ZodMiniType<Answers, unknown>>();

/** The schema of a call's answers (by question id), derived from its questions; memoised. */
export function answersSchema(call: CallDefinition): z.ZodMiniType<Answers, unknown> {
  return memoisedSchema(schemas, call, call.questions);
}

/** The schema of an erased response's answers: its personal questions are not checked (RGPD erasure). */
function erasedAnswersSchema(call: CallDefinition): z.ZodMiniType<Answers, unknown> {
  return memoisedSchema(
    erasedSchemas,
    call,
    call.questions.filter((q) => q.personal !== true),
  );
}

function memoisedSchema(
  cache: Map<CallDefinition, z.ZodMiniType<Answers, unknown>>,
  call: CallDefinition,
  questions: readonly QuestionDefinition[],
): z.ZodMiniType<Answers, unknown> {
  const cached = cache.get(call);
  if (cached) return cached;
  const shape: Record<string, z.ZodMiniType<AnswerValue | undefined, unknown>> = {};
  for (const q of questions) {
    shape[q.id] = z.pipe(
      z.unknown(),
      z.transform((raw, ctx) => {
        const reading = readAnswer(q, raw);
        if ("error" in reading) {
          ctx.issues.push({ code: "custom", message: reading.error, input: raw });
          return z.NEVER;
        }
        return reading.value;
      }),
    );
  }
  // Every question is looked at, answered or not: a missing key is a blank answer.
  const complete = z.pipe(
    z.record(z.string(), z.unknown(), { error: "réponses attendues sous forme d'objet par question" }),
    z.transform(
      (r): Record<string, unknown> => Object.fromEntries(questions.map((q) => [q.id, r[q.id] ?? ""])),
    ),
  );
  const schema = z.pipe(
    complete,
    z.pipe(
      z.object(shape),
      z.transform((o) => {
        const out: Record<string, AnswerValue> = {};
        for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
        return out as Answers;
      }),
    ),
  ) as unknown as z.ZodMiniType<Answers, unknown>;
  cache.set(call, schema);
  return schema;
}

/** True when an event carries no answer at all (Sheets sometimes fires those): skip it. */
export function hasAnswers(answers: Readonly<Record<string, unknown>>): boolean {
  return Object.values(answers).some((v) => !isBlankAnswer(v));
}

/** Checks and types a submission; every problem is a French sentence naming the question. */
export function validateSubmission(call: CallDefinition, raw: RawSubmission): SubmissionResult {
  const errors: string[] = [];
  let receivedAt: Date | undefined;
  try {
    receivedAt = parseDateTime(raw.receivedAt, { name: "horodatage" });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    errors.push(error.message);
  }
  // A response whose personal data were erased (RGPD) is read without them: its personal
  // answers are the dated mention, kept as it is, and it has no e-mail.
  const erased =
    typeof raw.answers === "object" && raw.answers !== null && isErasedSubmission(call, raw.answers);
  const parsed = z.safeParse(erased ? erasedAnswersSchema(call) : answersSchema(call), raw.answers);
  if (!parsed.success) errors.push(...parsed.error.issues.map((i) => i.message));
  if (errors.length > 0 || !parsed.success || !receivedAt) return { ok: false, errors };
  const answers: Answers = erased
    ? { ...parsed.data, ...erasedPersonalAnswers(call, raw.answers) }
    : parsed.data;
  const fromAnswers = call.review.email ? answers[call.review.email] : undefined;
  const email = erased
    ? undefined
    : raw.email?.trim() || (typeof fromAnswers === "string" ? fromAnswers : undefined);
  const submission: Submission = {
    callId: call.id,
    key: responseKey({ receivedAt, answers, email, responseId: raw.responseId }),
    receivedAt,
    answers,
    ...(email ? { email } : {}),
    ...(raw.responseId ? { responseId: raw.responseId } : {}),
  };
  return { ok: true, submission };
}

/** Like validateSubmission, but problems are one InputError listing them all. */
export function parseSubmission(call: CallDefinition, raw: RawSubmission): Submission {
  const result = validateSubmission(call, raw);
  if (result.ok) return result.submission;
  throw new InputError(`Candidature invalide pour l'appel ${call.id} — ${result.errors.join(" ; ")}`);
}

/**
 * Answers by question id from the `namedValues` of a spreadsheet form-submit event (or a
 * responses-sheet row keyed by its headers): keyed by question label, one string list each.
 */
export function answersFromNamedValues(
  call: CallDefinition,
  namedValues: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const byLabel = new Map<string, unknown>();
  for (const [label, v] of Object.entries(namedValues)) {
    byLabel.set(label.trim(), Array.isArray(v) && v.length <= 1 ? (v[0] ?? "") : v);
  }
  const answers: Record<string, unknown> = {};
  for (const q of call.questions) {
    if (byLabel.has(q.label)) answers[q.id] = byLabel.get(q.label);
  }
  return answers;
}
