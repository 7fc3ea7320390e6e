/**
 * The financial annex of a convention, as a document model: the Article 4 figures, the budget
 * table and the financing plan (charges and products side by side, whole percentages adding up
 * to 100 %, totals in bold), every figure in fr-FR (`9 879,54 €`, `83 %`).
 */
import {
  budgetLines,
  budgetTotal,
  type ConventionDefinition,
  conventionPlan,
  wholePercents,
} from "../convention";
import { type Cents, cents } from "../decimal";
import { formatParisDate } from "../intake/paris-time";
import { formatEuros } from "../money";
import type { DocumentModel, TableRow } from "./model";

const percent = (n: number) => `${n}\u00a0%`;

export function annexTitle(c: ConventionDefinition): string {
  return `Annexe financière — ${c.id}`;
}

/** The annex of a convention; `madeAt` is the date printed at its foot. */
export function financialAnnex(c: ConventionDefinition, madeAt: Date): DocumentModel {
  const plan = conventionPlan(c);
  const lines = budgetLines(c);
  const total = budgetTotal(c);
  const subsidy = cents(Math.round(c.subsidy * 100));
  const forecast = cents(Math.round(c.forecastTotal * 100));
  const [subsidyPercent = 0] =
    forecast > 0 && subsidy <= forecast ? wholePercents([subsidy, cents(forecast - subsidy)]) : [];
  const rows = Math.max(plan.charges.length, plan.receipts.length);
  const side = (line: { label: string; amount: Cents; percent: number } | undefined) =>
    line ? [line.label, formatEuros(line.amount), percent(line.percent)] : ["", "", ""];
  const planRows: TableRow[] = Array.from({ length: rows }, (_, i) => ({
    cells: [...side(plan.charges[i]), ...side(plan.receipts[i])],
  }));
  const sumPercents = (lines: readonly { percent: number }[]) => lines.reduce((s, l) => s + l.percent, 0);
  planRows.push({
    bold: true,
    cells: [
      "TOTAL CHARGES",
      formatEuros(plan.total),
      percent(sumPercents(plan.charges)),
      "TOTAL PRODUITS",
      formatEuros(cents(plan.receipts.reduce((s, r) => s + r.amount, 0))),
      percent(sumPercents(plan.receipts)),
    ],
  });
  return {
    title: annexTitle(c),
    blocks: [
      { kind: "heading", level: 1, text: annexTitle(c) },
      {
        kind: "paragraph",
        text: `${c.label}\nConvention ${c.year} — ${c.funder.label} et Lianes coopération`,
      },
      { kind: "heading", level: 2, text: "Article 4 — Montant de la subvention" },
      {
        kind: "table",
        header: ["", "Montant"],
        align: ["left", "right"],
        rows: [
          { cells: [`Subvention accordée — ${c.funder.label} (${c.funder.name})`, formatEuros(subsidy)] },
          { cells: ["Coût total prévisionnel du programme", formatEuros(forecast)] },
          { cells: ["Part de la subvention dans le coût total", percent(subsidyPercent)], bold: true },
        ],
      },
      {
        kind: "paragraph",
        text:
          `La participation du financeur (${c.funder.label}) est plafonnée à ${formatEuros(subsidy)}. Si les dépenses réalisées ` +
          "sont inférieures au coût total prévisionnel, la subvention est réduite au prorata (article 5).",
      },
      { kind: "heading", level: 2, text: "Budget prévisionnel" },
      {
        kind: "table",
        header: ["Type de dépense", "Nbre", "Unité", "Coût unitaire", "Total"],
        align: ["left", "right", "left", "right", "right"],
        rows: [
          ...lines.map((l) => ({
            cells: [l.type, String(l.quantity), l.unit, formatEuros(l.unitCost), formatEuros(l.total)],
          })),
          { bold: true, cells: ["Total", "", "", "", formatEuros(total)] },
        ],
      },
      { kind: "heading", level: 2, text: "Plan de financement" },
      {
        kind: "table",
        header: ["Charges", "Montant", "%", "Produits", "Montant", "%"],
        align: ["left", "right", "right", "left", "right", "right"],
        rows: planRows,
      },
      {
        kind: "paragraph",
        text:
          "Pourcentages arrondis à l'unité de façon que chaque colonne fasse exactement 100 % (plus forts restes).\n" +
          `Document établi le ${formatParisDate(madeAt)} à partir de la définition ${c.id} du module Lianes.`,
      },
    ],
  };
}
