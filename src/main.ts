/**
 * The bundle's public surface, exposed by esbuild as the global `Lianes`. The generated
 * `functions.js` holds one global per custom function and entry point, each delegating here.
 */

import { InputError } from "./core/errors";
import { entryPoints } from "./entry-points";
import { customFunctions } from "./functions";
import type { SheetResult, SheetValue } from "./functions/sheet-values";

const functionsByName = new Map(customFunctions.map((f) => [f.name, f]));
const entriesByName = new Map(entryPoints.map((e) => [e.name, e]));

/** Turns anything thrown into an Error whose message a French-speaking user can act on. */
function userFacing(where: string, error: unknown): Error {
  if (error instanceof InputError) return new Error(error.message);
  console.error(`${where} :`, error);
  return new Error(
    `Erreur inattendue dans ${where}. Le détail est dans le journal d'exécution ; merci de le signaler.`,
  );
}

export function callFunction(name: string, args: SheetValue[]): SheetResult {
  const spec = functionsByName.get(name);
  if (!spec) throw new Error(`Fonction inconnue : ${name}`);
  try {
    return spec.run(...args);
  } catch (error) {
    throw userFacing(name, error);
  }
}

export function callEntry(name: string, args: unknown[]): unknown {
  const spec = entriesByName.get(name);
  if (!spec) throw new Error(`Point d'entrée inconnu : ${name}`);
  try {
    return spec.run(...args);
  } catch (error) {
    throw userFacing(name, error);
  }
}
