/**
 * The `Convention <identifiant>` sheet the finance manager owns: its sections, labels and
 * columns (the one description its writer and its reader share), and the reader that turns the
 * sheet's values into the same ConventionDefinition the shipped templates give. Every problem
 * is French and names the sheet, the cell and the value; the reader lists them all at once.
 */
import * as z from "zod/mini";
import { type Cents, cents, centsToDecimal, centsToEuros, compare, toCents, toNumber } from "../decimal";
import { type Field, field, InputError, quote } from "../errors";
import { asDate, parisIsoDate, parseDateTime } from "../intake/paris-time";
import { formatEuros, isBlank, parseAmount } from "../money";
import { budgetTotal, conventionPlan } from "./convention";
import { type ConventionDefinition, conventionSchema } from "./schema";
import { parseShare } from "./share";

export const CONVENTION_SHEET_PREFIX = "Convention ";

/** `Convention CD62-2025`. */
export function conventionSheetName(id: string): string {
  return `${CONVENTION_SHEET_PREFIX}${id}`;
}

/** The id a convention sheet's name gives (`Convention CD62-2025` → `CD62-2025`), if it is one. */
export function conventionIdOfSheet(name: string): string | undefined {
  if (!name.startsWith(CONVENTION_SHEET_PREFIX)) return undefined;
  const id = name.slice(CONVENTION_SHEET_PREFIX.length).trim();
  return id === "" ? undefined : id;
}

/** Section titles, in column A, in the order the writer puts them. */
export const SECTION = {
  general: "Général",
  period: "Période et bilan (article 3)",
  subsidy: "Subvention (articles 4 et 5)",
  network: "Budget global du réseau (part du programme)",
  categories: "Catégories du plan de financement",
  lines: "Lignes du budget",
  funders: "Financeurs",
  commitments: "Engagements (article 2)",
  documents: "Documents",
} as const;
export type SectionKey = keyof typeof SECTION;

export type GeneralKey =
  | "id"
  | "label"
  | "year"
  | "funderName"
  | "funderLabel"
  | "budgetSheet"
  | "planSheet"
  | "reportSheet"
  | "periodStart"
  | "periodEnd"
  | "reportDue"
  | "subsidy"
  | "forecastTotal"
  | "networkLabel"
  | "networkIncome"
  | "networkExpenses";

export type GeneralKind = "text" | "id" | "year" | "date" | "amount";

/** The label / value rows: label in column A, value in column B. */
export const GENERAL_FIELDS: readonly {
  readonly key: GeneralKey;
  readonly section: SectionKey;
  readonly label: string;
  readonly kind: GeneralKind;
}[] = [
  { key: "id", section: "general", label: "Identifiant", kind: "id" },
  { key: "label", section: "general", label: "Intitulé", kind: "text" },
  { key: "year", section: "general", label: "Année", kind: "year" },
  { key: "funderName", section: "general", label: "Financeur (sigle)", kind: "text" },
  { key: "funderLabel", section: "general", label: "Financeur (nom complet)", kind: "text" },
  { key: "budgetSheet", section: "general", label: "Feuille du budget", kind: "text" },
  { key: "planSheet", section: "general", label: "Feuille du plan de financement", kind: "text" },
  { key: "reportSheet", section: "general", label: "Feuille du bilan", kind: "text" },
  { key: "periodStart", section: "period", label: "Début des actions", kind: "date" },
  { key: "periodEnd", section: "period", label: "Fin des actions", kind: "date" },
  { key: "reportDue", section: "period", label: "Bilan à remettre au plus tard le", kind: "date" },
  { key: "subsidy", section: "subsidy", label: "Subvention accordée (article 4)", kind: "amount" },
  { key: "forecastTotal", section: "subsidy", label: "Coût total prévisionnel (article 4)", kind: "amount" },
  { key: "networkLabel", section: "network", label: "Libellé", kind: "text" },
  { key: "networkIncome", section: "network", label: "Produits", kind: "amount" },
  { key: "networkExpenses", section: "network", label: "Charges", kind: "amount" },
];

/** Column B holds each label's value. */
export const VALUE_COLUMN = 2;

