/**
 * The jury's scores merged, exactly. Each member's latest evaluation of an application counts
 * (an earlier one stays in the responses sheet); a member who declares a conflict of interest is
 * not expected to score it; evaluations from an e-mail that is not a member do not count.
 * Means are computed on exact decimals and rounded once, to the hundredth, halves away from zero.
 */
import {
  compare,
  type Decimal,
  decimalFromNumber,
  mulDivToCents,
  multiply,
  ONE,
  subtract,
  sum,
} from "../decimal";
import type { CallDefinition } from "../intake/call-schema";
import type { Evaluation, RefusedResponse } from "./evaluations";
import { emailKey, type JuryMember } from "./members";

/** An application the jury evaluates. */
export interface JuryApplication {
  readonly number: number;
  /** What members pick in the form: `N° 3 — association — titre`. */
  readonly choice: string;
}

export type MemberStatus = "à faire" | "évaluée" | "conflit";

export interface MemberApplication {
  readonly member: JuryMember;
  readonly application: JuryApplication;
  readonly status: MemberStatus;
  /** The evaluation that counts, if any. */
  readonly evaluation: Evaluation | undefined;
  /** Earlier evaluations of the same application by the same member, replaced by the latest. */
  readonly replaced: number;
}

export interface ApplicationResult {
  readonly application: JuryApplication;
  /** Members without a conflict (m in « n / m »). */
  readonly expected: number;
  /** Evaluations counted (n). */
  readonly received: number;
  readonly conflicts: number;
  /** Mean of each criterion, in the call's order; undefined with no evaluation. */
  readonly criterionMeans: readonly (number | undefined)[];
  readonly weightedMean: number | undefined;
  /** Max − min of the members' weighted scores; undefined with fewer than two evaluations. */
  readonly spread: number | undefined;
  /** A spread of `DISCUSSION_SPREAD` points or more: to discuss in committee. */
  readonly toDiscuss: boolean;
}

export interface JuryResults {
  readonly byMember: readonly MemberApplication[];
  readonly byApplication: readonly ApplicationResult[];
  /** Evaluations not counted: not a member, unknown application, unreadable. */
  readonly notCounted: readonly RefusedResponse[];
}

export const DISCUSSION_SPREAD = 2;

/** The later of two evaluations: by time sent, then by row (a replayed row comes later). */
function later(a: Evaluation, b: Evaluation): Evaluation {
  const t = a.submittedAt.getTime() - b.submittedAt.getTime();
  return t > 0 || (t === 0 && a.row > b.row) ? a : b;
}

/** Σ weight × score of one evaluation, exact. */
function weightedTotal(weights: readonly Decimal[], scores: readonly number[]): Decimal {
  return sum(weights.map((w, i) => multiply(w, decimalFromNumber(scores[i] ?? 0))));
}

function hundredths(numerator: Decimal, denominator: Decimal): number {
  return mulDivToCents(numerator, ONE, denominator) / 100;
}

