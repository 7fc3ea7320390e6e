/**
 * The 101 French départements (code and name, INSEE), and reading one from what users type:
 * a code (`62`, `2A`), a number (62), a postal code (`62000`, or 2000 for a postal code that
 * lost its leading zero in a number cell) or a name (`Pas-de-Calais`, `pas de calais`).
 */
import { type Field, invalid } from "../errors";
import { normalizeName } from "./normalize";

export interface Departement {
  readonly code: string;
  readonly name: string;
}

const DEPARTEMENTS: readonly (readonly [string, string])[] = [
  ["01", "Ain"],
  ["02", "Aisne"],
  ["03", "Allier"],
  ["04", "Alpes-de-Haute-Provence"],
  ["05", "Hautes-Alpes"],
  ["06", "Alpes-Maritimes"],
  ["07", "Ardèche"],
  ["08", "Ardennes"],
  ["09", "Ariège"],
  ["10", "Aube"],
  ["11", "Aude"],
  ["12", "Aveyron"],
  ["13", "Bouches-du-Rhône"],
  ["14", "Calvados"],
  ["15", "Cantal"],
  ["16", "Charente"],
  ["17", "Charente-Maritime"],
  ["18", "Cher"],
  ["19", "Corrèze"],
  ["2A", "Corse-du-Sud"],
  ["2B", "Haute-Corse"],
  ["21", "Côte-d'Or"],
  ["22", "Côtes-d'Armor"],
  ["23", "Creuse"],
  ["24", "Dordogne"],
  ["25", "Doubs"],
  ["26", "Drôme"],
  ["27", "Eure"],
  ["28", "Eure-et-Loir"],
  ["29", "Finistère"],
  ["30", "Gard"],
  ["31", "Haute-Garonne"],
  ["32", "Gers"],
  ["33", "Gironde"],
  ["34", "Hérault"],
  ["35", "Ille-et-Vilaine"],
  ["36", "Indre"],
  ["37", "Indre-et-Loire"],
  ["38", "Isère"],
  ["39", "Jura"],
  ["40", "Landes"],
  ["41", "Loir-et-Cher"],
  ["42", "Loire"],
  ["43", "Haute-Loire"],
  ["44", "Loire-Atlantique"],
  ["45", "Loiret"],
  ["46", "Lot"],
  ["47", "Lot-et-Garonne"],
  ["48", "Lozère"],
  ["49", "Maine-et-Loire"],
  ["50", "Manche"],
  ["51", "Marne"],
  ["52", "Haute-Marne"],
  ["53", "Mayenne"],
  ["54", "Meurthe-et-Moselle"],
  ["55", "Meuse"],
  ["56", "Morbihan"],
  ["57", "Moselle"],
  ["58", "Nièvre"],
  ["59", "Nord"],
  ["60", "Oise"],
  ["61", "Orne"],
  ["62", "Pas-de-Calais"],
  ["63", "Puy-de-Dôme"],
  ["64", "Pyrénées-Atlantiques"],
  ["65", "Hautes-Pyrénées"],
  ["66", "Pyrénées-Orientales"],
  ["67", "Bas-Rhin"],
  ["68", "Haut-Rhin"],
  ["69", "Rhône"],
  ["70", "Haute-Saône"],
  ["71", "Saône-et-Loire"],
  ["72", "Sarthe"],
  ["73", "Savoie"],
  ["74", "Haute-Savoie"],
  ["75", "Paris"],
  ["76", "Seine-Maritime"],
  ["77", "Seine-et-Marne"],
  ["78", "Yvelines"],
  ["79", "Deux-Sèvres"],
  ["80", "Somme"],
  ["81", "Tarn"],
  ["82", "Tarn-et-Garonne"],
  ["83", "Var"],
  ["84", "Vaucluse"],
  ["85", "Vendée"],
  ["86", "Vienne"],
  ["87", "Haute-Vienne"],
  ["88", "Vosges"],
  ["89", "Yonne"],
  ["90", "Territoire de Belfort"],
  ["91", "Essonne"],
  ["92", "Hauts-de-Seine"],
  ["93", "Seine-Saint-Denis"],
  ["94", "Val-de-Marne"],
  ["95", "Val-d'Oise"],
  ["971", "Guadeloupe"],
  ["972", "Martinique"],
  ["973", "Guyane"],
  ["974", "La Réunion"],
  ["976", "Mayotte"],
];

export const DEPARTEMENT_CODES: readonly string[] = DEPARTEMENTS.map(([code]) => code);

let index: { byCode: Map<string, Departement>; byName: Map<string, Departement> } | undefined;

function lookup() {
  if (!index) {
    const byCode = new Map<string, Departement>();
    const byName = new Map<string, Departement>();
    for (const [code, name] of DEPARTEMENTS) {
      const d = { code, name };
      byCode.set(code, d);
      byName.set(normalizeName(name), d);
    }
    byName.set(normalizeName("Réunion"), { code: "974", name: "La Réunion" });
    index = { byCode, byName };
  }
  return index;
}

/** The département of a 5-digit postal code; Corsica's 20xxx split at 20200. */
function fromPostalCode(postal: string): Departement | undefined {
  const { byCode } = lookup();
  if (postal.startsWith("20")) return byCode.get(Number(postal) < 20200 ? "2A" : "2B");
  if (postal.startsWith("97")) return byCode.get(postal.slice(0, 3));
  return byCode.get(postal.slice(0, 2));
}

function fromCode(text: string): Departement | undefined {
  const { byCode } = lookup();
  const upper = text.toUpperCase();
  if (/^\d{4}$/.test(upper)) return fromPostalCode(`0${upper}`);
  if (/^\d{5}$/.test(upper)) return fromPostalCode(upper);
  if (/^\d$/.test(upper)) return byCode.get(`0${upper}`);
  return byCode.get(upper);
}

/** The département the value names, or undefined when it names none. */
export function findDepartement(value: unknown): Departement | undefined {
  if (typeof value === "number") {
    return Number.isInteger(value) && value > 0 ? fromCode(String(value)) : undefined;
  }
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  const code = fromCode(text);
  if (code) return code;
  const byName = lookup().byName.get(normalizeName(text));
  if (byName) return byName;
  // "62 - Pas-de-Calais", "Pas-de-Calais (62)": a code and a name that agree.
  const pair =
    /^(\d{1,3}|2[ab])\s*[-–—]?\s*(.+?)$/i.exec(text) ?? /^(.+?)\s*\((\d{1,3}|2[ab])\)$/i.exec(text);
  if (!pair) return undefined;
  const [first, second] = [pair[1] ?? "", pair[2] ?? ""];
  const [c, n] = /^\d|^2[ab]$/i.test(first) ? [first, second] : [second, first];
  const byPair = fromCode(c);
  return byPair && lookup().byName.get(normalizeName(n)) === byPair ? byPair : undefined;
}

/** Like findDepartement, but a value that is no département is an error naming it. */
export function parseDepartement(value: unknown, where: Field): Departement {
  const found = findDepartement(value);
  if (found) return found;
  const what =
    value === "" || value === null || value === undefined ? "Département manquant" : "Département inconnu";
  throw invalid(what, where, value, "attendu un code (62), un code postal (62000) ou un nom (Pas-de-Calais)");
}
