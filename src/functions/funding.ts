/**
 * AIDE_DISPOSITIF: what a fund pays a project, under a rule typed in the workbook (its rule
 * sheet's table, by range or named range: REGLE_RECITAL_FT) or shipped (its identifier).
 */

import { field, InputError, invalid } from "../core/errors";
import { RULE_SET_IDS } from "../core/explor";
import {
  annualAid,
  CATEGORY_TYPE,
  describeProblem,
  type FundingRule,
  flatAid,
  fundingRuleById,
  rateAid,
  readRuleTable,
} from "../core/funding";
import { isBlank, parseAmount } from "../core/money";
import { centsResult } from "../planning/results";
import { customFunction } from "./registry";
import {
  type Cells,
  cellsOf,
  inShapeOf,
  isRange,
  lineOf,
  type SheetCell,
  type SheetValue,
} from "./sheet-values";

const RULE_HINT = 'une plage de règle (ex. REGLE_RECITAL_FT) ou un identifiant (ex. "RECITAL-FT")';
const CATEGORY_ADVICE = "règle par catégories : utilisez EXPLOR_PRISE_EN_CHARGE";
const MAX_UNITS = 100_000;

/** The rule a `dispositif` argument names: a table read cell by cell, or a shipped rule's id. */
export function fundingRuleOf(dispositif: SheetValue): FundingRule {
  const where = field("dispositif");
  if (isRange(dispositif)) {
    const read = readRuleTable(dispositif);
    if (read.kind === "rule") return read.rule;
    if (read.kind === "categories") {
      throw invalid("Dispositif inadapté", where, read.id ?? CATEGORY_TYPE, CATEGORY_ADVICE);
    }
    const [first, ...others] = read.problems;
    const more =
      others.length > 0
        ? ` (et ${others.length} autre${others.length > 1 ? "s" : ""} problème${others.length > 1 ? "s" : ""} : Lianes › Paramètres › Vérifier les paramètres)`
        : "";
    throw new InputError(
      `${describeProblem(`Règle ${read.id ?? "sans identifiant"}`, first ?? { message: "table vide" })}${more}`,
    );
  }
  if (isBlank(dispositif)) throw invalid("Dispositif manquant", where, dispositif, RULE_HINT);
  if (typeof dispositif !== "string") throw invalid("Dispositif invalide", where, dispositif, RULE_HINT);
  const id = dispositif.trim().toUpperCase();
  if (RULE_SET_IDS.includes(id)) throw invalid("Dispositif inadapté", where, dispositif, CATEGORY_ADVICE);
  try {
    return fundingRuleById(dispositif, where);
  } catch (error) {
    if (!(error instanceof InputError) || !/^[A-Z0-9][A-Z0-9-]*$/.test(id)) throw error;
    // A rule of the workbook is read by its table, not by its identifier: say which name to use.
    throw new InputError(
      `${error.message} ; une règle du classeur se lit par sa plage nommée, ex. REGLE_${id.replace(/-/g, "_")}`,
    );
  }
}

/** A whole number of units ≥ 1; blank is 1. */
function parseUnits(value: unknown, line: number | undefined): number {
  if (isBlank(value)) return 1;
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\s*\d+\s*$/.test(value)
        ? Number(value)
        : Number.NaN;
  const where = field("unites", line);
  if (!Number.isInteger(n) || n < 1) {
    throw invalid("Nombre d'unités invalide", where, value, "un nombre entier, 1 ou plus");
  }
  if (n > MAX_UNITS) throw invalid("Nombre d'unités trop grand", where, value, "au plus 100 000");
  return n;
}

function yearsOf(costs: Cells, rule: Extract<FundingRule, { type: "taux annuel" }>): void {
  if (costs.isRange && costs.rows > 1 && costs.cols > 1) {
    throw new InputError(
      `Plage invalide (couts) : une seule ligne ou une seule colonne de coûts annuels attendue, pas ${costs.rows} lignes × ${costs.cols} colonnes`,
    );
  }
  let given = 0;
  costs.values.forEach((v, i) => {
    if (!isBlank(v)) given = i + 1;
  });
  if (given > rule.years) {
    throw new InputError(
      `Trop d'années (couts) : ${given} coûts annuels, la règle ${rule.id} finance ${rule.years} an${
        rule.years > 1 ? "s" : ""
      } au plus`,
    );
  }
}

