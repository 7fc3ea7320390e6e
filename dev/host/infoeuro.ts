/**
 * Recorded InfoEuro rates (dev/fixtures/infoeuro/AAAA-MM.json) served by in-memory `UrlFetchApp`,
 * `CacheService` and document properties, typed loosely: plug them into `loadBundle` or the local
 * host's `services`. No network: a month without a fixture answers as InfoEuro does for an
 * unpublished month, and a test can cut the network or break the answer.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const INFOEURO_FIXTURES = join(import.meta.dirname, "../fixtures/infoeuro");

export type InfoEuroMode =
  | { readonly kind: "recorded" }
  | { readonly kind: "network-down" }
  | { readonly kind: "http-error"; readonly status: number }
  | { readonly kind: "body"; readonly body: string };

const NO_RATES = JSON.stringify({ code: 5, message: "No rates published for period" });
const URL =
  /^https:\/\/ec\.europa\.eu\/budg\/inforeuro\/api\/public\/monthly-rates\?year=(\d{4})&month=(\d{1,2})&lang=EN$/;

export interface FakeInfoEuro {
  /** The globals to give the bundle. */
  readonly services: { UrlFetchApp: unknown; CacheService: unknown; PropertiesService: unknown };
  /** Every URL fetched, in order. */
  readonly fetched: string[];
  readonly cache: Map<string, string>;
  readonly documentProperties: Map<string, string>;
  /** How the next fetches answer (recorded fixtures by default): for every month, or only `month` (`2025-05`). */
  setMode(mode: InfoEuroMode, month?: string): void;
}

export function recordedBody(month: string): string | undefined {
  const file = join(INFOEURO_FIXTURES, `${month}.json`);
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

function response(status: number, body: string) {
  return { getResponseCode: () => status, getContentText: () => body };
}

export function fakeInfoEuro(): FakeInfoEuro {
  const fetched: string[] = [];
  const cache = new Map<string, string>();
  const documentProperties = new Map<string, string>();
  let mode: InfoEuroMode = { kind: "recorded" };
  const monthModes = new Map<string, InfoEuroMode>();

  const UrlFetchApp = {
    fetch(url: string, params?: { muteHttpExceptions?: boolean }) {
      fetched.push(url);
      if (!params?.muteHttpExceptions) throw new Error("le module doit passer muteHttpExceptions: true");
      const m = URL.exec(url);
      const month = m ? `${m[1]}-${String(m[2]).padStart(2, "0")}` : "";
      const current = monthModes.get(month) ?? mode;
      if (current.kind === "network-down") throw new Error(`Exception: Address unavailable: ${url}`);
      if (current.kind === "http-error") return response(current.status, "<html>Service Unavailable</html>");
      if (current.kind === "body") return response(200, current.body);
      if (!m) return response(404, "Not Found");
      return response(200, recordedBody(month) ?? NO_RATES);
    },
  };
  const scriptCache = {
    get: (key: string) => cache.get(key) ?? null,
    put(key: string, value: string, seconds?: number) {
      if (value.length > 100 * 1024) throw new Error("Argument too large: value");
      if (seconds !== undefined && seconds > 21_600) throw new Error("expiration over 6 hours");
      cache.set(key, value);
    },
    remove: (key: string) => cache.delete(key),
  };
  const properties = {
    getProperty: (key: string) => documentProperties.get(key) ?? null,
    setProperty(key: string, value: string) {
      if (key.length + value.length > 9 * 1024) throw new Error("Argument too large: value");
      documentProperties.set(key, value);
      return properties;
    },
    getProperties: () => Object.fromEntries(documentProperties),
  };
  return {
    services: {
      UrlFetchApp,
      CacheService: { getScriptCache: () => scriptCache },
      PropertiesService: { getDocumentProperties: () => properties },
    },
    fetched,
    cache,
    documentProperties,
    setMode(next, month) {
      if (month === undefined) mode = next;
      else monthModes.set(month, next);
    },
  };
}
