/**
 * Zod in French: the schema parts definitions share, and the one translator of zod's issues into
 * the French input errors users see (field, value, what is expected). Sidebar servers, rule sets,
 * conventions and calls all go through it.
 */
import * as z from "zod/mini";
import { InputError } from "./errors";

/** Euros with at most two decimals, kept as numbers in definitions for readability. */
export const euros = z.number().check(
  z.nonnegative(),
  z.refine((v) => Number.isSafeInteger(Math.round(v * 100)) && Math.round(v * 100) / 100 === v, {
    message: "montant en euros avec au plus deux décimales",
  }),
);

/** How a request names its fields for users: a key's French name, by key. */
export type FieldNames = Readonly<Record<string, string>>;

const TYPES: Readonly<Record<string, string>> = {
  string: "texte",
  number: "nombre",
  array: "liste",
  object: "objet",
  boolean: "VRAI ou FAUX",
};

/** `texte attendu`, `liste attendue`, `texte ou nombre attendu`. */
function expected(types: readonly string[]): string {
  const nouns = types.map((t) => TYPES[t] ?? t);
  return `${orList(nouns)} ${nouns.every((n) => n === "liste") ? "attendue" : "attendu"}`;
}

/** `5 000`: a count as French text shows it (a plain space between thousands). */
function count(n: unknown): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** `« a », « b » ou « c »` */
function orList(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ou ${items.at(-1)}`;
}

/** `lignes, ligne 1, montant`: the path of an issue, keys by their French name, list items by row. */
export function issueField(path: readonly PropertyKey[], names: FieldNames = {}): string {
  return path
    .map((p) => (typeof p === "number" ? `ligne ${p + 1}` : (names[String(p)] ?? String(p))))
    .join(", ");
}

/** One zod issue as a French sentence: `Texte trop long (lignes, ligne 1, libelle) : au plus 200 caractères`. */
export function frenchIssue(issue: z.core.$ZodIssue, names: FieldNames = {}): string {
  const where = issueField(issue.path, names);
  const at = where ? ` (${where})` : "";
  switch (issue.code) {
    case "invalid_type":
      return `Donnée invalide${at} : ${expected([issue.expected])}`;
    case "too_big":
      return issue.origin === "array"
        ? `Trop de lignes${at} : au plus ${count(issue.maximum)}`
        : `Texte trop long${at} : au plus ${count(issue.maximum)} caractères`;
    case "too_small":
      return issue.origin === "array" || issue.origin === "string"
        ? `Donnée vide${at}`
        : `Nombre trop petit${at} : au moins ${String(issue.minimum)}`;
    case "unrecognized_keys":
      return `Champ inconnu${at} : ${issue.keys.map((k) => `« ${k} »`).join(", ")}`;
    case "invalid_value":
      return `Valeur hors de la liste${at} : ${orList(issue.values.map((v) => `« ${String(v)} »`))} attendu`;
    case "invalid_union": {
      const options = (issue as { options?: readonly unknown[] }).options;
      if (options)
        return `Valeur hors de la liste${at} : ${orList(options.map((o) => `« ${String(o)} »`))} attendu`;
      const types = issue.errors
        .flat()
        .flatMap((i) => (i.code === "invalid_type" ? [TYPES[i.expected] ?? i.expected] : []));
      return `Donnée invalide${at} : ${types.length ? `${orList(types)} attendu` : "d'un type inattendu"}`;
    }
    default:
      return `Donnée invalide${at}${issue.message && issue.code === "custom" ? ` : ${issue.message}` : ""}`;
  }
}

/**
 * The value as the schema reads it, or an InputError: `context` (`Calculateur EXPLOR`) then the
 * first issues in French, the first one's field kept on the error.
 */
export function parseInFrench<T>(
  schema: z.ZodMiniType<T>,
  value: unknown,
  context: string,
  names: FieldNames = {},
  shown = 3,
): T {
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const first = issues[0];
  throw new InputError(
    `${context} : ${issues
      .slice(0, shown)
      .map((i) => frenchIssue(i, names))
      .join(" ; ")}`,
    {
      field: first ? issueField(first.path, names) : context,
    },
  );
}
