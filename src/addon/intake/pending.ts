/**
 * Submissions whose handler could not get the document lock in time, remembered in the
 * document's properties until a sync has them in the review sheet. One property per
 * submission (`lianes.attente.<appel>.<empreinte>`), written without the lock: two handlers
 * timing out together never overwrite each other's note. The name carries a hash of the
 * response's key, not the key itself, which holds the applicant's e-mail.
 */
import { errorMessage } from "../../core/errors";
import { fnv1a } from "../../core/intake/response-key";

const PREFIX = "lianes.attente.";

/** How long a submission, a sync or an erasure waits for the document lock before giving up. */
export const LOCK_WAIT_MS = 30_000;

export interface PendingSubmission {
  readonly property: string;
  readonly callId: string;
  /** The hash of the response's key; undefined when the handler could not read the response. */
  readonly keyHash: string | undefined;
  /** The responses-sheet row the event pointed at. */
  readonly row: number;
  /** When the handler gave up waiting (ISO 8601). */
  readonly at: string;
}

function prefixOf(callId: string): string {
  return `${PREFIX}${callId}.`;
}

/** The property that notes a response (by its key) as pending. */
export function pendingProperty(callId: string, key: string): string {
  return `${prefixOf(callId)}${fnv1a(key)}`;
}

/** Records a submission left for later; false (and a French warning) if the properties are full. */
export function recordPending(
  properties: GoogleAppsScript.Properties.Properties,
  callId: string,
  key: string | undefined,
  row: number,
  at: Date,
): boolean {
  const property =
    key === undefined ? `${prefixOf(callId)}ligne-${row}-${at.getTime()}` : pendingProperty(callId, key);
  try {
    properties.setProperty(property, JSON.stringify({ row, at: at.toISOString() }));
    return true;
  } catch (error) {
    console.warn(
      `Appel ${callId} : la réponse de la ligne ${row} n'a pas pu être notée en attente ` +
        `(${errorMessage(error)}) ; elle reste dans la feuille ` +
        "de réponses et sera reprise à la prochaine synchronisation.",
    );
    return false;
  }
}

/** The submissions waiting for a call, from the properties already read (`getProperties()`). */
export function pendingOf(all: Readonly<Record<string, string>>, callId: string): PendingSubmission[] {
  const prefix = prefixOf(callId);
  return Object.entries(all).flatMap(([property, text]) => {
    if (!property.startsWith(prefix)) return [];
    const id = property.slice(prefix.length);
    let note: { row?: unknown; at?: unknown } = {};
    try {
      note = JSON.parse(text) as typeof note;
    } catch {
      // A damaged note still names a pending submission: the sync picks every response anyway.
    }
    return [
      {
        property,
        callId,
        keyHash: id.startsWith("ligne-") ? undefined : id,
        row: typeof note.row === "number" ? note.row : 0,
        at: typeof note.at === "string" ? note.at : "",
      },
    ];
  });
}

/** The pending submissions now in the review sheet (`found`), and those whose response is gone. */
export function settlePending(
  pending: readonly PendingSubmission[],
  syncedKeys: Iterable<string>,
): { found: PendingSubmission[]; missing: PendingSubmission[] } {
  const hashes = new Set<string>();
  for (const key of syncedKeys) hashes.add(fnv1a(key));
  const found: PendingSubmission[] = [];
  const missing: PendingSubmission[] = [];
  for (const p of pending) (p.keyHash === undefined || hashes.has(p.keyHash) ? found : missing).push(p);
  return { found, missing };
}