export const CATEGORY_HEADER = ["Catégorie"] as const;
export const LINE_HEADER = [
  "Type dépense",
  "Nbre",
  "Unité",
  "Total",
  "Catégorie",
  "Part externe",
  "Catégorie de la part externe",
  "Descriptif",
] as const;
export const FUNDER_HEADER = ["Financeur", "Mode", "Montant", "Part"] as const;
export const COMMITMENT_HEADER = ["Action", "Quantité prévue", "Unité"] as const;
export const DOCUMENT_HEADER = ["Document", "Lien", "Date"] as const;

/** 1-based columns of the tables. */
export const LINE_COLUMN = {
  type: 1,
  quantity: 2,
  unit: 3,
  total: 4,
  category: 5,
  external: 6,
  externalCategory: 7,
  description: 8,
} as const;
export const FUNDER_COLUMN = { name: 1, mode: 2, amount: 3, share: 4 } as const;
export const COMMITMENT_COLUMN = { action: 1, planned: 2, unit: 3 } as const;

/** How a funder takes part, as the manager writes it in the `Mode` column. */
export const FUNDER_MODE = { fixed: "montant fixe", share: "part", solde: "solde" } as const;

/** Where each piece of the definition sits (1-based rows), so other sheets can point at it by formula. */
export interface ConventionSheetCells {
  readonly sheet: string;
  readonly general: Readonly<Record<GeneralKey, number>>;
  readonly categoryRows: readonly number[];
  readonly lineRows: readonly number[];
  readonly funderRows: readonly number[];
  readonly commitmentRows: readonly number[];
}

export interface ConventionSheet {
  readonly definition: ConventionDefinition;
  readonly cells: ConventionSheetCells;
}

