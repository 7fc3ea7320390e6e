/**
 * What the add-on remembers of each call's form, in the document's properties (one small JSON
 * value per call, far under the 9 KB per-value limit): the form, its items by question, the
 * responses sheet and the trigger.
 */
import * as z from "zod/mini";

const intakeStateSchema = z.object({
  formId: z.string(),
  /** Forms item id of each question, so a rebuild updates items instead of recreating them. */
  itemIds: z.record(z.string(), z.number()),
  /** The responses sheet's id (stable when the user renames the sheet). */
  responsesSheetId: z.optional(z.number()),
});

export type IntakeState = z.infer<typeof intakeStateSchema>;

const PREFIX = "lianes.appel.";

function propertyKey(callId: string): string {
  return `${PREFIX}${callId}`;
}

function parseState(text: string | null): IntakeState | undefined {
  if (!text) return undefined;
  try {
    const parsed = z.safeParse(intakeStateSchema, JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function readIntakeState(
  properties: GoogleAppsScript.Properties.Properties,
  callId: string,
): IntakeState | undefined {
  return parseState(properties.getProperty(propertyKey(callId)));
}

export function writeIntakeState(
  properties: GoogleAppsScript.Properties.Properties,
  callId: string,
  state: IntakeState,
): void {
  properties.setProperty(propertyKey(callId), JSON.stringify(state));
}

/** Every call that has a form in this document, with its state. */
export function allIntakeStates(
  properties: GoogleAppsScript.Properties.Properties,
): { callId: string; state: IntakeState }[] {
  return Object.entries(properties.getProperties()).flatMap(([k, text]) => {
    const state = k.startsWith(PREFIX) ? parseState(text) : undefined;
    return state ? [{ callId: k.slice(PREFIX.length), state }] : [];
  });
}
