/**
 * An EXPLOR rule (« plafonds par catégorie ») as a sheet table people type, read into the same
 * definition the shipped rule sets are (one schema), every problem named by its cell.
 *
 * Layout (from A1; README « Règles EXPLOR : plafonds par catégorie »):
 * - « Paramètre | Valeur » rows: Identifiant, Type (plafonds par catégorie), Nom, Texte de
 *   référence, Plafond par mission, Taux de prise en charge, Prise en charge maximale, Frais fixes
 *   par mission, Durée minimale (jours), Durée maximale (jours);
 * - then a header row starting with « Catégorie », and one category a row: Catégorie | Plafond
 *   (an amount, « sans plafond » or « non pris en charge ») | Unité (mission or jour) | Jours max
 *   (for a ceiling per day) | Justificatif fourni par | Autres noms (separated by « ; »).
 */
import * as z from "zod/mini";
import { columnLetter } from "../a1";
import { InputError, quote } from "../errors";
import {
  CellProblem,
  describeProblem,
  inSheetOrder,
  isBlankCell,
  normalizeKey,
  type RuleProblem,
  readAmount,
  readId,
  readRate,
  readText,
  readType,
  showRate,
  TABLE_ORIGIN,
  type TableOrigin,
} from "../funding/table";
import { normalizeCategoryName } from "./category-names";
import { compileRuleSet, type RuleSet } from "./rule-set";
import { type RuleSetDefinition, ruleSetSchema } from "./schema";

export const CATEGORY_RULE_TYPE = "plafonds par catégorie";

type Values = readonly (readonly unknown[])[];

/** Who provides a category's proof, as the sheet writes it and as the schema keeps it. */
export const PROOF_WORDS = {
  receipt: "l'association (reçu)",
  programme: "le programme (achat par Lianes)",
  flat: "aucun (forfait)",
} as const;
export type Proof = keyof typeof PROOF_WORDS;
const PROOF_HINT = "l'association (reçu), le programme (achat par Lianes) ou aucun (forfait)";

const NO_CEILING = "sans plafond";
const NOT_COVERED = "non pris en charge";
const CEILING_HINT = `un montant en euros, « ${NO_CEILING} » ou « ${NOT_COVERED} »`;

type ParameterKey =
  | "id"
  | "type"
  | "label"
  | "source"
  | "missionCap"
  | "shareRate"
  | "maxContribution"
  | "fixedFee"
  | "minDays"
  | "maxDays";

interface Parameter {
  readonly key: ParameterKey;
  readonly label: string;
  readonly noun: string;
  readonly required: boolean;
  readonly read: (value: unknown) => unknown;
  readonly show?: (value: unknown) => string;
  readonly help: string;
}

function readDays(value: unknown): number {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\s*\d+\s*$/.test(value)
        ? Number(value)
        : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 366)
    throw new CellProblem("un nombre entier de jours, de 1 à 366");
  return n;
}

/** Euros, 0 or more, to the cent: checked here so every cell's problem is listed at once. */
function readEuros(value: unknown): number {
  const amount = readAmount(value);
  if (amount < 0) throw new CellProblem("un montant en euros, 0 ou plus");
  if (Math.round(amount * 100) / 100 !== amount) {
    throw new CellProblem("un montant en euros avec au plus deux décimales");
  }
  return amount;
}

/** A share 0–1 in whole percents (the schema's « taux en centièmes »). */
function readShare(value: unknown): number {
  const rate = readRate(value);
  if (!(rate >= 0 && rate <= 1)) throw new CellProblem("un taux entre 0 et 100 %");
  if (Math.round(rate * 100) / 100 !== rate) throw new CellProblem("un taux en pour cent entiers, ex. 50 %");
  return rate;
}