export function columnName(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `feuille « Convention CD62-2025 », cellule D36` */
export function cellName(sheet: string, row: number, column: number): string {
  return `feuille « ${sheet} », cellule ${columnName(column)}${row}`;
}

const normal = (v: unknown) =>
  String(v ?? "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();

type Row = readonly unknown[];

class Reader {
  readonly problems: string[] = [];
  constructor(
    readonly sheet: string,
    readonly values: readonly Row[],
  ) {}

  cell(row: number, column: number): unknown {
    return this.values[row - 1]?.[column - 1] ?? "";
  }

  where(label: string, row: number, column: number): Field {
    return field(`${label} — ${cellName(this.sheet, row, column)}`);
  }

  problem(what: string, label: string, row: number, column: number, value: unknown, hint?: string): void {
    this.problems.push(
      `${what} (${label} — ${cellName(this.sheet, row, column)}) : ${quote(value)}${hint ? ` — ${hint}` : ""}`,
    );
  }

  /** Runs a parser; its InputError becomes a problem, and the value undefined. */
  attempt<T>(parse: () => T): T | undefined {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.problems.push(error.message);
      return undefined;
    }
  }

  text(label: string, row: number, column: number, required = true): string | undefined {
    const value = this.cell(row, column);
    if (isBlank(value)) {
      if (required) this.problem("Valeur manquante", label, row, column, value);
      return undefined;
    }
    if (asDate(value)) {
      this.problem("Texte attendu", label, row, column, value);
      return undefined;
    }
    return String(value).trim();
  }

  /** An amount in euros with at most two decimals, in cents. */
  amount(
    label: string,
    row: number,
    column: number,
    options: { positive?: boolean } = {},
  ): Cents | undefined {
    const value = this.cell(row, column);
    if (isBlank(value)) {
      this.problem("Montant manquant", label, row, column, value);
      return undefined;
    }
    const d = this.attempt(() => parseAmount(value, this.where(label, row, column)));
    if (d === undefined) return undefined;
    const inCents = toCents(d);
    if (compare(d, centsToDecimal(inCents)) !== 0) {
      this.problem("Montant invalide", label, row, column, value, "au plus deux décimales (centimes)");
      return undefined;
    }
    if (options.positive && inCents <= 0) {
      this.problem("Montant invalide", label, row, column, value, "un montant strictement positif");
      return undefined;
    }
    return inCents;
  }

  /** A strictly positive number (a quantity). */
  quantity(label: string, row: number, column: number): number | undefined {
    const value = this.cell(row, column);
    if (isBlank(value)) {
      this.problem("Nombre manquant", label, row, column, value);
      return undefined;
    }
    const d = this.attempt(() =>
      parseAmount(value, this.where(label, row, column), { allowNegative: true, noun: "Nombre" }),
    );
    if (d === undefined) return undefined;
    const n = toNumber(d);
    if (!(n > 0)) {
      this.problem("Nombre invalide", label, row, column, value, "un nombre strictement positif");
      return undefined;
    }
    return n;
  }

  date(label: string, row: number, column: number): string | undefined {
    const value = this.cell(row, column);
    if (isBlank(value)) {
      this.problem("Date manquante", label, row, column, value, "une date comme 01/04/2025");
      return undefined;
    }
    const instant = this.attempt(() => parseDateTime(value, this.where(label, row, column)));
    return instant === undefined ? undefined : parisIsoDate(instant);
  }

  /** The rows of each section title found in column A. */
  sections(): Map<SectionKey, { title: number; first: number; last: number }> {
    const titles = new Map<string, SectionKey>(
      (Object.entries(SECTION) as [SectionKey, string][]).map(([k, t]) => [normal(t), k]),
    );
    const found: { key: SectionKey; row: number }[] = [];
    this.values.forEach((r, i) => {
      const key = titles.get(normal(r[0]));
      if (key === undefined) return;
      if (found.some((f) => f.key === key)) {
        this.problem(
          "Section en double",
          "colonne A",
          i + 1,
          1,
          r[0],
          "chaque section n'apparaît qu'une fois",
        );
        return;
      }
      found.push({ key, row: i + 1 });
    });
    const bounds = new Map<SectionKey, { title: number; first: number; last: number }>();
    found.forEach((f, i) => {
      const next = found[i + 1]?.row ?? this.values.length + 1;
      bounds.set(f.key, { title: f.row, first: f.row + 1, last: next - 1 });
    });
    for (const key of Object.keys(SECTION) as SectionKey[]) {
      if (key !== "documents" && !bounds.has(key)) {
        this.problems.push(
          `Section « ${SECTION[key]} » introuvable (feuille « ${this.sheet} », colonne A) — ` +
            "recréez la feuille avec Lianes › Paramètres › Nouvelle convention…",
        );
      }
    }
    return bounds;
  }

  /** Data rows of a table section (blank rows skipped), after checking its header row. */
  table(
    section: { title: number; first: number; last: number } | undefined,
    header: readonly string[],
  ): number[] {
    if (!section) return [];
    const blank = (row: number) => header.every((_, c) => isBlank(this.cell(row, c + 1)));
    let row = section.first;
    while (row <= section.last && blank(row)) row++;
    if (row > section.last) {
      this.problems.push(
        `En-tête manquant (${cellName(this.sheet, section.title + 1, 1)}) : attendu ${header.map((h) => `« ${h} »`).join(", ")}`,
      );
      return [];
    }
    header.forEach((h, c) => {
      const value = this.cell(row, c + 1);
      if (normal(value) !== normal(h))
        this.problem("En-tête inattendu", "colonne", row, c + 1, value, `attendu « ${h} »`);
    });
    const rows: number[] = [];
    for (let r = row + 1; r <= section.last; r++) if (!blank(r)) rows.push(r);
    return rows;
  }
}

interface ReadResult {
  readonly definition?: ConventionDefinition;
  readonly cells?: ConventionSheetCells;
  readonly problems: readonly string[];
}

function read(sheet: string, values: readonly Row[]): ReadResult {
  const r = new Reader(sheet, values);
  const sections = r.sections();

  // Label / value rows.
  const generalRows = {} as Record<GeneralKey, number>;
  const general: Partial<Record<GeneralKey, string | number>> = {};
  for (const f of GENERAL_FIELDS) {
    const section = sections.get(f.section);
    if (!section) continue;
    let row: number | undefined;
    for (let i = section.first; i <= section.last; i++) {
      if (normal(r.cell(i, 1)) === normal(f.label)) {
        row = i;
        break;
      }
    }
    if (row === undefined) {
      r.problems.push(
        `Ligne « ${f.label} » introuvable dans la section « ${SECTION[f.section]} » (feuille « ${sheet} », colonne A)`,
      );
      continue;
    }
    generalRows[f.key] = row;
    const value = readGeneral(r, f.kind, f.label, row);
    if (value !== undefined) general[f.key] = value;
  }
  const id = general.id as string | undefined;
  const sheetId = conventionIdOfSheet(sheet);
  if (id !== undefined && sheetId !== undefined && id !== sheetId.toUpperCase()) {
    r.problem(
      "Identifiant différent du nom de la feuille",
      "Identifiant",
      generalRows.id,
      VALUE_COLUMN,
      id,
      `la feuille s'appelle « ${sheet} » : écrivez ${sheetId.toUpperCase()} ou renommez la feuille`,
    );
  }
  const sheetNames = (["budgetSheet", "planSheet", "reportSheet"] as const).flatMap((k) =>
    typeof general[k] === "string" ? [{ key: k, name: general[k] as string }] : [],
  );
  sheetNames.forEach(({ key, name }, i) => {
    const label = GENERAL_FIELDS.find((f) => f.key === key)?.label ?? key;
    if (name === sheet || name.startsWith(CONVENTION_SHEET_PREFIX)) {
      r.problem(
        "Nom de feuille réservé",
        label,
        generalRows[key],
        VALUE_COLUMN,
        name,
        "ce nom est celui d'une feuille de convention",
      );
    } else if (sheetNames.slice(0, i).some((o) => normal(o.name) === normal(name))) {
      r.problem(
        "Nom de feuille en double",
        label,
        generalRows[key],
        VALUE_COLUMN,
        name,
        "le budget, le plan et le bilan ont chacun leur feuille",
      );
    }
  });
  const start = general.periodStart as string | undefined;
  const end = general.periodEnd as string | undefined;
  if (start !== undefined && end !== undefined && start > end) {
    r.problem(
      "Période inversée",
      "Fin des actions",
      generalRows.periodEnd,
      VALUE_COLUMN,
      values[generalRows.periodEnd - 1]?.[1],
      "la fin des actions précède leur début",
    );
  }

  // Categories.
  const categoryRows = r.table(sections.get("categories"), CATEGORY_HEADER);
  const categories: string[] = [];
  for (const row of categoryRows) {
    const name = r.text("Catégorie", row, 1);
    if (name === undefined) continue;
    if (categories.some((c) => normal(c) === normal(name))) {
      r.problem("Catégorie en double", "Catégorie", row, 1, name);
      continue;
    }
    categories.push(name);
  }
  if (sections.has("categories") && categoryRows.length === 0) {
    r.problems.push(
      `Aucune catégorie (section « ${SECTION.categories} », feuille « ${sheet} ») : il en faut au moins une`,
    );
  }
  const categoryOf = (label: string, row: number, column: number): string | undefined => {
    const name = r.text(label, row, column);
    if (name === undefined) return undefined;
    const known = categories.find((c) => normal(c) === normal(name));
    if (known === undefined) {
      r.problem(
        "Catégorie inconnue",
        label,
        row,
        column,
        name,
        `catégories de la section « ${SECTION.categories} » : ${categories.join(", ") || "aucune"}`,
      );
    }
    return known;
  };

  // Budget lines.
  const lineRows = r.table(sections.get("lines"), LINE_HEADER);
  const lines: ConventionDefinition["lines"] = [];
  const C = LINE_COLUMN;
  for (const row of lineRows) {
    const type = r.text("Type dépense", row, C.type);
    const quantity = r.quantity("Nbre", row, C.quantity);
    const unit = r.text("Unité", row, C.unit);
    const total = r.amount("Total", row, C.total);
    const category = categoryOf("Catégorie", row, C.category);
    const externalValue = r.cell(row, C.external);
    const externalCategoryValue = r.cell(row, C.externalCategory);
    let external: Cents | undefined;
    let externalCategory: string | undefined;
    if (!isBlank(externalValue)) {
      external = r.amount("Part externe", row, C.external, { positive: true });
      if (external !== undefined && total !== undefined && external >= total) {
        r.problem(
          "Part externe trop grande",
          "Part externe",
          row,
          C.external,
          externalValue,
          `elle doit être inférieure au total de la ligne (${formatEuros(total)}) ; sinon mettez sa catégorie dans « Catégorie »`,
        );
        external = undefined;
      }
      externalCategory = categoryOf("Catégorie de la part externe", row, C.externalCategory);
    } else if (!isBlank(externalCategoryValue)) {
      r.problem(
        "Part externe manquante",
        "Part externe",
        row,
        C.external,
        externalValue,
        `une catégorie de part externe (« ${String(externalCategoryValue)} ») est indiquée sans son montant`,
      );
    }
    const description = r.text("Descriptif", row, C.description, false);
    if (type === undefined || quantity === undefined || unit === undefined) continue;
    if (total === undefined || category === undefined) continue;
    const base = {
      type,
      quantity,
      unit,
      total: centsToEuros(total),
      ...(description ? { description } : {}),
    };
    if (isBlank(externalValue)) {
      lines.push({ ...base, category });
    } else if (external !== undefined && externalCategory !== undefined) {
      lines.push({
        ...base,
        split: [
          { category, amount: centsToEuros(cents(total - external)) },
          { category: externalCategory, amount: centsToEuros(external) },
        ],
      });
    }
  }
  if (sections.has("lines") && lineRows.length === 0) {
    r.problems.push(`Aucune ligne de budget (section « ${SECTION.lines} », feuille « ${sheet} »)`);
  }

  // Funders.
  const funderRows = r.table(sections.get("funders"), FUNDER_HEADER);
  const funders: ConventionDefinition["funders"] = [];
  const F = FUNDER_COLUMN;
  const modes = Object.values(FUNDER_MODE);
  let soldes = 0;
  for (const row of funderRows) {
    const name = r.text("Financeur", row, F.name);
    const modeValue = r.cell(row, F.mode);
    const mode = normal(modeValue);
    const amountValue = r.cell(row, F.amount);
    const shareValue = r.cell(row, F.share);
    if (name !== undefined && funders.some((f) => normal(f.name) === normal(name))) {
      r.problem("Financeur en double", "Financeur", row, F.name, name);
    }
    if (mode === FUNDER_MODE.fixed) {
      if (!isBlank(shareValue))
        r.problem(
          "Part inattendue",
          "Part",
          row,
          F.share,
          shareValue,
          "un financeur en montant fixe n'a pas de part : videz la cellule",
        );
      const amount = r.amount("Montant", row, F.amount);
      if (name !== undefined && amount !== undefined)
        funders.push({ kind: "fixed", name, amount: centsToEuros(amount) });
    } else if (mode === FUNDER_MODE.share) {
      if (!isBlank(amountValue))
        r.problem(
          "Montant inattendu",
          "Montant",
          row,
          F.amount,
          amountValue,
          "un financeur en part n'a pas de montant : videz la cellule",
        );
      if (isBlank(shareValue)) {
        r.problem(
          "Part manquante",
          "Part",
          row,
          F.share,
          shareValue,
          "une fraction entre 0 et 1 (0,83) ou un pourcentage (83 %)",
        );
        continue;
      }
      const share = r.attempt(() => parseShare(shareValue, r.where("Part", row, F.share)));
      if (name !== undefined && share !== undefined)
        funders.push({ kind: "share", name, share: toNumber(share) });
    } else if (mode === FUNDER_MODE.solde) {
      soldes++;
      if (soldes > 1) {
        r.problem("Un seul financeur peut être « solde »", "Mode", row, F.mode, modeValue);
        continue;
      }
      if (!isBlank(amountValue))
        r.problem(
          "Montant inattendu",
          "Montant",
          row,
          F.amount,
          amountValue,
          "le financeur « solde » reçoit ce qui reste : videz la cellule",
        );
      if (!isBlank(shareValue))
        r.problem(
          "Part inattendue",
          "Part",
          row,
          F.share,
          shareValue,
          "le financeur « solde » reçoit ce qui reste : videz la cellule",
        );
      if (name !== undefined) funders.push({ kind: "solde", name });
    } else {
      r.problem(
        "Mode de financement inconnu",
        "Mode",
        row,
        F.mode,
        modeValue,
        `attendu ${modes.map((m) => `« ${m} »`).join(", ")}`,
      );
    }
  }
  if (sections.has("funders") && funderRows.length > 0 && soldes === 0) {
    r.problems.push(
      `Aucun financeur « solde » (section « ${SECTION.funders} », feuille « ${sheet} ») : ` +
        "un financeur, d'ordinaire celui de la convention, reçoit ce qui reste pour équilibrer le plan",
    );
  }
  if (sections.has("funders") && funderRows.length === 0) {
    r.problems.push(`Aucun financeur (section « ${SECTION.funders} », feuille « ${sheet} »)`);
  }

  // Commitments (Article 2): an action, a planned quantity or none (qualitative).
  const commitmentRows = r.table(sections.get("commitments"), COMMITMENT_HEADER);
  const commitments: ConventionDefinition["commitments"] = [];
  const K = COMMITMENT_COLUMN;
  for (const row of commitmentRows) {
    const action = r.text("Action", row, K.action);
    const planned = isBlank(r.cell(row, K.planned))
      ? undefined
      : r.quantity("Quantité prévue", row, K.planned);
    const unit = r.text("Unité", row, K.unit, false);
    if (action === undefined || (!isBlank(r.cell(row, K.planned)) && planned === undefined)) continue;
    commitments.push({ action, ...(planned !== undefined ? { planned } : {}), ...(unit ? { unit } : {}) });
  }

  if (r.problems.length > 0) return { problems: r.problems };
  const g = general as Record<GeneralKey, string | number>;
  const candidate = {
    id: g.id,
    label: g.label,
    year: g.year,
    funder: { name: g.funderName, label: g.funderLabel },
    sheets: { budget: g.budgetSheet, plan: g.planSheet, report: g.reportSheet },
    categories,
    lines,
    funders,
    networkBudget: { label: g.networkLabel, income: g.networkIncome, expenses: g.networkExpenses },
    subsidy: g.subsidy,
    forecastTotal: g.forecastTotal,
    period: { start: g.periodStart, end: g.periodEnd },
    reportDue: g.reportDue,
    commitments,
  };
  const parsed = z.safeParse(conventionSchema, candidate);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map(
        (i) =>
          `Convention invalide (feuille « ${sheet} ») : ${i.path.join(".") || "(racine)"} : ${i.message}`,
      ),
    };
  }
  return {
    definition: parsed.data,
    cells: { sheet, general: generalRows, categoryRows, lineRows, funderRows, commitmentRows },
    problems: [],
  };
}

