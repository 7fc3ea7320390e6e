/**
 * An in-memory FormApp: forms with their items, validations, a linked responses sheet written
 * the way Forms writes it (`Horodateur`, `Adresse e-mail`, then one column per question by its
 * title, new questions appended at the right), and submissions that produce the spreadsheet
 * form-submit event (`values`, `namedValues`, `range`).
 */

import { MAX_CELL_CHARACTERS } from "./spreadsheet";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The developer metadata key of the fake's own column tracking (not the add-on's). */
const FORMS_COLUMN = "forms.colonne";

/** How Forms formats the `Horodateur` column of its responses sheet (fr_FR). */
const TIMESTAMP_FORMAT = "dd/mm/yyyy hh:mm:ss";

export const ItemType = {
  TEXT: "TEXT",
  PARAGRAPH_TEXT: "PARAGRAPH_TEXT",
  DATE: "DATE",
  MULTIPLE_CHOICE: "MULTIPLE_CHOICE",
  LIST: "LIST",
  CHECKBOX: "CHECKBOX",
  SCALE: "SCALE",
  SECTION_HEADER: "SECTION_HEADER",
} as const;
type ItemTypeName = (typeof ItemType)[keyof typeof ItemType];

export const DestinationType = { SPREADSHEET: "SPREADSHEET" } as const;

function notImplemented(what: string): never {
  throw new Error(`not implemented in the local host: ${what}`);
}

/** A validation as built by the builders: what it requires and its help text. */
export interface FakeValidation {
  readonly requirements: readonly string[];
  readonly helpText: string;
}

class ValidationBuilder {
  private readonly requirements: string[] = [];
  private helpText = "";
  private add(requirement: string): this {
    this.requirements.push(requirement);
    return this;
  }
  requireTextIsEmail() {
    return this.add("email");
  }
  requireNumber() {
    return this.add("number");
  }
  requireWholeNumber() {
    return this.add("wholeNumber");
  }
  requireNumberBetween(min: number, max: number) {
    return this.add(`between ${min} ${max}`);
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    return this.add(`>= ${n}`);
  }
  requireNumberLessThanOrEqualTo(n: number) {
    return this.add(`<= ${n}`);
  }
  requireTextMatchesPattern(pattern: string) {
    return this.add(`pattern ${pattern}`);
  }
  requireTextLengthLessThanOrEqualTo(n: number) {
    return this.add(`maxLength ${n}`);
  }
  requireSelectAtLeast(n: number) {
    return this.add(`atLeast ${n}`);
  }
  requireSelectAtMost(n: number) {
    return this.add(`atMost ${n}`);
  }
  setHelpText(text: string) {
    this.helpText = text;
    return this;
  }
  build(): FakeValidation {
    return { requirements: [...this.requirements], helpText: this.helpText };
  }
}

export class FakeItem {
  title = "";
  helpText = "";
  required = false;
  choices: string[] = [];
  validation: FakeValidation | undefined;
  bounds: [number, number] = [1, 5];
  labels: [string, string] = ["", ""];

  constructor(
    readonly form: FakeForm,
    private readonly id: number,
    private readonly type: ItemTypeName,
  ) {}

  getId() {
    return this.id;
  }
  getType() {
    return this.type;
  }
  getIndex() {
    return this.form.items.indexOf(this);
  }
  getTitle() {
    return this.title;
  }
  getHelpText() {
    return this.helpText;
  }
  setTitle(title: string) {
    this.title = title;
    return this;
  }
  setHelpText(text: string) {
    this.helpText = text;
    return this;
  }
  setRequired(required: boolean) {
    this.required = required;
    return this;
  }
  isRequired() {
    return this.required;
  }
  setChoiceValues(values: string[]) {
    this.choices = [...values];
    return this;
  }
  getChoices() {
    return this.choices.map((value) => ({ getValue: () => value }));
  }
  setValidation(validation: FakeValidation) {
    this.validation = validation;
    return this;
  }
  clearValidation() {
    this.validation = undefined;
    return this;
  }
  setBounds(low: number, high: number) {
    this.bounds = [low, high];
    return this;
  }
  setLabels(low: string, high: string) {
    this.labels = [low, high];
    return this;
  }
  private as(expected: ItemTypeName): this {
    if (this.type !== expected) throw new Error(`Item ${this.id} is a ${this.type}, not a ${expected}`);
    return this;
  }
  /** A text item's answer, for `Form.createResponse().withItemResponse(…)`. */
  createResponse(response: string) {
    return { item: this, response };
  }
  asTextItem() {
    return this.as(ItemType.TEXT);
  }
  asParagraphTextItem() {
    return this.as(ItemType.PARAGRAPH_TEXT);
  }
  asDateItem() {
    return this.as(ItemType.DATE);
  }
  asMultipleChoiceItem() {
    return this.as(ItemType.MULTIPLE_CHOICE);
  }
  asListItem() {
    return this.as(ItemType.LIST);
  }
  asCheckboxItem() {
    return this.as(ItemType.CHECKBOX);
  }
  asScaleItem() {
    return this.as(ItemType.SCALE);
  }
}

