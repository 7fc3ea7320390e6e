/** Forms the add-on makes and links to this spreadsheet: a call's application form, a jury's evaluation form. */

/** The form kept in the document's state, or a new one when there is none or it is gone. */
export function openOrCreateForm(
  formId: string | undefined,
  title: string,
  whose: string,
): GoogleAppsScript.Forms.Form {
  if (formId) {
    try {
      return FormApp.openById(formId);
    } catch {
      console.warn(`Formulaire ${formId} ${whose} introuvable : un nouveau est créé.`);
    }
  }
  return FormApp.create(title);
}

/** Makes the form write its responses to this spreadsheet, unless it already does. */
export function linkToSpreadsheet(
  form: GoogleAppsScript.Forms.Form,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): void {
  let destination: string | null = null;
  try {
    destination = form.getDestinationId();
  } catch {
    destination = null;
  }
  if (destination !== spreadsheet.getId()) {
    form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheet.getId());
    // The responses sheet Forms adds is then visible to getSheets().
    SpreadsheetApp.flush();
  }
}
