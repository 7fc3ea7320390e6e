/**
 * The evaluation form of a call's jury, as data: its questions' titles (which are also the
 * columns of its responses sheet) and the choice that names an application. Members pick the
 * application, say whether they have a conflict of interest, score each criterion of the call
 * on its scale, and comment.
 */
import type { CallDefinition, Criterion } from "../intake/call-schema";

export const APPLICATION_TITLE = "Candidature évaluée";
export const CONFLICT_TITLE = "Je déclare un conflit d'intérêts avec cette candidature";
export const COMMENT_TITLE = "Commentaire";
export const YES = "Oui";
export const NO = "Non";

export function evaluationFormTitle(call: CallDefinition): string {
  return `Évaluation ${call.id}`;
}

export function scoreTitle(call: CallDefinition, criterion: Criterion): string {
  return `${criterion.label} (0–${call.review.maxScore})`;
}

export interface EvaluationQuestion {
  readonly title: string;
  readonly kind: "application" | "conflict" | "score" | "comment";
  readonly help?: string;
  readonly required: boolean;
}

/** The form's questions, in order. Scores are optional so that a member with a conflict can send. */
export function evaluationQuestions(call: CallDefinition): EvaluationQuestion[] {
  return [
    {
      title: APPLICATION_TITLE,
      kind: "application",
      help: "La liste des candidatures en instruction, mise à jour à chaque synchronisation.",
      required: true,
    },
    {
      title: CONFLICT_TITLE,
      kind: "conflict",
      help: "Avec Oui, vos notes ne sont pas prises en compte pour cette candidature.",
      required: true,
    },
    ...call.review.criteria.map(
      (c): EvaluationQuestion => ({
        title: scoreTitle(call, c),
        kind: "score",
        help: `Poids ${String(c.weight).replace(".", ",")}. Laissez vide en cas de conflit d'intérêts.`,
        required: false,
      }),
    ),
    { title: COMMENT_TITLE, kind: "comment", required: false },
  ];
}

/** `N° 3 — Les Amis de Tiassalé — Puits partagés`: what members pick in the form. */
export function applicationChoice(number: number, applicant: string, title: string): string {
  const parts = [`N° ${number}`, applicant.trim(), title.trim()].filter((p) => p !== "");
  return parts.join(" — ");
}

/** The application's N° in a choice (the rest of the text may have been erased since). */
export function applicationNumberOf(choice: unknown): number | undefined {
  const m = /^\s*N°\s*(\d+)(?:\s|$)/.exec(String(choice ?? ""));
  return m ? Number(m[1]) : undefined;
}