export function juryResults(
  call: CallDefinition,
  members: readonly JuryMember[],
  applications: readonly JuryApplication[],
  evaluations: readonly Evaluation[],
  refused: readonly RefusedResponse[] = [],
): JuryResults {
  const memberByEmail = new Map(members.map((m) => [emailKey(m.email), m]));
  const applicationByNumber = new Map(applications.map((a) => [a.number, a]));
  const notCounted: RefusedResponse[] = [...refused];
  const latest = new Map<string, { evaluation: Evaluation; count: number }>();
  for (const e of evaluations) {
    if (!memberByEmail.has(e.email)) {
      notCounted.push({
        row: e.row,
        email: e.email,
        reason: "adresse qui n'est pas celle d'un membre du jury",
      });
      continue;
    }
    if (!applicationByNumber.has(e.application)) {
      notCounted.push({
        row: e.row,
        email: e.email,
        reason: `candidature n° ${e.application} hors de la liste du jury`,
      });
      continue;
    }
    const id = `${e.email}|${e.application}`;
    const seen = latest.get(id);
    latest.set(id, { evaluation: seen ? later(e, seen.evaluation) : e, count: (seen?.count ?? 0) + 1 });
  }

  const byMember: MemberApplication[] = members.flatMap((member) =>
    applications.map((application): MemberApplication => {
      const found = latest.get(`${emailKey(member.email)}|${application.number}`);
      const evaluation = found?.evaluation;
      return {
        member,
        application,
        status: evaluation === undefined ? "à faire" : evaluation.conflict ? "conflit" : "évaluée",
        evaluation,
        replaced: found ? found.count - 1 : 0,
      };
    }),
  );

  const weights = call.review.criteria.map((c) => decimalFromNumber(c.weight));
  const totalWeight = sum(weights);
  const spreadLimit = multiply(decimalFromNumber(DISCUSSION_SPREAD), totalWeight);
  const byApplication = applications.map((application): ApplicationResult => {
    const mine = byMember.filter((m) => m.application.number === application.number);
    const conflicts = mine.filter((m) => m.status === "conflit").length;
    const scored = mine.flatMap((m) => (m.status === "évaluée" && m.evaluation ? [m.evaluation.scores] : []));
    const n = scored.length;
    const count = decimalFromNumber(n);
    const totals = scored.map((s) => weightedTotal(weights, s));
    const highest = totals.reduce<Decimal | undefined>(
      (a, t) => (a && compare(a, t) >= 0 ? a : t),
      undefined,
    );
    const lowest = totals.reduce<Decimal | undefined>((a, t) => (a && compare(a, t) <= 0 ? a : t), undefined);
    const gap = n >= 2 && highest && lowest ? subtract(highest, lowest) : undefined;
    return {
      application,
      expected: members.length - conflicts,
      received: n,
      conflicts,
      criterionMeans: call.review.criteria.map((_, c) =>
        n === 0 ? undefined : hundredths(sum(scored.map((s) => decimalFromNumber(s[c] ?? 0))), count),
      ),
      weightedMean: n === 0 ? undefined : hundredths(sum(totals), multiply(count, totalWeight)),
      spread: gap === undefined ? undefined : hundredths(gap, totalWeight),
      toDiscuss: gap !== undefined && compare(gap, spreadLimit) >= 0,
    };
  });
  return { byMember, byApplication, notCounted };
}

/** Applications ranked for the committee: best weighted jury mean first, then by N°; unscored last. */
export function committeeRanking(results: readonly ApplicationResult[]): ApplicationResult[] {
  return [...results].sort((a, b) => {
    if (a.weightedMean === undefined || b.weightedMean === undefined) {
      if (a.weightedMean !== b.weightedMean) return a.weightedMean === undefined ? 1 : -1;
    } else if (a.weightedMean !== b.weightedMean) {
      return b.weightedMean - a.weightedMean;
    }
    return a.application.number - b.application.number;
  });
}

/** What each member still has to evaluate, members with nothing left out. */
export function missingEvaluations(
  results: JuryResults,
): { member: JuryMember; applications: JuryApplication[] }[] {
  const byEmail = new Map<string, { member: JuryMember; applications: JuryApplication[] }>();
  for (const m of results.byMember) {
    if (m.status !== "à faire") continue;
    const key = emailKey(m.member.email);
    const entry = byEmail.get(key) ?? { member: m.member, applications: [] };
    entry.applications.push(m.application);
    byEmail.set(key, entry);
  }
  return [...byEmail.values()];
}

/** The reminder a member receives, in plain French. */
export function reminderText(
  call: CallDefinition,
  member: JuryMember,
  applications: readonly JuryApplication[],
  formUrl: string,
): { subject: string; body: string } {
  const n = applications.length;
  return {
    subject: `${call.title} : ${n} évaluation${n > 1 ? "s" : ""} en attente`,
    body: [
      `Bonjour ${member.name},`,
      "",
      `Il vous reste ${n} candidature${n > 1 ? "s" : ""} à évaluer pour « ${call.title} » :`,
      ...applications.map((a) => `- ${a.choice}`),
      "",
      `Le formulaire d'évaluation : ${formUrl}`,
      "En cas de conflit d'intérêts avec une candidature, déclarez-le dans le formulaire : vos notes ne seront pas demandées.",
      "",
      "Merci pour votre participation au jury.",
      "Lianes coopération",
    ].join("\n"),
  };
}