export const EXPLOR_PARAMETERS: readonly Parameter[] = [
  {
    key: "id",
    label: "Identifiant",
    noun: "identifiant",
    required: true,
    read: readId,
    help: "Lettres, chiffres et tirets. Les formules lisent la règle par sa plage nommée",
  },
  {
    key: "type",
    label: "Type",
    noun: "type",
    required: true,
    read: readType,
    help: "plafonds par catégorie : le tableau des catégories est plus bas.",
  },
  { key: "label", label: "Nom", noun: "nom", required: false, read: readText, help: "Le nom de la règle." },
  {
    key: "source",
    label: "Texte de référence",
    noun: "texte de référence",
    required: false,
    read: readText,
    help: "Facultatif : où sont listées les catégories (Annexe 2), repris dans les messages.",
  },
  {
    key: "missionCap",
    label: "Plafond par mission",
    noun: "plafond par mission",
    required: false,
    read: readEuros,
    help: "Facultatif : le total éligible d'une mission ne dépasse jamais ce montant.",
  },
  {
    key: "shareRate",
    label: "Taux de prise en charge",
    noun: "taux de prise en charge",
    required: true,
    read: readShare,
    show: showRate,
    help: "Part du total éligible que paie le programme : 50 %.",
  },
  {
    key: "maxContribution",
    label: "Prise en charge maximale",
    noun: "prise en charge maximale",
    required: false,
    read: readEuros,
    help: "Facultatif : la prise en charge d'une mission ne dépasse jamais ce montant.",
  },
  {
    key: "fixedFee",
    label: "Frais fixes par mission",
    noun: "frais fixes par mission",
    required: false,
    read: readEuros,
    help: "Facultatif : toujours à la charge de l'association, en plus de sa part (0 si vide).",
  },
  {
    key: "minDays",
    label: "Durée minimale (jours)",
    noun: "durée minimale",
    required: true,
    read: readDays,
    help: "Durée d'une mission, en jours.",
  },
  {
    key: "maxDays",
    label: "Durée maximale (jours)",
    noun: "durée maximale",
    required: true,
    read: readDays,
    help: "Durée d'une mission, en jours.",
  },
];

export const CATEGORY_COLUMNS = [
  "Catégorie",
  "Plafond",
  "Unité",
  "Jours max",
  "Justificatif fourni par",
  "Autres noms",
] as const;

/** A parameter's key as typed: case, accents, a trailing colon and a parenthesis do not matter. */
function parameterKey(value: unknown): string {
  return normalizeKey(value)
    .replace(/\s*\(.*\)$/, "")
    .trim();
}

const BY_KEY = new Map(EXPLOR_PARAMETERS.map((p) => [parameterKey(p.label), p]));

function readProof(value: unknown): Proof {
  const text = normalizeKey(value);
  if (isBlankCell(value)) return "receipt";
  if (/association|recu|justificatif|facture/.test(text)) return "receipt";
  if (/programme|lianes|achat/.test(text)) return "programme";
  if (/forfait|aucun/.test(text)) return "flat";
  throw new CellProblem(PROOF_HINT);
}

function readUnit(value: unknown): "mission" | "jour" {
  const text = normalizeKey(value);
  if (isBlankCell(value) || text === "mission" || text === "par mission") return "mission";
  if (text === "jour" || text === "jours" || text === "par jour") return "jour";
  throw new CellProblem("mission ou jour");
}

/** A category's key from its label: `Per diem` → per_diem (unique within the rule). */
function keyOf(label: string): string {
  const key = label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return /^[a-z]/.test(key) ? key : `c_${key}`;
}

export type ExplorTableRead =
  | { readonly kind: "rule"; readonly definition: RuleSetDefinition; readonly ruleSet: RuleSet }
  | { readonly kind: "problems"; readonly id: string | undefined; readonly problems: readonly RuleProblem[] };

interface CategoryCells {
  readonly index: number;
  readonly row: readonly unknown[];
}

