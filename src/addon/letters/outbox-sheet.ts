/**
 * The sheet `Courriers`: one row per letter (N°, Appel, Événement, Destinataire, Objet, Texte,
 * Statut, Envoyer). Rows are appended in one write; a row's status becomes `envoyé le …` as
 * soon as its message has gone.
 */
import {
  eventByLabel,
  eventLabel,
  letterId,
  type OutboxRow,
  type PlannedLetter,
  TO_REVIEW,
} from "../../core/letters";
import { asText } from "../../planning/sheet-layout";
import { ensureRows } from "../intake/review-sheet";

export const OUTBOX_SHEET = "Courriers";
export const OUTBOX_HEADERS = [
  "N°",
  "Appel",
  "Événement",
  "Destinataire",
  "Objet",
  "Texte",
  "Statut",
  "Envoyer",
];
export const COLUMN = {
  number: 1,
  call: 2,
  event: 3,
  recipient: 4,
  subject: 5,
  body: 6,
  status: 7,
  send: 8,
} as const;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function outboxSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheet {
  const existing = spreadsheet.getSheetByName(OUTBOX_SHEET);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(OUTBOX_SHEET);
  const header = sheet.getRange(1, 1, 1, OUTBOX_HEADERS.length);
  header.setValues([OUTBOX_HEADERS]);
  header.setFontWeight("bold");
  header.setBackground("#e8f0f4");
  [50, 100, 120, 220, 300, 520, 170, 70].forEach((w, i) => {
    sheet.setColumnWidth(i + 1, w);
  });
  sheet.setFrozenRows(1);
  return sheet;
}

export interface OutboxReading {
  readonly rows: readonly (OutboxRow & { readonly id: string })[];
  /** `letterId` of every row: no second row for the same application and event. */
  readonly ids: ReadonlySet<string>;
}

export function readOutbox(sheet: Sheet): OutboxReading {
  const last = sheet.getLastRow();
  if (last < 2) return { rows: [], ids: new Set() };
  const values = sheet.getRange(2, 1, last - 1, OUTBOX_HEADERS.length).getValues();
  const rows = values.flatMap((v, i) => {
    const text = (c: number) => String(v[c - 1] ?? "");
    if (text(COLUMN.number).trim() === "" && text(COLUMN.recipient).trim() === "") return [];
    const event = eventByLabel(text(COLUMN.event))?.id ?? text(COLUMN.event);
    return [
      {
        id: letterId(text(COLUMN.call).trim(), text(COLUMN.number).trim(), event),
        row: i + 2,
        recipient: text(COLUMN.recipient),
        subject: text(COLUMN.subject),
        body: text(COLUMN.body),
        status: text(COLUMN.status),
        ticked: v[COLUMN.send - 1] === true,
      },
    ];
  });
  return { rows, ids: new Set(rows.map((r) => r.id)) };
}

/** Appends the letters under the last row, in one write, each with an unticked « Envoyer » box. */
export function appendLetters(sheet: Sheet, letters: readonly PlannedLetter[]): void {
  if (letters.length === 0) return;
  const start = Math.max(sheet.getLastRow(), 1) + 1;
  // Sheets writes only inside the grid (1 000 rows for a new sheet): grow it first.
  ensureRows(sheet, start + letters.length - 1);
  const range = sheet.getRange(start, 1, letters.length, OUTBOX_HEADERS.length);
  range.setValues(
    letters.map((l) => [
      l.number,
      l.callId,
      eventLabel(l.event),
      asText(l.recipient),
      asText(l.subject),
      asText(l.body),
      TO_REVIEW,
      false,
    ]),
  );
  sheet.getRange(start, COLUMN.body, letters.length, 1).setWrap(true);
  sheet
    .getRange(start, COLUMN.send, letters.length, 1)
    .setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
}

/** A letter's row whose recipient, subject and body hold personal data, as they were read. */
export interface OutboxLetterCells {
  readonly row: number;
  /** Destinataire, Objet, Texte. */
  readonly before: readonly string[];
}

/** The rows of `Courriers` of one application (call and N°): what an erasure (RGPD) replaces. */
export function outboxRowsOf(sheet: Sheet, callId: string, number: unknown): OutboxLetterCells[] {
  const last = sheet.getLastRow();
  if (last < 2) return [];
  return sheet
    .getRange(2, 1, last - 1, COLUMN.body)
    .getValues()
    .flatMap((v, i) =>
      String(v[COLUMN.call - 1] ?? "").trim() === callId && String(v[COLUMN.number - 1]) === String(number)
        ? [
            {
              row: i + 2,
              before: [v[COLUMN.recipient - 1], v[COLUMN.subject - 1], v[COLUMN.body - 1]].map((c) =>
                String(c ?? ""),
              ),
            },
          ]
        : [],
    );
}

/** Writes the erasure mention over a letter's recipient, subject and body. */
export function eraseOutboxRow(sheet: Sheet, letter: OutboxLetterCells, marker: string): () => void {
  const range = sheet.getRange(letter.row, COLUMN.recipient, 1, 3);
  range.setValues([[asText(marker), asText(marker), asText(marker)]]);
  return () => range.setValues([letter.before.map((v) => asText(v))]);
}
