/**
 * The evaluations as the jury's responses sheet holds them, one per row: read by column title,
 * checked, and kept with their sheet row so that each can be linked and explained.
 */
import { quote } from "../errors";
import type { CallDefinition } from "../intake/call-schema";
import { asDate } from "../intake/paris-time";
import {
  APPLICATION_TITLE,
  applicationNumberOf,
  COMMENT_TITLE,
  CONFLICT_TITLE,
  NO,
  scoreTitle,
  YES,
} from "./evaluation-form";
import { emailKey } from "./members";

export const TIMESTAMP_TITLE = "Horodateur";
export const EMAIL_TITLE = "Adresse e-mail";

export interface Evaluation {
  /** 1-based row in the responses sheet. */
  readonly row: number;
  readonly email: string;
  readonly submittedAt: Date;
  readonly application: number;
  readonly conflict: boolean;
  /** One score per criterion of the call, in its order; empty with a conflict. */
  readonly scores: readonly number[];
  readonly comment: string;
}

/** A response that cannot count, and why (in French). */
export interface RefusedResponse {
  readonly row: number;
  readonly email: string;
  readonly reason: string;
}

export interface EvaluationReading {
  readonly evaluations: readonly Evaluation[];
  readonly refused: readonly RefusedResponse[];
  /** Titles the sheet lacks (a column renamed or deleted by hand). */
  readonly missingColumns: readonly string[];
}

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

function score(value: unknown, max: number): number | undefined {
  const n = typeof value === "number" ? value : Number(text(value).replace(",", "."));
  return text(value) !== "" && Number.isInteger(n) && n >= 0 && n <= max ? n : undefined;
}

/** Reads every non-blank row of the responses sheet (header first). */
export function readEvaluations(
  call: CallDefinition,
  values: readonly (readonly unknown[])[],
): EvaluationReading {
  const [header = [], ...rows] = values;
  const columnOf = new Map(header.map((h, i) => [text(h), i]));
  const scoreTitles = call.review.criteria.map((c) => scoreTitle(call, c));
  const needed = [TIMESTAMP_TITLE, EMAIL_TITLE, APPLICATION_TITLE, CONFLICT_TITLE, ...scoreTitles];
  const missingColumns = needed.filter((t) => !columnOf.has(t));
  const evaluations: Evaluation[] = [];
  const refused: RefusedResponse[] = [];
  if (missingColumns.length > 0) return { evaluations, refused, missingColumns };
  const cell = (row: readonly unknown[], title: string) => row[columnOf.get(title) as number];
  rows.forEach((row, i) => {
    if (row.every((v) => text(v) === "")) return;
    const problem = evaluationOf(row, i + 2);
    if ("reason" in problem) refused.push(problem);
    else evaluations.push(problem);
  });
  return { evaluations, refused, missingColumns };

  function evaluationOf(row: readonly unknown[], sheetRow: number): Evaluation | RefusedResponse {
    const email = emailKey(text(cell(row, EMAIL_TITLE)));
    const refuse = (reason: string): RefusedResponse => ({ row: sheetRow, email, reason });
    const submittedAt = asDate(cell(row, TIMESTAMP_TITLE));
    const application = applicationNumberOf(cell(row, APPLICATION_TITLE));
    const conflictText = text(cell(row, CONFLICT_TITLE));
    if (submittedAt === undefined) return refuse(`horodatage illisible ${quote(cell(row, TIMESTAMP_TITLE))}`);
    if (email === "") return refuse("sans adresse e-mail");
    if (application === undefined) {
      return refuse(`candidature non reconnue ${quote(cell(row, APPLICATION_TITLE))}`);
    }
    if (conflictText !== YES && conflictText !== NO) {
      return refuse(`conflit d'intérêts non renseigné ${quote(conflictText)}`);
    }
    const conflict = conflictText === YES;
    const comment = columnOf.has(COMMENT_TITLE) ? text(cell(row, COMMENT_TITLE)) : "";
    if (conflict) return { row: sheetRow, email, submittedAt, application, conflict, scores: [], comment };
    const scores = scoreTitles.map((t) => score(cell(row, t), call.review.maxScore));
    const missing = scoreTitles.filter((_, k) => scores[k] === undefined);
    if (missing.length > 0) {
      return refuse(`note manquante ou invalide (0 à ${call.review.maxScore}) : ${missing.join(", ")}`);
    }
    return { row: sheetRow, email, submittedAt, application, conflict, scores: scores as number[], comment };
  }
}
