/**
 * One more form submission on a call that already has `n` responses in its review sheet:
 * the Sheets service calls and cells written of its trigger, on the local host's counter. The
 * trigger takes its own response on its own, so both figures stay the same whatever `n`.
 */
import { EXPLOR_ANSWERS } from "../../dev/fixtures/intake-samples";
import { callById } from "../../src/core/intake/calls";
import { CELLS_WRITTEN, callsOf, countsOf, hostWithResponses } from "./sync";
import { bestOf } from "./timing";

export interface SubmissionResult {
  readonly responses: number;
  /** Service method calls of the submission's trigger. */
  readonly calls: number;
  readonly cellsWritten: number;
  readonly counts: Record<string, number>;
  readonly ms: number;
  /** Review rows after the submission: one more than `responses` when it was taken. */
  readonly reviewRows: number;
  /** Whether the trigger went to the full sync (it should not, once the review sheet exists). */
  readonly fullSync: boolean;
}

const CALL_ID = "EXPLOR-2025";

export function benchSubmission(n: number): SubmissionResult {
  const { host } = hostWithResponses(n);
  host.runMenuItem("Synchroniser les candidatures", { kind: "alert", button: "OK" });
  const form = [...host.forms.forms.values()].at(-1);
  if (!form) throw new Error("pas de formulaire");
  const call = callById(CALL_ID);
  const answers: Record<string, string> = {};
  for (const q of call.questions) {
    const value = (EXPLOR_ANSWERS as Record<string, unknown>)[q.id];
    if (value !== undefined) answers[q.label] = String(value);
  }
  answers[call.questions.find((q) => q.id === "associationNom")?.label ?? ""] =
    "Association arrivée la dernière";
  // Forms writes the response row first; what is measured is the trigger that follows.
  const event = form.submit({
    answers,
    email: "derniere@association.fr",
    timestamp: new Date(Date.UTC(2025, 5, 30, 21, 59, 30)),
  });
  const logged = host.log.lines.length;
  host.counter.reset();
  const run = bestOf(1, () =>
    host.call("onFormSubmitLianes", { ...event, range: host.counter.wrap(event.range, "Range") }),
  );
  return {
    responses: n,
    calls: callsOf(host),
    cellsWritten: host.counter.counts.get(CELLS_WRITTEN) ?? 0,
    counts: countsOf(host),
    ms: run.ms,
    reviewRows: host.values(call.review.sheetName).length - 1,
    fullSync: host.log.lines.slice(logged).some((l) => l.includes("synchronisation complète")),
  };
}
