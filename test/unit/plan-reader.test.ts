/**
 * The one financing-plan reader (core/convention/plan-reader): the same rows give the same plan or
 * the same French problems, whether they come from a sheet's ranges (PLAN_FINANCEMENT, kinds read
 * from the cells) or from the panel (kinds chosen), named the way each door names its lists.
 */
import { describe, expect, it } from "vitest";
import { checkPlanRows, readFinancingPlan, readPlanRows } from "../../src/core/convention/plan-reader";
import { CD62_CHARGES, CD62_RECEIPTS, CD62_TOTAL } from "../support/cd62";

const FUNCTION = { charges: "depenses", receipts: "recettes" };
const PANEL = { charges: "dépenses", receipts: "recettes" };
const charges = CD62_CHARGES.map((c) => ({ category: c.label, amount: c.amount }));
const messages = (r: ReturnType<typeof readPlanRows>) =>
  r.problems.map(
    (p) => `${p.list}-${p.index}-${p.column}: ${p.error.message.replace(/[\u00a0\u202f]/g, " ")}`,
  );

describe("the financing-plan reader", () => {
  it("reads the CD62 plan from a sheet's rows (« solde » typed as the amount) and from the panel's", () => {
    const fromSheet = readFinancingPlan(
      charges,
      [
        { name: "CD62", amount: "solde" },
        { name: "RECITAL", amount: 2000 },
      ],
      FUNCTION,
    );
    const fromPanel = readFinancingPlan(
      charges,
      [
        { name: "CD62", kind: "solde" },
        { name: "RECITAL", kind: "fixed", amount: "2 000,00 €" },
      ],
      PANEL,
    );
    expect(fromPanel).toEqual(fromSheet);
    expect(fromSheet.receipts.map((r) => [r.label, r.amount / 100, r.percent])).toEqual(
      CD62_RECEIPTS.map((r) => [r.label, r.amount, r.percent]),
    );
    expect(fromSheet.total / 100).toBe(CD62_TOTAL);
  });

  it("gathers every line's problem, tied to its line and column, in the order of the lines", () => {
    const read = readPlanRows(
      [
        { category: "RH", amount: "abc" },
        { category: "", amount: "" },
        { category: "", amount: 5 },
      ],
      [
        { name: "", kind: "fixed", amount: "10" },
        { name: "A", kind: "share", share: "120 %" },
        { name: "B", kind: "solde" },
        { name: "C", kind: "solde" },
      ],
      PANEL,
    );
    expect(messages(read)).toEqual([
      "charges-0-montant: Montant invalide (dépenses, ligne 1) : « abc »",
      "charges-2-categorie: Catégorie manquante (dépenses, ligne 3) : « 5 »",
      "receipts-0-nom: Financeur manquant (recettes, ligne 1) : « 10 »",
      "receipts-1-valeur: Part invalide (recettes, ligne 2) : « 120 % » — une fraction entre 0 et 1 (0,83) ou un pourcentage (83 %)",
      "receipts-3-type: Un seul financeur peut être « solde » (recettes, ligne 4) : « C »",
    ]);
  });

  it("stops a running total at the line where it passes 1 000 000 000 000 €, for charges and fixed receipts", () => {
    const huge = Array.from({ length: 3 }, (_, i) => ({ category: `P${i}`, amount: 999_999_999_999 }));
    const read = readPlanRows(
      huge,
      [
        { name: "F", amount: 999_999_999_999 },
        { name: "G", amount: 999_999_999_999 },
      ],
      FUNCTION,
    );
    expect(messages(read)).toEqual([
      "charges-1-montant: Total trop grand (depenses, ligne 2) : « 999999999999 » — la somme des dépenses dépasse 1 000 000 000 000 €",
      "charges-2-montant: Total trop grand (depenses, ligne 3) : « 999999999999 » — la somme des dépenses dépasse 1 000 000 000 000 €",
      "receipts-1-valeur: Total trop grand (recettes, ligne 2) : « 999999999999 » — la somme des recettes dépasse 1 000 000 000 000 €",
    ]);
  });

  it("tells a sheet's row with both an amount and a share, or neither, what to fill", () => {
    const read = readPlanRows(
      charges,
      [
        { name: "A", amount: 10, share: "0,5" },
        { name: "B", amount: "", share: "" },
      ],
      FUNCTION,
    );
    expect(messages(read)).toEqual([
      "receipts-0-valeur: Montant et part remplis tous les deux (recettes, ligne 1) : « A » — indiquez soit un montant, soit une part",
      "receipts-1-valeur: Montant manquant (recettes, ligne 2) : « B » — indiquez un montant, « solde » ou une part",
    ]);
  });

  it("gives the plan-wide verdict (the gap) only once the lines read", () => {
    const checked = checkPlanRows(charges, [{ name: "RECITAL", kind: "fixed", amount: 2000 }], PANEL);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([]);
    expect(checked.error.message.replace(/[\u00a0\u202f]/g, " ")).toBe(
      "Plan de financement déséquilibré : total des charges 11 879,54 €, total des produits 2 000,00 €, il manque 9 879,54 €",
    );
  });
});
