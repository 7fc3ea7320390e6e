/**
 * The calculator's lines as the user types them (texts), read and assessed by the core's one
 * mission reader (core/explor/mission.ts), the same the custom functions and the mission sheet
 * use: the page runs it on every keystroke, the server runs it again on what it receives before
 * writing anything. A field that cannot be read gets its French error and the line counts for
 * nothing — never as 0 — so the totals only exist when every line reads.
 */
import {
  type AssessedLine,
  type Category,
  INCOMPLETE_RECEIPT,
  type MissionAssessment,
  type MissionFieldName,
  type MissionFieldNames,
  OTHER_EXPENSE_LABEL,
  type RawMissionLine,
  type ReadMissionLine,
  type RuleSet,
  readMission,
  type Stage,
} from "../../core/explor";
import { isBlank } from "../../core/money";

export { INCOMPLETE_RECEIPT };

/** The category value of an expense the rule set does not cover. */
export const OTHER = "autre";
export const OTHER_LABEL = OTHER_EXPENSE_LABEL;

export interface ReceiptFields {
  /** ISO date `2025-07-12`, or blank. */
  readonly date: string;
  readonly fournisseur: string;
  readonly prestation: string;
  readonly montant: string;
}

/** One line as typed: every field is the text of its control. */
export interface ExpenseFields {
  /** A category key of the rule set, `autre`, or blank. */
  readonly categorie: string;
  /** What an `autre` line is (e.g. Cadeaux partenaires). */
  readonly libelle: string;
  readonly montant: string;
  /** ISO 4217 code; blank means EUR. */
  readonly devise: string;
  readonly taux: string;
  /** `2025-07`. */
  readonly mois: string;
  readonly jours: string;
  readonly justificatif: ReceiptFields;
}

export type FieldName =
  | "categorie"
  | "libelle"
  | "montant"
  | "devise"
  | "taux"
  | "mois"
  | "jours"
  | "justificatif-date"
  | "justificatif-montant";

export interface ReadLine extends ReadMissionLine {
  readonly label: string;
  /** Undefined for a line with nothing to count. */
  readonly assessment: AssessedLine | undefined;
  /** The core's observation, and « justificatif incomplet » on a partly given receipt. */
  readonly observation: string;
}

export interface LineResult {
  readonly errors: Partial<Record<FieldName, string>>;
  /** Present when every field reads and the line counts. */
  readonly line?: ReadLine;
}

export interface Decompte {
  readonly lines: readonly LineResult[];
  /** Present when no line has an error and the totals are within bounds. */
  readonly totals?: MissionAssessment;
  /** « Total trop grand » and the like, shown with the totals. */
  readonly totalError?: string;
}

const EURO = "EUR";
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calculator's names for the fields, in errors: `(montant, ligne 2)`. */
const CALCULATOR_NAMES: MissionFieldNames = {
  category: "catégorie",
  amount: "montant",
  currency: "devise",
  rate: "taux",
  month: "mois",
  days: "jours",
  receipt: "justificatif",
  receiptDate: "date du justificatif",
  receiptAmount: "montant du justificatif",
};

const FIELD_OF: Record<MissionFieldName, FieldName> = {
  category: "categorie",
  amount: "montant",
  currency: "devise",
  rate: "taux",
  month: "mois",
  days: "jours",
  receipt: "justificatif-date",
  receiptDate: "justificatif-date",
  receiptAmount: "justificatif-montant",
};

export function emptyExpense(categorie = ""): ExpenseFields {
  return {
    categorie,
    libelle: "",
    montant: "",
    devise: EURO,
    taux: "",
    mois: "",
    jours: "",
    justificatif: { date: "", fournisseur: "", prestation: "", montant: "" },
  };
}

export function isForeign(devise: string): boolean {
  return !isBlank(devise) && devise.trim().toUpperCase() !== EURO;
}

export function categoryByKey(ruleSet: RuleSet, key: string): Category | undefined {
  return ruleSet.categories.find((c) => c.key === key);
}

