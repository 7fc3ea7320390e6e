/**
 * Convention budget functions: a unit cost, whole percentages adding up to 100, a balanced
 * financing plan, and Article 5's prorated subsidy. Sheets values in (scalars or ranges, blanks
 * as ""), plain numbers and texts out.
 */

import { type FinancingPlan, proratedSubsidy, unitCost, wholePercents } from "../core/convention";
import { type ChargeRow, type ReceiptRow, readFinancingPlan } from "../core/convention/plan-reader";
import { type Cents, compare, type Decimal, isNegative, isZero, multiply } from "../core/decimal";
import { type Field, field, InputError, invalid } from "../core/errors";
import {
  type AmountOptions,
  amountCents,
  isBlank,
  MAX_AMOUNT,
  MAX_AMOUNT_TEXT,
  parseAmount,
} from "../core/money";
import { centsResult } from "../planning/results";
import { customFunction } from "./registry";
import {
  cellsOf,
  inShapeOf,
  isRange,
  lineOf,
  type SheetCell,
  type SheetScalar,
  type SheetValue,
} from "./sheet-values";

function positive(value: unknown, where: Field, error: string, noun: AmountOptions["noun"]): Decimal {
  const d = parseAmount(value, where, { allowNegative: true, noun });
  if (isNegative(d) || isZero(d)) throw invalid(error, where, value);
  return d;
}

/** total ÷ quantity, an error naming the quantity when the unit cost would be absurd. */
function unitCostWithin(total: Decimal, quantity: Decimal, where: Field, original: unknown): number {
  if (compare(total, multiply(MAX_AMOUNT, quantity)) > 0) {
    throw invalid(
      "Quantité trop petite pour ce total",
      where,
      original,
      `le coût unitaire dépasserait ${MAX_AMOUNT_TEXT}`,
    );
  }
  return centsResult(unitCost(total, quantity));
}

export const COUT_UNITAIRE = customFunction({
  name: "COUT_UNITAIRE",
  summary:
    "Coût unitaire d'une ligne de budget : total ÷ quantité, arrondi au centime le plus proche (un demi-centime vers le haut).",
  params: [
    {
      name: "total",
      description: "Total de la ligne en euros (nombre ou texte, ex. 1 066,52).",
      example: "1066.52",
    },
    {
      name: "quantite",
      description: "Nombre d'unités (porteurs, modules, forfait…), strictement positif.",
      example: "8",
    },
  ],
  returns: "Coût unitaire en euros, arrondi au centime ; vide si les deux cellules sont vides.",
  examples: ["=COUT_UNITAIRE(1066,52; 8) → 133,32", "=COUT_UNITAIRE(2,01; 2) → 1,01"],
  errors: [
    "Quantité invalide, elle doit être strictement positive (quantite) : « 0 »",
    "Montant invalide (total) : « abc »",
  ],
  run(total, quantite) {
    const totals = cellsOf(total);
    const quantities = cellsOf(quantite);
    const scalarQuantity = !quantities.isRange || quantities.values.length === 1;
    if (!scalarQuantity && (quantities.rows !== totals.rows || quantities.cols !== totals.cols)) {
      throw new InputError(
        `Formes différentes : quantite (${quantities.rows} × ${quantities.cols}) doit avoir la forme de total (${totals.rows} × ${totals.cols}) ou être une seule cellule`,
      );
    }
    const results = totals.values.map((t, i): SheetCell => {
      const q = scalarQuantity ? quantities.values[0] : quantities.values[i];
      const row = lineOf(totals, i);
      // A blank row of a range of totals sharing one quantity stays blank, like two blank cells.
      if (isBlank(t) && (isBlank(q) || (totals.isRange && scalarQuantity))) return "";
      const amount = parseAmount(t, field("total", row));
      const quantityField = field("quantite", row);
      const quantity = positive(
        q,
        quantityField,
        "Quantité invalide, elle doit être strictement positive",
        "Nombre",
      );
      return unitCostWithin(amount, quantity, quantityField, q);
    });
    return inShapeOf(totals, results);
  },
});

