/**
 * The local host: the real built bundle (build/*.js) running on this machine against in-memory
 * Apps Script services. Used by `npm start`, the integration tests and the benchmark.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HyperFormula } from "hyperformula";
import { BUILD_DIR, type BundleGlobals, loadBundle } from "./bundle";
import { CallCounter } from "./counter";
import { type FunctionContext, registerCustomFunctions } from "./custom-functions";
import { FakeDocumentApp, FakeDriveApp } from "./documents";
import { DestinationType, type FakeForm, FakeFormApp, type FakeSubmission, ItemType } from "./forms";
import { FakeMailApp } from "./mail";
import {
  createHtmlService,
  ExecutionLog,
  FakeCache,
  FakeLock,
  FakeProperties,
  FakeScriptApp,
  FakeUi,
  fakeUtilities,
  menuItems,
  type ScriptedAnswer,
} from "./services";
import { createSpreadsheetApp, FakeSpreadsheet } from "./spreadsheet";

export interface HostOptions {
  /** The clock the cache and the demo read; a fixed one makes runs repeatable. */
  readonly now?: () => number;
  /** Extra or replacement globals (e.g. UrlFetchApp serving recorded InfoEuro rates). */
  readonly services?: Record<string, unknown>;
  /** MailApp's remaining daily quota at the start (default 100, a consumer account's). */
  readonly mailQuota?: number;
}

export interface Host {
  readonly globals: BundleGlobals;
  readonly spreadsheet: FakeSpreadsheet;
  readonly ui: FakeUi;
  readonly documentProperties: FakeProperties;
  readonly scriptProperties: FakeProperties;
  readonly lock: FakeLock;
  readonly scriptApp: FakeScriptApp;
  readonly forms: FakeFormApp;
  /** Messages "sent" by MailApp, recorded with the day's quota. */
  readonly mail: FakeMailApp;
  /** Google Docs created by DocumentApp, and the files and folders of Drive. */
  readonly documents: FakeDocumentApp;
  readonly drive: FakeDriveApp;
  readonly log: ExecutionLog;
  readonly counter: CallCounter;
  /** Calls a global of the bundle (a menu action, a trigger, a custom function). */
  call(name: string, ...args: unknown[]): unknown;
  /** Clicks `Lianes › caption`, answering its dialogs with `answers`, in order. */
  runMenuItem(caption: string, ...answers: ScriptedAnswer[]): unknown;
  /** A respondent submits a form; each installed form-submit trigger then runs with the event. */
  submitForm(form: FakeForm, submission: FakeSubmission): GoogleAppsScript.Events.SheetsOnFormSubmit;
  /**
   * Respondents submit at the same time: each later submission arrives while earlier handlers
   * run (Forms writes its row between two service calls of theirs), and its handler either
   * waits for the lock (it starts when the running one ends) or gives up waiting (it runs at
   * once, against the lock the others hold).
   */
  submitConcurrently(
    form: FakeForm,
    submissions: readonly FakeSubmission[],
    options?: ConcurrencyOptions,
  ): ConcurrentRun;
  /** A sheet's evaluated values (as getDataRange().getValues() gives them). */
  values(sheetName: string): unknown[][];
}

export interface ConcurrencyOptions {
  /** Service calls of the running handlers between two arrivals (default 12). */
  readonly arrivalEvery?: number;
  /** The submissions (0-based) whose handler gives up waiting for the lock. */
  readonly givesUpWaiting?: (index: number) => boolean;
  /** Submissions arrive only between the lock holder's calls (the worst case: during a sync). */
  readonly onlyWhileLocked?: boolean;
}

export interface ConcurrentRun {
  /** The order the handlers started in (0-based submission indexes). */
  readonly started: readonly number[];
  /** Submissions whose handler started while another handler was running. */
  readonly overlapping: number;
}

