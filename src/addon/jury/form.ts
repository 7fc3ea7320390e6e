/**
 * The jury's evaluation Google Form, built from the call's criteria. A rebuild updates the items
 * it made before (found by their ids in the jury's state), so evaluations already sent stay
 * attached to their questions; the list of applications is refreshed by each sync.
 */
import type { CallDefinition } from "../../core/intake/call-schema";
import {
  type EvaluationQuestion,
  evaluationFormTitle,
  evaluationQuestions,
  NO,
  YES,
} from "../../core/jury/evaluation-form";

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;

/** Forms refuses a list without choices: this one says why there is nothing to pick yet. */
export const NO_APPLICATION_YET = "(aucune candidature en instruction pour l'instant)";

function addItem(form: Form, q: EvaluationQuestion): Item {
  switch (q.kind) {
    case "application":
      return form.addListItem() as unknown as Item;
    case "conflict":
      return form.addMultipleChoiceItem() as unknown as Item;
    case "score":
      return form.addScaleItem() as unknown as Item;
    case "comment":
      return form.addParagraphTextItem() as unknown as Item;
  }
}

function existingItem(form: Form, id: number | undefined): Item | undefined {
  if (id === undefined) return undefined;
  try {
    return form.getItemById(id) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Sets the form up from the call; returns the item id of each question, by title. */
export function buildEvaluationForm(
  form: Form,
  call: CallDefinition,
  applicationChoices: readonly string[],
  previous: Readonly<Record<string, number>>,
): Record<string, number> {
  form
    .setTitle(evaluationFormTitle(call))
    .setDescription(
      `Évaluation des candidatures de l'appel « ${call.title} » par les membres du jury. ` +
        "Choisissez la candidature, déclarez un éventuel conflit d'intérêts, puis notez chaque critère. " +
        "Vous pouvez envoyer une nouvelle évaluation de la même candidature : la dernière compte.",
    )
    .setConfirmationMessage("Merci, votre évaluation est enregistrée.")
    .setCollectEmail(true);
  const ids: Record<string, number> = {};
  for (const q of evaluationQuestions(call)) {
    const item = existingItem(form, previous[q.title]) ?? addItem(form, q);
    ids[q.title] = item.getId();
    switch (q.kind) {
      case "application":
        item
          .asListItem()
          .setTitle(q.title)
          .setHelpText(q.help ?? "")
          .setRequired(q.required)
          .setChoiceValues(applicationChoices.length > 0 ? [...applicationChoices] : [NO_APPLICATION_YET]);
        break;
      case "conflict":
        item
          .asMultipleChoiceItem()
          .setTitle(q.title)
          .setHelpText(q.help ?? "")
          .setRequired(q.required)
          .setChoiceValues([YES, NO]);
        break;
      case "score":
        item
          .asScaleItem()
          .setTitle(q.title)
          .setHelpText(q.help ?? "")
          .setRequired(q.required)
          .setBounds(0, call.review.maxScore);
        break;
      case "comment":
        item.asParagraphTextItem().setTitle(q.title).setRequired(q.required);
        break;
    }
  }
  return ids;
}

/** Puts the current applications in the form's list. */
export function updateApplicationChoices(
  form: Form,
  applicationItemId: number | undefined,
  choices: readonly string[],
): void {
  const item = existingItem(form, applicationItemId);
  if (!item) return;
  item.asListItem().setChoiceValues(choices.length > 0 ? [...choices] : [NO_APPLICATION_YET]);
}
