/**
 * An EXPLOR rule set as data: its categories and their ceilings, the mission cap, the share
 * the programme pays and what the association always bears. A new year's or a new region's
 * terms are a new definition validated by this schema, not new code.
 */
import * as z from "zod/mini";
import { euros } from "../zod-french";

const days = z.int().check(z.positive());

export const ceilingSchema = z.discriminatedUnion("kind", [
  /** At most `amount` for the category over the whole mission, however many lines it has. */
  z.object({ kind: z.literal("fixed"), amount: euros }),
  /** `rate` per day of the mission, for at most `maxDays` days, however many lines it has. */
  z.object({ kind: z.literal("perDay"), rate: euros, maxDays: days }),
  /** Covered in full ("sans plafond"). */
  z.object({ kind: z.literal("none") }),
  /** Listed so users find it, but the programme pays nothing for it. */
  z.object({ kind: z.literal("notCovered") }),
]);

export const categorySchema = z.object({
  key: z.string().check(z.regex(/^[a-z][a-z0-9_]*$/)),
  /** The French label, as in the call's text (Annexe 2). */
  label: z.string().check(z.minLength(1)),
  /**
   * Everyday names of the category: the words of the call's own comments and what a finance
   * manager writes on a receipt line (taxi, nuitée…). Each part of a label joining several with
   * "et", "&" or "+" is a name too, without being listed here.
   */
  aliases: z.array(z.string().check(z.minLength(1))),
  /**
   * Who provides the proof: `receipt` — the association, with a receipt (date, supplier,
   * service, amount), without which the line is not reimbursed in the final décompte;
   * `programme` — the programme buys it itself (no receipt from the association);
   * `flat` — a flat allowance, no receipt. Default `receipt`.
   */
  proof: z.optional(z.enum(["receipt", "programme", "flat"])),
  /** A daily allowance: `jours` applies to it, and a line with days but no amount counts at its ceiling. */
  daily: z.optional(z.boolean()),
  ceiling: ceilingSchema,
});

export const ruleSetSchema = z
  .object({
    id: z.string().check(z.regex(/^[A-Z0-9][A-Z0-9-]*$/)),
    label: z.string().check(z.minLength(1)),
    /** Where the categories are listed, in messages: `libellé hors Annexe 2`. */
    source: z.optional(z.string().check(z.minLength(1))),
    categories: z.array(categorySchema).check(z.minLength(1)),
    /** Σ eligible lines of a mission is capped at this amount. */
    missionCap: z.optional(euros),
    /** Share of the (capped) eligible total the programme pays, 0–1. */
    shareRate: z.number().check(
      z.gte(0),
      z.lte(1),
      z.refine((v) => Math.round(v * 100) / 100 === v, { message: "taux en centièmes" }),
    ),
    /** The programme's contribution never exceeds this amount. */
    maxContribution: z.optional(euros),
    /** Borne by the association on every mission, on top of its share (AURA: 200 €). */
    fixedFee: euros,
    durationDays: z.object({ min: days, max: days }),
  })
  .check(
    z.refine((r) => new Set(r.categories.map((c) => c.key)).size === r.categories.length, {
      message: "clés de catégorie en double",
    }),
    z.refine((r) => r.durationDays.min <= r.durationDays.max, { message: "durée minimale > maximale" }),
    z.refine((r) => r.categories.every((c) => c.ceiling.kind !== "perDay" || c.daily === true), {
      message: "un plafond par jour n'est possible que pour une catégorie journalière",
    }),
  );

export type RuleSetDefinition = z.infer<typeof ruleSetSchema>;
export type CategoryDefinition = z.infer<typeof categorySchema>;
export type CeilingDefinition = z.infer<typeof ceilingSchema>;