export interface FakeSubmission {
  /** Answers by item title: text, a list for checkboxes, a Date for date items. */
  readonly answers: Readonly<Record<string, string | readonly string[] | Date>>;
  readonly email: string;
  readonly timestamp: Date;
}

/** A stored form response, as FormResponse gives it (id, timestamp, e-mail, answers by item). */
export class FakeFormResponse {
  constructor(
    private readonly id: string,
    private readonly timestamp: Date,
    private readonly email: string,
    private readonly answers: readonly {
      readonly item: FakeItem;
      readonly response: string | readonly string[];
    }[],
  ) {}
  getId() {
    return this.id;
  }
  getTimestamp() {
    return new Date(this.timestamp.getTime());
  }
  /** "" when the form does not collect e-mails, as in Apps Script. */
  getRespondentEmail() {
    return this.email;
  }
  getItemResponses() {
    return this.answers.map((a) => ({ getItem: () => a.item, getResponse: () => a.response }));
  }
}

export class FakeForm {
  readonly items: FakeItem[] = [];
  /** Every response received and not deleted, oldest first (Forms keeps them, whatever the sheet). */
  readonly responses: FakeFormResponse[] = [];
  title: string;
  description = "";
  confirmationMessage = "";
  collectEmail = false;
  allowResponseEdits = true;
  progressBar = false;
  destinationId: string | undefined;
  responsesSheet: Sheet | undefined;

  constructor(
    private readonly app: FakeFormApp,
    private readonly id: string,
    title: string,
  ) {
    this.title = title;
  }

  getId() {
    return this.id;
  }
  getTitle() {
    return this.title;
  }
  getEditUrl() {
    return `https://docs.google.com/forms/d/${this.id}/edit`;
  }
  getPublishedUrl() {
    return `https://docs.google.com/forms/d/e/${this.id}/viewform`;
  }
  setTitle(title: string) {
    this.title = title;
    return this;
  }
  setDescription(text: string) {
    this.description = text;
    return this;
  }
  getDescription() {
    return this.description;
  }
  setConfirmationMessage(text: string) {
    this.confirmationMessage = text;
    return this;
  }
  setCollectEmail(collect: boolean) {
    this.collectEmail = collect;
    return this;
  }
  collectsEmail() {
    return this.collectEmail;
  }
  setAllowResponseEdits(allow: boolean) {
    this.allowResponseEdits = allow;
    return this;
  }
  setProgressBar(show: boolean) {
    this.progressBar = show;
    return this;
  }
  getItems(type?: string) {
    return this.items.filter((i) => type === undefined || i.getType() === type);
  }
  getItemById(id: number) {
    return this.items.find((i) => i.getId() === id) ?? null;
  }
  private addItem(type: ItemTypeName) {
    const item = new FakeItem(this, this.app.nextItemId(), type);
    this.items.push(item);
    return item;
  }
  addTextItem() {
    return this.addItem(ItemType.TEXT);
  }
  addParagraphTextItem() {
    return this.addItem(ItemType.PARAGRAPH_TEXT);
  }
  addDateItem() {
    return this.addItem(ItemType.DATE);
  }
  addMultipleChoiceItem() {
    return this.addItem(ItemType.MULTIPLE_CHOICE);
  }
  addListItem() {
    return this.addItem(ItemType.LIST);
  }
  addCheckboxItem() {
    return this.addItem(ItemType.CHECKBOX);
  }
  addScaleItem() {
    return this.addItem(ItemType.SCALE);
  }
  addSectionHeaderItem() {
    return this.addItem(ItemType.SECTION_HEADER);
  }
  deleteItem(item: FakeItem | number) {
    const index = typeof item === "number" ? item : this.items.indexOf(item);
    if (index < 0 || index >= this.items.length) throw new Error("Invalid item");
    this.items.splice(index, 1);
  }
  moveItem(item: FakeItem | number, to: number) {
    const from = typeof item === "number" ? item : this.items.indexOf(item);
    const [moved] = this.items.splice(from, 1);
    if (!moved) throw new Error("Invalid item");
    this.items.splice(to, 0, moved);
    return moved;
  }
  /** The responses, or those received at or after `timestamp` (Form.getResponses(timestamp)). */
  getResponses(timestamp?: Date) {
    const from = timestamp?.getTime() ?? Number.NEGATIVE_INFINITY;
    return this.responses.filter((r) => r.getTimestamp().getTime() >= from);
  }
  getResponse(id: string) {
    const found = this.responses.find((r) => r.getId() === id);
    if (!found) throw new Error(`Aucune réponse ne correspond à l'ID fourni : ${id}`);
    return found;
  }
  /** Deletes one response from the form (the responses sheet keeps its row, as with Forms). */
  deleteResponse(id: string) {
    const index = this.responses.findIndex((r) => r.getId() === id);
    if (index < 0) throw new Error(`Aucune réponse ne correspond à l'ID fourni : ${id}`);
    this.responses.splice(index, 1);
    return this;
  }
  /** Deletes every response from the form (the responses sheet keeps its rows, as with Forms). */
  deleteAllResponses() {
    this.responses.splice(0);
    return this;
  }
  /**
   * A response made by the script: `withItemResponse(item.createResponse(text))`, then `submit()`.
   * Written to the responses sheet when the form is linked, as Forms does.
   */
  createResponse() {
    const answers: { item: FakeItem; response: string }[] = [];
    const builder = {
      withItemResponse: (answer: { item: FakeItem; response: string }) => {
        answers.push(answer);
        return builder;
      },
      submit: () => {
        const timestamp = new Date();
        if (this.responsesSheet) {
          this.submit({
            answers: Object.fromEntries(answers.map((a) => [a.item.title, a.response])),
            email: "",
            timestamp,
          });
          return this.responses.at(-1) as FakeFormResponse;
        }
        const response = new FakeFormResponse(this.app.nextResponseId(), timestamp, "", answers);
        this.responses.push(response);
        return response;
      },
    };
    return builder;
  }
  /** Unlinks the form: its responses sheet stays in the workbook, no longer linked. */
  removeDestination() {
    if (this.responsesSheet) this.app.unlinkSheet(this.responsesSheet);
    this.destinationId = undefined;
    this.responsesSheet = undefined;
    return this;
  }
  getDestinationId() {
    if (!this.destinationId) throw new Error("Ce formulaire n'a pas de destination.");
    return this.destinationId;
  }
  getDestinationType() {
    return this.destinationId ? DestinationType.SPREADSHEET : null;
  }

