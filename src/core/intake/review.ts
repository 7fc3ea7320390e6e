/**
 * The review sheet's computed part, from a call and its submissions: the columns, one row per
 * application, the default status, the counts by status and the weighted score.
 */
import { isBlank } from "../blank";
import { decimalFromNumber, divideToCents, multiply, sum } from "../decimal";
import { field, InputError, invalid } from "../errors";
import type { AnswerValue } from "./answers";
import type { CallDefinition, Criterion } from "./call-schema";
import { questionOf } from "./calls";
import { frenchCountryName } from "./countries";
import { assessEligibility, type Eligibility } from "./eligibility";
import { formatParisDateTime } from "./paris-time";
import type { Submission } from "./submission";

export const STATUSES = [
  "À instruire",
  "Irrecevable",
  "En instruction",
  "Retenue",
  "Liste d'attente",
  "Refusée",
  "Sans suite",
] as const;

export type Status = (typeof STATUSES)[number];

export const RETAINED: Status = "Retenue";

/** Eligible and on time: to be instructed; otherwise inadmissible (staff may still override). */
export function defaultStatus(eligibility: Pick<Eligibility, "eligible" | "late">): Status {
  return eligibility.eligible && eligibility.late !== true ? "À instruire" : "Irrecevable";
}

export type ComputedColumnId =
  | "number"
  | "key"
  | "receivedAt"
  | "applicant"
  | "departement"
  | "country"
  | "dac"
  | "duration"
  | "eligibility"
  | "late"
  | "summary";

export interface Column<Id extends string = string> {
  readonly id: Id;
  readonly header: string;
}

/** The computed columns, in sheet order; those a call's rules do not use are left out. */
export function computedColumns(call: CallDefinition): readonly Column<ComputedColumnId>[] {
  const e = call.eligibility;
  const columns: (Column<ComputedColumnId> | false)[] = [
    { id: "number", header: "N°" },
    { id: "key", header: "Clé" },
    { id: "receivedAt", header: "Reçue le" },
    { id: "applicant", header: call.review.applicant.header },
    e.headOffice !== undefined && { id: "departement", header: "Département" },
    e.partnerCountry !== undefined && { id: "country", header: "Pays partenaire" },
    e.partnerCountry !== undefined && { id: "dac", header: "Liste CAD" },
    e.durationDays !== undefined && { id: "duration", header: "Durée (jours)" },
    { id: "eligibility", header: "Éligibilité" },
    { id: "late", header: "Hors délai" },
    { id: "summary", header: "Réponses" },
  ];
  return columns.filter((c): c is Column<ComputedColumnId> => c !== false);
}

export type ReviewerColumnId =
  | "status"
  | "instructor"
  | `score:${string}`
  | "weightedScore"
  | "decision"
  | "comment";

/**
 * Reviewer columns that hold personal data: the internal comment is free text about the
 * applicant and may name people. Kept: the status, the scores and the weighted score (needed
 * for the counts and the ranking), the decision (the record of what was decided; staff write
 * it without naming people) and the instructor (a member of staff, not the applicant).
 */
export const PERSONAL_REVIEWER_COLUMNS: readonly ReviewerColumnId[] = ["comment"];

/** The reviewer columns, after the computed ones: never written by sync or trigger. */
export function reviewerColumns(call: CallDefinition): readonly Column<ReviewerColumnId>[] {
  return [
    { id: "status", header: "Statut" },
    { id: "instructor", header: "Instructeur" },
    ...call.review.criteria.map((c) => ({
      id: `score:${c.id}` as const,
      header: `${c.label} (0–${call.review.maxScore})`,
    })),
    { id: "weightedScore", header: "Score pondéré" },
    { id: "decision", header: "Décision" },
    { id: "comment", header: "Commentaire interne" },
  ];
}

export type Cell = string | number;

export interface ReviewRow {
  readonly key: string;
  readonly eligibility: Eligibility;
  readonly status: Status;
  /** One value per computed column, in computedColumns order. */
  readonly values: readonly Cell[];
}

function formatNumber(n: number): string {
  return String(n).replace(".", ",");
}

const WHOLE_EUROS = new Intl.NumberFormat("fr-FR", {
  style: "currency",
  currency: "EUR",
  maximumFractionDigits: 0,
});
const EUROS = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/**
 * An answer as staff read it: Oui/Non, dates as 10/07/2025, boxes separated by commas, and an
 * amount (a question in euros) as `1 497 €` (`1 497,50 €` with cents).
 */
export function formatAnswer(value: AnswerValue | undefined, question?: { readonly unit?: "euros" }): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "Oui" : "Non";
  if (typeof value === "number" && question?.unit === "euros") {
    return (Number.isInteger(value) ? WHOLE_EUROS : EUROS).format(value);
  }
  if (typeof value === "number") return formatNumber(value);
  if (Array.isArray(value)) return value.join(", ");
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value as string);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : (value as string);
}

