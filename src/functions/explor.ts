/**
 * EXPLOR custom functions: a line's ceiling and eligible amount, a mission's contribution,
 * what the association bears, and the décompte, under a rule set given by id.
 * Sheets values in (scalars or ranges, blanks as ""), plain numbers and texts out.
 */
import { type Cents, type Decimal, toCents } from "../core/decimal";
import { field, InputError } from "../core/errors";
import {
  assessedOrThrow,
  categoryMatcher,
  countedLineIndexes,
  DECOMPTE_TOTAL_ROWS,
  decompteRows,
  eligibleCentsByLine,
  FUNCTION_FIELD_NAMES,
  type LineCeiling,
  lineCeiling,
  type MissionAssessment,
  type MissionFieldNames,
  parseDays,
  type RawMissionLine,
  readMission,
  ruleSetOf,
} from "../core/explor";
import { isBlank } from "../core/money";
import { centsResult } from "../planning/results";
import { customFunction, ONE_CELL, type ParamSpec } from "./registry";
import { type Cells, cellsOf, inShapeOf, lineOf, type SheetCell, type SheetValue } from "./sheet-values";

const NO_CEILING = "sans plafond";

/** The optional arguments every EXPLOR function shares. */
const RULE_PARAM: ParamSpec = {
  name: "regle",
  description:
    "Identifiant de la règle (par défaut EXPLOR-HDF-2025 ; aussi EXPLOR-AURA), ou la table d'une feuille « Règle … » par sa plage nommée (ex. REGLE_EXPLOR_HDF_2026).",
  example: '"EXPLOR-HDF-2025"',
  optional: true,
};

const RECEIPTS_PARAM: ParamSpec = {
  name: "justificatifs",
  description:
    "Décompte final : plage de VRAI/FAUX à côté des lignes (justificatif fourni ou non). Une ligne qui exige un justificatif et n'en a pas n'est pas remboursée. Vide : prévisionnel, rien n'est exigé.",
  example: "D2:D9",
  optional: true,
};

