/**
 * The jury's columns of the review sheet, right of the reviewer columns: evaluations received
 * « n / m », the jury's mean per criterion, its weighted mean, the spread, whether to discuss,
 * and the conflicts declared. Only the jury writes them; reviewer columns stay untouched.
 */
import type { CallDefinition } from "../../core/intake/call-schema";
import type { ApplicationResult } from "../../core/jury/results";
import { asText, type Block, type LayoutCell } from "../sheet-layout";

export const RECEIVED_HEADER = "Évaluations jury";
export const WEIGHTED_MEAN_HEADER = "Moyenne pondérée jury";
export const SPREAD_HEADER = "Écart jury";
export const DISCUSS_HEADER = "À discuter";
export const CONFLICTS_HEADER = "Conflits déclarés";

export function juryHeaders(call: CallDefinition): string[] {
  return [
    RECEIVED_HEADER,
    ...call.review.criteria.map((c) => `Jury : ${c.label}`),
    WEIGHTED_MEAN_HEADER,
    SPREAD_HEADER,
    DISCUSS_HEADER,
    CONFLICTS_HEADER,
  ];
}

/** Where the jury block starts (0-based): where it already is, else right of the last header. */
export function juryColumnStart(header: readonly unknown[]): number {
  const found = header.findIndex((h) => String(h ?? "").trim() === RECEIVED_HEADER);
  if (found >= 0) return found;
  let last = header.length;
  while (last > 0 && String(header[last - 1] ?? "").trim() === "") last--;
  return last;
}

function blankIfUndefined(n: number | undefined): LayoutCell {
  return n === undefined ? "" : n;
}

/** The block's rows, one per review-sheet row (header excluded), matched by N° (column A). */
export function juryColumnValues(
  call: CallDefinition,
  body: readonly (readonly unknown[])[],
  results: readonly ApplicationResult[],
): LayoutCell[][] {
  const byNumber = new Map(results.map((r) => [r.application.number, r]));
  const width = juryHeaders(call).length;
  return body.map((row) => {
    const r = typeof row[0] === "number" ? byNumber.get(row[0]) : undefined;
    if (!r) return Array.from({ length: width }, () => "");
    return [
      `${r.received} / ${r.expected}`,
      ...r.criterionMeans.map(blankIfUndefined),
      blankIfUndefined(r.weightedMean),
      blankIfUndefined(r.spread),
      r.toDiscuss ? "Oui" : "",
      r.conflicts,
    ];
  });
}

/** Number formats of the block: « n / m » as text (Sheets would read 2 / 3 as a date), means to the hundredth. */
export function juryColumnFormats(call: CallDefinition): string[] {
  return ["@", ...call.review.criteria.map(() => "0.00"), "0.00", "0.00", "@", "0"];
}

/**
 * The committee's ranking, for the decision summary: applications the jury evaluated, best
 * weighted jury mean first, then by N°; a spread of 2 points or more flagged for discussion.
 * Read from the jury's columns of the review sheet; none when the call has no jury.
 */
export function committeeRankingBlocks(
  call: CallDefinition,
  reviewValues: readonly (readonly unknown[])[],
  row: number,
  column: number,
): Block[] {
  const header = reviewValues[0] ?? [];
  const start = header.findIndex((h) => String(h ?? "").trim() === RECEIVED_HEADER);
  if (start < 0) return [];
  const at = (name: string) => header.findIndex((h) => String(h ?? "").trim() === name);
  const [mean, spread, discuss] = [at(WEIGHTED_MEAN_HEADER), at(SPREAD_HEADER), at(DISCUSS_HEADER)];
  const applicant = header.findIndex((h) => String(h ?? "").trim() === call.review.applicant.header);
  const ranked = reviewValues
    .slice(1)
    .filter((r) => typeof r[0] === "number" && String(r[start] ?? "").trim() !== "")
    .sort((a, b) => {
      const [x, y] = [a[mean], b[mean]];
      if (typeof x === "number" && typeof y === "number" && x !== y) return y - x;
      if (typeof x !== typeof y) return typeof x === "number" ? -1 : 1;
      return (a[0] as number) - (b[0] as number);
    });
  const rows = ranked.map((r, i): LayoutCell[] => [
    typeof r[mean] === "number" ? i + 1 : "",
    r[0] as number,
    asText(String(r[applicant] ?? "")),
    typeof r[mean] === "number" ? r[mean] : "",
    asText(String(r[start] ?? "")),
    typeof r[spread] === "number" ? r[spread] : "",
    String(r[discuss] ?? "") === "Oui" ? "À discuter (écart ≥ 2 points)" : "",
  ]);
  return [
    { row: row - 1, column, values: [["Classement du jury (moyenne pondérée)"]], bold: true },
    {
      row,
      column,
      values: [
        [
          "Rang",
          "N°",
          call.review.applicant.header,
          "Moyenne pondérée jury",
          "Évaluations",
          "Écart",
          "Discussion",
        ],
      ],
      bold: true,
      background: "#e6f4ea",
    },
    ...(rows.length > 0
      ? [
          {
            row: row + 1,
            column,
            values: rows,
            numberFormat: rows.map(() => ["0", "0", "@", "0.00", "@", "0.00", "@"]),
          },
        ]
      : []),
  ];
}
