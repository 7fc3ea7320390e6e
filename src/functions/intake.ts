/**
 * Intake custom functions: is a country on the DAC list, is an EXPLOR application eligible.
 * Each argument is a value or a range; ranges go cell by cell, a single value applies to every row.
 */
import { field, InputError } from "../core/errors";
import {
  ARGUMENT_NAMES,
  assessEligibility,
  callOf,
  DEFAULT_DAC_LIST_ID,
  dacListById,
  parseCountry,
} from "../core/intake";
import { isBlank } from "../core/money";
import { customFunction } from "./registry";
import { type Cells, cellsOf, inShapeOf, lineOf, type SheetValue } from "./sheet-values";

export const PAYS_APD = customFunction({
  name: "PAYS_APD",
  summary:
    "VRAI si le pays est sur la liste CAD des bénéficiaires d'aide publique au développement en vigueur (CAD-2024-2025), FAUX sinon.",
  params: [
    {
      name: "pays",
      description:
        "Nom du pays en français (usuel ou officiel) ou en anglais (dont les noms de la liste CAD), ou code ISO à 2 ou 3 lettres (ou une plage).",
      example: '"Maroc"',
    },
  ],
  returns:
    "VRAI ou FAUX (tout pays ou territoire réel hors liste) ; même forme que pays, vide pour une cellule vide d'une plage. « Pays inconnu » seulement pour un texte qui ne nomme aucun pays.",
  examples: [
    '=PAYS_APD("Maroc") → VRAI',
    '=PAYS_APD("MAR") → VRAI',
    '=PAYS_APD("cote d ivoire") → VRAI',
    '=PAYS_APD("Chili") → FAUX (un pays réel hors liste CAD)',
    '=PAYS_APD("Moldova") → VRAI (le nom de la liste CAD elle-même)',
    '=PAYS_APD("République arabe syrienne") → VRAI',
    '=PAYS_APD("Iran (République islamique d\')") → VRAI',
    '=PAYS_APD({"Maroc";"";"France"}) → VRAI ; vide ; FAUX',
  ],
  errors: ["Pays inconnu (pays) : « Atlantide »", "Pays manquant (pays) : « » (vide)"],
  run(pays) {
    const list = dacListById(DEFAULT_DAC_LIST_ID);
    const cells = cellsOf(pays);
    return inShapeOf(
      cells,
      cells.values.map((v, i) =>
        // In a range, a blank cell gives a blank result, as in the other functions.
        cells.isRange && isBlank(v) ? "" : list.codes.has(parseCountry(v, field("pays", lineOf(cells, i)))),
      ),
    );
  },
});

const ELIGIBILITY_PARAMS = [
  "departement",
  "pays",
  "deja_beneficiaire",
  "nouveau_projet",
  "duree_jours",
  "date_depot",
] as const;

function plural(n: number, word: string): string {
  return `${n} ${word}${n > 1 ? "s" : ""}`;
}

/** The common shape of the range arguments; single cells apply to every row. */
function commonShape(args: readonly Cells[]): Cells | undefined {
  let shape: Cells | undefined;
  args.forEach((c, i) => {
    if (!c.isRange || c.values.length === 1) return;
    if (!shape) shape = c;
    else if (shape.rows !== c.rows || shape.cols !== c.cols) {
      throw new InputError(
        `Formes différentes : ${ELIGIBILITY_PARAMS[i]} (${plural(c.rows, "ligne")} × ${plural(c.cols, "colonne")}) doit avoir la forme des autres plages (${plural(shape.rows, "ligne")} × ${plural(shape.cols, "colonne")})`,
      );
    }
  });
  return shape;
}