export const AIDE_DISPOSITIF = customFunction({
  name: "AIDE_DISPOSITIF",
  // The aid has the shape of the costs, whatever the size of the rule's table.
  spill: ([, costs]) => ({ rows: costs?.rows ?? 1, columns: costs?.columns ?? 1 }),
  summary:
    "Aide d'un dispositif de financement (taux, taux annuel ou forfait) pour un projet, selon la règle de sa feuille « Règle … » ou une règle livrée.",
  params: [
    {
      name: "dispositif",
      description:
        "La table de la règle (plage ou plage nommée, ex. REGLE_RECITAL_FT) ou l'identifiant d'une règle livrée (RECITAL-FT, RECITAL-PS, RECITAL-TANDEM).",
      example: "REGLE_RECITAL_FT",
    },
    {
      name: "couts",
      description:
        "Coût total du projet en euros (ou une plage de coûts) ; pour un taux annuel, une ligne ou une colonne avec le coût de chaque année.",
      example: "2000",
    },
    {
      name: "unites",
      description: "Forfait seulement : nombre d'unités (tandems…), un nombre entier ≥ 1 ; vide = 1.",
      example: "2",
      optional: true,
    },
  ],
  returns:
    "Aide en euros, arrondie au centime ; même forme que couts, vide pour un coût vide (sauf forfait : sans coût, pas de plafond).",
  examples: [
    "=AIDE_DISPOSITIF(REGLE_RECITAL_FT; 2000) → 1400",
    "=AIDE_DISPOSITIF(REGLE_RECITAL_FT; 5000) → 3000",
    '=AIDE_DISPOSITIF("RECITAL-FT"; 1234,57) → 864,2',
    "=AIDE_DISPOSITIF(REGLE_RECITAL_PS; B2:D2) avec 6 000, 8 000, 10 000 → 4200 ; 5000 ; 5000",
    "=AIDE_DISPOSITIF(REGLE_RECITAL_TANDEM; 1500; 2) → 1200",
    "=AIDE_DISPOSITIF(REGLE_RECITAL_TANDEM; 450; 1) → 450",
  ],
  errors: [
    "Aide sous le minimum (couts) : 70\u202f% de 600,00\u00a0€ = 420,00\u00a0€, le dispositif finance de 500,00\u00a0€ à 3\u202f000,00\u00a0€",
    "Règle RECITAL-FT, B4 : taux invalide « 170 % » — un taux entre 0 et 100 %",
    "Règle RECITAL-FT, A8 : paramètre inconnu « Plafond » — paramètres d'une règle taux : Identifiant, Nom, Type, Taux, Aide minimale, Aide maximale",
    "Règle RECITAL-FT : paramètre manquant « Taux » — obligatoire pour une règle taux",
    "Règle RECITAL-FT, B6 : aide maximale invalide « 400 » — inférieure à l'aide minimale",
    "Règle RECITAL-FT, B3 : type inconnu « pourcentage » — taux, taux annuel, forfait ou plafonds par catégorie",
    "Règle RECITAL-PS, B6 : nombre d'années invalide « 1,5 » — un nombre entier d'années, de 1 à 100",
    "Trop d'années (couts) : 4 coûts annuels, la règle RECITAL-PS finance 3 ans au plus",
    "Montant négatif non accepté (couts) : « -5 »",
    "Montant invalide (couts, ligne 2) : « abc »",
    "Nombre d'unités invalide (unites) : « 1,5 » — un nombre entier, 1 ou plus",
    "Unités sans objet (unites) : « 2 » — seule une règle forfait compte des unités ; RECITAL-FT est une règle taux",
    "Dispositif inadapté (dispositif) : « EXPLOR-HDF-2025 » — règle par catégories : utilisez EXPLOR_PRISE_EN_CHARGE",
    "Dispositif inconnu (dispositif) : « RECITAL-FT-2027 » — dispositifs connus : RECITAL-FT, RECITAL-PS, RECITAL-TANDEM ; une règle du classeur se lit par sa plage nommée, ex. REGLE_RECITAL_FT_2027",
    'Dispositif manquant (dispositif) : « » (vide) — une plage de règle (ex. REGLE_RECITAL_FT) ou un identifiant (ex. "RECITAL-FT")',
  ],
  run(dispositif, couts, unites) {
    const rule = fundingRuleOf(dispositif);
    const costs = cellsOf(couts);
    if (rule.type !== "forfait" && !isBlank(unites) && !isRange(unites)) {
      throw invalid(
        "Unités sans objet",
        field("unites"),
        unites,
        `seule une règle forfait compte des unités ; ${rule.id} est une règle ${rule.type}`,
      );
    }
    const results = new Array<SheetCell>(costs.values.length);
    switch (rule.type) {
      case "taux":
        costs.values.forEach((v, i) => {
          const where = field("couts", lineOf(costs, i));
          results[i] = isBlank(v) ? "" : centsResult(rateAid(rule, parseAmount(v, where), where));
        });
        break;
      case "taux annuel":
        yearsOf(costs, rule);
        costs.values.forEach((v, i) => {
          const where = field("couts", lineOf(costs, i));
          results[i] = isBlank(v) ? "" : centsResult(annualAid(rule, parseAmount(v, where)));
        });
        break;
      case "forfait": {
        const units = cellsOf(unites);
        const oneUnit = !units.isRange || units.values.length === 1;
        if (!oneUnit && (units.rows !== costs.rows || units.cols !== costs.cols)) {
          throw new InputError(
            `Formes différentes : unites (${units.rows} × ${units.cols}) doit être une seule cellule ou avoir la forme de couts (${costs.rows} × ${costs.cols})`,
          );
        }
        costs.values.forEach((v, i) => {
          const u = oneUnit ? units.values[0] : units.values[i];
          // In a range, a line with neither cost nor units is an empty line.
          if (costs.isRange && isBlank(v) && isBlank(u)) {
            results[i] = "";
            return;
          }
          const line = lineOf(costs, i);
          const cost = isBlank(v) ? undefined : parseAmount(v, field("couts", line));
          results[i] = centsResult(flatAid(rule, parseUnits(u, oneUnit ? undefined : line), cost));
        });
        break;
      }
    }
    return inShapeOf(costs, results);
  },
});

export const fundingFunctions = [AIDE_DISPOSITIF];
