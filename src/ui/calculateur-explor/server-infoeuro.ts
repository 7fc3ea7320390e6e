/** The calculator's InfoEuro server entry point: the rate of a foreign-currency line's month. */
import * as z from "zod/mini";
import { infoEuroRate, type RateSource } from "../../addon/infoeuro";
import { toNumber } from "../../core/decimal";
import { InputError } from "../../core/errors";
import { monthKey, parseCurrencyCode, parseRateMonth } from "../../core/infoeuro";

const serverRequestSchema = z.object({
  devise: z.string().check(z.maxLength(10)),
  mois: z.string().check(z.maxLength(40)),
});

/** What the calculator sidebar receives for a line in a foreign currency. */
export interface ServerRate {
  readonly rate: number;
  /** `2025-07`. */
  readonly month: string;
  readonly source: RateSource;
}

/** Sidebar server call: `mois` crosses the bridge as text (`2025-07`, or a date as ISO text). */
export function serverTauxInfoEuro(devise: unknown, mois: unknown): ServerRate {
  const request = z.safeParse(serverRequestSchema, { devise, mois });
  if (!request.success)
    throw new InputError("Taux InfoEuro : la devise et le mois doivent être des textes (ex. MAD et 2025-07)");
  const code = parseCurrencyCode(request.data.devise);
  const m = parseRateMonth(request.data.mois);
  const found = infoEuroRate(code, m);
  return { rate: toNumber(found.rate), month: monthKey(found.month), source: found.source };
}
