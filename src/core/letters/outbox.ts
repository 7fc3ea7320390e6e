/**
 * The outbox, planned without Sheets or MailApp: which applications call for a letter and do
 * not have one yet, each letter filled from its template; then, at sending time, which ticked
 * rows go (within the day's quota), which are refused (not an e-mail address), which wait.
 */
import type { CallDefinition } from "../intake/call-schema";
import { formatParisDate, formatParisDateTime } from "../intake/paris-time";
import { formatAnswer, submissionEligibility } from "../intake/review";
import type { Submission } from "../intake/submission";
import {
  eventLabel,
  eventOfStatus,
  type LetterEventId,
  type LetterTemplate,
  type RenderedLetter,
  renderLetter,
  templatesForCall,
} from "./templates";

/** What a row of `Courriers` says before its message has gone. */
export const TO_REVIEW = "à relire";
export const SENT_PREFIX = "envoyé le ";
/**
 * Written on a row just before its message goes, replaced by `envoyé le …` just after: a row
 * left so (the stamp could not be written) may have gone, and is never sent again blindly.
 */
export const SENDING = "envoi en cours";

/** `{motifs}` of an application eligible by the rules that staff marked inadmissible. */
export const NO_REASON = "- [motif à préciser avant l'envoi]";

/** The name a letter gives the call: `{appel}`. */
export function callName(call: CallDefinition): string {
  return call.letters?.name ?? call.id;
}

/** One application of the review sheet, with its response when it could be read. */
export interface LetterApplication {
  readonly number: number;
  readonly status: unknown;
  /** Undefined when the response is not (or no longer) in the responses sheet, or was erased. */
  readonly submission: Submission | undefined;
}

/** The values of every placeholder for one application (plain text, as typed). */
export function letterValues(
  call: CallDefinition,
  number: number,
  submission: Submission,
  signature: string,
): Record<string, string> {
  const a = submission.answers;
  const association = formatAnswer(a[call.review.applicant.question]);
  const contactQuestion = call.letters?.contact;
  const contact = (contactQuestion && formatAnswer(a[contactQuestion])) || association;
  const reasons = submissionEligibility(call, submission).reasons;
  const values: Record<string, string> = {};
  for (const q of call.questions) values[q.id] = formatAnswer(a[q.id]);
  return {
    ...values,
    association,
    contact,
    appel: callName(call),
    numero: String(number),
    motifs: reasons.length > 0 ? reasons.map((r) => `- ${r}`).join("\n") : NO_REASON,
    date_limite: formatParisDate(new Date(Date.parse(call.closesAt))),
    capacite: String(call.capacity),
    signature,
  };
}

export interface PlannedLetter extends RenderedLetter {
  readonly callId: string;
  readonly number: number;
  readonly event: LetterEventId;
  readonly recipient: string;
}

/** The identity of a letter: never two rows for the same application and event. */
export function letterId(callId: string, number: number | string, event: LetterEventId | string): string {
  return `${callId}|${number}|${event}`;
}

export interface LetterPlan {
  readonly letters: readonly PlannedLetter[];
  /** Applications that call for a letter but cannot get one, in French (by N°, never the e-mail). */
  readonly notes: readonly string[];
}

/**
 * The letters to add: one per application whose status (or `events`, for the acknowledgement)
 * calls for one and that has none yet for that event. `existing` holds `letterId`s already in
 * the outbox. Templates must have been checked (`checkTemplates`).
 */
