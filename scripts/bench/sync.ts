/**
 * Review-sheet sync on the local host: Sheets service calls of "Synchroniser les candidatures"
 * for N responses, against a naive sync written here that reads cell by cell and appends row
 * by row, as many Forms scripts do. Both run on the same host fakes, counted by the same counter.
 */
import { EXPLOR_ANSWERS } from "../../dev/fixtures/intake-samples";
import { createHost, type Host } from "../../dev/host";
import { callById } from "../../src/core/intake/calls";
import { bestOf } from "./timing";

export interface SyncResult {
  readonly responses: number;
  /** Service method calls (the counter's `label.method` entries). */
  readonly calls: number;
  /** Cells written, a volume the host records apart from the calls. */
  readonly cellsWritten: number;
  readonly counts: Record<string, number>;
  readonly reviewRows: number;
  readonly ms: number;
  readonly naiveCalls: number;
  readonly naiveCellsWritten: number;
  readonly naiveMs: number;
}

const CALL_ID = "EXPLOR-2025";

/** A host with the EXPLOR-2025 form and `n` responses written straight into its responses sheet. */
export function hostWithResponses(n: number): { host: Host; sheetName: string } {
  const host = createHost();
  host.call("onOpen", {});
  host.runMenuItem("Créer le formulaire…", { kind: "prompt", button: "OK", text: CALL_ID });
  const form = [...host.forms.forms.values()].at(-1);
  const sheet = form?.responsesSheet;
  if (!sheet) throw new Error("Créer le formulaire… n'a pas lié de feuille de réponses");
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const labels = new Map(callById(CALL_ID).questions.map((q) => [q.label, q.id]));
  const start = Date.UTC(2025, 4, 1, 8);
  const rows = Array.from({ length: n }, (_, i) => {
    const email = `contact${i + 1}@association-${i + 1}.fr`;
    const answers: Record<string, unknown> = {
      ...EXPLOR_ANSWERS,
      associationNom: `Association ${i + 1} pour la solidarité`,
      contactEmail: email,
    };
    return header.map((title) => {
      if (title === "Horodateur") return new Date(start + i * 97_000);
      if (title === "Adresse e-mail") return email;
      const id = labels.get(title);
      return id === undefined ? "" : String(answers[id] ?? "");
    });
  });
  // As Forms does, the sheet grows past its first 1 000 rows.
  if (n + 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
  sheet.getRange(2, 1, n, header.length).setValues(rows);
  return { host, sheetName: sheet.getName() };
}

/** The naive sync: each response cell read on its own, each review row appended on its own. */
function naiveSync(host: Host, responsesName: string): void {
  const spreadsheet = host.counter.wrap(host.spreadsheet, "Spreadsheet");
  const responses = spreadsheet.getSheetByName(responsesName);
  if (!responses) throw new Error(`Pas de feuille « ${responsesName} »`);
  const review = spreadsheet.insertSheet("Candidatures (naïf)");
  const lastRow = responses.getLastRow();
  const lastColumn = responses.getLastColumn();
  const header: unknown[] = [];
  for (let c = 1; c <= lastColumn; c++) header.push(responses.getRange(1, c).getValue());
  review.appendRow(["Statut", ...header]);
  for (let r = 2; r <= lastRow; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= lastColumn; c++) row.push(responses.getRange(r, c).getValue());
    review.appendRow(["À instruire", ...row]);
  }
}

export const CELLS_WRITTEN = "Sheets: écriture de cellules";

/** Service calls counted since the last reset, the cells written left out (a volume, not a call). */
export function callsOf(host: Host): number {
  return host.counter.total() - (host.counter.counts.get(CELLS_WRITTEN) ?? 0);
}

export function countsOf(host: Host): Record<string, number> {
  return Object.fromEntries([...host.counter.counts].sort(([a], [b]) => a.localeCompare(b)));
}

export function benchSync(n: number): SyncResult {
  const ours = hostWithResponses(n);
  ours.host.counter.reset();
  const run = bestOf(1, () => ours.host.runMenuItem("Synchroniser les candidatures"));
  const calls = callsOf(ours.host);
  const counts = countsOf(ours.host);
  const review = callById(CALL_ID).review.sheetName;
  const reviewRows = ours.host.values(review).length - 1;

  const naive = hostWithResponses(n);
  naive.host.counter.reset();
  const naiveRun = bestOf(1, () => naiveSync(naive.host, naive.sheetName));
  return {
    responses: n,
    calls,
    cellsWritten: ours.host.counter.counts.get(CELLS_WRITTEN) ?? 0,
    counts,
    reviewRows,
    ms: run.ms,
    naiveCalls: callsOf(naive.host),
    naiveCellsWritten: naive.host.counter.counts.get(CELLS_WRITTEN) ?? 0,
    naiveMs: naiveRun.ms,
  };
}