export const EXPLOR_ELIGIBILITE = customFunction({
  name: "EXPLOR_ELIGIBILITE",
  summary:
    "Éligibilité d'une candidature EXPLOR : « Éligible », ou « Non éligible : » suivi de chaque motif (siège, pays partenaire, déjà financée, durée, délai).",
  params: [
    {
      name: "departement",
      description: "Département du siège : code (62), code postal (62000) ou nom (Pas-de-Calais).",
      example: "62000",
    },
    {
      name: "pays",
      description: "Pays du partenaire (nom français ou anglais, code ISO).",
      example: '"Sénégal"',
    },
    {
      name: "deja_beneficiaire",
      description: "Déjà financée par EXPLOR : VRAI/FAUX ou Oui/Non.",
      example: '"Non"',
    },
    {
      name: "nouveau_projet",
      description: "Nouveau projet (si déjà financée) : VRAI/FAUX ou Oui/Non ; vide = Non.",
      example: '"Oui"',
    },
    { name: "duree_jours", description: "Durée de la mission en jours.", example: "10" },
    {
      name: "date_depot",
      description:
        "Date et heure de dépôt (date, ou texte 15/06/2025 23:59:59), heure de Paris ; vide = non vérifiée.",
      example: '"15/06/2025 23:59:59"',
    },
    {
      name: "appel",
      description: "Identifiant de l'appel (par défaut EXPLOR-2025).",
      example: '"EXPLOR-2025"',
      optional: true,
    },
  ],
  returns: "Le texte « Éligible » ou « Non éligible : motif ; motif » ; même forme que les plages données.",
  examples: [
    '=EXPLOR_ELIGIBILITE(62000; "Sénégal"; "Non"; ""; 10; "15/06/2025 23:59:59") → Éligible',
    '=EXPLOR_ELIGIBILITE("75"; "Chili"; "Oui"; "Non"; 21; "16/06/2025 00:00:00") → Non éligible : siège hors Hauts-de-France ; pays partenaire hors liste CAD ; déjà financée par EXPLOR sans nouveau projet ; durée hors 7–15 jours ; candidature hors délai',
    '=EXPLOR_ELIGIBILITE("Pas-de-Calais"; "Autre pays"; FAUX; ; 10; ) → Non éligible : pays partenaire inconnu (« Autre pays »)',
  ],
  errors: [
    "Département inconnu (departement) : « Picardie » — attendu un code (62), un code postal (62000) ou un nom (Pas-de-Calais)",
    "Réponse oui/non invalide (deja_beneficiaire) : « bof » — attendu Oui ou Non",
    "Durée invalide (duree_jours) : « dix » — attendu un nombre entier de jours",
    "Date invalide (date_depot) : « demain » — attendu une date comme 15/06/2025 23:59:59",
    "Appel inconnu (appel) : « X » — appels connus : EXPLOR-2025, PAM-2025",
  ],
  run(departement, pays, deja_beneficiaire, nouveau_projet, duree_jours, date_depot, appel) {
    const call = callOf(appel);
    const args: SheetValue[] = [
      departement,
      pays,
      deja_beneficiaire,
      nouveau_projet,
      duree_jours,
      date_depot,
    ];
    const cells = args.map(cellsOf);
    const shape = commonShape(cells);
    const count = shape ? shape.values.length : 1;
    const at = (c: Cells, i: number) => (c.values.length === 1 ? c.values[0] : c.values[i]);
    const results: string[] = [];
    for (let i = 0; i < count; i++) {
      const row = cells.map((c) => at(c, i));
      // A row of the ranges left entirely blank (the end of a column) is no application, even
      // when single values (« Non » for every row) go with it.
      if (shape && cells.every((c, k) => c.values.length === 1 || isBlank(row[k]))) {
        results.push("");
        continue;
      }
      const [d, p, f, n, j, t] = row;
      const eligibility = assessEligibility(
        call,
        { departement: d, country: p, alreadyFunded: f, newProject: n, durationDays: j, submittedAt: t },
        { names: ARGUMENT_NAMES, ...(shape ? { row: lineOf(shape, i) } : {}) },
      );
      results.push(eligibility.text);
    }
    return shape ? inShapeOf(shape, results) : (results[0] ?? "");
  },
});

export const intakeFunctions = [PAYS_APD, EXPLOR_ELIGIBILITE];