/** Reads an EXPLOR rule table (parameters, then the categories) into a compiled rule set. */
export function readExplorTable(values: Values, origin: TableOrigin = TABLE_ORIGIN): ExplorTableRead {
  const problems: RuleProblem[] = [];
  const cell = (index: number, column: number) =>
    `${columnLetter(origin.column + column)}${origin.row + index}`;
  const params = new Map<ParameterKey, { index: number; value: unknown; parameter: Parameter }>();
  const headerIndex = values.findIndex((r) => normalizeKey(r[0]) === "categorie");
  const parameterRows = headerIndex < 0 ? values : values.slice(0, headerIndex);
  parameterRows.forEach((row, index) => {
    const [key, value] = [row[0], row[1]];
    if (isBlankCell(key)) return;
    const normalized = parameterKey(key);
    if (normalized === "parametre" && normalizeKey(value) === "valeur") return;
    const parameter = BY_KEY.get(normalized);
    if (!parameter) {
      problems.push({
        cell: cell(index, 0),
        message: `paramètre inconnu ${quote(key)} — paramètres d'une règle ${CATEGORY_RULE_TYPE} : ${EXPLOR_PARAMETERS.map(
          (p) => p.label,
        ).join(", ")}, puis le tableau des catégories`,
      });
      return;
    }
    const earlier = params.get(parameter.key);
    if (earlier) {
      problems.push({
        cell: cell(index, 0),
        message: `paramètre en double ${quote(key)} — déjà en ${cell(earlier.index, 0)}`,
      });
      return;
    }
    params.set(parameter.key, { index, value, parameter });
  });
  const idRow = params.get("id");
  const id = idRow && !isBlankCell(idRow.value) ? readId(idRow.value) : undefined;

  const parsed: Partial<Record<ParameterKey, unknown>> = {};
  for (const parameter of EXPLOR_PARAMETERS) {
    const entry = params.get(parameter.key);
    if (!entry || isBlankCell(entry.value)) {
      if (parameter.required) {
        problems.push({
          ...(entry ? { cell: cell(entry.index, 1) } : {}),
          message: entry
            ? `valeur manquante pour ${quote(parameter.label)} — obligatoire pour une règle ${CATEGORY_RULE_TYPE}`
            : `paramètre manquant ${quote(parameter.label)} — obligatoire pour une règle ${CATEGORY_RULE_TYPE}`,
        });
      }
      continue;
    }
    try {
      parsed[parameter.key] = parameter.read(entry.value);
    } catch (error) {
      if (!(error instanceof CellProblem)) throw error;
      problems.push({
        cell: cell(entry.index, 1),
        message: `${parameter.noun} invalide ${(parameter.show ?? quote)(entry.value)} — ${error.message}`,
      });
    }
  }

  // The categories, one a row under their header.
  const categoryRows: CategoryCells[] = [];
  if (headerIndex < 0) {
    problems.push({
      message: `tableau des catégories manquant — une ligne d'en-tête ${CATEGORY_COLUMNS.join(" | ")}, puis une catégorie par ligne`,
    });
  } else {
    values.slice(headerIndex + 1).forEach((row, i) => {
      if (row.slice(0, CATEGORY_COLUMNS.length).every(isBlankCell)) return;
      categoryRows.push({ index: headerIndex + 1 + i, row });
    });
    if (categoryRows.length === 0) {
      problems.push({
        cell: cell(headerIndex + 1, 0),
        message: "aucune catégorie — une catégorie par ligne",
      });
    }
  }
  const categories: Record<string, unknown>[] = [];
  const owners = new Map<string, { cell: string; label: string }>();
  for (const { index, row } of categoryRows) {
    const [name, ceilingCell, unitCell, daysCell, proofCell, aliasesCell] = row;
    const before = problems.length;
    if (isBlankCell(name)) {
      problems.push({
        cell: cell(index, 0),
        message: "catégorie sans nom — écrivez son libellé en colonne A",
      });
      continue;
    }
    const label = readText(name);
    const at = (column: number, what: string, value: unknown, read: (v: unknown) => unknown) => {
      try {
        return read(value);
      } catch (error) {
        if (!(error instanceof CellProblem)) throw error;
        problems.push({
          cell: cell(index, column),
          message: `${what} invalide ${quote(value)} — ${error.message}`,
        });
        return undefined;
      }
    };
    const unit = at(2, "unité", unitCell, readUnit) as "mission" | "jour" | undefined;
    const proof = at(4, "justificatif", proofCell, readProof) as Proof | undefined;
    const ceilingText = normalizeKey(ceilingCell);
    let ceiling: Record<string, unknown> | undefined;
    if (isBlankCell(ceilingCell)) {
      problems.push({
        cell: cell(index, 1),
        message: `plafond manquant pour ${quote(label)} — ${CEILING_HINT}`,
      });
    } else if (ceilingText === NO_CEILING) {
      ceiling = { kind: "none" };
    } else if (ceilingText === NOT_COVERED) {
      ceiling = { kind: "notCovered" };
    } else {
      const amount = at(1, "plafond", ceilingCell, (v) => {
        try {
          return readAmount(v);
        } catch {
          throw new CellProblem(CEILING_HINT);
        }
      }) as number | undefined;
      const wrong =
        amount === undefined
          ? undefined
          : amount < 0
            ? `${CEILING_HINT}, 0 ou plus`
            : Math.round(amount * 100) / 100 !== amount
              ? "un montant en euros avec au plus deux décimales"
              : undefined;
      if (wrong) {
        problems.push({ cell: cell(index, 1), message: `plafond invalide ${quote(ceilingCell)} — ${wrong}` });
      } else if (amount !== undefined && unit === "jour") {
        if (isBlankCell(daysCell)) {
          problems.push({
            cell: cell(index, 3),
            message: `jours max manquant pour ${quote(label)} — un plafond par jour dit pour combien de jours au plus`,
          });
        } else {
          const maxDays = at(3, "jours max", daysCell, readDays) as number | undefined;
          if (maxDays !== undefined) ceiling = { kind: "perDay", rate: amount, maxDays };
        }
      } else if (amount !== undefined) {
        ceiling = { kind: "fixed", amount };
      }
    }
    if (unit === "mission" && !isBlankCell(daysCell)) {
      problems.push({
        cell: cell(index, 3),
        message: `jours max sans objet ${quote(daysCell)} — seulement pour une catégorie dont l'unité est jour`,
      });
    }
    const aliases = isBlankCell(aliasesCell)
      ? []
      : String(aliasesCell)
          .split(/[;\n]/)
          .map((a) => a.trim())
          .filter((a) => a !== "");
    // Two categories may not share a name: a line would not know which ceiling it is under.
    for (const [column, names] of [
      [0, [label]],
      [5, aliases],
    ] as const) {
      for (const n of names) {
        const normalized = normalizeCategoryName(n);
        const owner = owners.get(normalized);
        if (owner && owner.label !== label) {
          problems.push({
            cell: cell(index, column),
            message: `nom en double ${quote(n)} — déjà un nom de « ${owner.label} » (${owner.cell})`,
          });
        } else if (!owner) owners.set(normalized, { cell: cell(index, column), label });
      }
    }
    if (problems.length > before || !ceiling || !unit) continue;
    categories.push({
      key: keyOf(label),
      label,
      aliases,
      proof: proof ?? "receipt",
      ...(unit === "jour" ? { daily: true } : {}),
      ceiling,
    });
  }
  if (problems.length > 0) return { kind: "problems", id, problems: inSheetOrder(problems) };

  const definition = {
    id: parsed.id,
    label: parsed.label ?? parsed.id,
    ...(parsed.source !== undefined ? { source: parsed.source } : {}),
    categories,
    ...(parsed.missionCap !== undefined ? { missionCap: parsed.missionCap } : {}),
    shareRate: parsed.shareRate,
    ...(parsed.maxContribution !== undefined ? { maxContribution: parsed.maxContribution } : {}),
    fixedFee: parsed.fixedFee ?? 0,
    durationDays: { min: parsed.minDays, max: parsed.maxDays },
  };
  const result = z.safeParse(ruleSetSchema, definition);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(problemOf(issue, params, categoryRows, cell));
    return { kind: "problems", id, problems: inSheetOrder(problems) };
  }
  try {
    return { kind: "rule", definition: result.data, ruleSet: compileRuleSet(result.data) };
  } catch (error) {
    return {
      kind: "problems",
      id,
      problems: [{ message: error instanceof Error ? error.message : String(error) }],
    };
  }
}

