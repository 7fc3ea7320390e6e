/**
 * Loads build/*.js the way Apps Script does: plain scripts, in clasp's push order, run one
 * after the other in a single global scope.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

export const BUILD_DIR = join(import.meta.dirname, "../../build");

/** The script files of build/, in the order clasp pushes them (.clasp.json filePushOrder). */
export function bundleFiles(): string[] {
  const clasp = JSON.parse(readFileSync(join(import.meta.dirname, "../../.clasp.json"), "utf8")) as {
    filePushOrder: string[];
  };
  return clasp.filePushOrder
    .filter((f) => f.endsWith(".js"))
    .map((f) => join(BUILD_DIR, f.replace(/^build\//, "")));
}

/** Apps Script's global services; in a contract test each one throws when touched. */
export const SERVICE_NAMES = [
  "SpreadsheetApp",
  "PropertiesService",
  "CacheService",
  "LockService",
  "ScriptApp",
  "FormApp",
  "HtmlService",
  "UrlFetchApp",
  "Utilities",
  "Session",
  "DriveApp",
  "Logger",
  "Charts",
] as const;

export type BundleGlobals = Record<string, unknown> & {
  Lianes: {
    callFunction(name: string, args: unknown[]): unknown;
    callEntry(name: string, args: unknown[]): unknown;
  };
};

/** Services that record any access and throw, to prove the bundle touches nothing at load. */
export function tripwireServices(touched: string[]): Record<string, unknown> {
  const services: Record<string, unknown> = {};
  for (const name of SERVICE_NAMES) {
    services[name] = new Proxy(
      {},
      {
        get(_target, prop) {
          touched.push(`${name}.${String(prop)}`);
          throw new Error(`${name}.${String(prop)} touched`);
        },
      },
    );
  }
  return services;
}

/** Runs the built scripts in a fresh context whose globals are `services` plus console. */
export function loadBundle(services: Record<string, unknown>): BundleGlobals {
  const context = vm.createContext({ console, ...services });
  for (const file of bundleFiles()) {
    vm.runInContext(readFileSync(file, "utf8"), context, { filename: file });
  }
  return context as BundleGlobals;
}

/** Calls a global custom function the way Sheets does. */
export function callGlobal(globals: BundleGlobals, name: string, ...args: unknown[]): unknown {
  const fn = globals[name];
  if (typeof fn !== "function") throw new Error(`${name} is not a global function`);
  return fn(...args);
}
