/**
 * The calculator's lines as the user types them (texts), read and assessed with the pure core:
 * the page runs it on every keystroke, the server runs it again on what it receives before
 * writing anything. A field that cannot be read gets its French error and the line counts for
 * nothing — never as 0 — so the totals only exist when every line reads.
 */
import { centsToDecimal, type Decimal, divideToCents, isZero } from "../../core/decimal";
import { field, InputError, invalid } from "../../core/errors";
import {
  addLine,
  assessLine,
  type Category,
  emptySums,
  type LineAssessment,
  type MissionTotals,
  missionTotals,
  parseDays,
  type RuleSet,
} from "../../core/explor";
import { monthKey, parseCurrencyCode, parseRateMonth } from "../../core/infoeuro";
import { isBlank, parseAmount } from "../../core/money";

/** The category value of an expense the rule set does not cover. */
export const OTHER = "autre";
export const OTHER_LABEL = "Autre dépense (non prise en charge)";

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

export interface ReadLine {
  readonly label: string;
  readonly category: Category | undefined;
  /** As typed, in the line's currency. */
  readonly amount: Decimal | undefined;
  /** In euros, exact (EUR) or converted and rounded to the cent. */
  readonly euros: Decimal | undefined;
  readonly currency: string;
  readonly rate: Decimal | undefined;
  readonly month: string | undefined;
  readonly days: number | undefined;
  /** Undefined for a line with nothing to count. */
  readonly assessment: LineAssessment | undefined;
  readonly observation: string;
  /** Receipt fields still missing, when the receipt is partly filled. */
  readonly missingReceipt: readonly string[];
  readonly receiptAmount: Decimal | undefined;
}

export interface LineResult {
  readonly errors: Partial<Record<FieldName, string>>;
  /** Present when every field reads. */
  readonly line?: ReadLine;
}

export interface Decompte {
  readonly lines: readonly LineResult[];
  /** Present when no line has an error. */
  readonly totals?: MissionTotals;
}

const EURO = "EUR";
const CURRENCY_CODE = /^[A-Za-z]{3}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const INCOMPLETE_RECEIPT = "justificatif incomplet";

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

/** `12/07/2025` from `2025-07-12`: how the mission sheet receives a receipt date. */
export function frenchDate(iso: string): string {
  const m = ISO_DATE.exec(iso.trim());
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function readReceiptDate(value: string, row: number): void {
  if (isBlank(value)) return;
  const m = ISO_DATE.exec(value.trim());
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !date || date.getUTCDate() !== Number(m[3]) || date.getUTCMonth() !== Number(m[2]) - 1) {
    throw invalid(
      "Date invalide",
      field("date du justificatif", row),
      value,
      "attendu une date comme 2025-07-12",
    );
  }
}

