/**
 * What the add-on remembers of a call's jury, in the document's properties: the evaluation
 * form, its items (so a rebuild updates them), and the sheet its responses land in.
 */
import * as z from "zod/mini";
import { parseStoredJson } from "../stored-json";

const juryStateSchema = z.object({
  formId: z.string(),
  /** Forms item id of each question, by its title. */
  itemIds: z.record(z.string(), z.number()),
  responsesSheetId: z.optional(z.number()),
});

export type JuryState = z.infer<typeof juryStateSchema>;

const PREFIX = "lianes.jury.";

export function readJuryState(
  properties: GoogleAppsScript.Properties.Properties,
  callId: string,
): JuryState | undefined {
  return parseStoredJson(juryStateSchema, properties.getProperty(`${PREFIX}${callId}`));
}

export function writeJuryState(
  properties: GoogleAppsScript.Properties.Properties,
  callId: string,
  state: JuryState,
): void {
  properties.setProperty(`${PREFIX}${callId}`, JSON.stringify(state));
}

/** Every call that has a jury here, from the properties read (`getProperties()`). */
export function allJuryStates(
  stored: Readonly<Record<string, string>>,
): { callId: string; state: JuryState }[] {
  return Object.entries(stored).flatMap(([k, text]) => {
    const state = k.startsWith(PREFIX) ? parseStoredJson(juryStateSchema, text) : undefined;
    return state ? [{ callId: k.slice(PREFIX.length), state }] : [];
  });
}
