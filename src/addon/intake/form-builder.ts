/**
 * Builds a call's Google Form from its definition. A rebuild updates the items it made before
 * (found by the ids kept in the document's properties) rather than recreating them, so the
 * responses already collected stay attached to their questions.
 */
import type { CallDefinition, QuestionDefinition, ValidationDefinition } from "../../core/intake/call-schema";
import { choicesOf } from "../../core/intake/calls";

type Forms = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;

const YES_NO = ["Oui", "Non"];

/** The Forms item type each question type is built as. */
function itemTypeOf(q: QuestionDefinition): GoogleAppsScript.Forms.ItemType {
  const T = FormApp.ItemType;
  switch (q.type) {
    case "shortText":
    case "email":
    case "number":
      return T.TEXT;
    case "paragraph":
      return T.PARAGRAPH_TEXT;
    case "date":
      return T.DATE;
    case "singleChoice":
    case "yesNo":
      return T.MULTIPLE_CHOICE;
    case "dropdown":
      return T.LIST;
    case "checkboxes":
      return T.CHECKBOX;
    case "scale":
      return T.SCALE;
  }
}

function addItem(form: Forms, q: QuestionDefinition): Item {
  switch (itemTypeOf(q)) {
    case FormApp.ItemType.TEXT:
      return form.addTextItem() as unknown as Item;
    case FormApp.ItemType.PARAGRAPH_TEXT:
      return form.addParagraphTextItem() as unknown as Item;
    case FormApp.ItemType.DATE:
      return form.addDateItem() as unknown as Item;
    case FormApp.ItemType.MULTIPLE_CHOICE:
      return form.addMultipleChoiceItem() as unknown as Item;
    case FormApp.ItemType.LIST:
      return form.addListItem() as unknown as Item;
    case FormApp.ItemType.CHECKBOX:
      return form.addCheckboxItem() as unknown as Item;
    default:
      return form.addScaleItem() as unknown as Item;
  }
}

function textValidation(q: QuestionDefinition, v: ValidationDefinition | undefined) {
  const builder = FormApp.createTextValidation();
  if (q.type === "email") return builder.requireTextIsEmail().setHelpText("Adresse e-mail invalide.").build();
  if (!v) return q.type === "number" ? builder.requireNumber().setHelpText("Un nombre.").build() : undefined;
  switch (v.kind) {
    case "numberRange": {
      const b =
        v.min !== undefined && v.max !== undefined
          ? builder.requireNumberBetween(v.min, v.max)
          : v.min !== undefined
            ? builder.requireNumberGreaterThanOrEqualTo(v.min)
            : v.max !== undefined
              ? builder.requireNumberLessThanOrEqualTo(v.max)
              : v.integer
                ? builder.requireWholeNumber()
                : builder.requireNumber();
      return b.setHelpText(v.message).build();
    }
    case "pattern":
      return builder.requireTextMatchesPattern(v.pattern).setHelpText(v.message).build();
    case "maxLength":
      return builder.requireTextLengthLessThanOrEqualTo(v.max).setHelpText(v.message).build();
    case "selectCount":
      return undefined;
  }
}

/** Sets everything a question defines on its item. */
function configure(item: Item, q: QuestionDefinition): void {
  item.setTitle(q.label).setHelpText(q.help ?? "");
  switch (q.type) {
    case "shortText":
    case "email":
    case "number": {
      const text = item.asTextItem().setRequired(q.required);
      const validation = textValidation(q, q.validation);
      if (validation) text.setValidation(validation);
      else text.clearValidation();
      return;
    }
    case "paragraph": {
      const paragraph = item.asParagraphTextItem().setRequired(q.required);
      const v = q.validation;
      if (v?.kind === "maxLength") {
        paragraph.setValidation(
          FormApp.createParagraphTextValidation()
            .requireTextLengthLessThanOrEqualTo(v.max)
            .setHelpText(v.message)
            .build(),
        );
      } else paragraph.clearValidation();
      return;
    }
    case "date":
      item.asDateItem().setRequired(q.required);
      return;
    case "singleChoice":
      item
        .asMultipleChoiceItem()
        .setChoiceValues([...choicesOf(q)])
        .setRequired(q.required);
      return;
    case "yesNo":
      item.asMultipleChoiceItem().setChoiceValues(YES_NO).setRequired(q.required);
      return;
    case "dropdown":
      item
        .asListItem()
        .setChoiceValues([...choicesOf(q)])
        .setRequired(q.required);
      return;
    case "checkboxes": {
      const boxes = item
        .asCheckboxItem()
        .setChoiceValues([...choicesOf(q)])
        .setRequired(q.required);
      const v = q.validation;
      if (v?.kind === "selectCount") {
        let builder = FormApp.createCheckboxValidation();
        if (v.min !== undefined) builder = builder.requireSelectAtLeast(v.min);
        if (v.max !== undefined) builder = builder.requireSelectAtMost(v.max);
        boxes.setValidation(builder.setHelpText(v.message).build());
      } else boxes.clearValidation();
      return;
    }
    case "scale": {
      const s = q.scale ?? { low: 1, high: 5 };
      item
        .asScaleItem()
        .setBounds(s.low, s.high)
        .setLabels(s.lowLabel ?? "", s.highLabel ?? "")
        .setRequired(q.required);
      return;
    }
  }
}

/**
 * Makes the form's items match the call's questions, in order. Returns the item id of each
 * question. Items of questions the definition no longer has are deleted (their answers stay
 * in the responses sheet).
 */
export function buildFormItems(
  form: Forms,
  call: CallDefinition,
  previousItemIds: Readonly<Record<string, number>>,
): Record<string, number> {
  form
    .setTitle(call.title)
    .setDescription(call.description)
    .setConfirmationMessage(call.confirmationMessage)
    .setCollectEmail(true)
    .setAllowResponseEdits(false)
    .setProgressBar(true);
  const itemIds: Record<string, number> = {};
  const kept = new Set<number>();
  call.questions.forEach((q, index) => {
    const previousId = previousItemIds[q.id];
    const previous = previousId === undefined ? null : form.getItemById(previousId);
    let item: Item;
    if (previous && previous.getType() === itemTypeOf(q)) {
      item = previous;
    } else {
      if (previous) form.deleteItem(previous);
      item = addItem(form, q);
    }
    configure(item, q);
    if (item.getIndex() !== index) form.moveItem(item, index);
    itemIds[q.id] = item.getId();
    kept.add(item.getId());
  });
  for (const [questionId, id] of Object.entries(previousItemIds)) {
    if (itemIds[questionId] !== undefined || kept.has(id)) continue;
    const stale = form.getItemById(id);
    if (stale) form.deleteItem(stale);
  }
  return itemIds;
}
