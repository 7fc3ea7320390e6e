import type { Decimal } from "../core/decimal";
import {
  EURO,
  monthKey,
  monthlyRatesUrl,
  pickRate,
  type RateMonth,
  type RateTable,
  rateTableSchema,
  readMonthlyRates,
  unreachableError,
} from "../core/infoeuro";
import { parseStoredJson } from "./stored-json";

export type RateSource = "cache" | "document" | "InfoEuro";

export interface InfoEuroRate {
  readonly rate: Decimal;
  readonly month: RateMonth;
  readonly source: RateSource;
}

const CACHE_SECONDS = 6 * 60 * 60;
const KEY_PREFIX = "lianes.infoeuro.";

function keyOf(m: RateMonth): string {
  return `${KEY_PREFIX}${monthKey(m)}`;
}

function parseTable(text: string | null): RateTable | undefined {
  return parseStoredJson(rateTableSchema, text);
}

function documentProperties(): GoogleAppsScript.Properties.Properties | null {
  try {
    return PropertiesService.getDocumentProperties();
  } catch (error) {
    console.warn("InfoEuro : propriétés du document indisponibles", error);
    return null;
  }
}

/** Keeps `code`'s rate of month `m` in the document (only used currencies: a value stays far under 9 KB). */
function keepInDocument(m: RateMonth, code: string, rate: string): void {
  const properties = documentProperties();
  if (!properties) return;
  try {
    const kept = parseTable(properties.getProperty(keyOf(m))) ?? {};
    if (kept[code] === rate) return;
    properties.setProperty(keyOf(m), JSON.stringify({ ...kept, [code]: rate }));
  } catch (error) {
    console.warn(`InfoEuro : taux ${code} ${monthKey(m)} non conservé dans le document`, error);
  }
}

function fetchTable(m: RateMonth): RateTable {
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(monthlyRatesUrl(m), { muteHttpExceptions: true });
  } catch (error) {
    console.warn("InfoEuro : échec de l'appel", error);
    throw unreachableError(m, "pas de réponse du serveur");
  }
  return readMonthlyRates(response.getResponseCode(), response.getContentText(), m);
}

/** The InfoEuro rate of an upper-case ISO 4217 code for a month, and where it was found. */
export function infoEuroRate(code: string, m: RateMonth): InfoEuroRate {
  if (code === EURO) return { rate: pickRate({}, code, m), month: m, source: "InfoEuro" };
  const key = keyOf(m);
  const cache = CacheService.getScriptCache();
  const cached = parseTable(cache.get(key));
  if (cached) {
    const rate = pickRate(cached, code, m);
    // The script cache may hold a table another document fetched: this document keeps its own record.
    keepInDocument(m, code, cached[code] as string);
    return { rate, month: m, source: "cache" };
  }

  const kept = parseTable(documentProperties()?.getProperty(key) ?? null);
  const keptRate = kept?.[code];
  if (kept && keptRate !== undefined) return { rate: pickRate(kept, code, m), month: m, source: "document" };

  const table = fetchTable(m);
  cache.put(key, JSON.stringify(table), CACHE_SECONDS);
  const rate = pickRate(table, code, m);
  keepInDocument(m, code, table[code] as string);
  return { rate, month: m, source: "InfoEuro" };
}
