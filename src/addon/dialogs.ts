/** Dialogs the menu actions share. */
import { InputError } from "../core/errors";

export interface DefinitionPrompt<T> {
  readonly title: string;
  readonly question: string;
  readonly defaultId: string;
  readonly byId: (id: string) => T;
  /** The alert for an id no definition has, from the catalogue's French error. */
  readonly unknown: (error: InputError) => { readonly title: string; readonly message: string };
}

/**
 * Asks for a definition (a convention, a call) by its id, the default when left blank.
 * Undefined when the user cancels, or names none that exists (then said in an alert).
 */
export function askForDefinition<T>(
  ui: GoogleAppsScript.Base.Ui,
  prompt: DefinitionPrompt<T>,
): T | undefined {
  const answer = ui.prompt(prompt.title, prompt.question, ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return undefined;
  try {
    return prompt.byId(answer.getResponseText().trim() || prompt.defaultId);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const alert = prompt.unknown(error);
    ui.alert(alert.title, alert.message, ui.ButtonSet.OK);
    return undefined;
  }
}
