/**
 * A funder's convention budget as data: its budget lines and how each is allocated to the
 * financing plan's categories, the funders of the plan, the network's overall budget (for the
 * "part du programme" block) and the subsidy of Articles 4 and 5. Another funder's or another
 * year's convention is a new definition validated by this schema, not new code.
 */
import * as z from "zod/mini";
import { normalizeCategoryName } from "../explor/category-names";
import { euros } from "../zod-french";

const text = z.string().check(z.minLength(1));

/** Part of a line's total that goes to one category of the financing plan. */
export const allocationSchema = z.object({ category: text, amount: euros });

export const budgetLineSchema = z.object({
  /** "Type dépense", as in the convention's budget table. */
  type: text,
  quantity: z.number().check(z.positive()),
  unit: text,
  total: euros,
  description: z.optional(z.string()),
  /** The whole line goes to this category… */
  category: z.optional(text),
  /** …or it is split across several (the parts add up to the line total). */
  split: z.optional(z.array(allocationSchema).check(z.minLength(2))),
});

export const funderSchema = z.discriminatedUnion("kind", [
  /** A fixed amount (RECITAL: 2 000 €). */
  z.object({ kind: z.literal("fixed"), name: text, amount: euros }),
  /** A share of the total charges, 0–1. */
  z.object({ kind: z.literal("share"), name: text, share: z.number().check(z.gt(0), z.lte(1)) }),
  /** The balancing funder: total charges minus the other receipts (at most one). */
  z.object({ kind: z.literal("solde"), name: text }),
]);

export const conventionSchema = z
  .object({
    id: z.string().check(z.regex(/^[A-Z0-9][A-Z0-9-]*$/)),
    label: text,
    year: z.int().check(z.gte(2000), z.lte(2100)),
    /** The funder the convention is signed with (short name used in sheet titles: CD62). */
    funder: z.object({ name: text, label: text }),
    sheets: z.object({ budget: text, plan: text, report: text }),
    /** Financing-plan categories, in the order the plan shows them. */
    categories: z.array(text).check(z.minLength(1)),
    lines: z.array(budgetLineSchema).check(z.minLength(1)),
    funders: z.array(funderSchema).check(z.minLength(1)),
    /** The network's overall budget for the year, for the "part du programme" block. */
    networkBudget: z.object({ label: text, income: euros, expenses: euros }),
    /** Article 4: the subsidy, capped, on a forecast total cost. */
    subsidy: euros,
    forecastTotal: euros,
  })
  .check(
    z.refine((c) => c.lines.every((l) => (l.category === undefined) !== (l.split === undefined)), {
      message: "chaque ligne a soit une catégorie, soit une ventilation (split)",
    }),
    z.refine(
      (c) => {
        const known = new Set(c.categories.map(normalizeCategoryName));
        return c.lines.every((l) =>
          (l.split ?? [{ category: l.category ?? "" }]).every((a) =>
            known.has(normalizeCategoryName(a.category)),
          ),
        );
      },
      { message: "catégorie de ligne absente de la liste des catégories" },
    ),
    z.refine(
      (c) =>
        c.lines.every(
          (l) =>
            !l.split ||
            Math.round(l.split.reduce((s, a) => s + a.amount * 100, 0)) === Math.round(l.total * 100),
        ),
      { message: "la ventilation d'une ligne doit faire exactement son total" },
    ),
    z.refine((c) => c.funders.filter((f) => f.kind === "solde").length <= 1, {
      message: "au plus un financeur « solde »",
    }),
  );

export type ConventionDefinition = z.infer<typeof conventionSchema>;
export type BudgetLineDefinition = z.infer<typeof budgetLineSchema>;
export type FunderDefinition = z.infer<typeof funderSchema>;
