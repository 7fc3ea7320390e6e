/**
 * Loads build/*.js the way Apps Script does: plain scripts, in clasp's push order, run one
 * after the other in a single global scope.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

export const ROOT_DIR = join(import.meta.dirname, "../..");
export const BUILD_DIR = join(ROOT_DIR, "build");

/** The script files of build/, in the order clasp pushes them (.clasp.json filePushOrder). */
export function bundleFiles(): string[] {
  const clasp = JSON.parse(readFileSync(join(ROOT_DIR, ".clasp.json"), "utf8")) as {
    filePushOrder: string[];
  };
  return clasp.filePushOrder
    .filter((f) => f.endsWith(".js"))
    .map((f) => join(BUILD_DIR, f.replace(/^build\//, "")));
}

export type BundleGlobals = Record<string, unknown> & {
  Lianes: {
    callFunction(name: string, args: unknown[]): unknown;
    callEntry(name: string, args: unknown[]): unknown;
  };
};

/** Runs the built scripts in a fresh context whose globals are `services` (plus console, unless given). */
export function loadBundle(services: Record<string, unknown>): BundleGlobals {
  const context = vm.createContext({ console, ...services });
  for (const file of bundleFiles()) {
    vm.runInContext(readFileSync(file, "utf8"), context, { filename: file });
  }
  return context as BundleGlobals;
}