function readGeneral(r: Reader, kind: GeneralKind, label: string, row: number): string | number | undefined {
  const column = VALUE_COLUMN;
  switch (kind) {
    case "text":
      return r.text(label, row, column);
    case "id": {
      const id = r.text(label, row, column);
      if (id === undefined) return undefined;
      if (!/^[A-Z0-9][A-Z0-9-]*$/.test(id)) {
        r.problem(
          "Identifiant invalide",
          label,
          row,
          column,
          id,
          "majuscules, chiffres et tirets, comme CD62-2025",
        );
        return undefined;
      }
      return id;
    }
    case "year": {
      const value = r.cell(row, column);
      const n = typeof value === "number" ? value : Number(String(value).trim());
      if (isBlank(value) || !Number.isInteger(n) || n < 2000 || n > 2100) {
        r.problem("Année invalide", label, row, column, value, "une année comme 2025");
        return undefined;
      }
      return n;
    }
    case "date":
      return r.date(label, row, column);
    case "amount": {
      const amount = r.amount(label, row, column);
      return amount === undefined ? undefined : centsToEuros(amount);
    }
  }
}

/**
 * The definition a convention sheet holds, and where each piece sits. A sheet with problems is
 * an InputError giving the first ones (every one is listed by `checkConventionSheet`).
 */
