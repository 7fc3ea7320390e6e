/**
 * The Commission's InfoEuro monthly-rates answer, an external contract (DOMAIN.md §2): an array
 * of one row per country, or `{code, message}` when the month has no rates yet.
 */
import * as z from "zod/mini";

export const monthlyRateRowSchema = z.object({
  country: z.optional(z.nullable(z.string())),
  currency: z.optional(z.nullable(z.string())),
  /** The ISO 4217 currency code, e.g. `MAD`. */
  isoA3Code: z.string().check(z.regex(/^[A-Za-z]{3}$/)),
  isoA2Code: z.optional(z.nullable(z.string())),
  /** Units of the currency for 1 EUR. */
  value: z.union([z.number().check(z.positive()), z.string().check(z.regex(/^\d+(\.\d+)?$/))]),
  comment: z.optional(z.nullable(z.string())),
});

export const monthlyRatesSchema = z.array(monthlyRateRowSchema);

export const noRatesSchema = z.object({ code: z.number(), message: z.string() });

export type MonthlyRateRow = z.infer<typeof monthlyRateRowSchema>;
