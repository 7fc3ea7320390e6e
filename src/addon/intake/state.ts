/**
 * What the add-on remembers of each call's form, in the document's properties (one small JSON
 * value per call, far under the 9 KB per-value limit): the form, its items by question, the
 * responses sheet and the trigger.
 */
import * as z from "zod/mini";
import { InputError } from "../../core/errors";
import { parseStoredJson } from "../stored-json";

const intakeStateSchema = z.object({
  formId: z.string(),
  /** Forms item id of each question, so a rebuild updates items instead of recreating them. */
  itemIds: z.record(z.string(), z.number()),
  /** The responses sheet's id (stable when the user renames the sheet). */
  responsesSheetId: z.optional(z.number()),
  /**
   * The questions marked personal (RGPD) when the form was built: once responses exist, these
   * marks no longer change for the call (an erased response is known by its erased fields).
   */
  personal: z.optional(z.array(z.string())),
  /** Built from the workbook's sheet `Appel <id>` (read again at each sync), not a shipped template. */
  fromSheet: z.optional(z.boolean()),
});

export type IntakeState = z.infer<typeof intakeStateSchema>;

const PREFIX = "lianes.appel.";

function propertyKey(callId: string): string {
  return `${PREFIX}${callId}`;
}

function parseState(text: string | null): IntakeState | undefined {
  return parseStoredJson(intakeStateSchema, text);
}

export function readIntakeState(
  properties: GoogleAppsScript.Properties.Properties,
  callId: string,
): IntakeState | undefined {
  return parseState(properties.getProperty(propertyKey(callId)));
}

/** The UTF-8 size of a text, which the properties' quota counts (Apps Script has no TextEncoder). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Apps Script refuses a property value over 9 KB; this one stays far below (≈ 40 bytes a question). */
export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;

export function writeIntakeState(
  properties: GoogleAppsScript.Properties.Properties,
  callId: string,
  state: IntakeState,
): void {
  const text = JSON.stringify(state);
  const bytes = utf8Length(text);
  if (bytes > PROPERTY_VALUE_LIMIT_BYTES) {
    throw new InputError(
      `Formulaire de l'appel ${callId} trop grand pour être mémorisé (${bytes} octets, au plus ` +
        `${PROPERTY_VALUE_LIMIT_BYTES}) : réduisez le nombre de questions.`,
    );
  }
  properties.setProperty(propertyKey(callId), text);
}

/** Every call that has a form in this document, with its state, from the properties read (`getProperties()`). */
export function allIntakeStates(
  stored: Readonly<Record<string, string>>,
): { callId: string; state: IntakeState }[] {
  return Object.entries(stored).flatMap(([k, text]) => {
    const state = k.startsWith(PREFIX) ? parseState(text) : undefined;
    return state ? [{ callId: k.slice(PREFIX.length), state }] : [];
  });
}
