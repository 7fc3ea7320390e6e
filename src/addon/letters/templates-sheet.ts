/**
 * The sheet `Modèles de courriers`: one row per event (Événement, Appel, Objet, Texte), then the
 * signature. A row with a call in `Appel` replaces the common one (blank `Appel`) for that call's
 * letters. Created with the shipped texts the first time letters are prepared; staff edit it.
 */
import type { CallDefinition } from "../../core/intake/call-schema";
import { CALL_IDS } from "../../core/intake/calls";
import {
  DEFAULT_SIGNATURE,
  DEFAULT_TEMPLATES,
  eventByLabel,
  eventLabel,
  LETTER_EVENTS,
  type LetterTemplate,
  PLACEHOLDERS,
  templateProblemList,
} from "../../core/letters";
import { asText, type SheetLayout } from "../../planning/sheet-layout";
import { writeLayout } from "../sheets";

export const TEMPLATES_SHEET = "Modèles de courriers";
const SIGNATURE_LABEL = "Signature";
const HELP_LABEL = "Champs possibles";

export function templatesLayout(): SheetLayout {
  const rows = DEFAULT_TEMPLATES.map((t) => [
    eventLabel(t.event),
    t.callId ?? "",
    asText(t.subject),
    asText(t.body),
  ]);
  const signatureRow = rows.length + 3;
  return {
    name: TEMPLATES_SHEET,
    blocks: [
      {
        row: 1,
        column: 1,
        values: [["Événement", "Appel (vide : tous)", "Objet", "Texte"]],
        bold: true,
        background: "#e8f0f4",
      },
      { row: 2, column: 1, values: rows, wrap: true },
      { row: signatureRow, column: 1, values: [[SIGNATURE_LABEL, "", asText(DEFAULT_SIGNATURE), ""]] },
      {
        row: signatureRow + 1,
        column: 1,
        values: [
          [
            HELP_LABEL,
            "",
            `${PLACEHOLDERS.map((p) => `{${p}}`).join(" ")} et l'identifiant de toute question de l'appel, ` +
              "par exemple {projetTitre} (une question propre à un appel : dans une ligne de cet appel)",
            "",
          ],
        ],
        wrap: true,
      },
    ],
    columnWidths: [150, 110, 320, 620],
    frozenRows: 1,
  };
}

export interface TemplatesReading {
  readonly templates: readonly LetterTemplate[];
  readonly signature: string;
  /** Rows that name no event, in French. */
  readonly problems: readonly string[];
  /** True when the sheet was just created with the shipped texts. */
  readonly created: boolean;
}

/** Reads the templates, creating the sheet with the shipped texts if it is missing. */
export function readTemplates(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): TemplatesReading {
  let sheet = spreadsheet.getSheetByName(TEMPLATES_SHEET);
  let created = false;
  if (!sheet) {
    sheet = spreadsheet.insertSheet(TEMPLATES_SHEET);
    writeLayout(sheet, templatesLayout());
    created = true;
  }
  return { ...templatesFromValues(sheet.getDataRange().getValues()), created };
}

export function templatesFromValues(
  values: readonly (readonly unknown[])[],
): Omit<TemplatesReading, "created"> & { readonly rows: ReadonlyMap<string, number> } {
  const templates: LetterTemplate[] = [];
  const rows = new Map<string, number>();
  const problems: string[] = [];
  let signature = "";
  values.slice(1).forEach((row, i) => {
    const [label, callText, subject, body] = row.map((v) => String(v ?? ""));
    if ((label ?? "").trim() === "" || label === HELP_LABEL) return;
    if (label === SIGNATURE_LABEL) {
      signature = subject ?? "";
      return;
    }
    const callId = (callText ?? "").trim().toUpperCase() || undefined;
    if (callId !== undefined && !CALL_IDS.includes(callId)) {
      problems.push(
        `${TEMPLATES_SHEET}, B${i + 2} : appel inconnu « ${callText} » — appels : ${CALL_IDS.join(", ")} ` +
          "(vide : tous les appels)",
      );
      return;
    }
    const event = eventByLabel(label);
    if (!event) {
      problems.push(
        `${TEMPLATES_SHEET}, ligne ${i + 2} : événement inconnu « ${label} » — attendu : ` +
          `${LETTER_EVENTS.map((e) => e.label).join(", ")}`,
      );
      return;
    }
    if (templates.some((t) => t.event === event.id && t.callId === callId)) {
      problems.push(
        `${TEMPLATES_SHEET}, ligne ${i + 2} : deuxième modèle « ${event.label} »${callId ? ` pour ${callId}` : ""}`,
      );
      return;
    }
    templates.push({
      event: event.id,
      subject: subject ?? "",
      body: body ?? "",
      ...(callId ? { callId } : {}),
    });
    rows.set(`${event.id}|${callId ?? ""}`, i + 2);
  });
  return { templates, signature, problems, rows };
}

/**
 * The settings check of `Modèles de courriers` (pure: the sheet's values in): every problem
 * with its cell, `Modèles de courriers, D4 : Modèle « Retenue » (texte) : champ inconnu {x} — …`,
 * checked against each call given (those with a form in the workbook).
 */
export function checkTemplatesSheet(
  values: readonly (readonly unknown[])[],
  calls: readonly CallDefinition[],
): string[] {
  const reading = templatesFromValues(values);
  const problems = [...reading.problems];
  for (const call of calls) {
    for (const p of templateProblemList(reading.templates, call)) {
      const cell = `${p.part === "objet" ? "C" : "D"}${reading.rows.get(`${p.event}|${p.callId ?? ""}`) ?? "?"}`;
      const line = `${TEMPLATES_SHEET}, ${cell} : ${p.message}`;
      if (!problems.includes(line)) problems.push(line);
    }
  }
  return problems;
}
