/**
 * The built bundle for tests: loaded as Apps Script loads it (see dev/host/bundle.ts), with
 * services that throw when touched for contract tests.
 */
import type { BundleGlobals } from "../../dev/host/bundle";

export { BUILD_DIR, type BundleGlobals, bundleFiles, loadBundle } from "../../dev/host/bundle";

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

/** Calls a global custom function the way Sheets does. */
export function callGlobal(globals: BundleGlobals, name: string, ...args: unknown[]): unknown {
  const fn = globals[name];
  if (typeof fn !== "function") throw new Error(`${name} is not a global function`);
  return fn(...args);
}
