/**
 * EXPLOR custom functions: a line's ceiling and eligible amount, a mission's contribution,
 * what the association bears, and the décompte, under a rule set given by id.
 * Sheets values in (scalars or ranges, blanks as ""), plain numbers and texts out.
 */
import { type Decimal, toCents } from "../core/decimal";
import { field, InputError, invalid } from "../core/errors";
import {
  addLine,
  assessLine,
  type Category,
  categoryMatcher,
  emptySums,
  type LineAssessment,
  type LineCeiling,
  lineCeiling,
  type MissionTotals,
  missionTotals,
  parseDays,
  type RuleSet,
  ruleSetOf,
} from "../core/explor";
import { exceedsMaxAmount, isBlank, MAX_AMOUNT_TEXT, parseAmount } from "../core/money";
import { centsResult } from "../planning/results";
import { customFunction, ONE_CELL, type ParamSpec } from "./registry";
import { type Cells, cellsOf, inShapeOf, lineOf, type SheetCell, type SheetValue } from "./sheet-values";

const NO_CEILING = "sans plafond";

/** The optional arguments every EXPLOR function shares. */
const RULE_PARAM: ParamSpec = {
  name: "regle",
  description: "Identifiant de la règle (par défaut EXPLOR-HDF-2025 ; aussi EXPLOR-AURA).",
  example: '"EXPLOR-HDF-2025"',
  optional: true,
};

function daysParam(example: string): ParamSpec {
  return {
    name: "jours",
    description: "Durée en jours (per diem) : vide, un nombre pour toute la mission, ou une plage.",
    example,
    optional: true,
  };
}

function euros(d: Decimal): number {
  return centsResult(toCents(d));
}

