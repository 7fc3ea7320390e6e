/**
 * The decision-meeting summary of a call: counts by status against capacity, then the
 * retained, waiting-list and refused applications, best weighted score first.
 */
import type { CallDefinition } from "../../core/intake/call-schema";
import { RETAINED, type Status, statusSummary } from "../../core/intake/review";
import { committeeRankingBlocks } from "../jury/review-columns";
import { asText, type Block, FORMAT, type LayoutCell, type SheetLayout } from "../sheet-layout";
import { applicationRows, reviewSheetShape } from "./review-plan";

const DECIDED: readonly Status[] = ["Retenue", "Liste d'attente", "Refusée"];

export function summarySheetName(call: CallDefinition): string {
  return `Synthèse ${call.id}`;
}

function score(value: unknown): number {
  return typeof value === "number" ? value : Number.NEGATIVE_INFINITY;
}

export function decisionSummaryLayout(
  call: CallDefinition,
  reviewValues: readonly (readonly unknown[])[],
): SheetLayout {
  const shape = reviewSheetShape(call);
  const body = applicationRows(reviewValues);
  const summary = statusSummary(
    call,
    body.map((r) => r[shape.statusColumn]),
  );
  // The places sit beside the retained count, so that the chart shows one against the other.
  const counts: LayoutCell[][] = [
    ["Statut", "Nombre", "Places"],
    ...summary.counts.map((c) => [c.status, c.count, c.status === RETAINED ? summary.capacity : ""]),
    ...(summary.other > 0 ? [["Sans statut reconnu", summary.other, ""]] : []),
  ];
  const decided = DECIDED.flatMap((status) =>
    body
      .filter((r) => String(r[shape.statusColumn] ?? "").trim() === status)
      .sort((a, b) => score(b[shape.weightedScoreColumn]) - score(a[shape.weightedScoreColumn]))
      .map((r): LayoutCell[] => [
        status,
        typeof r[0] === "number" ? r[0] : asText(String(r[0] ?? "")),
        asText(String(r[shape.applicantColumn] ?? "")),
        typeof r[shape.weightedScoreColumn] === "number" ? (r[shape.weightedScoreColumn] as number) : "",
        asText(String(r[shape.decisionColumn] ?? "")),
      ]),
  );
  const decisionsRow = counts.length + 6;
  const blocks: Block[] = [
    { row: 1, column: 1, values: [[`Synthèse des candidatures — ${call.title}`]], bold: true },
    { row: 3, column: 1, values: counts.slice(0, 1), bold: true, background: "#e8f0fe" },
    {
      row: 4,
      column: 1,
      values: counts.slice(1),
      numberFormat: [...counts.slice(1).map(() => ["@", FORMAT.integer, FORMAT.integer])],
    },
    {
      row: counts.length + 3,
      column: 1,
      values: [[summary.retainedText, summary.warning ?? ""]],
      bold: true,
      ...(summary.overCapacity ? { background: "#fce8e6" } : {}),
    },
    {
      row: decisionsRow,
      column: 1,
      values: [["Statut", "N°", call.review.applicant.header, "Score pondéré", "Décision"]],
      bold: true,
      background: "#e8f0fe",
    },
  ];
  if (decided.length > 0) {
    blocks.push({ row: decisionsRow + 1, column: 1, values: decided });
  }
  blocks.push(...committeeRankingBlocks(call, reviewValues, 3, 7));
  return {
    name: summarySheetName(call),
    blocks,
    charts: [
      {
        kind: "bar",
        title: `Candidatures par statut (${summary.capacity} places)`,
        // The statuses only (not a row for unknown ones): a fixed block, so the chart stays right.
        data: { row: 3, column: 1, rows: summary.counts.length + 1, columns: 3 },
        anchor: { row: 3, column: 4 },
        width: 380,
        height: 210,
      },
    ],
    columnWidths: [160, 60, 260, 110, 260, 24, 60, 60, 220, 150, 110, 80, 220],
    frozenRows: 0,
  };
}
