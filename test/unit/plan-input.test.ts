import { describe, expect, it } from "vitest";
import { parseShare } from "../../src/core/convention/share";
import { cents } from "../../src/core/decimal";
import { field } from "../../src/core/errors";
import { checkPlan, formatAmountInput, readPlanDraft } from "../../src/ui/plan-financement/plan-input";

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

const CD62_CHARGES = [
  { category: "Coûts RH", amount: "8 139,54" },
  { category: "Frais de transport et fournitures", amount: "200" },
  { category: "Graphisme et fabrication des outils PAM", amount: "1 400,00" },
  { category: "Administratif et coûts indirects", amount: 2140 },
];

describe("the plan typed in the sidebar", () => {
  it("balances RECITAL 2 000 fixed and CD62 solde: 9 879,54 (83 %) and 2 000 (17 %)", () => {
    const result = checkPlan({
      charges: CD62_CHARGES,
      receipts: [
        { kind: "fixed", name: "RECITAL", amount: "2 000" },
        { kind: "solde", name: "CD62" },
      ],
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.plan.total).toBe(1187954);
    expect(result.plan.receipts).toEqual([
      { label: "RECITAL", amount: 200000, percent: 17 },
      { label: "CD62", amount: 987954, percent: 83 },
    ]);
    expect(result.plan.charges.map((c) => c.percent)).toEqual([68, 2, 12, 18]);
  });

  it("says by how much an unbalanced plan misses: CD62 8 929,54 + RECITAL 2 000 → il manque 950,00 €", () => {
    const result = checkPlan({
      charges: CD62_CHARGES,
      receipts: [
        { kind: "fixed", name: "CD62", amount: "8 929,54" },
        { kind: "fixed", name: "RECITAL", amount: 2000 },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([]);
    expect(plain(result.message)).toBe(
      "Plan de financement déséquilibré : total des charges 11 879,54 €, total des produits 10 929,54 €, il manque 950,00 €",
    );
  });

  it("skips wholly blank lines and ties each error to its field (0-based key, 1-based line)", () => {
    const read = readPlanDraft({
      charges: [
        { category: "RH", amount: "abc" },
        { category: "  ", amount: "" },
        { category: "", amount: "12" },
        { category: "Frais", amount: "" },
      ],
      receipts: [
        { kind: "fixed", name: "", amount: "" },
        { kind: "share", name: "A", share: "" },
        { kind: "solde", name: "B" },
        { kind: "solde", name: "C" },
        { kind: "fixed", name: "", amount: "5" },
      ],
    });
    expect(read.errors).toEqual([
      { key: "charge-0-montant", message: "Montant invalide (dépenses, ligne 1) : « abc »" },
      { key: "charge-2-categorie", message: "Catégorie manquante (dépenses, ligne 3) : « 12 »" },
      { key: "charge-3-montant", message: "Montant manquant (dépenses, ligne 4) : « Frais »" },
      { key: "recette-1-valeur", message: "Part manquante (recettes, ligne 2) : « A »" },
      { key: "recette-3-type", message: "Un seul financeur peut être « solde » (recettes, ligne 4) : « C »" },
      { key: "recette-4-nom", message: "Financeur manquant (recettes, ligne 5) : « 5 »" },
    ]);
    expect(read.receipts.map((r) => r.name)).toEqual(["B"]);
    const result = checkPlan({ charges: [{ category: "RH", amount: "abc" }], receipts: [] });
    expect(result.ok ? "" : result.message).toBe("Une saisie est à corriger.");
  });

  it.each([
    ["0,83", { units: 83n, scale: 2 }],
    [0.83, { units: 83n, scale: 2 }],
    ["83 %", { units: 83n, scale: 2 }],
    ["12,5%", { units: 125n, scale: 3 }],
    ["1", { units: 1n, scale: 0 }],
  ])("reads the share %j", (value, share) => {
    expect(parseShare(value, field("recettes", 1))).toEqual(share);
  });

  it.each(["0", "120 %", "1,01", "-0,5", "beaucoup"])("refuses the share %j", (value) => {
    expect(() => parseShare(value, field("recettes", 2))).toThrow(
      `Part invalide (recettes, ligne 2) : « ${value} » — une fraction entre 0 et 1 (0,83) ou un pourcentage (83 %)`,
    );
  });

  it("shows amounts in inputs as fr-FR numbers that read back: 8 139,54", () => {
    expect(plain(formatAmountInput(cents(813954)))).toBe("8 139,54");
    const read = readPlanDraft({
      charges: [{ category: "RH", amount: formatAmountInput(cents(813954)) }],
      receipts: [],
    });
    expect(read.charges).toEqual([{ category: "RH", amount: 813954 }]);
  });
});
