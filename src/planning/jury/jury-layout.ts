/**
 * The `Jury <appel>` sheet, planned as data. Staff own the members table (columns A–C, from
 * row 5); the add-on owns everything from column E: one row per member × application with its
 * status and scores, the evaluations not counted, and what each member still has to evaluate.
 */
import type { CallDefinition } from "../../core/intake/call-schema";
import { formatParisDateTime } from "../../core/intake/paris-time";
import { scoreTitle } from "../../core/jury/evaluation-form";
import { type JuryResults, missingEvaluations, reminderText } from "../../core/jury/results";
import { responseLink } from "../intake/review-plan";
import { asText, type Block, FORMAT, type LayoutCell } from "../sheet-layout";

export const MEMBERS_HEADER_ROW = 4;
export const FIRST_MEMBER_ROW = MEMBERS_HEADER_ROW + 1;
export const MEMBER_COLUMNS = 3;
/** First column the add-on writes (E): the members table and a blank column stay the staff's. */
export const FIRST_COMPUTED_COLUMN = MEMBER_COLUMNS + 2;
export const MEMBERS_HEADER = ["Nom", "E-mail", "Organisation"] as const;

export function jurySheetName(call: CallDefinition): string {
  return `Jury ${call.id}`;
}

/** The sheet as `Préparer le jury…` first writes it: title, form link, members' header. */
export function newJurySheetBlocks(call: CallDefinition, formUrl: string): Block[] {
  return [
    { row: 1, column: 1, values: [[`Jury — ${call.title}`]], bold: true },
    { row: 2, column: 1, values: [["Formulaire d'évaluation", asText(formUrl)]] },
    {
      row: 3,
      column: 1,
      values: [["Membres du jury : un par ligne ci-dessous (nom, e-mail, organisation)."]],
    },
    { row: MEMBERS_HEADER_ROW, column: 1, values: [[...MEMBERS_HEADER]], bold: true, background: "#e8f0fe" },
  ];
}

function text(value: string): LayoutCell {
  return asText(value);
}

/** Everything from column E, computed from the members' evaluations. */
export function juryComputedBlocks(
  call: CallDefinition,
  results: JuryResults,
  responsesSheetId: number | undefined,
  formUrl: string,
): Block[] {
  const criteria = call.review.criteria.map((c) => scoreTitle(call, c));
  const statusHeader = [
    "Membre",
    "Candidature",
    "Statut",
    ...criteria,
    "Évaluée le",
    "Commentaire",
    "Réponse",
  ];
  const statusRows = results.byMember.map((m): LayoutCell[] => {
    const e = m.evaluation;
    const scores = call.review.criteria.map((_, i) => (e && !e.conflict ? (e.scores[i] ?? "") : ""));
    return [
      text(m.member.name),
      text(m.application.choice),
      m.replaced > 0 ? `${m.status} (remplace ${m.replaced} envoi${m.replaced > 1 ? "s" : ""})` : m.status,
      ...scores,
      e ? formatParisDateTime(e.submittedAt) : "",
      text(e?.comment ?? ""),
      e && responsesSheetId !== undefined ? responseLink(responsesSheetId, e.row) : "",
    ];
  });
  const column = FIRST_COMPUTED_COLUMN;
  const blocks: Block[] = [
    { row: MEMBERS_HEADER_ROW - 1, column, values: [["Évaluations par membre"]], bold: true },
    { row: MEMBERS_HEADER_ROW, column, values: [statusHeader], bold: true, background: "#e8f0fe" },
  ];
  if (statusRows.length > 0) {
    blocks.push({
      row: FIRST_MEMBER_ROW,
      column,
      values: statusRows,
      numberFormat: statusRows.map((r) =>
        r.map((_, i) =>
          i === criteria.length + 3 ? FORMAT.dateTime : i >= 3 && i < criteria.length + 3 ? "0" : "@",
        ),
      ),
    });
  }

  const sideColumn = column + statusHeader.length + 1;
  const notCounted: LayoutCell[][] = results.notCounted.map((r) => [r.row, text(r.email), text(r.reason)]);
  blocks.push(
    { row: MEMBERS_HEADER_ROW - 1, column: sideColumn, values: [["Évaluations non comptées"]], bold: true },
    {
      row: MEMBERS_HEADER_ROW,
      column: sideColumn,
      values: [["Ligne de réponse", "E-mail", "Motif"]],
      bold: true,
      background: "#fce8e6",
    },
    {
      row: FIRST_MEMBER_ROW,
      column: sideColumn,
      values: notCounted.length > 0 ? notCounted : [["", "Aucune", ""]],
    },
  );

  const missingColumn = sideColumn + 4;
  const missing = missingEvaluations(results).map(({ member, applications }): LayoutCell[] => {
    const reminder = reminderText(call, member, applications, formUrl);
    return [
      text(member.name),
      text(member.email),
      applications.length,
      text(applications.map((a) => a.choice).join("\n")),
      text(`${reminder.subject}\n\n${reminder.body}`),
    ];
  });
  blocks.push(
    { row: MEMBERS_HEADER_ROW - 1, column: missingColumn, values: [["Évaluations manquantes"]], bold: true },
    {
      row: MEMBERS_HEADER_ROW,
      column: missingColumn,
      values: [["Membre", "E-mail", "Nombre", "À évaluer", "Texte de la relance"]],
      bold: true,
      background: "#fef7e0",
    },
    {
      row: FIRST_MEMBER_ROW,
      column: missingColumn,
      values:
        missing.length > 0 ? missing : [["Aucune : toutes les évaluations sont reçues", "", "", "", ""]],
      wrap: true,
    },
  );
  return blocks;
}

/** The members as typed in columns A–C, from row 5, up to the last row with content. */
export function memberRows(values: readonly (readonly unknown[])[]): (readonly unknown[])[] {
  return values.slice(FIRST_MEMBER_ROW - 1).map((r) => r.slice(0, MEMBER_COLUMNS));
}