  /** Links responses to a spreadsheet: Forms adds a new sheet `Réponses au formulaire N`. */
  setDestination(type: string, spreadsheetId: string) {
    if (type !== DestinationType.SPREADSHEET) notImplemented(`Form.setDestination(${type})`);
    const spreadsheet = this.app.spreadsheet();
    if (spreadsheet.getId() !== spreadsheetId) throw new Error(`Spreadsheet ${spreadsheetId} not found`);
    this.destinationId = spreadsheetId;
    const taken = new Set(spreadsheet.getSheets().map((s) => s.getName()));
    let n = 1;
    while (taken.has(`Réponses au formulaire ${n}`)) n++;
    this.responsesSheet = spreadsheet.insertSheet(`Réponses au formulaire ${n}`, 0);
    this.app.linkSheet(this.responsesSheet, this);
    this.writeHeader();
    return this;
  }

  private questionItems() {
    return this.items.filter((i) => i.getType() !== ItemType.SECTION_HEADER);
  }

  /**
   * The column Forms writes each title to. Forms keeps track of its columns: a user who moves
   * or renames one does not change where answers go; a new question gets a new column at the end.
   */
  private writeHeader(): Map<string, number> {
    const sheet = this.responsesSheet;
    const columns = new Map<string, number>();
    if (!sheet) return columns;
    for (const m of sheet.createDeveloperMetadataFinder().withKey(FORMS_COLUMN).find()) {
      const column = m.getLocation().getColumn();
      if (column) columns.set(m.getValue() ?? "", column.getColumn());
    }
    const titles = [
      "Horodateur",
      ...(this.collectEmail ? ["Adresse e-mail"] : []),
      ...this.questionItems().map((i) => i.title),
    ];
    for (const title of titles) {
      if (columns.has(title)) continue;
      const column = sheet.getLastColumn() + 1;
      sheet.getRange(1, column).setValue(title);
      sheet.getRange(1, column, sheet.getMaxRows(), 1).addDeveloperMetadata(FORMS_COLUMN, title);
      columns.set(title, column);
    }
    return columns;
  }