/** Reads one line (1-based `row`); every field that fails gets its own message. */
export function readExpense(ruleSet: RuleSet, fields: ExpenseFields, row: number): LineResult {
  if (isEmptyLine(fields)) return { errors: {} };
  const errors: Partial<Record<FieldName, string>> = {};
  const attempt = <T>(name: FieldName, read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors[name] = error.message;
      return undefined;
    }
  };

  const other = fields.categorie === OTHER;
  const category = other ? undefined : categoryByKey(ruleSet, fields.categorie);
  if (!other && !category) {
    errors.categorie = isBlank(fields.categorie)
      ? `Catégorie manquante (catégorie, ligne ${row}) — choisissez une catégorie ou « ${OTHER_LABEL} »`
      : invalid(
          "Catégorie inconnue",
          field("catégorie", row),
          fields.categorie,
          `catégories de ${ruleSet.id} : ${ruleSet.categories.map((c) => c.key).join(", ")}`,
        ).message;
  }

  const amount = isBlank(fields.montant)
    ? undefined
    : attempt("montant", () => parseAmount(fields.montant, field("montant", row)));
  const foreign = isForeign(fields.devise);
  const currency = foreign
    ? attempt("devise", () => {
        if (!CURRENCY_CODE.test(fields.devise.trim())) {
          throw invalid(
            "Devise invalide",
            field("devise", row),
            fields.devise,
            "attendu un code ISO 4217 de trois lettres, ex. MAD",
          );
        }
        return parseCurrencyCode(fields.devise);
      })
    : EURO;
  let rate: Decimal | undefined;
  let month: string | undefined;
  if (foreign) {
    month = attempt("mois", () => {
      if (isBlank(fields.mois)) {
        throw new InputError(
          `Mois du taux manquant (mois, ligne ${row}) — indiquez le mois du paiement, ex. 2025-07`,
        );
      }
      return monthKey(parseRateMonth(fields.mois.trim()));
    });
    rate = attempt("taux", () => {
      const where = field("taux", row);
      if (isBlank(fields.taux)) {
        throw new InputError(
          `Taux manquant (taux, ligne ${row}) — indiquez le mois pour le taux InfoEuro, ou saisissez le taux`,
        );
      }
      const r = parseAmount(fields.taux, where, { noun: "Taux" });
      if (isZero(r)) throw invalid("Taux invalide, il doit être positif", where, fields.taux);
      return r;
    });
  }
  const days =
    category?.daily && !isBlank(fields.jours)
      ? attempt("jours", () => parseDays(fields.jours.trim(), field("jours", row)))
      : undefined;
  attempt("justificatif-date", () => readReceiptDate(fields.justificatif.date, row));
  const receiptAmount = isBlank(fields.justificatif.montant)
    ? undefined
    : attempt("justificatif-montant", () =>
        parseAmount(fields.justificatif.montant, field("montant du justificatif", row)),
      );
  if (Object.keys(errors).length > 0) return { errors };

  let euros: Decimal | undefined;
  if (amount !== undefined) {
    euros = foreign && rate ? centsToDecimal(divideToCents(amount, rate)) : amount;
  }
  const assessment = attempt("montant", () =>
    assessLine(ruleSet, category, euros, days, field("montant", row)),
  );
  if (Object.keys(errors).length > 0) return { errors };

  const receipt = fields.justificatif;
  const receiptParts: [string, string][] = [
    ["date", receipt.date],
    ["fournisseur", receipt.fournisseur],
    ["prestation", receipt.prestation],
    ["montant", receipt.montant],
  ];
  const filled = receiptParts.filter(([, v]) => !isBlank(v));
  const missingReceipt =
    filled.length > 0 && filled.length < receiptParts.length
      ? receiptParts.filter(([, v]) => isBlank(v)).map(([name]) => name)
      : [];
  const notes = [assessment?.observation ?? "", missingReceipt.length > 0 ? INCOMPLETE_RECEIPT : ""].filter(
    (n) => n !== "",
  );

  return {
    errors,
    line: {
      label: lineLabel(ruleSet, fields),
      category,
      amount,
      euros,
      currency: currency ?? EURO,
      rate,
      month,
      days,
      assessment,
      observation: notes.join(" ; "),
      missingReceipt,
      receiptAmount,
    },
  };
}

/** Every line read, and the mission's totals when all of them read. */
export function computeDecompte(ruleSet: RuleSet, lines: readonly ExpenseFields[]): Decompte {
  const results = lines.map((fields, i) => readExpense(ruleSet, fields, i + 1));
  if (results.some((r) => Object.keys(r.errors).length > 0)) return { lines: results };
  const sums = emptySums();
  for (const r of results) if (r.line?.assessment) addLine(sums, r.line.assessment);
  return { lines: results, totals: missionTotals(ruleSet, sums) };
}

/** The first error of a décompte, in line order: what the server refuses with. */
export function firstError(decompte: Decompte): string | undefined {
  for (const r of decompte.lines) {
    const message = Object.values(r.errors)[0];
    if (message) return message;
  }
  return undefined;
}
