/**
 * The calculator's server side: the menu opener and the two writes. What the page sends is
 * validated (strict shapes, sizes) and every line read again with the core before anything
 * is written; the page's own figures are never trusted.
 */
import * as z from "zod/mini";
import { insertMissionSheet } from "../../addon/mission-sheet";
import { openSidebar } from "../../addon/sidebars";
import { type Decimal, toNumber } from "../../core/decimal";
import { InputError } from "../../core/errors";
import {
  DECOMPTE_HEADER,
  DECOMPTE_TOTAL_ROWS,
  decompteRows,
  findCategory,
  type RuleSet,
  ruleSetById,
} from "../../core/explor";
import { parseInFrench } from "../../core/zod-french";
import { MISSION_SHEET_NAME, type MissionLineInput } from "../../planning/mission-layout";
import { asText, FORMAT, type LayoutCell } from "../../planning/sheet-layout";
import {
  computeDecompte,
  type Decompte,
  type ExpenseFields,
  firstError,
  frenchDate,
  OTHER,
  type ReadLine,
} from "./expenses";

export const MAX_LINES = 200;
export { DECOMPTE_HEADER };

const text = (max: number) => z.string().check(z.maxLength(max));

const receiptSchema = z.strictObject({
  date: text(10),
  fournisseur: text(200),
  prestation: text(200),
  montant: text(40),
});

const lineSchema = z.strictObject({
  categorie: text(40),
  libelle: text(200),
  montant: text(40),
  devise: text(10),
  taux: text(40),
  mois: text(20),
  jours: text(10),
  justificatif: receiptSchema,
});

export const calculatorRequestSchema = z.strictObject({
  regle: text(40),
  /** Prévisionnel (default) or Décompte final: then a line lacking its receipt is not reimbursed. */
  etape: z.optional(z.enum(["previsionnel", "final"])),
  titre: text(200),
  lignes: z.array(lineSchema).check(z.maxLength(MAX_LINES)),
});

export type CalculatorRequest = z.infer<typeof calculatorRequestSchema>;

/** The request, validated, with its rule set and its lines read by the core. */
export function readRequest(request: unknown): {
  request: CalculatorRequest;
  ruleSet: RuleSet;
  decompte: Decompte;
} {
  const data = parseInFrench(calculatorRequestSchema, request, "Calculateur EXPLOR", {}, 1);
  const ruleSet = ruleSetById(data.regle);
  const decompte = computeDecompte(ruleSet, data.lignes, data.etape ?? "previsionnel");
  const error = firstError(decompte);
  if (error) throw new InputError(error);
  return { request: data, ruleSet, decompte };
}

/** The décompte as values: the core's table, labels kept as text. */
export function decompteTable(ruleSet: RuleSet, decompte: Decompte): LayoutCell[][] {
  const totals = decompte.totals;
  if (!totals) throw new Error("décompte sans totaux");
  const rows = decompteRows(ruleSet, totals);
  return rows.map((row, i) =>
    i > 0 && i < rows.length - DECOMPTE_TOTAL_ROWS && typeof row[0] === "string"
      ? [asText(row[0]), ...row.slice(1)]
      : row,
  );
}

export interface InsertedDecompte {
  readonly sheet: string;
  /** `B3:F14`. */
  readonly range: string;
}

function isEmptyCell(value: unknown): boolean {
  return value === "" || value === null || value === undefined;
}

/** Sidebar: writes the décompte at the selected cell, as values, refusing to cover anything. */
export function serverInsererDecompte(request: unknown): InsertedDecompte {
  const { ruleSet, decompte } = readRequest(request);
  const rows = decompteTable(ruleSet, decompte);
  if (rows.length === 1 + DECOMPTE_TOTAL_ROWS)
    throw new InputError("Aucune dépense à inscrire : saisissez au moins un montant");
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getActiveSheet();
  const anchor = spreadsheet.getActiveRange() ?? sheet.getRange(1, 1);
  const top = anchor.getRow();
  const left = anchor.getColumn();
  const width = DECOMPTE_HEADER.length;
  if (left + width - 1 > sheet.getMaxColumns()) {
    throw new InputError(
      `Pas assez de colonnes à droite de ${anchor.getA1Notation()} pour les ${width} colonnes du décompte : choisissez une cellule plus à gauche`,
    );
  }
  const missingRows = top + rows.length - 1 - sheet.getMaxRows();
  if (missingRows > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missingRows);
  const range = sheet.getRange(top, left, rows.length, width);
  const formulas = range.getFormulas();
  const taken = range.getValues().some((row, i) => row.some((v, j) => !isEmptyCell(v) || formulas[i]?.[j]));
  if (taken) {
    throw new InputError(
      `Le décompte occuperait ${range.getA1Notation()}, qui contient déjà des données : sélectionnez une cellule libre (${rows.length} lignes × ${width} colonnes)`,
    );
  }
  range.setValues(rows);
  range.setNumberFormats(
    rows.map(() => [FORMAT.text, FORMAT.euros, FORMAT.euros, FORMAT.euros, FORMAT.text]),
  );
  sheet.getRange(top, left, 1, width).setFontWeight("bold");
  sheet
    .getRange(top + rows.length - DECOMPTE_TOTAL_ROWS, left, DECOMPTE_TOTAL_ROWS, width)
    .setFontWeight("bold");
  return { sheet: sheet.getName(), range: range.getA1Notation() };
}

/** An `autre` line's label, kept from matching a category in the sheet's formulas. */
function otherLabel(ruleSet: RuleSet, label: string): string {
  return findCategory(ruleSet, label) ? `Autre dépense : ${label}` : label;
}

function number(d: Decimal | undefined): number | string {
  return d === undefined ? "" : toNumber(d);
}

function missionLine(ruleSet: RuleSet, fields: ExpenseFields, line: ReadLine): MissionLineInput {
  const foreign = line.currency !== "EUR";
  return {
    category: fields.categorie === OTHER ? otherLabel(ruleSet, line.label) : line.label,
    amount: number(line.given),
    currency: line.currency,
    ...(foreign ? { rate: number(line.rate), month: line.month ?? "" } : {}),
    ...(line.days === undefined ? {} : { days: line.days }),
    receipt: {
      date: frenchDate(fields.justificatif.date),
      supplier: fields.justificatif.fournisseur,
      service: fields.justificatif.prestation,
      amount: number(line.receiptAmount),
    },
  };
}

export interface FilledMissionSheet {
  readonly sheet: string;
}

/** Sidebar: a new mission sheet holding these lines, with its live formulas. */
export function serverRemplirFeuilleMission(request: unknown): FilledMissionSheet {
  const { request: valid, ruleSet, decompte } = readRequest(request);
  const lines: MissionLineInput[] = [];
  decompte.lines.forEach((result, i) => {
    const fields = valid.lignes[i];
    if (result.line && fields) lines.push(missionLine(ruleSet, fields, result.line));
  });
  if (lines.length === 0) throw new InputError("Aucune dépense à inscrire : saisissez au moins une ligne");
  const title = valid.titre.trim();
  const sheet = insertMissionSheet([
    {
      title: title === "" ? MISSION_SHEET_NAME : title,
      ruleSetId: ruleSet.id,
      stage: valid.etape === "final" ? "Décompte final" : "Prévisionnel",
      lines,
    },
  ]);
  return { sheet };
}

/** Lianes › Calculateur EXPLOR. */
export function menuCalculateurExplor(): void {
  openSidebar({ file: "calculateur-explor", title: "Calculateur EXPLOR" });
}