const SCHEMA_FIELDS: Readonly<Record<string, ParameterKey>> = {
  id: "id",
  label: "label",
  source: "source",
  missionCap: "missionCap",
  shareRate: "shareRate",
  maxContribution: "maxContribution",
  fixedFee: "fixedFee",
};

/** A schema issue at its cell: a parameter's value, or a category's column. */
function problemOf(
  issue: z.core.$ZodIssue,
  params: ReadonlyMap<ParameterKey, { index: number; value: unknown; parameter: Parameter }>,
  categoryRows: readonly CategoryCells[],
  cell: (index: number, column: number) => string,
): RuleProblem {
  const [first, second, third] = issue.path;
  const message =
    issue.message === "taux en centièmes" ? "un taux en pour cent entiers, ex. 50 %" : issue.message;
  if (first === "durationDays" || issue.message === "durée minimale > maximale") {
    const entry = params.get("maxDays");
    return entry
      ? {
          cell: cell(entry.index, 1),
          message: `durée maximale invalide ${quote(entry.value)} — plus courte que la durée minimale`,
        }
      : { message };
  }
  if (first === "categories" && typeof second === "number") {
    const row = categoryRows[second];
    const column = third === "aliases" ? 5 : third === "ceiling" ? 1 : 0;
    const value = row?.row[column];
    return row
      ? { cell: cell(row.index, column), message: `valeur invalide ${quote(value)} — ${message}` }
      : { message };
  }
  const key = typeof first === "string" ? SCHEMA_FIELDS[first] : undefined;
  const entry = key ? params.get(key) : undefined;
  if (!entry) return { message };
  return {
    cell: cell(entry.index, 1),
    message: `${entry.parameter.noun} invalide ${(entry.parameter.show ?? quote)(entry.value)} — ${message}`,
  };
}