export const POURCENTAGES = customFunction({
  name: "POURCENTAGES",
  summary:
    "Part de chaque montant dans le total, en pourcentages entiers dont la somme fait exactement 100 % (plus forts restes).",
  params: [
    {
      name: "montants",
      description: "Une colonne ou une ligne de montants positifs ; les cellules vides restent vides.",
      example: "B2:B5",
    },
  ],
  returns: "La même forme que la plage : des fractions à deux décimales (0,68 = 68 %) dont la somme fait 1.",
  examples: [
    "=POURCENTAGES({1;1;1}) → 0,34 ; 0,33 ; 0,33",
    "=POURCENTAGES(B2:B5) (charges CD62) → 0,68 ; 0,02 ; 0,12 ; 0,18",
  ],
  errors: [
    "Total nul (montants) : impossible de calculer des pourcentages d'un total de 0,00\u00a0€",
    "Plage invalide (montants) : une seule colonne ou une seule ligne attendue, pas 2 lignes × 2 colonnes",
    "Montant négatif non accepté (montants, ligne 2) : « -2 »",
  ],
  run(montants) {
    const { values, shape } = lineOfCells(montants);
    const filled: number[] = [];
    const amounts: Cents[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (isBlank(v)) continue;
      filled.push(i);
      amounts.push(amountCents(v, field("montants", shape === "scalar" ? undefined : i + 1)));
    }
    if (amounts.every((a) => a === 0)) {
      throw new InputError(
        "Total nul (montants) : impossible de calculer des pourcentages d'un total de 0,00\u00a0€",
      );
    }
    const percents = wholePercents(amounts);
    const results: SheetCell[] = new Array(values.length).fill("");
    for (let k = 0; k < filled.length; k++) results[filled[k] as number] = (percents[k] as number) / 100;
    if (shape === "scalar") return results[0] as SheetCell;
    return shape === "row" ? [results] : results.map((r) => [r]);
  },
});

/** A column, a row or one cell, as a flat list (without `flat()`, slow on 10 000 rows). */
function lineOfCells(value: SheetValue): { values: SheetScalar[]; shape: "column" | "row" | "scalar" } {
  if (!isRange(value)) return { values: [value ?? ""], shape: "scalar" };
  const rows = value.length;
  const columns = value[0]?.length ?? 0;
  if (columns === 1) return { values: value.map((r) => r[0] ?? ""), shape: "column" };
  if (rows === 1) return { values: value[0] ?? [], shape: "row" };
  throw new InputError(
    `Plage invalide (montants) : une seule colonne ou une seule ligne attendue, pas ${rows} lignes × ${columns} colonnes`,
  );
}

function rowsOf(value: SheetValue, name: string, minColumns: number, maxColumns: number): SheetScalar[][] {
  if (!isRange(value)) {
    throw new InputError(
      `Plage attendue (${name}) : ${minColumns} à ${maxColumns} colonnes, une ligne par poste`,
    );
  }
  const columns = value[0]?.length ?? 0;
  if (columns < minColumns || columns > maxColumns) {
    const expected = minColumns === maxColumns ? `${minColumns}` : `${minColumns} ou ${maxColumns}`;
    throw new InputError(`Plage invalide (${name}) : ${expected} colonnes attendues, pas ${columns}`);
  }
  return value;
}

/** The charges range reshaped into rows (category, amount) for the core's plan reader. */
function chargeRows(depenses: SheetValue): ChargeRow[] {
  return rowsOf(depenses, "depenses", 2, 2).map(([category, amount]) => ({ category, amount }));
}

/** The receipts range reshaped into rows (funder, amount or « solde », share). */
function receiptRows(recettes: SheetValue): ReceiptRow[] {
  return rowsOf(recettes, "recettes", 2, 3).map(([name, amount, share = ""]) => ({ name, amount, share }));
}

/** The functions name the lists by their argument. */
const PLAN_ARGUMENTS = { charges: "depenses", receipts: "recettes" } as const;

export const PLAN_HEADER: SheetCell[] = ["Dépenses", "Montant", "%", "Recettes", "Montant", "%"];

function planTable(plan: FinancingPlan): SheetCell[][] {
  const height = Math.max(plan.charges.length, plan.receipts.length);
  const table: SheetCell[][] = [PLAN_HEADER];
  for (let i = 0; i < height; i++) {
    const charge = plan.charges[i];
    const receipt = plan.receipts[i];
    table.push([
      ...(charge ? [charge.label, centsResult(charge.amount), charge.percent / 100] : ["", "", ""]),
      ...(receipt ? [receipt.label, centsResult(receipt.amount), receipt.percent / 100] : ["", "", ""]),
    ]);
  }
  table.push(["TOTAL CHARGES", centsResult(plan.total), 1, "TOTAL PRODUITS", centsResult(plan.total), 1]);
  return table;
}

