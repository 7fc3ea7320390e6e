/**
 * Definitions that ship as data (rule sets, calls, conventions, DAC lists), found by id.
 * Each is validated (and prepared) on first use only, so loading the bundle costs nothing.
 */
import * as z from "zod/mini";
import { isBlank } from "./blank";
import { type Field, invalid, requireSingleCell } from "./errors";

export interface CatalogueWords {
  /** `Règle EXPLOR inconnue`, `Appel inconnu` */
  readonly unknown: string;
  /** `Règle EXPLOR invalide` — for an argument that is not an id at all */
  readonly invalid: string;
  /** `règles connues` */
  readonly known: string;
  /** `Définition de règle EXPLOR invalide` */
  readonly badDefinition: string;
}

export interface Catalogue<T> {
  readonly ids: readonly string[];
  readonly defaultId: string;
  /** Validates and prepares a definition, shipped or new; the message lists every problem. */
  load(definition: unknown): T;
  /** The entry with this id (case-insensitive); an unknown id names the known ones. */
  byId(id: string, where: Field): T;
  /** Reads an argument: blank means the default entry. */
  of(value: unknown, where: Field): T;
}

export function catalogue<S extends z.ZodMiniType<{ id: string }, unknown>, T>(options: {
  readonly schema: S;
  readonly definitions: readonly z.input<S>[];
  readonly words: CatalogueWords;
  readonly prepare: (definition: z.output<S>) => T;
  /** Defaults to the first definition. */
  readonly defaultId?: string;
}): Catalogue<T> {
  const { schema, definitions, words, prepare } = options;
  const ids = definitions.map((d) => (d as { id: string }).id);
  const defaultId = options.defaultId ?? ids[0] ?? "";
  const prepared = new Map<string, T>();

  function load(definition: unknown): T {
    const result = z.safeParse(schema, definition);
    if (!result.success) {
      const issues = result.error.issues.map((i) => `${i.path.join(".") || "(racine)"} : ${i.message}`);
      throw new Error(`${words.badDefinition} — ${issues.join(" ; ")}`);
    }
    return prepare(result.data);
  }

  function byId(id: string, where: Field): T {
    const wanted = id.trim().toUpperCase();
    const cached = prepared.get(wanted);
    if (cached !== undefined) return cached;
    const index = ids.indexOf(wanted);
    if (index < 0) throw invalid(words.unknown, where, id, `${words.known} : ${ids.join(", ")}`);
    const entry = load(definitions[index]);
    prepared.set(wanted, entry);
    return entry;
  }

  function of(value: unknown, where: Field): T {
    requireSingleCell(value, where);
    if (isBlank(value)) {
      return byId(defaultId, where);
    }
    if (typeof value !== "string") {
      throw invalid(words.invalid, where, value, `attendu un identifiant comme ${defaultId}`);
    }
    return byId(value, where);
  }

  return { ids, defaultId, load, byId, of };
}