function ceilingResult(c: LineCeiling): number | string {
  return c === "none" ? NO_CEILING : euros(c);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n > 1 ? "s" : ""}`;
}

function describeShape(c: Cells): string {
  return c.isRange ? `${plural(c.rows, "ligne")} × ${plural(c.cols, "colonne")}` : "une seule cellule";
}

function requireSameShape(reference: Cells, referenceName: string, other: Cells, otherName: string): void {
  if (reference.isRange === other.isRange && reference.rows === other.rows && reference.cols === other.cols) {
    return;
  }
  throw new InputError(
    `Formes différentes : ${otherName} (${describeShape(other)}) doit avoir la forme de ${referenceName} (${describeShape(reference)})`,
  );
}

/** Days of each line: none, the mission's duration for every line, or one value per line. */
type DaysOf = (index: number) => number | undefined;

const NO_DAYS: DaysOf = () => undefined;

function daysOf(jours: SheetValue, categories: Cells, categoriesName: string): DaysOf {
  if (Array.isArray(jours)) {
    const days = cellsOf(jours);
    if (days.rows === 1 && days.cols === 1) return daysOf(days.values[0], categories, categoriesName);
    requireSameShape(categories, categoriesName, days, "jours");
    const parsed: (number | undefined)[] = days.values.map((v, i) =>
      isBlank(v) ? undefined : parseDays(v, field("jours", lineOf(days, i))),
    );
    return (i) => parsed[i];
  }
  if (isBlank(jours)) return NO_DAYS;
  const duration = parseDays(jours, field("jours"));
  return () => duration;
}

interface ParameterNames {
  readonly category: string;
  readonly amount: string;
}

const LINE_NAMES: ParameterNames = { category: "categorie", amount: "montant" };
const MISSION_NAMES: ParameterNames = { category: "categories", amount: "montants" };

/** What each cell of a mission's ranges holds, once read and assessed. */
interface MissionLines {
  readonly ruleSet: RuleSet;
  readonly categories: Cells;
  /** Per cell: undefined for a blank row or a line with nothing to count. */
  readonly assessments: (LineAssessment | undefined)[];
  /** Per cell: the category found, undefined when blank or unknown. */
  readonly found: (Category | undefined)[];
  /** The amounts as given, and the argument names, for errors on the totals. */
  readonly amounts: Cells;
  readonly names: ParameterNames;
}

function readMission(
  categorie: SheetValue,
  montant: SheetValue,
  jours: SheetValue,
  regle: SheetValue,
  names: ParameterNames,
): MissionLines {
  const ruleSet = ruleSetOf(regle);
  const categories = cellsOf(categorie);
  const amounts = cellsOf(montant);
  requireSameShape(categories, names.category, amounts, names.amount);
  const days = daysOf(jours, categories, names.category);
  const matchCategory = categoryMatcher(ruleSet);
  const n = categories.values.length;
  const assessments = new Array<LineAssessment | undefined>(n);
  const found = new Array<Category | undefined>(n);
  for (let i = 0; i < n; i++) {
    const c = categories.values[i];
    const a = amounts.values[i];
    const blankCategory = isBlank(c);
    const blankAmount = isBlank(a);
    if (blankCategory && blankAmount) continue;
    const amountField = field(names.amount, lineOf(categories, i));
    const category = blankCategory ? undefined : matchCategory(String(c));
    const amount = blankAmount ? undefined : parseAmount(a, amountField);
    found[i] = category;
    assessments[i] = assessLine(
      ruleSet,
      category,
      amount,
      category?.daily ? days(i) : undefined,
      amountField,
    );
  }
  return { ruleSet, categories, assessments, found, amounts, names };
}

function totalsOf(mission: MissionLines): MissionTotals {
  const sums = emptySums();
  mission.assessments.forEach((line, i) => {
    if (!line) return;
    addLine(sums, line);
    if (exceedsMaxAmount(sums.real)) {
      throw invalid(
        "Total trop grand",
        field(mission.names.amount, lineOf(mission.categories, i)),
        mission.amounts.values[i],
        `la somme des montants dépasse ${MAX_AMOUNT_TEXT}`,
      );
    }
  });
  return missionTotals(mission.ruleSet, sums);
}

export const EXPLOR_PLAFOND = customFunction({
  name: "EXPLOR_PLAFOND",
  summary:
    "Plafond EXPLOR d'une catégorie de dépense (par jour pour le per diem) ; 0 si la catégorie n'est pas prise en charge.",
  params: [
    {
      name: "categorie",
      description: "Catégorie (ex. Avion, Per diem, Hébergement) ou plage de catégories.",
      example: '"Per diem"',
    },
    daysParam("10"),
    RULE_PARAM,
  ],
  returns: "Plafond en euros, ou le texte « sans plafond » ; même forme que categorie.",
  examples: [
    '=EXPLOR_PLAFOND("Avion") → 1500',
    '=EXPLOR_PLAFOND("Per diem"; 10) → 150',
    '=EXPLOR_PLAFOND("Visa"; ; "EXPLOR-AURA") → sans plafond',
  ],
  errors: [
    "Nombre de jours invalide (jours) : « 1.5 » — un nombre entier de jours, 0 ou plus",
    "Nombre de jours trop grand (jours) : « 1000000000000000 » — au plus 100 000",
    "Règle EXPLOR inconnue (regle) : « X » — règles connues : EXPLOR-HDF-2025, EXPLOR-AURA",
  ],
  run(categorie, jours, regle) {
    const ruleSet = ruleSetOf(regle);
    const categories = cellsOf(categorie);
    const days = daysOf(jours, categories, "categorie");
    const matchCategory = categoryMatcher(ruleSet);
    const n = categories.values.length;
    const results = new Array<SheetCell>(n);
    for (let i = 0; i < n; i++) {
      const c = categories.values[i];
      if (isBlank(c)) {
        results[i] = "";
        continue;
      }
      const category = matchCategory(String(c));
      results[i] = ceilingResult(lineCeiling(category, category?.daily ? days(i) : undefined));
    }
    return inShapeOf(categories, results);
  },
});

export const EXPLOR_ELIGIBLE = customFunction({
  name: "EXPLOR_ELIGIBLE",
  summary:
    "Montant éligible EXPLOR d'une dépense : le montant dans la limite du plafond de sa catégorie (0 si non prise en charge).",
  params: [
    {
      name: "categorie",
      description: "Catégorie de la dépense, ou plage de catégories.",
      example: '"Avion"',
    },
    {
      name: "montant",
      description: "Montant réel en euros, ou plage de même forme que categorie.",
      example: "1720",
    },
    daysParam("18"),
    RULE_PARAM,
  ],
  returns: "Montant éligible en euros ; même forme que categorie, vide pour une ligne sans montant.",
  examples: ['=EXPLOR_ELIGIBLE("Avion"; 1720) → 1500', '=EXPLOR_ELIGIBLE("Per diem"; ; 10) → 150'],
  errors: [
    "Montant invalide (montant, ligne 2) : « abc »",
    "Montant négatif non accepté (montant) : « -5 »",
    "Montant ambigu (montant) : « 1.500 » — écrivez 1500 ou 1,5",
    "Formes différentes : montant (1 ligne × 1 colonne) doit avoir la forme de categorie (2 lignes × 1 colonne)",
  ],
  run(categorie, montant, jours, regle) {
    const mission = readMission(categorie, montant, jours, regle, LINE_NAMES);
    const n = mission.assessments.length;
    const results = new Array<SheetCell>(n);
    for (let i = 0; i < n; i++) {
      const line = mission.assessments[i];
      results[i] = line ? euros(line.eligible) : "";
    }
    return inShapeOf(mission.categories, results);
  },
});

const MISSION_PARAMS = [
  {
    name: "categories",
    description: "Plage des catégories des dépenses de la mission.",
    example: "A2:A9",
  },
  {
    name: "montants",
    description: "Plage des montants réels en euros, de même forme que categories.",
    example: "B2:B9",
  },
  daysParam("10"),
  RULE_PARAM,
] as const;

export const EXPLOR_PRISE_EN_CHARGE = customFunction({
  name: "EXPLOR_PRISE_EN_CHARGE",
  spill: ONE_CELL,
  summary:
    "Participation du programme EXPLOR à une mission : part × total éligible plafonné, arrondie au centime.",
  params: MISSION_PARAMS,
  returns: "Montant en euros.",
  examples: ["=EXPLOR_PRISE_EN_CHARGE(A2:A9; B2:B9; C2:C9) → 1000 (mission B)"],
  errors: [
    "Formes différentes : montants (1 ligne × 1 colonne) doit avoir la forme de categories (2 lignes × 1 colonne)",
    "Total trop grand (montants, ligne 2) : « 1000000000000 » — la somme des montants dépasse 1 000 000 000 000 €",
    "Montant manquant (montants, ligne 1) : « » (vide) — la règle EXPLOR-AURA n'a pas de taux journalier pour « Per diem » : indiquez le montant",
  ],
  run(categories, montants, jours, regle) {
    const totals = totalsOf(readMission(categories, montants, jours, regle, MISSION_NAMES));
    return centsResult(totals.contribution);
  },
});

export const EXPLOR_RESTE_A_CHARGE = customFunction({
  name: "EXPLOR_RESTE_A_CHARGE",
  spill: ONE_CELL,
  summary:
    "Reste à charge de l'association pour une mission EXPLOR : total réel − participation du programme + frais fixes de la règle.",
  params: MISSION_PARAMS,
  returns: "Montant en euros.",
  examples: ["=EXPLOR_RESTE_A_CHARGE(A2:A9; B2:B9; C2:C9) → 1997 (mission B)"],
  errors: [
    "Montant invalide (montants, ligne 3) : « abc »",
    "Nombre de jours invalide (jours) : « -1 » — un nombre entier de jours, 0 ou plus",
  ],
  run(categories, montants, jours, regle) {
    const totals = totalsOf(readMission(categories, montants, jours, regle, MISSION_NAMES));
    return centsResult(totals.remainder);
  },
});

export const DECOMPTE_HEADER = ["Catégorie", "Montant réel", "Plafond", "Montant éligible", "Observation"];

export const EXPLOR_DECOMPTE = customFunction({
  name: "EXPLOR_DECOMPTE",
  // Header, at most one row per line (a row or a column of lines), then three total rows.
  spill: ([lines]) => ({ rows: 4 + Math.max(lines?.rows ?? 1, lines?.columns ?? 1), columns: 5 }),
  summary:
    "Décompte EXPLOR d'une mission : chaque dépense avec son plafond et son montant éligible, puis le total, la prise en charge et le reste à charge.",
  params: MISSION_PARAMS,
  returns: "Un tableau de 5 colonnes (Catégorie, Montant réel, Plafond, Montant éligible, Observation).",
  examples: [
    "=EXPLOR_DECOMPTE(A2:A9; B2:B9; C2:C9) → tableau ; Total 2997, éligible 2000, prise en charge 1000",
  ],
  errors: [
    "Nombre de jours invalide (jours) : « -1 » — un nombre entier de jours, 0 ou plus",
    "Règle EXPLOR inconnue (regle) : « X » — règles connues : EXPLOR-HDF-2025, EXPLOR-AURA",
  ],
  run(categories, montants, jours, regle) {
    const mission = readMission(categories, montants, jours, regle, MISSION_NAMES);
    const rows: SheetCell[][] = [[...DECOMPTE_HEADER]];
    mission.assessments.forEach((line, i) => {
      if (!line) return;
      const text = mission.categories.values[i];
      const label = mission.found[i]?.label ?? (isBlank(text) ? "Sans catégorie" : String(text));
      rows.push([
        label,
        euros(line.real),
        ceilingResult(line.ceiling),
        euros(line.eligible),
        line.observation,
      ]);
    });
    const totals = totalsOf(mission);
    rows.push(
      ["Total", euros(totals.real), "", euros(totals.eligible), ""],
      ["Prise en charge", "", "", centsResult(totals.contribution), ""],
      ["Reste à charge association", "", "", centsResult(totals.remainder), ""],
    );
    return rows;
  },
});

export const explorFunctions = [
  EXPLOR_PLAFOND,
  EXPLOR_ELIGIBLE,
  EXPLOR_PRISE_EN_CHARGE,
  EXPLOR_RESTE_A_CHARGE,
  EXPLOR_DECOMPTE,
];