/** The label of a line as the décompte shows it. */
export function lineLabel(ruleSet: RuleSet, fields: ExpenseFields): string {
  if (fields.categorie === OTHER) return fields.libelle.trim() || "Autre dépense";
  return categoryByKey(ruleSet, fields.categorie)?.label ?? fields.categorie;
}

/** `12/07/2025` from `2025-07-12`: how the mission sheet receives a receipt date. */
export function frenchDate(iso: string): string {
  const m = ISO_DATE.exec(iso.trim());
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function rawLine(ruleSet: RuleSet, f: ExpenseFields): RawMissionLine {
  const other = f.categorie === OTHER;
  const category = other
    ? f.libelle.trim() || "Autre dépense"
    : (categoryByKey(ruleSet, f.categorie)?.label ?? "");
  const r = f.justificatif;
  return {
    category: isBlank(f.categorie) ? "" : category,
    ...(other ? { other: true } : {}),
    amount: f.montant,
    currency: isBlank(f.devise) ? EURO : f.devise,
    rate: f.taux,
    month: f.mois,
    days: f.jours,
    receiptParts: { date: r.date, supplier: r.fournisseur, service: r.prestation, amount: r.montant },
  };
}

function isEmptyLine(f: ExpenseFields): boolean {
  const r = f.justificatif;
  return [
    f.categorie,
    f.libelle,
    f.montant,
    f.taux,
    f.mois,
    f.jours,
    r.date,
    r.fournisseur,
    r.prestation,
    r.montant,
  ].every(isBlank);
}

/**
 * Every line read by the core's mission reader, and the mission's assessment when all of them
 * read. `stage` "final": a line that needs a receipt and lacks one is not reimbursed.
 */
export function computeDecompte(
  ruleSet: RuleSet,
  lines: readonly ExpenseFields[],
  stage: Stage = "previsionnel",
): Decompte {
  const reading = readMission(
    ruleSet,
    lines.map((f) => rawLine(ruleSet, f)),
    { names: CALCULATOR_NAMES, stage },
  );
  let counted = 0;
  const results = reading.lines.map((r, i): LineResult => {
    const fields = lines[i] as ExpenseFields;
    const errors: Partial<Record<FieldName, string>> = {};
    for (const [name, message] of Object.entries(r.errors) as [MissionFieldName, string][]) {
      errors[FIELD_OF[name]] ??= message;
    }
    const other = fields.categorie === OTHER;
    if (!isEmptyLine(fields) && !other && !categoryByKey(ruleSet, fields.categorie)) {
      errors.categorie = isBlank(fields.categorie)
        ? `Catégorie manquante (catégorie, ligne ${i + 1}) — choisissez une catégorie ou « ${OTHER_LABEL} »`
        : `Catégorie inconnue (catégorie, ligne ${i + 1}) : « ${fields.categorie} » — catégories de ${ruleSet.id} : ${ruleSet.categories.map((c) => c.key).join(", ")}`;
    }
    if (Object.keys(errors).length > 0 || !r.line) return { errors };
    const assessment = reading.assessment?.lines[counted++];
    const notes = [
      assessment?.observation ?? "",
      r.line.missingReceipt.length > 0 && assessment?.status !== "missingReceipt" ? INCOMPLETE_RECEIPT : "",
    ].filter((n) => n !== "");
    return {
      errors,
      line: {
        ...r.line,
        label: lineLabel(ruleSet, fields),
        assessment,
        observation: notes.join(" ; "),
      },
    };
  });
  if (results.some((r) => Object.keys(r.errors).length > 0)) return { lines: results };
  return {
    lines: results,
    ...(reading.assessment ? { totals: reading.assessment } : {}),
    ...(reading.totalError ? { totalError: reading.totalError } : {}),
  };
}

/** The first error of a décompte, in line order, then the totals': what the server refuses with. */
export function firstError(decompte: Decompte): string | undefined {
  for (const r of decompte.lines) {
    const message = Object.values(r.errors)[0];
    if (message) return message;
  }
  return decompte.totalError;
}