/** True for a table whose Type is « plafonds par catégorie » (first two columns). */
export function isExplorTable(values: Values): boolean {
  const row = values.find((r) => normalizeKey(r[0]) === "type");
  if (!row) return false;
  try {
    return readType(row[1]) === CATEGORY_RULE_TYPE;
  } catch {
    return false;
  }
}

/**
 * The rule set a `regle` range gives, or a French error naming the first problem's cell (and
 * how many others there are).
 */
export function explorRuleSetOfTable(values: Values): RuleSet {
  if (!isExplorTable(values)) {
    const typeRow = values.find((r) => normalizeKey(r[0]) === "type");
    if (!typeRow) {
      const first = values.flat().find((v) => !isBlankCell(v)) ?? "";
      throw new InputError(
        `Règle EXPLOR invalide (regle) : ${quote(first)} — une plage doit être la table d'une feuille « Règle … » ` +
          `(ex. REGLE_EXPLOR_HDF_2026), sinon un seul identifiant (ex. "EXPLOR-HDF-2025")`,
      );
    }
    const idRow = values.find((r) => normalizeKey(r[0]) === "identifiant");
    throw new InputError(
      `Règle EXPLOR invalide (regle) : ${quote(idRow?.[1] ?? typeRow?.[1] ?? "")} — une règle de type « ${CATEGORY_RULE_TYPE} » attendue` +
        (typeRow ? `, pas « ${readText(typeRow[1])} » : utilisez AIDE_DISPOSITIF` : ""),
    );
  }
  const read = readExplorTable(values);
  if (read.kind === "rule") return read.ruleSet;
  const [first, ...others] = read.problems;
  const more =
    others.length > 0
      ? ` (et ${others.length} autre${others.length > 1 ? "s" : ""} problème${others.length > 1 ? "s" : ""} : Lianes › Paramètres › Vérifier les paramètres)`
      : "";
  throw new InputError(
    `${describeProblem(`Règle ${read.id ?? "sans identifiant"}`, first ?? { message: "table vide" })}${more}`,
  );
}

/** A rule set's table, as its sheet holds it: parameters, a blank row, then the categories. */
export function explorTableRows(definition: RuleSetDefinition): (string | number)[][] {
  const width = CATEGORY_COLUMNS.length;
  const pad = (cells: (string | number)[]) => [...cells, ...Array<string>(width - cells.length).fill("")];
  const d = definition;
  const cells: Record<ParameterKey, string | number | undefined> = {
    id: d.id,
    type: CATEGORY_RULE_TYPE,
    label: d.label,
    source: d.source,
    missionCap: d.missionCap,
    shareRate: d.shareRate,
    maxContribution: d.maxContribution,
    fixedFee: d.fixedFee,
    minDays: d.durationDays.min,
    maxDays: d.durationDays.max,
  };
  const rows: (string | number)[][] = [pad(["Paramètre", "Valeur"])];
  for (const p of EXPLOR_PARAMETERS) rows.push(pad([p.label, cells[p.key] ?? ""]));
  rows.push(pad([]), [...CATEGORY_COLUMNS]);
  for (const c of d.categories) {
    const proof: Proof = c.proof ?? "receipt";
    const ceiling = c.ceiling;
    rows.push([
      c.label,
      ceiling.kind === "fixed"
        ? ceiling.amount
        : ceiling.kind === "perDay"
          ? ceiling.rate
          : ceiling.kind === "none"
            ? NO_CEILING
            : NOT_COVERED,
      c.daily ? "jour" : "mission",
      ceiling.kind === "perDay" ? ceiling.maxDays : "",
      PROOF_WORDS[proof],
      c.aliases.join(" ; "),
    ]);
  }
  return rows;
}

/** A blank EXPLOR rule: its parameters to fill, and the categories' header. */
export function blankExplorTableRows(id: string): (string | number)[][] {
  const width = CATEGORY_COLUMNS.length;
  const pad = (cells: (string | number)[]) => [...cells, ...Array<string>(width - cells.length).fill("")];
  return [
    pad(["Paramètre", "Valeur"]),
    ...EXPLOR_PARAMETERS.map((p) =>
      pad([
        p.label,
        p.key === "id" ? id : p.key === "type" ? CATEGORY_RULE_TYPE : p.key === "fixedFee" ? 0 : "",
      ]),
    ),
    pad([]),
    [...CATEGORY_COLUMNS],
  ];
}

/** The help text of a parameter row, for the sheet's help column. */
export function explorParameterHelp(label: string): string {
  return EXPLOR_PARAMETERS.find((p) => p.label === label)?.help ?? "";
}
