/**
 * The one reader of what a reviewer enters for an application (status, instructor, one score per
 * criterion, decision, internal comment), for the dashboard's page as it is typed and for its
 * server before writing: every problem gathered as a French error tied to its field, sizes
 * bounded so a review row always fits its cells.
 */
import { isBlank } from "../blank";
import { field, type InputError, invalid } from "../errors";

/** What a call allows: its criteria (labels, in order), the top score, the statuses. */
export interface ReviewerRules {
  readonly criteria: readonly { readonly label: string }[];
  readonly maxScore: number;
  readonly statuses: readonly string[];
}

/** As the page sends it: texts, and each score typed (text) or already a number, blank for none. */
export interface ReviewerDraft {
  readonly statut: string;
  readonly instructeur: string;
  readonly notes: readonly (string | number | null)[];
  readonly decision: string;
  readonly commentaire: string;
}

export interface ReviewerEntry {
  readonly status: string;
  readonly instructor: string;
  /** One per criterion; null when not scored yet. */
  readonly scores: readonly (number | null)[];
  readonly decision: string;
  readonly comment: string;
}

/** Which input an error belongs to. */
export type ReviewerField =
  | "statut"
  | "instructeur"
  | `note-${number}`
  | "notes"
  | "decision"
  | "commentaire";

export interface ReviewerProblem {
  readonly field: ReviewerField;
  readonly error: InputError;
}

export const REVIEWER_LIMITS = { instructeur: 200, decision: 2_000, commentaire: 5_000 } as const;

const LABELS = {
  instructeur: "Instructeur",
  decision: "Décision",
  commentaire: "Commentaire interne",
} as const;

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");

/** A score as typed: blank is none yet; otherwise a whole number from 0 to the top score. */
function score(value: string | number | null, rules: ReviewerRules, label: string): number | null {
  if (value === null || isBlank(value)) return null;
  const n = typeof value === "number" ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 0 || n > rules.maxScore) {
    throw invalid(`Note invalide, attendu un entier de 0 à ${rules.maxScore}`, field(label), value);
  }
  return n;
}

export function readReviewerEntry(
  rules: ReviewerRules,
  draft: ReviewerDraft,
): { readonly entry: ReviewerEntry } | { readonly problems: readonly ReviewerProblem[] } {
  const problems: ReviewerProblem[] = [];
  const status = draft.statut.trim();
  if (!rules.statuses.includes(status)) {
    problems.push({
      field: "statut",
      error: invalid(
        "Statut hors de la liste",
        field("Statut"),
        draft.statut,
        "choisissez-en un dans la liste",
      ),
    });
  }
  const texts = { instructeur: draft.instructeur, decision: draft.decision, commentaire: draft.commentaire };
  for (const key of ["instructeur", "decision", "commentaire"] as const) {
    const max = REVIEWER_LIMITS[key];
    const length = texts[key].length;
    if (length > max) {
      problems.push({
        field: key,
        error: invalid(
          `Texte trop long, au plus ${thousands(max)} caractères (${thousands(length)} saisis)`,
          field(LABELS[key]),
          texts[key],
        ),
      });
    }
  }
  if (draft.notes.length !== rules.criteria.length) {
    problems.push({
      field: "notes",
      error: invalid(
        `${rules.criteria.length} note(s) attendue(s), une par critère`,
        field("notes"),
        `${draft.notes.length} note(s)`,
      ),
    });
  }
  const scores = rules.criteria.map((c, i) => {
    try {
      return score(draft.notes[i] ?? null, rules, c.label);
    } catch (error) {
      problems.push({ field: `note-${i}`, error: error as InputError });
      return null;
    }
  });
  if (problems.length > 0) return { problems };
  return {
    entry: {
      status,
      instructor: draft.instructeur.trim(),
      scores,
      decision: draft.decision.trim(),
      comment: draft.commentaire.trim(),
    },
  };
}