/** The eligibility of a submission, under its call, with the facts its answers hold. */
export function submissionEligibility(call: CallDefinition, submission: Submission): Eligibility {
  const e = call.eligibility;
  const a = submission.answers;
  return assessEligibility(
    call,
    {
      departement: e.headOffice && a[e.headOffice.question],
      country: e.partnerCountry && a[e.partnerCountry.question],
      alreadyFunded: e.alreadyFunded && a[e.alreadyFunded.question],
      newProject: e.alreadyFunded && a[e.alreadyFunded.newProjectQuestion],
      durationDays: e.durationDays && a[e.durationDays.question],
      submittedAt: submission.receivedAt,
    },
    { unknownDepartement: "outside" },
  );
}

/** The computed part of a submission's row; `n` is its number (N°). */
export function reviewRow(call: CallDefinition, submission: Submission, n: number): ReviewRow {
  const eligibility = submissionEligibility(call, submission);
  const e = call.eligibility;
  const a = submission.answers;
  const answerText = (id: string | undefined) =>
    id === undefined ? "" : formatAnswer(a[id], questionOf(call, id));
  const summary = call.review.shownAnswers
    .filter((id) => a[id] !== undefined)
    .map((id) => `${questionOf(call, id).label} : ${answerText(id)}`)
    .join("\n");
  const cell: Record<ComputedColumnId, Cell> = {
    number: n,
    key: submission.key,
    receivedAt: formatParisDateTime(submission.receivedAt),
    applicant: answerText(call.review.applicant.question),
    departement: eligibility.departement
      ? `${eligibility.departement.code} – ${eligibility.departement.name}`
      : answerText(e.headOffice?.question),
    country: eligibility.country
      ? frenchCountryName(eligibility.country)
      : answerText(e.partnerCountry?.question),
    dac: eligibility.onDacList === undefined ? "Inconnu" : eligibility.onDacList ? "Oui" : "Non",
    duration: eligibility.durationDays ?? "",
    eligibility: eligibility.text,
    late: eligibility.late ? "Oui" : "Non",
    summary,
  };
  return {
    key: submission.key,
    eligibility,
    status: defaultStatus(eligibility),
    values: computedColumns(call).map((c) => cell[c.id]),
  };
}

/** The one rule (core/sheet-text): a text Sheets would read as a formula — written with a leading apostrophe. */
export { looksLikeFormula } from "../sheet-text";

export interface StatusSummary {
  readonly counts: readonly { readonly status: Status; readonly count: number }[];
  /** Rows whose status is blank or not in the list. */
  readonly other: number;
  readonly retained: number;
  readonly capacity: number;
  readonly overCapacity: boolean;
  /** `Retenues : 7 / 6` */
  readonly retainedText: string;
  /** A French warning when more applications are retained than places, else undefined. */
  readonly warning: string | undefined;
}

export function statusSummary(call: CallDefinition, statuses: readonly unknown[]): StatusSummary {
  const counts = new Map<string, number>(STATUSES.map((s) => [s, 0]));
  let other = 0;
  for (const s of statuses) {
    const text = typeof s === "string" ? s.trim() : "";
    const known = counts.get(text);
    if (known === undefined) other++;
    else counts.set(text, known + 1);
  }
  const retained = counts.get(RETAINED) ?? 0;
  const capacity = call.capacity;
  const overCapacity = retained > capacity;
  return {
    counts: STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 })),
    other,
    retained,
    capacity,
    overCapacity,
    retainedText: `Retenues : ${retained} / ${capacity}`,
    warning: overCapacity
      ? `Attention : ${retained} candidatures retenues pour ${capacity} places (${retained - capacity} de trop).`
      : undefined,
  };
}

/**
 * Σ score × weight ÷ Σ weights, rounded to the hundredth (halves away from zero); undefined
 * until every criterion is scored. A score outside 0–max is an error naming the criterion.
 */
export function weightedScore(
  criteria: readonly Criterion[],
  scores: readonly unknown[],
  maxScore: number,
): number | undefined {
  const values: number[] = [];
  criteria.forEach((c, i) => {
    const s = scores[i];
    if (isBlank(s)) return;
    if (typeof s !== "number" || !Number.isFinite(s) || s < 0 || s > maxScore) {
      throw invalid(`Note invalide, attendu de 0 à ${maxScore}`, field(c.label), s);
    }
    values.push(s);
  });
  if (values.length < criteria.length) return undefined;
  const weighted = sum(
    criteria.map((c, i) => multiply(decimalFromNumber(values[i] ?? 0), decimalFromNumber(c.weight))),
  );
  const weights = sum(criteria.map((c) => decimalFromNumber(c.weight)));
  return divideToCents(weighted, weights) / 100;
}

/**
 * The same score as a live Sheets formula (English syntax, as Range.setFormula takes it),
 * given the A1 cell of each criterion's score on the row: blank until all are filled.
 */
export function weightedScoreFormula(criteria: readonly Criterion[], scoreCells: readonly string[]): string {
  if (scoreCells.length !== criteria.length) {
    throw new InputError(
      `Il faut une cellule de note par critère (${criteria.length}), reçu ${scoreCells.length}.`,
    );
  }
  const terms = criteria.map((c, i) => `${scoreCells[i]}*${c.weight}`).join("+");
  const total = criteria.reduce((t, c) => t + c.weight, 0);
  return `=IF(COUNT(${scoreCells.join(",")})<${criteria.length},"",ROUND((${terms})/${total},2))`;
}