function daysParam(example: string): ParamSpec {
  return {
    name: "jours",
    description:
      "Durée en jours (per diem) : vide, un nombre pour toute la mission, ou une plage (la durée de la mission est le plus grand nombre de jours donné).",
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

/** Days of each line as given: none, the mission's duration for every line, or one value per line. */
type DaysOf = (index: number) => SheetValue;

const NO_DAYS: DaysOf = () => "";

function daysOf(jours: SheetValue, categories: Cells, categoriesName: string): DaysOf {
  if (Array.isArray(jours)) {
    const days = cellsOf(jours);
    if (days.rows === 1 && days.cols === 1) return daysOf(days.values[0], categories, categoriesName);
    requireSameShape(categories, categoriesName, days, "jours");
    // Every day count given is read, whatever its line: a bad one is an error, never ignored.
    const parsed = days.values.map((v, i) =>
      isBlank(v) ? "" : parseDays(v, field("jours", lineOf(days, i))),
    );
    return (i) => parsed[i];
  }
  if (isBlank(jours)) return NO_DAYS;
  const duration = parseDays(jours, field("jours"));
  return () => duration;
}

/** Receipts of each line, or undefined when none is given (Prévisionnel: nothing checked). */
function receiptsOf(justificatifs: SheetValue, categories: Cells, categoriesName: string): Cells | undefined {
  const receipts = cellsOf(justificatifs);
  if (receipts.values.every(isBlank)) return undefined;
  if (!categories.isRange && !receipts.isRange) return receipts;
  requireSameShape(categories, categoriesName, receipts, "justificatifs");
  return receipts;
}

const LINE_NAMES: MissionFieldNames = {
  ...FUNCTION_FIELD_NAMES,
  category: "categorie",
  amount: "montant",
};
const MISSION_NAMES: MissionFieldNames = FUNCTION_FIELD_NAMES;

/** A mission's ranges read once by the core: which cell is which line, and the assessment. */
interface MissionCells {
  readonly categories: Cells;
  /** Cell index → index of its line in the assessment (-1: blank or nothing to count). */
  readonly lineOfCell: Int32Array;
  readonly assessment: MissionAssessment;
  readonly ruleSet: ReturnType<typeof ruleSetOf>;
}

function readMissionCells(
  categorie: SheetValue,
  montant: SheetValue,
  jours: SheetValue,
  regle: SheetValue,
  justificatifs: SheetValue,
  names: MissionFieldNames,
): MissionCells {
  const ruleSet = ruleSetOf(regle);
  const categories = cellsOf(categorie);
  const amounts = cellsOf(montant);
  requireSameShape(categories, names.category, amounts, names.amount);
  const days = daysOf(jours, categories, names.category);
  const receipts = receiptsOf(justificatifs, categories, names.category);
  const n = categories.values.length;
  // One object for every line: the reader keeps nothing of it (10 000 rows, 10 000 fewer objects).
  const raw: { category: unknown; amount: unknown; days: unknown; receipt: unknown } = {
    category: "",
    amount: "",
    days: "",
    receipt: undefined,
  };
  const rawAt = (i: number): RawMissionLine => {
    const c = categories.values[i];
    const a = amounts.values[i];
    // Days alone on a line without a category or amount say nothing.
    const blank = isBlank(c) && isBlank(a);
    raw.category = blank ? "" : c;
    raw.amount = blank ? "" : a;
    raw.days = blank ? "" : days(i);
    raw.receipt = blank ? undefined : receipts?.values[i];
    return raw;
  };
  const reading = readMission(
    ruleSet,
    { count: n, at: rawAt },
    {
      names,
      stage: receipts ? "final" : "previsionnel",
      rowOf: (i) => lineOf(categories, i),
    },
  );
  const assessment = assessedOrThrow(reading);
  return { categories, lineOfCell: countedLineIndexes(reading), assessment, ruleSet };
}

export const EXPLOR_PLAFOND = customFunction({
  name: "EXPLOR_PLAFOND",
  summary:
    "Plafond EXPLOR d'une catégorie de dépense pour une mission (pour le per diem : par jour × jours) ; 0 si la catégorie n'est pas prise en charge.",
  params: [
    {
      name: "categorie",
      description: "Catégorie (ex. Avion, Per diem, Hébergement, Taxi, Vaccin) ou plage de catégories.",
      example: '"Per diem"',
    },
    daysParam("10"),
    RULE_PARAM,
  ],
  returns: "Plafond en euros par mission, ou le texte « sans plafond » ; même forme que categorie.",
  examples: [
    '=EXPLOR_PLAFOND("Avion") → 1500',
    '=EXPLOR_PLAFOND("Hôtel") → 300 (Hébergement, par mission)',
    '=EXPLOR_PLAFOND("Per diem"; 10) → 150',
    '=EXPLOR_PLAFOND("Visa"; ; "EXPLOR-AURA") → sans plafond',
    '=EXPLOR_PLAFOND("Per diem"; 10; REGLE_EXPLOR_HDF_2026) → 200 (feuille « Règle EXPLOR-HDF-2026 », per diem à 20 € par jour)',
  ],
  errors: [
    "Nombre de jours invalide (jours) : « 1.5 » — un nombre entier de jours, 0 ou plus",
    "Nombre de jours trop grand (jours) : « 1000000000000000 » — au plus 100 000",
    "Règle EXPLOR inconnue (regle) : « X » — règles connues : EXPLOR-HDF-2025, EXPLOR-AURA",
    "Règle EXPLOR-HDF-2026, B16 : plafond invalide « vingt » — un montant en euros, « sans plafond » ou « non pris en charge »",
    "Règle EXPLOR invalide (regle) : « RECITAL-FT » — une règle de type « plafonds par catégorie » attendue, pas « taux » : utilisez AIDE_DISPOSITIF",
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
      const given = category?.daily ? days(i) : "";
      const d = isBlank(given) ? undefined : parseDays(given, field("jours", lineOf(categories, i)));
      results[i] = ceilingResult(lineCeiling(category, d));
    }
    return inShapeOf(categories, results);
  },
});

export const EXPLOR_ELIGIBLE = customFunction({
  name: "EXPLOR_ELIGIBLE",
  summary:
    "Montant éligible EXPLOR de chaque dépense : le plafond de sa catégorie vaut pour toute la mission et se répartit sur ses lignes de haut en bas (0 si non prise en charge).",
  params: [
    {
      name: "categorie",
      description: "Catégorie de la dépense, ou plage des catégories de la mission.",
      example: '"Avion"',
    },
    {
      name: "montant",
      description: "Montant réel en euros, ou plage de même forme que categorie.",
      example: "1720",
    },
    daysParam("18"),
    RULE_PARAM,
    RECEIPTS_PARAM,
  ],
  returns:
    "Montant éligible en euros ; même forme que categorie, vide pour une ligne sans montant. Les lignes s'additionnent au montant éligible de leur catégorie.",
  examples: [
    '=EXPLOR_ELIGIBLE("Avion"; 1720) → 1500',
    '=EXPLOR_ELIGIBLE("Per diem"; ; 10) → 150',
    "=EXPLOR_ELIGIBLE(A2:A3; B2:B3) → 200 puis 100 (deux hôtels de 200 € et 150 € : 300 € par mission)",
  ],
  errors: [
    "Montant invalide (montant, ligne 2) : « abc »",
    "Montant négatif non accepté (montant) : « -5 »",
    "Montant ambigu (montant) : « 1.500 » — écrivez 1500 ou 1,5",
    "Formes différentes : montant (1 ligne × 1 colonne) doit avoir la forme de categorie (2 lignes × 1 colonne)",
    "Justificatif invalide (justificatifs, ligne 2) : « peut-être » — VRAI si le justificatif est fourni, FAUX sinon",
  ],
  run(categorie, montant, jours, regle, justificatifs) {
    const mission = readMissionCells(categorie, montant, jours, regle, justificatifs, LINE_NAMES);
    const n = mission.lineOfCell.length;
    const eligible = eligibleCentsByLine(mission.assessment);
    const results = new Array<SheetCell>(n);
    for (let i = 0; i < n; i++) {
      const index = mission.lineOfCell[i] as number;
      results[i] = index < 0 ? "" : centsResult(eligible[index] as Cents);
    }
    return inShapeOf(mission.categories, results);
  },
});

const MISSION_PARAMS = [
  {
    name: "categories",
    description:
      "Plage des catégories des dépenses de la mission (libellés de l'Annexe 2 ou noms courants : Taxi, Hôtel, Vaccin…).",
    example: "A2:A9",
  },
  {
    name: "montants",
    description: "Plage des montants réels en euros, de même forme que categories.",
    example: "B2:B9",
  },
  daysParam("10"),
  RULE_PARAM,
  RECEIPTS_PARAM,
] as const;

function missionTotals(
  categories: SheetValue,
  montants: SheetValue,
  jours: SheetValue,
  regle: SheetValue,
  justificatifs: SheetValue,
): MissionAssessment {
  return readMissionCells(categories, montants, jours, regle, justificatifs, MISSION_NAMES).assessment;
}

export const EXPLOR_PRISE_EN_CHARGE = customFunction({
  name: "EXPLOR_PRISE_EN_CHARGE",
  spill: ONE_CELL,
  summary:
    "Participation du programme EXPLOR à une mission : chaque catégorie dans la limite de son plafond par mission, le total dans la limite du plafond de la mission, puis la part, arrondie une fois au centime.",
  params: MISSION_PARAMS,
  returns: "Montant en euros.",
  examples: [
    "=EXPLOR_PRISE_EN_CHARGE(A2:A9; B2:B9; C2:C9) → 1000 (mission B)",
    "=EXPLOR_PRISE_EN_CHARGE(A2:A3; B2:B3) → 150 (deux hôtels de 200 € et 150 € : 300 € éligibles)",
    "=EXPLOR_PRISE_EN_CHARGE(A2:A6; B2:B6) → 50,33 (cinq nuitées de 20,13 € : 100,65 €)",
  ],
  errors: [
    "Formes différentes : montants (1 ligne × 1 colonne) doit avoir la forme de categories (2 lignes × 1 colonne)",
    "Total trop grand (montants, ligne 2) : « 1000000000000 » — la somme des montants dépasse 1 000 000 000 000 €",
    "Montant manquant (montants, ligne 1) : « » (vide) — la règle EXPLOR-AURA n'a pas de taux journalier pour « Per diem » : indiquez le montant",
  ],
  run(categories, montants, jours, regle, justificatifs) {
    return centsResult(missionTotals(categories, montants, jours, regle, justificatifs).contribution);
  },
});

export const EXPLOR_RESTE_A_CHARGE = customFunction({
  name: "EXPLOR_RESTE_A_CHARGE",
  spill: ONE_CELL,
  summary:
    "Reste à charge de l'association pour une mission EXPLOR : total réel − participation du programme + frais fixes de la règle.",
  params: MISSION_PARAMS,
  returns: "Montant en euros.",
  examples: [
    "=EXPLOR_RESTE_A_CHARGE(A2:A9; B2:B9; C2:C9) → 1997 (mission B)",
    "=EXPLOR_RESTE_A_CHARGE(A2:A3; B2:B3) → 200 (deux hôtels de 200 € et 150 €)",
  ],
  errors: [
    "Montant invalide (montants, ligne 3) : « abc »",
    "Nombre de jours invalide (jours) : « -1 » — un nombre entier de jours, 0 ou plus",
  ],
  run(categories, montants, jours, regle, justificatifs) {
    return centsResult(missionTotals(categories, montants, jours, regle, justificatifs).remainder);
  },
});

export const EXPLOR_TOTAL_ELIGIBLE = customFunction({
  name: "EXPLOR_TOTAL_ELIGIBLE",
  spill: ONE_CELL,
  summary:
    "Total éligible EXPLOR d'une mission retenu après le plafond de la mission (2 000 € pour EXPLOR-HDF-2025) : la base de la prise en charge.",
  params: MISSION_PARAMS,
  returns: "Montant en euros.",
  examples: ["=EXPLOR_TOTAL_ELIGIBLE(A2:A9; B2:B9; C2:C9) → 2000 (mission B : 2 417 € avant plafond)"],
  errors: ["Montant invalide (montants, ligne 3) : « abc »"],
  run(categories, montants, jours, regle, justificatifs) {
    return euros(missionTotals(categories, montants, jours, regle, justificatifs).eligible);
  },
});

export { DECOMPTE_HEADER } from "../core/explor";

export const EXPLOR_DECOMPTE = customFunction({
  name: "EXPLOR_DECOMPTE",
  // Header, at most one row per line (a row or a column of lines), then the total rows.
  spill: ([lines]) => ({
    rows: 1 + DECOMPTE_TOTAL_ROWS + Math.max(lines?.rows ?? 1, lines?.columns ?? 1),
    columns: 5,
  }),
  summary:
    "Décompte EXPLOR d'une mission : chaque dépense avec le plafond de sa catégorie, son montant éligible et une observation (plafond atteint, libellé hors Annexe 2 avec une suggestion, justificatif manquant), puis le total, le total retenu après le plafond de la mission, la prise en charge et le reste à charge.",
  params: MISSION_PARAMS,
  returns: "Un tableau de 5 colonnes (Catégorie, Montant réel, Plafond, Montant éligible, Observation).",
  examples: [
    "=EXPLOR_DECOMPTE(A2:A9; B2:B9; C2:C9) → tableau ; Total 2997, éligible 2417, retenu 2000 (plafond de la mission), prise en charge 1000",
    "=EXPLOR_DECOMPTE(A2:A3; B2:B3) → Hébergement 200 / 200, Hébergement 150 / 100 « plafond de la catégorie atteint : 300,00 € par mission »",
    "=EXPLOR_DECOMPTE(A2:A4; B2:B4) avec Vaccin 30, Trasnport 40, Cadeaux 50 → Vaccins et médicaments 30 ; Trasnport 0 « non pris en charge — libellé hors Annexe 2 ; voulez-vous dire « Avion + transport du domicile à l'aéroport » ou « Transports locaux » ? » ; Cadeaux 0 « non pris en charge — libellé hors Annexe 2 »",
  ],
  errors: [
    "Nombre de jours invalide (jours) : « -1 » — un nombre entier de jours, 0 ou plus",
    "Règle EXPLOR inconnue (regle) : « X » — règles connues : EXPLOR-HDF-2025, EXPLOR-AURA",
  ],
  run(categories, montants, jours, regle, justificatifs) {
    const mission = readMissionCells(categories, montants, jours, regle, justificatifs, MISSION_NAMES);
    return decompteRows(mission.ruleSet, mission.assessment);
  },
});

export const explorFunctions = [
  EXPLOR_PLAFOND,
  EXPLOR_ELIGIBLE,
  EXPLOR_PRISE_EN_CHARGE,
  EXPLOR_RESTE_A_CHARGE,
  EXPLOR_TOTAL_ELIGIBLE,
  EXPLOR_DECOMPTE,
];