export function planLetters(options: {
  readonly call: CallDefinition;
  readonly templates: readonly LetterTemplate[];
  readonly signature: string;
  readonly applications: readonly LetterApplication[];
  readonly existing: ReadonlySet<string>;
  /** Only this event for every application (the acknowledgement), instead of the status's. */
  readonly event?: LetterEventId;
}): LetterPlan {
  const { call, templates, signature, applications, existing } = options;
  const letters: PlannedLetter[] = [];
  const notes: string[] = [];
  const seen = new Set(existing);
  for (const app of applications) {
    const event = options.event ?? eventOfStatus(app.status)?.id;
    if (event === undefined) continue;
    const id = letterId(call.id, app.number, event);
    if (seen.has(id)) continue;
    const template = templatesForCall(templates, call.id).find((t) => t.event === event);
    if (!template) {
      notes.push(`Pas de modèle « ${eventLabel(event)} » : aucun courrier préparé pour le n° ${app.number}.`);
      continue;
    }
    if (!app.submission) {
      notes.push(
        `Candidature n° ${app.number} (${eventLabel(event)}) : réponse introuvable ou données effacées, ` +
          "aucun courrier préparé.",
      );
      continue;
    }
    const recipient = app.submission.email ?? "";
    const values = letterValues(call, app.number, app.submission, signature);
    const letter = renderLetter(template, values);
    if (template.body.includes("{motifs}") && values.motifs === NO_REASON) {
      notes.push(
        `Candidature n° ${app.number} (${eventLabel(event)}) : aucun motif d'éligibilité ; écrivez le motif dans ` +
          "le texte du courrier avant de l'envoyer.",
      );
    }
    letters.push({ callId: call.id, number: app.number, event, recipient, ...letter });
    seen.add(id);
  }
  return { letters, notes };
}

/**
 * One address, as MailApp takes it: `nom@domaine.tld`, no spaces, brackets, commas or
 * semicolons (a second recipient), no line break (a header injection), at most 254 characters.
 */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text) && !text.includes("..") && /\.[A-Za-z]{2,}$/.test(text);
}

/** `envoyé le 15/06/2025 à 10:42` */
export function sentStamp(at: Date): string {
  const [date, time] = formatParisDateTime(at).split(" ");
  return `${SENT_PREFIX}${date} à ${(time ?? "").slice(0, 5)}`;
}

export function isSent(status: unknown): boolean {
  return typeof status === "string" && status.startsWith(SENT_PREFIX);
}

/** A row of `Courriers` as read back. */
export interface OutboxRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
  readonly status: string;
  readonly ticked: boolean;
}

export interface SendPlan {
  /** In sheet order, at most the day's remaining quota. */
  readonly toSend: readonly OutboxRow[];
  /** Ticked rows refused, with the French reason written on their row. */
  readonly refused: readonly { readonly row: OutboxRow; readonly reason: string }[];
  /** Ticked, valid rows beyond the quota: they wait for tomorrow. */
  readonly waiting: readonly OutboxRow[];
  /** Ticked rows already sent (stamped): never sent twice. */
  readonly alreadySent: readonly OutboxRow[];
  /** Rows left « envoi en cours »: maybe sent; a person checks Gmail's sent messages first. */
  readonly uncertain: readonly OutboxRow[];
}

export function refusedRecipient(recipient: string): string {
  return `refusé : adresse e-mail invalide « ${recipient} »`;
}

export function planSending(rows: readonly OutboxRow[], remainingQuota: number): SendPlan {
  const toSend: OutboxRow[] = [];
  const refused: { row: OutboxRow; reason: string }[] = [];
  const waiting: OutboxRow[] = [];
  const alreadySent: OutboxRow[] = [];
  const uncertain: OutboxRow[] = [];
  for (const row of rows) {
    if (row.status.startsWith(SENDING)) {
      uncertain.push(row);
      continue;
    }
    if (!row.ticked) continue;
    if (isSent(row.status)) {
      alreadySent.push(row);
      continue;
    }
    const recipient = row.recipient.trim();
    if (!isEmailAddress(recipient)) refused.push({ row, reason: refusedRecipient(recipient) });
    else if (row.subject.trim() === "" || row.body.trim() === "")
      refused.push({ row, reason: "refusé : objet ou texte vide" });
    else if (toSend.length < Math.max(0, remainingQuota)) toSend.push(row);
    else waiting.push(row);
  }
  return { toSend, refused, waiting, alreadySent, uncertain };
}