export function readConventionSheet(sheet: string, values: readonly Row[]): ConventionSheet {
  const result = read(sheet, values);
  if (result.definition && result.cells) return { definition: result.definition, cells: result.cells };
  const shown = result.problems.slice(0, 3);
  const more = result.problems.length - shown.length;
  throw new InputError(
    `${shown.join(" ; ")}${more > 0 ? ` ; et ${more} autre${more > 1 ? "s" : ""} problème${more > 1 ? "s" : ""} (Lianes › Paramètres › Vérifier les paramètres)` : ""}`,
  );
}

/**
 * Every problem of a convention sheet, for `Vérifier les paramètres`: what stops it from being
 * read, then, once it reads, what does not add up (Article 4's forecast cost against the budget
 * lines, the plan's balance, the subsidy against what the plan asks of the convention's funder).
 */
export function checkConventionSheet(sheet: string, values: readonly Row[]): string[] {
  const result = read(sheet, values);
  if (!result.definition || !result.cells) return [...result.problems];
  const c = result.definition;
  const rows = result.cells.general;
  const problems: string[] = [];
  const total = budgetTotal(c);
  const at = (key: GeneralKey) => cellName(sheet, rows[key], VALUE_COLUMN);
  const forecast = cents(Math.round(c.forecastTotal * 100));
  if (forecast !== total) {
    problems.push(
      `Coût total prévisionnel différent du budget (Coût total prévisionnel (article 4) — ${at("forecastTotal")}) : ` +
        `« ${formatEuros(forecast)} » — les lignes du budget font ${formatEuros(total)} (écart ${formatEuros(cents(Math.abs(total - forecast)))})`,
    );
  }
  if (!c.funders.some((f) => normal(f.name) === normal(c.funder.name))) {
    problems.push(
      `Financeur de la convention absent des financeurs (Financeur (sigle) — ${at("funderName")}) : « ${c.funder.name} » — ` +
        `ajoutez-le à la section « ${SECTION.funders} » (d'ordinaire en « solde »)`,
    );
  }
  try {
    const plan = conventionPlan(c);
    const own = plan.receipts.find((p) => normal(p.label) === normal(c.funder.name));
    const subsidy = cents(Math.round(c.subsidy * 100));
    if (own && own.amount !== subsidy) {
      problems.push(
        `Subvention différente du plan de financement (Subvention accordée (article 4) — ${at("subsidy")}) : ` +
          `« ${formatEuros(subsidy)} » — le plan demande ${formatEuros(own.amount)} à ${own.label}`,
      );
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(
      `Plan de financement impossible (section « ${SECTION.funders} », feuille « ${sheet} ») : ${error.message}`,
    );
  }
  return problems;
}

/** The sheets a new convention writes, named after its id so that two conventions never share one. */
export function defaultSheetNames(id: string): ConventionDefinition["sheets"] {
  return { budget: `Budget ${id}`, plan: `Plan de financement ${id}`, report: `Bilan ${id}` };
}

function shiftYears(iso: string, years: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  // 29 February of a year that has none becomes the 28th.
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  const two = (n: number) => String(n).padStart(2, "0");
  return `${y + years}-${two(m)}-${two(Math.min(d, last))}`;
}

/**
 * Next year's convention from a template: the new id, its own sheets, and — when the id names
 * another year (CD62-2025 from CD62-2024) — that year, with the period, the report's due date
 * and the year in the titles moved by as many years. Lines, funders, figures and commitments are
 * the template's, for the manager to edit. Under the template's own id, the template unchanged.
 */
export function conventionFromTemplate(template: ConventionDefinition, id: string): ConventionDefinition {
  // The template itself, put in the workbook under its own id, keeps its sheets.
  if (id === template.id) return template;
  const named = /(?:^|\D)(20\d\d)(?:\D|$)/.exec(id)?.[1];
  const year = named === undefined ? template.year : Number(named);
  const years = year - template.year;
  const retitle = (text: string) =>
    years === 0 ? text : text.split(String(template.year)).join(String(year));
  return {
    ...template,
    id,
    year,
    label: retitle(template.label),
    sheets: defaultSheetNames(id),
    networkBudget: { ...template.networkBudget, label: retitle(template.networkBudget.label) },
    period: { start: shiftYears(template.period.start, years), end: shiftYears(template.period.end, years) },
    reportDue: shiftYears(template.reportDue, years),
  };
}

/**
 * Every problem of the workbook's convention sheets, for `Vérifier les paramètres`: each sheet's
 * own, then two conventions that would write the same budget, plan or report sheet (the second
 * would overwrite the first's).
 */
export function checkConventionSheets(
  sheets: readonly { readonly name: string; readonly values: readonly Row[] }[],
): string[] {
  const problems: string[] = [];
  const owners = new Map<string, string>();
  for (const { name, values } of sheets) {
    problems.push(...checkConventionSheet(name, values));
    const result = read(name, values);
    if (!result.definition || !result.cells) continue;
    const { sheets: written } = result.definition;
    const keys = { budget: "budgetSheet", plan: "planSheet", report: "reportSheet" } as const;
    for (const kind of ["budget", "plan", "report"] as const) {
      const target = written[kind];
      const owner = owners.get(normal(target));
      const key = keys[kind];
      if (owner !== undefined) {
        const label = GENERAL_FIELDS.find((f) => f.key === key)?.label ?? key;
        problems.push(
          `Feuille déjà écrite par une autre convention (${label} — ${cellName(name, result.cells.general[key], VALUE_COLUMN)}) : ` +
            `« ${target} » — « ${owner} » écrit déjà cette feuille ; donnez-lui un autre nom`,
        );
      } else owners.set(normal(target), name);
    }
  }
  return problems;
}