  /** A respondent submits the form: one row in the responses sheet, and the trigger's event. */
  submit(submission: FakeSubmission): GoogleAppsScript.Events.SheetsOnFormSubmit {
    const sheet = this.responsesSheet;
    if (!sheet) throw new Error("Ce formulaire n'est lié à aucune feuille.");
    const columns = this.writeHeader();
    const cell = (title: string): string | Date => {
      if (title === "Horodateur") return submission.timestamp;
      const answer = title === "Adresse e-mail" ? submission.email : submission.answers[title];
      if (answer === undefined) return "";
      const value = Array.isArray(answer) ? answer.join(", ") : (answer as string | Date);
      // Forms stores answers as values: text that looks like a formula (or starts with an
      // apostrophe, which the sheet would swallow) stays text, exactly as typed.
      if (typeof value !== "string") return value;
      // A cell holds 50 000 characters: what Forms writes of a longer answer is assumed cut there.
      const literal = /^['=+\-@]/.test(value);
      const fitted = value.slice(0, MAX_CELL_CHARACTERS - (literal ? 1 : 0));
      return literal ? `'${fitted}` : fitted;
    };
    const width = sheet.getLastColumn();
    const titles: string[] = Array.from({ length: width }, () => "");
    const row: (string | Date)[] = Array.from({ length: width }, () => "");
    for (const [title, column] of columns) {
      titles[column - 1] = title;
      row[column - 1] = cell(title);
    }
    this.responses.push(
      new FakeFormResponse(
        this.app.nextResponseId(),
        submission.timestamp,
        this.collectEmail ? submission.email : "",
        this.questionItems().flatMap((item) => {
          const answer = submission.answers[item.title];
          if (answer === undefined || answer === "") return [];
          const response = answer instanceof Date ? answer.toISOString().slice(0, 10) : answer;
          return [{ item, response: typeof response === "string" ? response : [...response] }];
        }),
      ),
    );
    const rowNumber = sheet.getLastRow() + 1;
    // Forms grows its sheet as responses come.
    if (rowNumber > sheet.getMaxRows())
      sheet.insertRowsAfter(sheet.getMaxRows(), rowNumber - sheet.getMaxRows());
    sheet.getRange(rowNumber, 1, 1, row.length).setValues([row]);
    // Forms shows its timestamp with the seconds, in the spreadsheet's time zone.
    const stamped = columns.get("Horodateur");
    if (stamped) sheet.getRange(rowNumber, stamped).setNumberFormat(TIMESTAMP_FORMAT);
    return this.app.eventFor(sheet, rowNumber, titles, row);
  }
}

/** Formats a response cell as the event's `values` carry it: text, dates as Forms writes them. */
function eventText(value: string | Date): string {
  if (typeof value === "string") return value;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(value.getDate())}/${p(value.getMonth() + 1)}/${value.getFullYear()} ${p(value.getHours())}:${p(
    value.getMinutes(),
  )}:${p(value.getSeconds())}`;
}

export class FakeFormApp {
  readonly ItemType = ItemType;
  readonly DestinationType = DestinationType;
  readonly forms = new Map<string, FakeForm>();
  private readonly linked = new Map<Sheet, FakeForm>();
  private itemCounter = 1000;
  private formCounter = 0;
  private responseCounter = 0;

  constructor(private readonly spreadsheetOf: () => Spreadsheet) {}

  spreadsheet(): Spreadsheet {
    return this.spreadsheetOf();
  }
  nextItemId(): number {
    this.itemCounter += 1;
    return this.itemCounter;
  }
  nextResponseId(): string {
    this.responseCounter += 1;
    return `reponse-${this.responseCounter}`;
  }
  linkSheet(sheet: Sheet, form: FakeForm): void {
    this.linked.set(sheet, form);
  }
  unlinkSheet(sheet: Sheet): void {
    this.linked.delete(sheet);
  }
  /** The form linked to a sheet, for the fake Sheet's getFormUrl. */
  formOfSheet(sheet: Sheet): FakeForm | undefined {
    return this.linked.get(sheet);
  }

  create(title: string) {
    this.formCounter += 1;
    const form = new FakeForm(this, `form-${this.formCounter}`, title);
    this.forms.set(form.getId(), form);
    return form;
  }
  openById(id: string) {
    const form = this.forms.get(id);
    if (!form) throw new Error(`Aucun élément ne correspond à l'ID fourni : ${id}`);
    return form;
  }
  createTextValidation() {
    return new ValidationBuilder();
  }
  createParagraphTextValidation() {
    return new ValidationBuilder();
  }
  createCheckboxValidation() {
    return new ValidationBuilder();
  }
  getActiveForm(): never {
    return notImplemented("FormApp.getActiveForm (the add-on is bound to a spreadsheet)");
  }

  eventFor(
    sheet: Sheet,
    row: number,
    header: readonly string[],
    cells: readonly (string | Date)[],
  ): GoogleAppsScript.Events.SheetsOnFormSubmit {
    const values = cells.map((c) => eventText(typeof c === "string" ? c.replace(/^'/, "") : c));
    const namedValues: Record<string, string[]> = {};
    header.forEach((title, i) => {
      namedValues[title] = [values[i] ?? ""];
    });
    return {
      authMode: "FULL",
      range: sheet.getRange(row, 1, 1, cells.length),
      source: this.spreadsheet(),
      triggerUid: "trigger-form-submit",
      values,
      namedValues,
    } as unknown as GoogleAppsScript.Events.SheetsOnFormSubmit;
  }
}