export const PLAN_FINANCEMENT = customFunction({
  name: "PLAN_FINANCEMENT",
  // Header, the longer side's lines, the totals row.
  spill: ([charges, receipts]) => ({
    rows: 2 + Math.max(charges?.rows ?? 1, receipts?.rows ?? 1),
    columns: 6,
  }),
  summary:
    "Plan de financement équilibré : dépenses regroupées par catégorie, recettes (montant fixe, part ou « solde »), pourcentages.",
  params: [
    {
      name: "depenses",
      description:
        "Deux colonnes : catégorie, montant. Les catégories identiques (casse, accents, espaces) sont additionnées.",
      example: "A2:B13",
    },
    {
      name: "recettes",
      description:
        "Deux ou trois colonnes : financeur, montant (ou « solde ») et, à la place du montant, une part (0,83 ou 83 %).",
      example: "D2:F3",
    },
  ],
  returns:
    "Un tableau : Dépenses, Montant, %, Recettes, Montant, % ; une ligne par poste ; TOTAL CHARGES / TOTAL PRODUITS.",
  examples: [
    "=PLAN_FINANCEMENT(A2:B13; D2:E3) avec RECITAL 2 000 et CD62 « solde » → CD62 9 879,54 (83 %), RECITAL 2 000,00 (17 %)",
  ],
  errors: [
    "Plan de financement déséquilibré : total des charges 11 879,54 €, total des produits 10 929,54 €, il manque 950,00 €",
    "Plan de financement déséquilibré : total des charges 100,00 €, total des produits 150,00 €, excédent de 50,00 €",
    "Un seul financeur peut être « solde » (recettes, ligne 2) : « B »",
    "Montant et part remplis tous les deux (recettes, ligne 1) : « A » — indiquez soit un montant, soit une part",
    "Part invalide (recettes, ligne 1) : « 120 % » — une fraction entre 0 et 1 (0,83) ou un pourcentage (83 %)",
    "Plan de financement sans recette (recettes) : aucune ligne remplie",
    "Catégorie manquante (depenses, ligne 1) : « 100 »",
  ],
  run(depenses, recettes) {
    return planTable(readFinancingPlan(chargeRows(depenses), receiptRows(recettes), PLAN_ARGUMENTS));
  },
});

export const PRORATA_SUBVENTION = customFunction({
  name: "PRORATA_SUBVENTION",
  summary:
    "Subvention due au prorata des dépenses réalisées (article 5) : subvention × min(réalisé, prévisionnel) ÷ prévisionnel.",
  params: [
    { name: "subvention", description: "Subvention accordée (article 4), en euros.", example: "9879.54" },
    {
      name: "cout_previsionnel",
      description: "Coût total prévisionnel, en euros (strictement positif).",
      example: "11879.54",
    },
    { name: "depenses_realisees", description: "Dépenses réellement réalisées, en euros.", example: "10000" },
  ],
  returns: "Subvention due en euros, arrondie au centime, jamais au-delà de la subvention accordée.",
  examples: [
    "=PRORATA_SUBVENTION(9879,54; 11879,54; 10000) → 8 316,43",
    "=PRORATA_SUBVENTION(9879,54; 11879,54; 12500) → 9 879,54",
  ],
  errors: [
    "Coût prévisionnel invalide, il doit être strictement positif (cout_previsionnel) : « 0 »",
    "Montant négatif non accepté (depenses_realisees) : « -1 »",
  ],
  run(subvention, cout_previsionnel, depenses_realisees) {
    const subsidy = parseAmount(subvention, field("subvention"));
    const forecast = positive(
      cout_previsionnel,
      field("cout_previsionnel"),
      "Coût prévisionnel invalide, il doit être strictement positif",
      "Montant",
    );
    const actual = parseAmount(depenses_realisees, field("depenses_realisees"));
    return centsResult(proratedSubsidy(subsidy, forecast, actual));
  },
});

export const conventionFunctions = [COUT_UNITAIRE, POURCENTAGES, PLAN_FINANCEMENT, PRORATA_SUBVENTION];