export function createHost(options: HostOptions = {}): Host {
  const now = options.now ?? Date.now;
  registerCustomFunctions();
  const counter = new CallCounter();
  const log = new ExecutionLog();
  const ui = new FakeUi();
  const documentProperties = new FakeProperties();
  const scriptProperties = new FakeProperties();
  const userProperties = new FakeProperties();
  const cache = new FakeCache(now);
  const lock = new FakeLock();
  const scriptApp = new FakeScriptApp();
  const mail = new FakeMailApp(options.mailQuota ?? 100);
  const drive = new FakeDriveApp();
  const documents = new FakeDocumentApp(drive);

  /** The executions running now, innermost last: each has its own view of the lock. */
  const executions: string[] = [];
  let executionCounter = 0;
  const currentExecution = () => executions.at(-1) ?? "test";
  let globals: BundleGlobals | undefined;
  const context: FunctionContext = {
    call(name, args) {
      const fn = globals?.[name];
      if (typeof fn !== "function") throw new Error(`Fonction inconnue : ${name}`);
      return fn(...args);
    },
  };
  const hf = HyperFormula.buildEmpty({
    licenseKey: "gpl-v3",
    useArrayArithmetic: true,
    context,
    // As a fr_FR spreadsheet reads typed text; full double precision, like Sheets.
    dateFormats: ["DD/MM/YYYY", "DD/MM/YY"],
    timeFormats: ["hh:mm", "hh:mm:ss"],
    smartRounding: false,
  });
  const spreadsheet = new FakeSpreadsheet(hf, counter);
  const forms = new FakeFormApp(() => spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
  spreadsheet.formUrlOf = (sheet) => {
    const form = forms.formOfSheet(sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet);
    return form ? form.getPublishedUrl() : null;
  };

  const services: Record<string, unknown> = {
    console: log.console,
    Logger: log.Logger,
    SpreadsheetApp: counter.wrap(createSpreadsheetApp(spreadsheet, ui), "SpreadsheetApp"),
    PropertiesService: counter.wrap(
      {
        getDocumentProperties: () => documentProperties,
        getScriptProperties: () => scriptProperties,
        getUserProperties: () => userProperties,
      },
      "PropertiesService",
    ),
    CacheService: counter.wrap(
      { getScriptCache: () => cache, getDocumentCache: () => cache, getUserCache: () => cache },
      "CacheService",
    ),
    LockService: counter.wrap(
      {
        getDocumentLock: () => lock.viewFor(currentExecution()),
        getScriptLock: () => lock.viewFor(currentExecution()),
        getUserLock: () => lock.viewFor(currentExecution()),
      },
      "LockService",
    ),
    ScriptApp: counter.wrap(scriptApp, "ScriptApp"),
    FormApp: counter.wrap(forms, "FormApp"),
    Session: counter.wrap(
      { getScriptTimeZone: () => "Europe/Paris", getActiveUserLocale: () => "fr" },
      "Session",
    ),
    Utilities: counter.wrap(fakeUtilities, "Utilities"),
    MailApp: counter.wrap(mail, "MailApp"),
    DocumentApp: counter.wrap(documents, "DocumentApp"),
    DriveApp: counter.wrap(drive, "DriveApp"),
    MimeType: { PDF: "application/pdf", GOOGLE_DOCS: "application/vnd.google-apps.document" },
    Charts: { ChartType: { PIE: "PIE", BAR: "BAR", COLUMN: "COLUMN", LINE: "LINE" } },
    HtmlService: counter.wrap(
      createHtmlService((file) => readFileSync(join(BUILD_DIR, file), "utf8")),
      "HtmlService",
    ),
    ...options.services,
  };
  globals = loadBundle(services);
  const bundle = globals;

  /** One execution of a global, as Apps Script starts one per menu click, trigger or call. */
  const call = (name: string, ...args: unknown[]) => {
    const fn = bundle[name];
    if (typeof fn !== "function") throw new Error(`${name} n'est pas une fonction globale du bundle`);
    executionCounter += 1;
    executions.push(`exécution ${executionCounter} (${name})`);
    try {
      return fn(...args);
    } finally {
      executions.pop();
    }
  };

  const submit = (form: FakeForm, submission: FakeSubmission) => {
    const event = form.submit(submission);
    return { ...event, range: counter.wrap(event.range, "Range") };
  };
  const runSubmitTriggers = (event: GoogleAppsScript.Events.SheetsOnFormSubmit) => {
    for (const trigger of scriptApp.triggers) {
      if (trigger.eventType === scriptApp.EventType.ON_FORM_SUBMIT) call(trigger.handler, event);
    }
  };

  return {
    globals: bundle,
    spreadsheet,
    ui,
    documentProperties,
    scriptProperties,
    lock,
    scriptApp,
    forms,
    mail,
    documents,
    drive,
    log,
    counter,
    call,
    runMenuItem(caption, ...answers) {
      const item = ui.menus
        .flatMap((m) => menuItems(m))
        .find((i) => i.caption === caption || i.path === caption);
      if (!item) throw new Error(`Menu Lianes : pas d'entrée « ${caption} » (onOpen a-t-il tourné ?)`);
      ui.answer(...answers);
      return call(item.functionName);
    },
    submitForm(form, submission) {
      const event = submit(form, submission);
      runSubmitTriggers(event);
      return event;
    },
    submitConcurrently(
      form,
      submissions,
      { arrivalEvery = 12, givesUpWaiting = () => false, onlyWhileLocked = false } = {},
    ) {
      const waiting: (() => void)[] = [];
      const started: number[] = [];
      let overlapping = 0;
      let arrived = 0;
      let calls = 0;
      const arrive = () => {
        const index = arrived++;
        const event = submit(form, submissions[index] as FakeSubmission);
        const run = () => {
          started.push(index);
          if (executions.length > 0) overlapping++;
          runSubmitTriggers(event);
        };
        if (givesUpWaiting(index)) run();
        else waiting.push(run);
      };
      counter.beforeEachCall = () => {
        const running = onlyWhileLocked ? lock.heldBy() === currentExecution() : executions.length > 0;
        if (running && arrived < submissions.length && ++calls % arrivalEvery === 0) arrive();
      };
      try {
        while (arrived < submissions.length || waiting.length > 0) {
          if (waiting.length === 0) arrive();
          waiting.shift()?.();
        }
      } finally {
        counter.beforeEachCall = undefined;
      }
      return { started, overlapping };
    },
    values(sheetName) {
      const sheet = spreadsheet.getSheetByName(sheetName);
      if (!sheet) throw new Error(`Pas de feuille « ${sheetName} »`);
      return sheet.getDataRange().getValues();
    },
  };
}

export type { FakeForm, FakeSubmission, ScriptedAnswer };
export { DestinationType, ItemType };
