/**
 * A funding rule as data: the `taux`, `taux annuel` and `forfait` types of issue 15. One zod
 * schema is both the type and the validator, for the shipped templates and for the rule sheets
 * the finance manager types (read by `table.ts`). Messages are French: the sheet reader shows
 * them after the cell and the value (`taux invalide « 170 % » — un taux entre 0 et 100 %`).
 */
import * as z from "zod/mini";

/** Euros with at most two decimals, kept as a number in the definitions. */
const euros = z.number().check(
  z.refine((v) => Number.isFinite(v) && v >= 0, { message: "un montant en euros, 0 ou plus" }),
  z.refine((v) => v <= 1_000_000_000_000, { message: "au plus 1 000 000 000 000 €" }),
  z.refine((v) => Number.isSafeInteger(Math.round(v * 100)) && Math.round(v * 100) / 100 === v, {
    message: "un montant en euros avec au plus deux décimales",
  }),
);

export const RATE_HINT = "un taux entre 0 et 100 %";

/** A rate 0 < t ≤ 1 (70 % is 0.7). */
const rate = z.number().check(z.refine((v) => Number.isFinite(v) && v > 0 && v <= 1, { message: RATE_HINT }));

export const ID_HINT = "des lettres, chiffres et tirets, ex. RECITAL-FT";
const id = z.string().check(z.regex(/^[A-Z0-9][A-Z0-9-]*$/, { message: ID_HINT }));
const name = z.optional(z.string().check(z.minLength(1)));

export const rateRuleSchema = z
  .object({
    id,
    name,
    type: z.literal("taux"),
    /** Share of the cost the fund pays. */
    rate,
    /** An aid below this is refused (the computation is shown); 0 when absent. */
    minAid: z.optional(euros),
    /** The aid never exceeds this; no maximum when absent. */
    maxAid: z.optional(euros),
  })
  .check(
    z.refine((r) => r.maxAid === undefined || (r.minAid ?? 0) <= r.maxAid, {
      message: "inférieure à l'aide minimale",
      path: ["maxAid"],
    }),
  );

export const annualRuleSchema = z.object({
  id,
  name,
  type: z.literal("taux annuel"),
  rate,
  /** Each year's aid is at most this. */
  maxPerYear: euros,
  /** How many years a project may last. */
  years: z.number().check(
    z.refine((v) => Number.isInteger(v) && v >= 1 && v <= 100, {
      message: "un nombre entier d'années, de 1 à 100",
    }),
  ),
});

export const flatRuleSchema = z.object({
  id,
  name,
  type: z.literal("forfait"),
  /** The aid per unit (a tandem), never more than the cost. */
  perUnit: euros.check(z.refine((v) => v > 0, { message: "un montant en euros, plus de 0" })),
  /** What a unit is, for people (tandem). */
  unit: z.optional(z.string().check(z.minLength(1))),
});

export const fundingRuleSchema = z.discriminatedUnion("type", [
  rateRuleSchema,
  annualRuleSchema,
  flatRuleSchema,
]);

export type FundingRule = z.infer<typeof fundingRuleSchema>;
export type RateRule = z.infer<typeof rateRuleSchema>;
export type AnnualRule = z.infer<typeof annualRuleSchema>;
export type FlatRule = z.infer<typeof flatRuleSchema>;
export type FundingType = FundingRule["type"];

/** The fourth kind, read by the EXPLOR engine (categories with ceilings): its own layout. */
export const CATEGORY_TYPE = "plafonds par catégorie";

export const FUNDING_TYPES: readonly FundingType[] = ["taux", "taux annuel", "forfait"];
