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
import { DestinationType, type FakeForm, FakeFormApp, type FakeSubmission, ItemType } from "./forms";
import {
  createHtmlService,
  ExecutionLog,
  FakeCache,
  FakeLock,
  FakeProperties,
  FakeScriptApp,
  FakeUi,
  fakeUtilities,
  type ScriptedAnswer,
} from "./services";
import { createSpreadsheetApp, FakeSpreadsheet } from "./spreadsheet";

export interface HostOptions {
  /** The clock the cache and the demo read; a fixed one makes runs repeatable. */
  readonly now?: () => number;
  /** Extra or replacement globals (e.g. UrlFetchApp serving recorded InfoEuro rates). */
  readonly services?: Record<string, unknown>;
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
  readonly log: ExecutionLog;
  readonly counter: CallCounter;
  /** Calls a global of the bundle (a menu action, a trigger, a custom function). */
  call(name: string, ...args: unknown[]): unknown;
  /** Clicks `Lianes › caption`, answering its dialogs with `answers`, in order. */
  runMenuItem(caption: string, ...answers: ScriptedAnswer[]): unknown;
  /** A respondent submits a form; each installed form-submit trigger then runs with the event. */
  submitForm(form: FakeForm, submission: FakeSubmission): GoogleAppsScript.Events.SheetsOnFormSubmit;
  /** A sheet's evaluated values (as getDataRange().getValues() gives them). */
  values(sheetName: string): unknown[][];
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
      { getDocumentLock: () => lock, getScriptLock: () => lock, getUserLock: () => lock },
      "LockService",
    ),
    ScriptApp: counter.wrap(scriptApp, "ScriptApp"),
    FormApp: counter.wrap(forms, "FormApp"),
    Session: counter.wrap(
      { getScriptTimeZone: () => "Europe/Paris", getActiveUserLocale: () => "fr" },
      "Session",
    ),
    Utilities: counter.wrap(fakeUtilities, "Utilities"),
    Charts: { ChartType: { PIE: "PIE", BAR: "BAR", COLUMN: "COLUMN", LINE: "LINE" } },
    HtmlService: counter.wrap(
      createHtmlService((file) => readFileSync(join(BUILD_DIR, file), "utf8")),
      "HtmlService",
    ),
    ...options.services,
  };
  globals = loadBundle(services);
  const bundle = globals;

  const call = (name: string, ...args: unknown[]) => {
    const fn = bundle[name];
    if (typeof fn !== "function") throw new Error(`${name} n'est pas une fonction globale du bundle`);
    return fn(...args);
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
    log,
    counter,
    call,
    runMenuItem(caption, ...answers) {
      const item = ui.menus.flatMap((m) => m.items).find((i) => i !== "separator" && i.caption === caption);
      if (!item || item === "separator")
        throw new Error(`Menu Lianes : pas d'entrée « ${caption} » (onOpen a-t-il tourné ?)`);
      ui.answer(...answers);
      return call(item.functionName);
    },
    submitForm(form, submission) {
      const event = form.submit(submission);
      const wrapped = { ...event, range: counter.wrap(event.range, "Range") };
      for (const trigger of scriptApp.triggers) {
        if (trigger.eventType === scriptApp.EventType.ON_FORM_SUBMIT) call(trigger.handler, wrapped);
      }
      return wrapped;
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
