/**
 * Issue 7, part 3: bad inputs over every custom function (through the BUILT bundle, with the
 * values Sheets passes) and every `Lianes` menu action (through the local host, answering its
 * dialogs badly). Each case ends in a correct value, or in a French error naming the argument,
 * the value and, in a range, the row — never a silent 0, a stack trace or an engine message.
 */
import { describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS } from "../../dev/fixtures/intake-samples";
import { createHost, type Host, type ScriptedAnswer } from "../../dev/host";
import { callById } from "../../src/core/intake/calls";
import { customFunctions } from "../../src/functions";
import { menuItems } from "../../src/menus/menu";
import { callGlobal, loadBundle, tripwireServices } from "../support/bundle";
import { fakeInfoEuro } from "../support/infoeuro-fetch";

/** Anything the bundle logs as unexpected (`Erreur inattendue…`) lands here: it must stay empty. */
const unexpected: unknown[] = [];
const infoEuro = fakeInfoEuro();
const globals = loadBundle({
  ...tripwireServices([]),
  ...infoEuro.services,
  console: { warn() {}, log() {}, error: (...args: unknown[]) => unexpected.push(args) },
});

/** A column range as Sheets passes it. */
const col = (...cells: unknown[]) => cells.map((c) => [c]);
const FIFTEEN = 1e15;
const DAYS_HINT = "un nombre entier de jours, 0 ou plus";
const HDF = "règles connues : EXPLOR-HDF-2025, EXPLOR-AURA";
const DEPT_HINT = "attendu un code (62), un code postal (62000) ou un nom (Pas-de-Calais)";

/** What the user is told: the argument it names, the row of a range, the value quoted « … ». */
interface Where {
  readonly arg: string;
  readonly row?: number;
  /** The value as quoted: `abc` for `« abc »`, "" for `« » (vide)`; absent for shape errors. */
  readonly value?: string;
}

type Expected =
  | { readonly kind: "value"; readonly value: unknown }
  | { readonly kind: "error"; readonly message: string | RegExp; readonly where: Where };

const ok = (value: unknown): Expected => ({ kind: "value", value });
const err = (message: string | RegExp, where: Where): Expected => ({ kind: "error", message, where });

type Case = readonly [situation: string, fn: string, args: readonly unknown[], expected: Expected];

const CASES: readonly Case[] = [
  // EXPLOR_PLAFOND(categorie; [jours]; [regle])
  ["cellule vide : le résultat reste vide", "EXPLOR_PLAFOND", [""], ok("")],
  [
    "catégorie inconnue « Licorne » : non prise en charge, plafond 0 (contrat)",
    "EXPLOR_PLAFOND",
    ["Licorne"],
    ok(0),
  ],
  [
    "plage avec une ligne vide au milieu : la ligne reste vide",
    "EXPLOR_PLAFOND",
    [col("Avion", "", "Visa")],
    ok([[1500], [""], [60]]),
  ],
  ["jours donnés avec des espaces « 10 »", "EXPLOR_PLAFOND", ["Per diem", " 10 "], ok(150)],
  [
    "jours en toutes lettres « dix »",
    "EXPLOR_PLAFOND",
    ["Per diem", "dix"],
    err(`Nombre de jours invalide (jours) : « dix » — ${DAYS_HINT}`, { arg: "jours", value: "dix" }),
  ],
  [
    "jours « NaN »",
    "EXPLOR_PLAFOND",
    ["Per diem", "NaN"],
    err(`Nombre de jours invalide (jours) : « NaN » — ${DAYS_HINT}`, { arg: "jours", value: "NaN" }),
  ],
  [
    "jours décimaux en texte « 10,5 »",
    "EXPLOR_PLAFOND",
    ["Per diem", "10,5"],
    err(`Nombre de jours invalide (jours) : « 10,5 » — ${DAYS_HINT}`, { arg: "jours", value: "10,5" }),
  ],
  [
    "jours absurdes (10^15)",
    "EXPLOR_PLAFOND",
    ["Per diem", FIFTEEN],
    err("Nombre de jours trop grand (jours) : « 1000000000000000 » — au plus 100 000", {
      arg: "jours",
      value: "1000000000000000",
    }),
  ],
  [
    "jours négatifs à la ligne 2 d'une plage",
    "EXPLOR_PLAFOND",
    [col("Per diem", "Per diem"), col(10, -1)],
    err(`Nombre de jours invalide (jours, ligne 2) : « -1 » — ${DAYS_HINT}`, {
      arg: "jours",
      row: 2,
      value: "-1",
    }),
  ],
  [
    "plage de jours pour une seule catégorie",
    "EXPLOR_PLAFOND",
    ["Per diem", col(1, 2)],
    err(
      "Formes différentes : jours (2 lignes × 1 colonne) doit avoir la forme de categorie (une seule cellule)",
      { arg: "jours" },
    ),
  ],
  [
    "règle inconnue « EXPLOR-2020 »",
    "EXPLOR_PLAFOND",
    ["Avion", "", "EXPLOR-2020"],
    err(`Règle EXPLOR inconnue (regle) : « EXPLOR-2020 » — ${HDF}`, { arg: "regle", value: "EXPLOR-2020" }),
  ],
  [
    "règle donnée par une plage de deux identifiants (pas une table de règle)",
    "EXPLOR_PLAFOND",
    ["Avion", "", col("EXPLOR-AURA", "X")],
    err(
      /^Règle EXPLOR invalide \(regle\) : « EXPLOR-AURA » — une plage doit être la table d'une feuille « Règle … »/,
      {
        arg: "regle",
        value: "EXPLOR-AURA",
      },
    ),
  ],

  // EXPLOR_ELIGIBLE(categorie; montant; [jours]; [regle])
  ["montant vide : le résultat reste vide", "EXPLOR_ELIGIBLE", ["Avion", ""], ok("")],
  [
    "montant sans catégorie : ligne non prise en charge, 0 éligible (contrat)",
    "EXPLOR_ELIGIBLE",
    ["", 100],
    ok(0),
  ],
  [
    "texte à la place du montant",
    "EXPLOR_ELIGIBLE",
    ["Avion", "abc"],
    err("Montant invalide (montant) : « abc »", { arg: "montant", value: "abc" }),
  ],
  [
    "montant « NaN »",
    "EXPLOR_ELIGIBLE",
    ["Avion", "NaN"],
    err("Montant invalide (montant) : « NaN »", { arg: "montant", value: "NaN" }),
  ],
  [
    "montant « #N/A » recopié d'une autre feuille",
    "EXPLOR_ELIGIBLE",
    ["Avion", "#N/A"],
    err("Montant invalide (montant) : « #N/A »", { arg: "montant", value: "#N/A" }),
  ],
  [
    "montant négatif",
    "EXPLOR_ELIGIBLE",
    ["Avion", -5],
    err("Montant négatif non accepté (montant) : « -5 »", { arg: "montant", value: "-5" }),
  ],
  [
    "montant absurde (10^15 €)",
    "EXPLOR_ELIGIBLE",
    ["Avion", FIFTEEN],
    err("Montant trop grand (montant) : « 1000000000000000 » — au plus 1 000 000 000 000", {
      arg: "montant",
      value: "1000000000000000",
    }),
  ],
  [
    "une date en texte à la place du montant",
    "EXPLOR_ELIGIBLE",
    ["Avion", "15/06/2025"],
    err("Montant invalide (montant) : « 15/06/2025 »", { arg: "montant", value: "15/06/2025" }),
  ],
  [
    "une vraie date (cellule au format date) à la place du montant, montrée comme Sheets la montre",
    "EXPLOR_ELIGIBLE",
    ["Avion", new Date("2025-06-14T22:00:00Z")],
    err("Montant invalide (montant) : « 15/06/2025 »", { arg: "montant", value: "15/06/2025" }),
  ],
  [
    "une case à cocher à la place du montant, montrée VRAI",
    "EXPLOR_ELIGIBLE",
    ["Avion", true],
    err("Montant invalide (montant) : « VRAI »", { arg: "montant", value: "VRAI" }),
  ],
  [
    "plages avec une ligne vide au milieu",
    "EXPLOR_ELIGIBLE",
    [col("Avion", "", "Visa"), col(2000, "", 100)],
    ok([[1500], [""], [60]]),
  ],
  [
    "texte à la ligne 3 d'une plage de montants",
    "EXPLOR_ELIGIBLE",
    [col("Avion", "Visa", "Visa"), col(100, 50, "abc")],
    err("Montant invalide (montant, ligne 3) : « abc »", { arg: "montant", row: 3, value: "abc" }),
  ],
  [
    "montants en colonne pour des catégories en ligne",
    "EXPLOR_ELIGIBLE",
    [[["Avion", "Visa"]], col(1, 2)],
    err(
      "Formes différentes : montant (2 lignes × 1 colonne) doit avoir la forme de categorie (1 ligne × 2 colonnes)",
      { arg: "montant" },
    ),
  ],
  [
    "per diem sans montant sous une règle sans taux journalier",
    "EXPLOR_ELIGIBLE",
    ["Per diem", "", 10, "EXPLOR-AURA"],
    err(
      "Montant manquant (montant) : « » (vide) — la règle EXPLOR-AURA n'a pas de taux journalier pour « Per diem » : indiquez le montant",
      { arg: "montant", value: "" },
    ),
  ],

  // EXPLOR_PRISE_EN_CHARGE(categories; montants; [jours]; [regle])
  [
    "plages avec une ligne vide au milieu",
    "EXPLOR_PRISE_EN_CHARGE",
    [col("Avion", "", "Visa"), col(2000, "", 100)],
    ok(780),
  ],
  [
    "mission entièrement vide : rien à prendre en charge",
    "EXPLOR_PRISE_EN_CHARGE",
    [col("", ""), col("", "")],
    ok(0),
  ],
  [
    "catégorie inconnue à côté d'un avion : seul l'avion compte",
    "EXPLOR_PRISE_EN_CHARGE",
    [col("Avion", "Licorne"), col(100, 100)],
    ok(50),
  ],
  [
    "montant négatif en texte à la ligne 2",
    "EXPLOR_PRISE_EN_CHARGE",
    [col("Avion", "Visa"), col(1720, "-80")],
    err("Montant négatif non accepté (montants, ligne 2) : « -80 »", {
      arg: "montants",
      row: 2,
      value: "-80",
    }),
  ],
  [
    "montant ambigu « 1.500 » à la ligne 2",
    "EXPLOR_PRISE_EN_CHARGE",
    [col("Avion", "Visa"), col(1720, "1.500")],
    err("Montant ambigu (montants, ligne 2) : « 1.500 » — écrivez 1500 ou 1,5", {
      arg: "montants",
      row: 2,
      value: "1.500",
    }),
  ],
  [
    "montant absurde (10^15 €) à la ligne 1",
    "EXPLOR_PRISE_EN_CHARGE",
    [col("Avion"), col(FIFTEEN)],
    err("Montant trop grand (montants, ligne 1) : « 1000000000000000 » — au plus 1 000 000 000 000", {
      arg: "montants",
      row: 1,
      value: "1000000000000000",
    }),
  ],
  [
    "cent lignes de 10^12 € : la somme dépasse le maximum dès la ligne 2",
    "EXPLOR_PRISE_EN_CHARGE",
    [col(...Array(100).fill("Avion")), col(...Array(100).fill(1e12))],
    err(
      "Total trop grand (montants, ligne 2) : « 1000000000000 » — la somme des montants dépasse 1 000 000 000 000 €",
      { arg: "montants", row: 2, value: "1000000000000" },
    ),
  ],
  [
    "montants sur deux colonnes pour une colonne de catégories",
    "EXPLOR_PRISE_EN_CHARGE",
    [
      col("Avion", "Visa"),
      [
        [1720, 1],
        [80, 2],
      ],
    ],
    err(
      "Formes différentes : montants (2 lignes × 2 colonnes) doit avoir la forme de categories (2 lignes × 1 colonne)",
      { arg: "montants" },
    ),
  ],
  [
    "jours en texte à la ligne 2 d'une plage",
    "EXPLOR_PRISE_EN_CHARGE",
    [col("Per diem", "Avion"), col("", 100), col(10, "abc")],
    err(`Nombre de jours invalide (jours, ligne 2) : « abc » — ${DAYS_HINT}`, {
      arg: "jours",
      row: 2,
      value: "abc",
    }),
  ],
  [
    "règle inconnue",
    "EXPLOR_PRISE_EN_CHARGE",
    [col("Avion"), col(100), "", "Bidon"],
    err(`Règle EXPLOR inconnue (regle) : « Bidon » — ${HDF}`, { arg: "regle", value: "Bidon" }),
  ],

  // EXPLOR_TOTAL_ELIGIBLE(categories; montants; [jours]; [regle]; [justificatifs])
  [
    "deux hôtels : le plafond de 300 € vaut pour la mission",
    "EXPLOR_TOTAL_ELIGIBLE",
    [col("Hébergement", "Hôtel"), col(200, 150)],
    ok(300),
  ],
  [
    "justificatif ni VRAI ni FAUX à la ligne 2",
    "EXPLOR_TOTAL_ELIGIBLE",
    [col("Visa", "Taxi"), col(50, 20), "", "", col(true, "peut-être")],
    err(
      "Justificatif invalide (justificatifs, ligne 2) : « peut-être » — VRAI si le justificatif est fourni, FAUX sinon",
      { arg: "justificatifs", row: 2, value: "peut-être" },
    ),
  ],
  [
    "somme des montants au-delà du maximum",
    "EXPLOR_TOTAL_ELIGIBLE",
    [col("Visa", "Avion"), col(999_999_999_999, 999_999_999_999)],
    err(
      "Total trop grand (montants, ligne 2) : « 999999999999 » — la somme des montants dépasse 1 000 000 000 000 €",
      { arg: "montants", row: 2, value: "999999999999" },
    ),
  ],

  // EXPLOR_RESTE_A_CHARGE(categories; montants; [jours]; [regle])
  [
    "plages avec une ligne vide au milieu",
    "EXPLOR_RESTE_A_CHARGE",
    [col("Avion", "", "Visa"), col(2000, "", 100), "", "EXPLOR-HDF-2025"],
    ok(1320),
  ],
  [
    "catégorie inconnue : tout reste à la charge de l'association",
    "EXPLOR_RESTE_A_CHARGE",
    [col("Licorne"), col(100)],
    ok(100),
  ],
  [
    "montant absurde en texte « 1 000 000 000 000 000 € »",
    "EXPLOR_RESTE_A_CHARGE",
    [col("Avion"), col("1 000 000 000 000 000 €")],
    err(/^Montant trop grand \(montants, ligne 1\) : « 1 000 000 000 000 000 € »/, {
      arg: "montants",
      row: 1,
      value: "1 000 000 000 000 000 €",
    }),
  ],
  [
    "notation scientifique « 1,5e3 »",
    "EXPLOR_RESTE_A_CHARGE",
    [col("Avion"), col("1,5e3")],
    err("Montant invalide (montants, ligne 1) : « 1,5e3 »", { arg: "montants", row: 1, value: "1,5e3" }),
  ],
  [
    "jours négatifs pour toute la mission",
    "EXPLOR_RESTE_A_CHARGE",
    [col("Avion"), col(100), -1],
    err(`Nombre de jours invalide (jours) : « -1 » — ${DAYS_HINT}`, { arg: "jours", value: "-1" }),
  ],
  [
    "cent lignes non prises en charge de 10^12 € : total trop grand",
    "EXPLOR_RESTE_A_CHARGE",
    [col(...Array(100).fill("Licorne")), col(...Array(100).fill(1e12))],
    err(/^Total trop grand \(montants, ligne 2\) : « 1000000000000 »/, {
      arg: "montants",
      row: 2,
      value: "1000000000000",
    }),
  ],

  // EXPLOR_DECOMPTE(categories; montants; [jours]; [regle])
  [
    "catégorie inconnue et catégorie vide : lignes « non pris en charge »",
    "EXPLOR_DECOMPTE",
    [col("Licorne", ""), col(100, 50)],
    ok([
      ["Catégorie", "Montant réel", "Plafond", "Montant éligible", "Observation"],
      ["Licorne", 100, 0, 0, "non pris en charge — libellé hors Annexe 2"],
      ["Sans catégorie", 50, 0, 0, "non pris en charge — catégorie manquante"],
      ["Total", 150, "", 0, ""],
      ["Total éligible retenu", "", 2000, 0, ""],
      ["Prise en charge", "", "", 0, ""],
      ["Reste à charge association", "", "", 150, ""],
    ]),
  ],
  [
    "une ligne vide au milieu n'apparaît pas dans le décompte",
    "EXPLOR_DECOMPTE",
    [col("Avion", "", "Visa"), col(2000, "", 100)],
    ok([
      ["Catégorie", "Montant réel", "Plafond", "Montant éligible", "Observation"],
      [
        "Avion + transport du domicile à l'aéroport",
        2000,
        1500,
        1500,
        "plafond de la catégorie atteint : 1\u202f500,00\u00a0€ par mission",
      ],
      ["Visa", 100, 60, 60, "plafond de la catégorie atteint : 60,00\u00a0€ par mission"],
      ["Total", 2100, "", 1560, ""],
      ["Total éligible retenu", "", 2000, 1560, ""],
      ["Prise en charge", "", "", 780, ""],
      ["Reste à charge association", "", "", 1320, ""],
    ]),
  ],
  [
    "texte à la ligne 2",
    "EXPLOR_DECOMPTE",
    [col("Avion", "Visa"), col("1 720,00 €", "abc")],
    err("Montant invalide (montants, ligne 2) : « abc »", { arg: "montants", row: 2, value: "abc" }),
  ],
  [
    "règle d'une autre année",
    "EXPLOR_DECOMPTE",
    [col("Avion"), col(100), "", "EXPLOR-2020"],
    err(`Règle EXPLOR inconnue (regle) : « EXPLOR-2020 » — ${HDF}`, { arg: "regle", value: "EXPLOR-2020" }),
  ],
  [
    "plus de jours que de lignes",
    "EXPLOR_DECOMPTE",
    [col("Per diem", "Avion"), col("", 100), col(10, 2, 3)],
    err(
      "Formes différentes : jours (3 lignes × 1 colonne) doit avoir la forme de categories (2 lignes × 1 colonne)",
      { arg: "jours" },
    ),
  ],

  // CONVERTIR_EUR(montant; taux)
  ["montant et taux vides : vide", "CONVERTIR_EUR", ["", ""], ok("")],
  [
    "plages avec une ligne vide au milieu",
    "CONVERTIR_EUR",
    [col(1100, "", 2200), 11],
    ok([[100], [""], [200]]),
  ],
  ["signe moins typographique « −1 100 » (remboursement)", "CONVERTIR_EUR", ["−1 100", 11], ok(-100)],
  [
    "taux vide pour un montant rempli : jamais un 0 silencieux",
    "CONVERTIR_EUR",
    [100, ""],
    err("Taux invalide (taux) : « » (vide)", { arg: "taux", value: "" }),
  ],
  [
    "taux « NaN »",
    "CONVERTIR_EUR",
    [100, "NaN"],
    err("Taux invalide (taux) : « NaN »", { arg: "taux", value: "NaN" }),
  ],
  [
    "taux négatif",
    "CONVERTIR_EUR",
    [1100, "-11"],
    err("Taux invalide, il doit être positif (taux) : « -11 »", { arg: "taux", value: "-11" }),
  ],
  [
    "devise écrite dans le montant « 1 100,00 MAD »",
    "CONVERTIR_EUR",
    ["1 100,00 MAD", 11],
    err("Montant invalide (montant) : « 1 100,00 MAD »", { arg: "montant", value: "1 100,00 MAD" }),
  ],
  [
    "montant absurde (10^15)",
    "CONVERTIR_EUR",
    [FIFTEEN, 1],
    err("Montant trop grand (montant) : « 1000000000000000 » — au plus 1 000 000 000 000", {
      arg: "montant",
      value: "1000000000000000",
    }),
  ],
  [
    "taux minuscule : le résultat dépasserait le maximum",
    "CONVERTIR_EUR",
    [1e12, 0.0001],
    err(
      "Montant converti trop grand (montant) : « 1000000000000 » — au taux « 0.0001 », le résultat dépasse 1 000 000 000 000 €",
      { arg: "montant", value: "1000000000000" },
    ),
  ],
  [
    "taux vide à la ligne 2 d'une plage de taux",
    "CONVERTIR_EUR",
    [col(1, 2, 3), col(1, "", 3)],
    err("Taux invalide (taux, ligne 2) : « » (vide)", { arg: "taux", row: 2, value: "" }),
  ],
  [
    "une date en texte à la place du montant",
    "CONVERTIR_EUR",
    ["12/06/2025", 1],
    err("Montant invalide (montant) : « 12/06/2025 »", { arg: "montant", value: "12/06/2025" }),
  ],
  [
    "plage de taux plus courte que les montants",
    "CONVERTIR_EUR",
    [col(1, 2, 3), col(1, 2)],
    err(/^Formes différentes : taux \(2 × 1\) doit être une seule cellule ou avoir la forme de montant/, {
      arg: "taux",
    }),
  ],

  // COUT_UNITAIRE(total; quantite)
  ["total et quantité vides : vide", "COUT_UNITAIRE", ["", ""], ok("")],
  [
    "plage de totaux avec une ligne vide au milieu et une seule quantité",
    "COUT_UNITAIRE",
    [col(100, "", 200), 2],
    ok([[50], [""], [100]]),
  ],
  ["quantité décimale (2,5 jours)", "COUT_UNITAIRE", [100, 2.5], ok(40)],
  [
    "quantité en toutes lettres « deux »",
    "COUT_UNITAIRE",
    [100, "deux"],
    err("Nombre invalide (quantite) : « deux »", { arg: "quantite", value: "deux" }),
  ],
  [
    "quantité vide pour un total rempli",
    "COUT_UNITAIRE",
    [100, ""],
    err("Nombre invalide (quantite) : « » (vide)", { arg: "quantite", value: "" }),
  ],
  [
    "total vide pour une quantité remplie",
    "COUT_UNITAIRE",
    ["", 2],
    err("Montant invalide (total) : « » (vide)", { arg: "total", value: "" }),
  ],
  [
    "total négatif",
    "COUT_UNITAIRE",
    [-100, 2],
    err("Montant négatif non accepté (total) : « -100 »", { arg: "total", value: "-100" }),
  ],
  [
    "total absurde (10^15 €)",
    "COUT_UNITAIRE",
    [FIFTEEN, 2],
    err("Montant trop grand (total) : « 1000000000000000 » — au plus 1 000 000 000 000", {
      arg: "total",
      value: "1000000000000000",
    }),
  ],
  [
    "quantité minuscule : le coût unitaire dépasserait le maximum",
    "COUT_UNITAIRE",
    [100, 1e-20],
    err(
      "Quantité trop petite pour ce total (quantite) : « 1e-20 » — le coût unitaire dépasserait 1 000 000 000 000 €",
      { arg: "quantite", value: "1e-20" },
    ),
  ],
  [
    "quantité nulle à la ligne 2",
    "COUT_UNITAIRE",
    [col(100, 200), col(2, 0)],
    err("Quantité invalide, elle doit être strictement positive (quantite, ligne 2) : « 0 »", {
      arg: "quantite",
      row: 2,
      value: "0",
    }),
  ],
  [
    "plus de quantités que de totaux",
    "COUT_UNITAIRE",
    [col(100, 200), col(1, 2, 3)],
    err(/^Formes différentes : quantite \(3 × 1\) doit avoir la forme de total/, { arg: "quantite" }),
  ],

  // POURCENTAGES(montants)
  [
    "lignes vides au milieu : elles restent vides",
    "POURCENTAGES",
    [col(1, "", "", 3)],
    ok([[0.25], [""], [""], [0.75]]),
  ],
  ["deux montants au maximum permis", "POURCENTAGES", [col(999999999999, 999999999999)], ok([[0.5], [0.5]])],
  [
    "plage entièrement vide : total nul, pas de 0 % silencieux",
    "POURCENTAGES",
    [col("", "")],
    err(/^Total nul \(montants\) : impossible de calculer des pourcentages/, { arg: "montants" }),
  ],
  [
    "« NaN » à la ligne 2",
    "POURCENTAGES",
    [col(1, "NaN")],
    err("Montant invalide (montants, ligne 2) : « NaN »", { arg: "montants", row: 2, value: "NaN" }),
  ],
  [
    "montant négatif à la ligne 1",
    "POURCENTAGES",
    [col(-1, 2)],
    err("Montant négatif non accepté (montants, ligne 1) : « -1 »", { arg: "montants", row: 1, value: "-1" }),
  ],
  [
    "montant absurde (10^15 €) à la ligne 1",
    "POURCENTAGES",
    [col(FIFTEEN, 1)],
    err(/^Montant trop grand \(montants, ligne 1\) : « 1000000000000000 »/, {
      arg: "montants",
      row: 1,
      value: "1000000000000000",
    }),
  ],
  [
    "tableau de 2 × 2 au lieu d'une colonne",
    "POURCENTAGES",
    [
      [
        [1, 2],
        [3, 4],
      ],
    ],
    err(
      "Plage invalide (montants) : une seule colonne ou une seule ligne attendue, pas 2 lignes × 2 colonnes",
      { arg: "montants" },
    ),
  ],

  // PLAN_FINANCEMENT(depenses; recettes)
  [
    "une ligne de dépenses vide au milieu est ignorée",
    "PLAN_FINANCEMENT",
    [
      [
        ["RH", 100],
        ["", ""],
        ["Frais", 50],
      ],
      [["A", "solde"]],
    ],
    ok([
      ["Dépenses", "Montant", "%", "Recettes", "Montant", "%"],
      ["RH", 100, 0.67, "A", 150, 1],
      ["Frais", 50, 0.33, "", "", ""],
      ["TOTAL CHARGES", 150, 1, "TOTAL PRODUITS", 150, 1],
    ]),
  ],
  [
    "texte à la ligne 3 des dépenses, après une ligne vide",
    "PLAN_FINANCEMENT",
    [
      [
        ["RH", 100],
        ["", ""],
        ["Frais", "abc"],
      ],
      [["A", "solde"]],
    ],
    err("Montant invalide (depenses, ligne 3) : « abc »", { arg: "depenses", row: 3, value: "abc" }),
  ],
  [
    "montant ambigu à la ligne 3 des recettes",
    "PLAN_FINANCEMENT",
    [
      [["RH", 100]],
      [
        ["A", "solde"],
        ["", ""],
        ["B", "1.500"],
      ],
    ],
    err("Montant ambigu (recettes, ligne 3) : « 1.500 » — écrivez 1500 ou 1,5", {
      arg: "recettes",
      row: 3,
      value: "1.500",
    }),
  ],
  [
    "part « 83 » sans le signe %",
    "PLAN_FINANCEMENT",
    [[["RH", 100]], [["A", "", "83"]]],
    err(
      "Part invalide (recettes, ligne 1) : « 83 » — une fraction entre 0 et 1 (0,83) ou un pourcentage (83 %)",
      { arg: "recettes", row: 1, value: "83" },
    ),
  ],
  [
    "catégorie de dépense sans montant",
    "PLAN_FINANCEMENT",
    [
      [
        ["RH", 100],
        ["Frais", ""],
      ],
      [["A", "solde"]],
    ],
    err("Montant manquant (depenses, ligne 2) : « Frais »", { arg: "depenses", row: 2, value: "Frais" }),
  ],
  [
    "financeur sans nom",
    "PLAN_FINANCEMENT",
    [[["RH", 100]], [["", 100]]],
    err("Financeur manquant (recettes, ligne 1) : « 100 »", { arg: "recettes", row: 1, value: "100" }),
  ],
  [
    "dépense absurde (10^15 €)",
    "PLAN_FINANCEMENT",
    [[["RH", FIFTEEN]], [["A", "solde"]]],
    err(/^Montant trop grand \(depenses, ligne 1\) : « 1000000000000000 »/, {
      arg: "depenses",
      row: 1,
      value: "1000000000000000",
    }),
  ],
  [
    "cent dépenses de 10^12 € : total trop grand dès la ligne 2",
    "PLAN_FINANCEMENT",
    [Array.from({ length: 100 }, (_, i) => [`Poste ${i + 1}`, 1e12]), [["A", "solde"]]],
    err(
      "Total trop grand (depenses, ligne 2) : « 1000000000000 » — la somme des dépenses dépasse 1 000 000 000 000 €",
      { arg: "depenses", row: 2, value: "1000000000000" },
    ),
  ],
  [
    "recettes fixes de 10^12 € chacune : total trop grand à la ligne 2",
    "PLAN_FINANCEMENT",
    [
      [["RH", 1e12]],
      [
        ["A", 1e12],
        ["B", 1e12],
      ],
    ],
    err(
      "Total trop grand (recettes, ligne 2) : « 1000000000000 » — la somme des recettes dépasse 1 000 000 000 000 €",
      { arg: "recettes", row: 2, value: "1000000000000" },
    ),
  ],
  [
    "une seule cellule au lieu de la plage des recettes",
    "PLAN_FINANCEMENT",
    [[["RH", 100]], ""],
    err("Plage attendue (recettes) : 2 à 3 colonnes, une ligne par poste", { arg: "recettes" }),
  ],
  [
    "dépenses sur trois colonnes",
    "PLAN_FINANCEMENT",
    [[["RH", 100, 3]], [["A", "solde"]]],
    err("Plage invalide (depenses) : 2 colonnes attendues, pas 3", { arg: "depenses" }),
  ],

  // AIDE_DISPOSITIF(dispositif; couts; [unites])
  ["coût vide : le résultat reste vide", "AIDE_DISPOSITIF", ["RECITAL-FT", ""], ok("")],
  [
    "coût négatif",
    "AIDE_DISPOSITIF",
    ["RECITAL-FT", -2000],
    err("Montant négatif non accepté (couts) : « -2000 »", { arg: "couts", value: "-2000" }),
  ],
  [
    "coût en texte à la ligne 2 d'une colonne de projets",
    "AIDE_DISPOSITIF",
    ["RECITAL-FT", col(2000, "deux mille")],
    err("Montant invalide (couts, ligne 2) : « deux mille »", { arg: "couts", row: 2, value: "deux mille" }),
  ],
  [
    "coût absurde (10^15 €)",
    "AIDE_DISPOSITIF",
    ["RECITAL-PS", FIFTEEN],
    err(/^Montant trop grand \(couts\) : « 1000000000000000 »/, { arg: "couts", value: "1000000000000000" }),
  ],
  [
    "zéro tandem",
    "AIDE_DISPOSITIF",
    ["RECITAL-TANDEM", 1500, 0],
    err("Nombre d'unités invalide (unites) : « 0 » — un nombre entier, 1 ou plus", {
      arg: "unites",
      value: "0",
    }),
  ],
  [
    "un million de tandems",
    "AIDE_DISPOSITIF",
    ["RECITAL-TANDEM", "", 1_000_000],
    err("Nombre d'unités trop grand (unites) : « 1000000 » — au plus 100 000", {
      arg: "unites",
      value: "1000000",
    }),
  ],
  [
    "dispositif vide",
    "AIDE_DISPOSITIF",
    ["", 2000],
    err(/^Dispositif manquant \(dispositif\) : « » \(vide\)/, { arg: "dispositif", value: "" }),
  ],
  [
    "un nombre à la place du dispositif",
    "AIDE_DISPOSITIF",
    [70, 2000],
    err(/^Dispositif invalide \(dispositif\) : « 70 »/, { arg: "dispositif", value: "70" }),
  ],
  [
    "une règle EXPLOR à la place d'un dispositif",
    "AIDE_DISPOSITIF",
    ["EXPLOR-AURA", 2000],
    err(
      "Dispositif inadapté (dispositif) : « EXPLOR-AURA » — règle par catégories : utilisez EXPLOR_PRISE_EN_CHARGE",
      { arg: "dispositif", value: "EXPLOR-AURA" },
    ),
  ],

  // PRORATA_SUBVENTION(subvention; cout_previsionnel; depenses_realisees)
  [
    "dépenses réalisées au-delà du prévisionnel : jamais plus que la subvention",
    "PRORATA_SUBVENTION",
    [9879.54, 11879.54, 20000],
    ok(9879.54),
  ],
  [
    "dépenses réalisées vides : erreur, pas un 0 silencieux",
    "PRORATA_SUBVENTION",
    [100, 200, ""],
    err("Montant invalide (depenses_realisees) : « » (vide)", { arg: "depenses_realisees", value: "" }),
  ],
  [
    "coût prévisionnel « NaN »",
    "PRORATA_SUBVENTION",
    [100, "NaN", 100],
    err("Montant invalide (cout_previsionnel) : « NaN »", { arg: "cout_previsionnel", value: "NaN" }),
  ],
  [
    "coût prévisionnel nul",
    "PRORATA_SUBVENTION",
    [100, 0, 100],
    err("Coût prévisionnel invalide, il doit être strictement positif (cout_previsionnel) : « 0 »", {
      arg: "cout_previsionnel",
      value: "0",
    }),
  ],
  [
    "subvention absurde (10^15 €)",
    "PRORATA_SUBVENTION",
    [FIFTEEN, 200, 100],
    err(/^Montant trop grand \(subvention\) : « 1000000000000000 »/, {
      arg: "subvention",
      value: "1000000000000000",
    }),
  ],
  [
    "une date en texte à la place des dépenses réalisées",
    "PRORATA_SUBVENTION",
    [100, 200, "15/06/2025"],
    err("Montant invalide (depenses_realisees) : « 15/06/2025 »", {
      arg: "depenses_realisees",
      value: "15/06/2025",
    }),
  ],
  [
    "une plage à la place des dépenses réalisées",
    "PRORATA_SUBVENTION",
    [100, 200, col(1, 2)],
    err("Une seule cellule attendue (depenses_realisees), pas une plage", { arg: "depenses_realisees" }),
  ],

  // PAYS_APD(pays)
  [
    "pays inconnu « Atlantide » à la ligne 2 d'un tableau",
    "PAYS_APD",
    [
      [
        ["Maroc", "Chili"],
        ["Atlantide", "Sénégal"],
      ],
    ],
    err("Pays inconnu (pays, ligne 2) : « Atlantide »", { arg: "pays", row: 2, value: "Atlantide" }),
  ],
  [
    "cellule d'espaces seulement : montrée vide",
    "PAYS_APD",
    ["  "],
    err("Pays manquant (pays) : « » (vide)", { arg: "pays", value: "" }),
  ],
  [
    "un nombre à la place du pays",
    "PAYS_APD",
    [42],
    err("Pays inconnu (pays) : « 42 »", { arg: "pays", value: "42" }),
  ],
  [
    "« NaN » à la place du pays",
    "PAYS_APD",
    ["NaN"],
    err("Pays inconnu (pays) : « NaN »", { arg: "pays", value: "NaN" }),
  ],

  // EXPLOR_ELIGIBILITE(departement; pays; deja_beneficiaire; nouveau_projet; duree_jours; date_depot; [appel])
  [
    "plages avec une ligne vide au milieu et des valeurs uniques (« Non ») pour chaque ligne",
    "EXPLOR_ELIGIBILITE",
    [col("62", "", "59"), col("Maroc", "", "Maroc"), "Non", "", col(10, "", 20), ""],
    ok([["Éligible"], [""], ["Non éligible : durée hors 7–15 jours"]]),
  ],
  [
    "durée absurde (10^15 jours) : hors 7–15 jours",
    "EXPLOR_ELIGIBILITE",
    ["62", "Maroc", "Non", "", FIFTEEN, ""],
    ok("Non éligible : durée hors 7–15 jours"),
  ],
  [
    "date de dépôt en texte, jour de la clôture",
    "EXPLOR_ELIGIBILITE",
    ["62", "Maroc", "Non", "", 10, "15/06/2025"],
    ok("Éligible"),
  ],
  [
    "durée remplie sur une ligne sans département",
    "EXPLOR_ELIGIBILITE",
    [col("62", "", "59"), col("Maroc", "", "Maroc"), "Non", "", col(10, 5, 20), ""],
    err(`Département manquant (departement, ligne 2) : « » (vide) — ${DEPT_HINT}`, {
      arg: "departement",
      row: 2,
      value: "",
    }),
  ],
  [
    "durée vide à la ligne 2",
    "EXPLOR_ELIGIBILITE",
    [col("62", "59", "60"), "Maroc", "Non", "", col(10, "", 10), ""],
    err("Durée invalide (duree_jours, ligne 2) : « » (vide) — attendu un nombre entier de jours", {
      arg: "duree_jours",
      row: 2,
      value: "",
    }),
  ],
  [
    "durée « NaN »",
    "EXPLOR_ELIGIBILITE",
    ["62", "Maroc", "Non", "", "NaN", ""],
    err("Durée invalide (duree_jours) : « NaN » — attendu un nombre entier de jours", {
      arg: "duree_jours",
      value: "NaN",
    }),
  ],
  [
    "date en toutes lettres « 15 juin 2025 »",
    "EXPLOR_ELIGIBILITE",
    ["62", "Maroc", "Non", "", 10, "15 juin 2025"],
    err("Date invalide (date_depot) : « 15 juin 2025 » — attendu une date comme 15/06/2025 23:59:59", {
      arg: "date_depot",
      value: "15 juin 2025",
    }),
  ],
  [
    "date impossible « 2025-13-45 »",
    "EXPLOR_ELIGIBILITE",
    ["62", "Maroc", "Non", "", 10, "2025-13-45"],
    err("Date invalide (date_depot) : « 2025-13-45 » — attendu une date comme 15/06/2025 23:59:59", {
      arg: "date_depot",
      value: "2025-13-45",
    }),
  ],
  [
    "case à cocher pour la date de dépôt",
    "EXPLOR_ELIGIBILITE",
    ["62", "Maroc", "Non", "", 10, true],
    err("Date invalide (date_depot) : « VRAI » — attendu une date comme 15/06/2025 23:59:59", {
      arg: "date_depot",
      value: "VRAI",
    }),
  ],
  [
    "réponse « peut-être » à nouveau_projet",
    "EXPLOR_ELIGIBILITE",
    ["62", "Maroc", "Non", "peut-être", 10, ""],
    err("Réponse oui/non invalide (nouveau_projet) : « peut-être » — attendu Oui ou Non", {
      arg: "nouveau_projet",
      value: "peut-être",
    }),
  ],
  [
    "département inconnu à la ligne 2",
    "EXPLOR_ELIGIBILITE",
    [col("62", "abc"), "Maroc", "Non", "", 10, ""],
    err(`Département inconnu (departement, ligne 2) : « abc » — ${DEPT_HINT}`, {
      arg: "departement",
      row: 2,
      value: "abc",
    }),
  ],
  [
    "plages de formes différentes",
    "EXPLOR_ELIGIBILITE",
    [col("62", "59"), col("Maroc", "Maroc", "Maroc"), "Non", "", 10, ""],
    err(
      "Formes différentes : pays (3 lignes × 1 colonne) doit avoir la forme des autres plages (2 lignes × 1 colonne)",
      { arg: "pays" },
    ),
  ],
  [
    "appel inconnu",
    "EXPLOR_ELIGIBILITE",
    ["62", "Maroc", "Non", "", 10, "", "EXPLOR-2099"],
    err("Appel inconnu (appel) : « EXPLOR-2099 » — appels connus : EXPLOR-2025, PAM-2025", {
      arg: "appel",
      value: "EXPLOR-2099",
    }),
  ],
  [
    "appel donné par une plage",
    "EXPLOR_ELIGIBILITE",
    ["62", "Maroc", "Non", "", 10, "", col("PAM-2025", "X")],
    err("Une seule cellule attendue (appel), pas une plage", { arg: "appel" }),
  ],

  // TAUX_INFOEURO(devise; mois)
  ["devise en minuscules, mois 07/2025", "TAUX_INFOEURO", ["mad", "07/2025"], ok(10.5866)],
  ["mois donné par une date", "TAUX_INFOEURO", ["MAD", new Date(2025, 6, 15)], ok(10.5866)],
  ["EUR sans mois : 1", "TAUX_INFOEURO", ["EUR", ""], ok(1)],
  [
    "devise vide",
    "TAUX_INFOEURO",
    ["", "2025-07"],
    err("Devise invalide (devise) : « » (vide) — attendu un code ISO 4217 de trois lettres, ex. MAD", {
      arg: "devise",
      value: "",
    }),
  ],
  [
    "symbole « € » au lieu du code",
    "TAUX_INFOEURO",
    ["€", "2025-07"],
    err("Devise invalide (devise) : « € » — attendu un code ISO 4217 de trois lettres, ex. MAD", {
      arg: "devise",
      value: "€",
    }),
  ],
  [
    "devise inconnue « NaN »",
    "TAUX_INFOEURO",
    ["NaN", "2025-07"],
    err(/^Devise inconnue \(devise\) : « NAN » — InfoEuro ne publie pas de taux/, {
      arg: "devise",
      value: "NAN",
    }),
  ],
  [
    "mois vide pour une devise étrangère",
    "TAUX_INFOEURO",
    ["MAD", ""],
    err("Mois invalide (mois) : « » (vide) — attendu une date ou un mois comme 2025-07 ou 07/2025", {
      arg: "mois",
      value: "",
    }),
  ],
  [
    "mois en toutes lettres « juillet 2025 »",
    "TAUX_INFOEURO",
    ["MAD", "juillet 2025"],
    err("Mois invalide (mois) : « juillet 2025 » — attendu une date ou un mois comme 2025-07 ou 07/2025", {
      arg: "mois",
      value: "juillet 2025",
    }),
  ],
  [
    "mois « 2025-00 »",
    "TAUX_INFOEURO",
    ["MAD", "2025-00"],
    err("Mois invalide (mois) : « 2025-00 » — attendu une date ou un mois comme 2025-07 ou 07/2025", {
      arg: "mois",
      value: "2025-00",
    }),
  ],
  [
    "plage de devises",
    "TAUX_INFOEURO",
    [col("MAD", "TND"), "2025-07"],
    err("Une seule cellule attendue (devise), pas une plage", { arg: "devise" }),
  ],
];

/** The message with the quoted values taken out: what the add-on itself wrote. */
function ownWords(message: string): string {
  return message.replace(/«[^»]*»/g, "« »");
}

/** Engine and stack-trace text (case matters: « Financeur » holds « nan »). */
const ENGINE =
  /undefined|\bnull\b|\bNaN\b|TypeError|RangeError|ReferenceError|Cannot read|\bis not\b|\bat \S+:\d+|Error:|\[object/;
const ENGLISH = /\b(?:invalid|expected|must|value|number|string|error)\b/i;

/** Neither engine nor English words in what the add-on wrote, and not the « unexpected » fallback. */
function expectOwnWordsClean(message: string): void {
  const own = ownWords(message);
  expect(own, "no engine text").not.toMatch(ENGINE);
  expect(own, "no English words").not.toMatch(ENGLISH);
  expect(own, "not the unexpected-error fallback").not.toMatch(/Erreur inattendue/);
}

const FRENCH = /[éèêàç]|\b(?:invalide|manquant|inconnu|attendu|trop|nul|ambigu|aucun|impossible)/;

/** The generic rule for every error the user sees. */
function expectFrenchError(message: string, where: Where): void {
  expectOwnWordsClean(message);
  expect(message, "French").toMatch(FRENCH);
  const arg = where.arg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  expect(message, `names ${where.arg}`).toMatch(new RegExp(`\\(${arg}(?:, ligne \\d+)?\\)|: ${arg} \\(`));
  if (where.row !== undefined) expect(message).toContain(`(${where.arg}, ligne ${where.row})`);
  if (where.value !== undefined) {
    expect(message).toContain(where.value === "" ? "« » (vide)" : `« ${where.value} »`);
  }
}

function outcome(fn: string, args: readonly unknown[]): { value: unknown } | { message: string } {
  try {
    return { value: callGlobal(globals, fn, ...args) };
  } catch (error) {
    const message = (error as { message?: unknown } | undefined)?.message;
    expect(typeof message, "an Error with a message, not a bare value").toBe("string");
    return { message: message as string };
  }
}

describe("bad inputs to every custom function, through the built bundle", () => {
  it.each(CASES.map(([situation, fn, args, expected]) => [fn, situation, args, expected] as const))(
    "%s — %s",
    (fn, _situation, args, expected) => {
      const result = outcome(fn, args);
      if (expected.kind === "value") {
        expect(result).toEqual({ value: expected.value });
        return;
      }
      expect("message" in result, `${fn} should refuse, not answer ${JSON.stringify(result)}`).toBe(true);
      const message = (result as { message: string }).message;
      if (typeof expected.message === "string") expect(message).toBe(expected.message);
      else expect(message).toMatch(expected.message);
      expectFrenchError(message, expected.where);
    },
  );

  it("has at least 60 cases, three or more for every custom function", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    for (const f of customFunctions) {
      expect(CASES.filter(([, fn]) => fn === f.name).length, f.name).toBeGreaterThanOrEqual(3);
    }
  });

  it("never went through the « Erreur inattendue » path", () => {
    expect(unexpected).toEqual([]);
  });
});

// ——— Menu actions ———

const prompt = (text: string, button: "OK" | "CANCEL" = "OK"): ScriptedAnswer => ({
  kind: "prompt",
  button,
  text,
});
const confirm = (button: "YES" | "NO" | "CANCEL"): ScriptedAnswer => ({ kind: "alert", button });

/** Every sheet's name and values: what « nothing half-written » compares. */
function workbook(host: Host): Record<string, unknown[][]> {
  return Object.fromEntries(
    host.spreadsheet.getSheets().map((s) => [s.getName(), s.getDataRange().getValues()]),
  );
}

function freshHost(): Host {
  const host = createHost();
  host.call("onOpen", {});
  return host;
}

function withConventionSheets(host: Host): void {
  host.runMenuItem("Budget de convention…", prompt(""));
}

function withForm(host: Host): void {
  host.runMenuItem("Créer le formulaire…", prompt("EXPLOR-2025"));
}

const CD62_SHEETS = ["Convention CD62-2024", "Budget CD62", "Plan de financement", "Bilan"];

interface MenuExpectation {
  /** The alerts shown, in order (regexes on « title — message »). */
  readonly alerts?: readonly RegExp[];
  /** The action fails with this French message (Apps Script shows it in a red banner). */
  readonly error?: RegExp;
  /** Every sheet keeps its name and values. */
  readonly unchanged?: boolean;
  /** The sheets after the action, in order. */
  readonly sheets?: readonly string[];
  /** Anything else to check on the host afterwards. */
  readonly afterwards?: (host: Host) => void;
}

type MenuCase = readonly [
  situation: string,
  setup: (host: Host) => void,
  caption: string,
  answers: readonly ScriptedAnswer[],
  expected: MenuExpectation,
];

const nothing = () => {};

const MENU_CASES: readonly MenuCase[] = [
  [
    "prompt annulé : aucune règle écrite",
    nothing,
    "Nouvelle règle de financement…",
    [prompt("RECITAL-FT", "CANCEL")],
    { alerts: [], unchanged: true, sheets: [] },
  ],
  [
    "identifiant déjà pris : alerte qui nomme la feuille, rien n'est écrit",
    (host) => host.runMenuItem("Nouvelle règle de financement…", prompt(""), prompt("")),
    "Nouvelle règle de financement…",
    [prompt("RECITAL-PS"), prompt("RECITAL-FT")],
    {
      alerts: [/^Nouvelle règle de financement — La feuille « Règle RECITAL-FT » existe déjà/],
      unchanged: true,
      sheets: ["Règle RECITAL-FT"],
    },
  ],
  [
    "identifiant avec une formule : refusé, rien n'est écrit",
    nothing,
    "Nouvelle règle de financement…",
    [prompt("forfait"), prompt('=HYPERLINK("http://x";"y")')],
    { alerts: [/Identifiant invalide « =HYPERLINK/], unchanged: true, sheets: [] },
  ],
  [
    "règle à dupliquer avec un problème : alerte qui nomme la cellule et la valeur",
    (host) => {
      host.runMenuItem("Nouvelle règle de financement…", prompt(""), prompt(""));
      host.spreadsheet.getSheetByName("Règle RECITAL-FT")?.getRange("B4").setValue("170 %");
    },
    "Dupliquer une règle…",
    [prompt("RECITAL-FT")],
    {
      alerts: [/Règle RECITAL-FT, B4 : taux invalide « 170 % » — un taux entre 0 et 100 %/],
      unchanged: true,
      sheets: ["Règle RECITAL-FT"],
    },
  ],
  [
    "vérification d'une règle vide de valeurs : chaque valeur manquante nommée",
    (host) => host.runMenuItem("Nouvelle règle de financement…", prompt("taux annuel"), prompt("PS-2027")),
    "Vérifier les paramètres",
    [],
    {
      alerts: [
        /^3 problèmes dans les paramètres — 1 feuille vérifiée \(Règle PS-2027\) :\n• Règle PS-2027, B4 : valeur manquante pour « Taux »/,
      ],
      unchanged: true,
    },
  ],
  [
    "prompt annulé : rien n'est écrit",
    nothing,
    "Budget de convention…",
    [prompt("CD62-2024", "CANCEL")],
    { alerts: [], unchanged: true, sheets: [] },
  ],
  [
    "identifiant inconnu « CD99 » : alerte qui nomme la valeur, rien n'est écrit",
    nothing,
    "Budget de convention…",
    [prompt("CD99")],
    {
      alerts: [/^Convention inconnue — Convention inconnue \(convention\) : « CD99 » — conventions connues/],
      unchanged: true,
      sheets: [],
    },
  ],
  [
    "réponse farfelue (une formule) : alerte, rien n'est écrit",
    nothing,
    "Budget de convention…",
    [prompt('=HYPERLINK("x")')],
    { alerts: [/\(convention\) : « =HYPERLINK\("x"\) »/], unchanged: true, sheets: [] },
  ],
  [
    "réponse faite d'espaces : la convention par défaut",
    nothing,
    "Budget de convention…",
    [prompt("   ")],
    { alerts: [], sheets: CD62_SHEETS },
  ],
  [
    "identifiant en minuscules : reconnu",
    nothing,
    "Budget de convention…",
    [prompt("cd62-2024")],
    { alerts: [], sheets: CD62_SHEETS },
  ],
  [
    "feuilles déjà là, remplacement refusé (Non) : rien ne change",
    withConventionSheets,
    "Budget de convention…",
    [prompt(""), confirm("NO")],
    {
      alerts: [/^Remplacer les feuilles \? — « Budget CD62 », « Plan de financement », « Bilan » existent/],
      unchanged: true,
    },
  ],
  [
    "feuilles déjà là, confirmation fermée (Annuler) : rien ne change",
    withConventionSheets,
    "Budget de convention…",
    [prompt(""), confirm("CANCEL")],
    { alerts: [/^Remplacer les feuilles \?/], unchanged: true },
  ],
  [
    "une feuille « Budget CD62 » de l'utilisateur, remplacement refusé : elle est intacte",
    (host) => {
      host.spreadsheet
        .insertSheet("Budget CD62")
        .getRange(1, 1, 1, 2)
        .setValues([["mes notes", 42]]);
    },
    "Budget de convention…",
    [prompt(""), confirm("NO")],
    {
      alerts: [/« Budget CD62 » existe déjà et sera réécrite/],
      unchanged: true,
      sheets: ["Budget CD62"],
    },
  ],
  [
    "une feuille « Convention CD62-2024 » qui ne se lit pas : alerte qui nomme la cellule, rien n'est écrit",
    (host) => {
      withConventionSheets(host);
      const sheet = host.spreadsheet.getSheetByName("Convention CD62-2024");
      const row =
        host.values("Convention CD62-2024").findIndex((r) => r[0] === "Déplacements & fournitures") + 1;
      sheet?.getRange(row, 4).setValue("deux cents");
    },
    "Budget de convention…",
    [prompt("CD62-2024")],
    {
      alerts: [
        /^Convention CD62-2024 à corriger — Montant invalide \(Total — feuille « Convention CD62-2024 », cellule D\d+\) : « deux cents »/,
      ],
      unchanged: true,
    },
  ],
  [
    "modèle annulé : rien n'est écrit",
    nothing,
    "Nouvelle convention…",
    [prompt("", "CANCEL")],
    { alerts: [], unchanged: true, sheets: [] },
  ],
  [
    "modèle inconnu « CD99 » : alerte qui nomme la valeur, rien n'est écrit",
    nothing,
    "Nouvelle convention…",
    [prompt("CD99")],
    {
      alerts: [/^Modèle inutilisable — Convention inconnue \(convention\) : « CD99 »/],
      unchanged: true,
      sheets: [],
    },
  ],
  [
    "identifiant farfelu (une formule) : alerte qui nomme la valeur, rien n'est écrit",
    nothing,
    "Nouvelle convention…",
    [prompt(""), prompt('=HYPERLINK("x")')],
    {
      alerts: [/^Identifiant invalide — Identifiant invalide \(identifiant\) : « =HYPERLINK\("x"\) »/],
      unchanged: true,
      sheets: [],
    },
  ],
  [
    "identifiant d'une convention du classeur : refusé, la feuille est intacte",
    withConventionSheets,
    "Nouvelle convention…",
    [prompt(""), prompt("cd62-2024")],
    { alerts: [/^Convention existante — La feuille « Convention CD62-2024 » existe déjà/], unchanged: true },
  ],
  [
    "feuilles déjà là avec du texte « abc » saisi comme réalisé, remplacement accepté : la saisie est gardée",
    (host) => {
      withConventionSheets(host);
      const bilan = host.spreadsheet.getSheetByName("Bilan");
      const row = host.values("Bilan").findIndex((r) => r[0] === "ACC projet de mobilité") + 1;
      bilan?.getRange(row, 3).setValue("abc");
    },
    "Budget de convention…",
    [prompt("CD62-2024"), confirm("YES")],
    {
      alerts: [/^Remplacer les feuilles \?/],
      sheets: CD62_SHEETS,
      afterwards: (host) => {
        const line = host.values("Bilan").find((r) => r[0] === "ACC projet de mobilité");
        expect(line?.[2]).toBe("abc");
      },
    },
  ],
  [
    "prompt annulé : aucun formulaire, aucun déclencheur",
    nothing,
    "Créer le formulaire…",
    [prompt("EXPLOR-2025", "CANCEL")],
    {
      alerts: [],
      unchanged: true,
      afterwards: (host) => {
        expect(host.forms.forms.size).toBe(0);
        expect(host.scriptApp.triggers).toHaveLength(0);
      },
    },
  ],
  [
    "appel inconnu : alerte française qui nomme la valeur, rien n'est créé",
    nothing,
    "Créer le formulaire…",
    [prompt("EXPLOR-2099")],
    {
      alerts: [
        /^Créer le formulaire — Appel inconnu \(appel\) : « EXPLOR-2099 » — appels connus : EXPLOR-2025, PAM-2025$/,
      ],
      unchanged: true,
      afterwards: (host) => {
        expect(host.forms.forms.size).toBe(0);
        expect(host.scriptApp.triggers).toHaveLength(0);
        expect(host.documentProperties.getKeys()).toEqual([]);
      },
    },
  ],
  [
    "texte farfelu : alerte française qui nomme la valeur, rien n'est créé",
    nothing,
    "Créer le formulaire…",
    [prompt("'; DROP TABLE")],
    {
      alerts: [/^Créer le formulaire — Appel inconnu \(appel\) : « '; DROP TABLE »/],
      unchanged: true,
      afterwards: (host) => expect(host.forms.forms.size).toBe(0),
    },
  ],
  [
    "réponse vide : l'appel par défaut EXPLOR-2025",
    nothing,
    "Créer le formulaire…",
    [prompt("")],
    {
      alerts: [/^Formulaire créé — EXPLOR 2025/],
      afterwards: (host) => expect(host.scriptApp.triggers).toHaveLength(1),
    },
  ],
  [
    "aucun formulaire lié : alerte, rien n'est écrit",
    nothing,
    "Synchroniser les candidatures",
    [],
    { alerts: [/^Aucun formulaire n'est lié à ce classeur/], unchanged: true, sheets: [] },
  ],
  [
    "état du formulaire illisible dans les propriétés : alerte, rien n'est écrit",
    (host) => host.documentProperties.setProperty("lianes.appel.EXPLOR-2025", "{pas du JSON"),
    "Synchroniser les candidatures",
    [],
    { alerts: [/^Aucun formulaire n'est lié à ce classeur/], unchanged: true, sheets: [] },
  ],
  [
    "une autre synchronisation tient le verrou : alerte, rien n'est écrit",
    (host) => {
      withForm(host);
      host.lock.viewFor("autre exécution").tryLock(0);
    },
    "Synchroniser les candidatures",
    [],
    { alerts: [/^Synchronisation impossible pour l'instant/], unchanged: true },
  ],
  [
    "feuille de réponses supprimée : alerte française qui dit quoi faire, rien n'est écrit",
    (host) => {
      withForm(host);
      host.runMenuItem("Synchroniser les candidatures");
      const responses = host.spreadsheet.getSheets().find((s) => s.getFormUrl());
      if (responses) host.spreadsheet.deleteSheet(responses);
    },
    "Synchroniser les candidatures",
    [],
    {
      alerts: [
        /^EXPLOR-2025 : feuille de réponses introuvable \(supprimée \?\) : relancez Lianes › Créer le formulaire…/,
      ],
      unchanged: true,
    },
  ],
  [
    "une feuille d'appel dont un poids est nul : le problème avec sa cellule, rien n'est écrit",
    (host) => {
      host.runMenuItem("Nouvel appel…", prompt("FORMATION-2026"));
      const row = host.values("Appel FORMATION-2026").findIndex((r) => r[0] === "qualite") + 1;
      host.spreadsheet.getSheetByName("Appel FORMATION-2026")?.getRange(row, 3).setValue(0);
    },
    "Vérifier les paramètres",
    [],
    {
      alerts: [
        /^1 problème dans les paramètres — 1 feuille vérifiée \(Appel FORMATION-2026\) :\n• Appel FORMATION-2026, cellule C\d+ : poids : attendu un nombre positif \(plus grand que 0\) — valeur « 0 »$/,
      ],
      unchanged: true,
    },
  ],
  [
    "prompt annulé : aucune feuille d'appel",
    nothing,
    "Dupliquer un appel…",
    [prompt("EXPLOR-2025", "CANCEL")],
    { alerts: [], unchanged: true, sheets: [] },
  ],
  [
    "appel à dupliquer inconnu : alerte qui nomme la valeur, rien n'est écrit",
    nothing,
    "Dupliquer un appel…",
    [prompt("EXPLOR-1999")],
    {
      alerts: [
        /^Dupliquer un appel — Appel inconnu \(appel\) : « EXPLOR-1999 » — appels connus : EXPLOR-2025, PAM-2025\n\nRien n'a changé\.$/,
      ],
      unchanged: true,
      sheets: [],
    },
  ],
  [
    "nouvel identifiant farfelu (une formule) : alerte, rien n'est écrit",
    nothing,
    "Dupliquer un appel…",
    [prompt("PAM-2025"), prompt("=IMPORTXML(1)")],
    {
      alerts: [
        /^Dupliquer un appel — Identifiant invalide : « =IMPORTXML\(1\) » — attendu par exemple PAM-2026\. Rien n'a changé\.$/,
      ],
      unchanged: true,
      sheets: [],
    },
  ],
  [
    "la feuille existe déjà : alerte, la feuille du classeur intacte",
    (host) => {
      host.spreadsheet.insertSheet("Appel EXPLOR-2026").getRange(1, 1).setValue("mes notes");
    },
    "Nouvel appel…",
    [prompt("EXPLOR-2026")],
    {
      alerts: [/^Nouvel appel — La feuille « Appel EXPLOR-2026 » existe déjà/],
      unchanged: true,
      sheets: ["Appel EXPLOR-2026"],
    },
  ],
  [
    "la feuille d'un appel ne tient pas debout : Créer le formulaire… cite chaque cellule, rien n'est créé",
    (host) => {
      host.runMenuItem("Nouvel appel…", prompt("FORMATION-2026"));
      const sheet = host.spreadsheet.getSheetByName("Appel FORMATION-2026");
      const values = host.values("Appel FORMATION-2026");
      const row = values.findIndex((r) => r[0] === "qualite") + 1;
      sheet?.getRange(row, 3).setValue("beaucoup");
    },
    "Créer le formulaire…",
    [prompt("FORMATION-2026")],
    {
      alerts: [
        /^Créer le formulaire — La feuille « Appel FORMATION-2026 » ne décrit pas un appel valide \(1 erreur\) :\n• Appel FORMATION-2026, cellule C\d+ : attendu un nombre — valeur « beaucoup »$/,
      ],
      unchanged: true,
      afterwards: (host) => expect(host.forms.forms.size).toBe(0),
    },
  ],
  [
    "une feuille « Mission EXPLOR » existe déjà : une nouvelle « Mission EXPLOR 2 », l'autre intacte",
    (host) => {
      host.spreadsheet.insertSheet("Mission EXPLOR").getRange(1, 1).setValue("ma mission");
    },
    "Nouvelle mission EXPLOR",
    [],
    {
      alerts: [],
      sheets: ["Mission EXPLOR", "Mission EXPLOR 2"],
      afterwards: (host) => expect(host.values("Mission EXPLOR")).toEqual([["ma mission"]]),
    },
  ],
  [
    "classeur vide : le panneau s'ouvre, rien n'est écrit",
    nothing,
    "Calculateur EXPLOR",
    [],
    { alerts: [], unchanged: true, afterwards: (host) => expect(host.ui.sidebars).toHaveLength(1) },
  ],
  [
    "classeur vide, sans budget : le panneau s'ouvre, rien n'est écrit",
    nothing,
    "Plan de financement (panneau)…",
    [],
    { alerts: [], unchanged: true, afterwards: (host) => expect(host.ui.sidebars).toHaveLength(1) },
  ],
  [
    "aucun formulaire ni feuille d'instruction : le panneau s'ouvre, rien n'est écrit",
    nothing,
    "Tableau des candidatures",
    [],
    { alerts: [], unchanged: true, afterwards: (host) => expect(host.ui.sidebars).toHaveLength(1) },
  ],
  ...ERASE_CASES(),
  ...LETTER_CASES(),
  ...JURY_CASES(),
  [
    "aide : le panneau s'ouvre, rien n'est écrit",
    nothing,
    "Aide",
    [],
    {
      alerts: [],
      unchanged: true,
      afterwards: (host) => {
        const sidebar = host.ui.sidebars.at(-1) as { getTitle(): string; getContent(): string };
        expect(sidebar.getTitle()).toBe("Aide Lianes");
        expect(sidebar.getContent()).toContain("<dt>Jury › Préparer le jury…</dt>");
      },
    },
  ],
  [
    "une feuille « Diagnostic » de l'utilisateur : erreur qui le dit, rien n'est écrit ni créé",
    (host) => host.spreadsheet.insertSheet("Diagnostic").getRange(1, 1).setValue("Mes notes"),
    "Diagnostic",
    [],
    {
      error: /^Une feuille « Diagnostic » existe déjà et n'a pas été écrite par Lianes : renommez-la/,
      unchanged: true,
      sheets: ["Diagnostic"],
    },
  ],
  [
    "InfoEuro injoignable (pas de UrlFetchApp) : une ligne en échec, les autres vérifications faites",
    (host) => host.spreadsheet.insertSheet("Feuille 1"),
    "Diagnostic",
    [],
    {
      alerts: [/^Diagnostic .* : \d+ OK, 1 échec\(s\), [01] non applicable\(s\)\. .*\n• InfoEuro joignable/s],
      sheets: ["Feuille 1", "Diagnostic"],
    },
  ],
];

/** Lianes › Jury: refusals are French alerts and write nothing. */
function JURY_CASES(): MenuCase[] {
  const withJury = (host: Host) => {
    withForm(host);
    host.runMenuItem("Préparer le jury…", prompt("EXPLOR-2025"));
  };
  return [
    [
      "préparer : appel inconnu « EXPLOR-1999 », alerte qui le nomme, rien n'est écrit",
      nothing,
      "Préparer le jury…",
      [prompt("EXPLOR-1999")],
      { alerts: [/^Préparer le jury — .*« EXPLOR-1999 »/], unchanged: true, sheets: [] },
    ],
    [
      "préparer : prompt annulé, rien n'est écrit",
      nothing,
      "Préparer le jury…",
      [prompt("EXPLOR-2025", "CANCEL")],
      { alerts: [], unchanged: true, sheets: [] },
    ],
    [
      "évaluations manquantes sans jury : alerte, rien n'est écrit",
      withForm,
      "Évaluations manquantes",
      [],
      { alerts: [/^Évaluations manquantes — Aucun jury dans ce classeur/], unchanged: true },
    ],
    [
      "évaluations manquantes, un membre à l'e-mail invalide : alerte qui nomme la ligne et la valeur",
      (host) => {
        withJury(host);
        host.spreadsheet
          .getSheetByName("Jury EXPLOR-2025")
          ?.getRange(5, 1, 1, 3)
          .setValues([["Awa", "awa@", ""]]);
      },
      "Évaluations manquantes",
      [],
      { alerts: [/E-mail de membre du jury invalide \(e-mail, ligne 5\) : « awa@ »/], unchanged: true },
    ],
  ];
}

/** Lianes › Courriers: each refusal says what to do and writes nothing. */
function LETTER_CASES(): MenuCase[] {
  return [
    [
      "aucun formulaire : alerte, rien n'est écrit",
      nothing,
      "Préparer les courriers",
      [],
      { alerts: [/^Aucun formulaire n'est lié à ce classeur/], unchanged: true, sheets: [] },
    ],
    [
      "une synchronisation tient le verrou : alerte, rien n'est écrit",
      (host) => {
        withForm(host);
        host.lock.viewFor("autre exécution").tryLock(0);
      },
      "Préparer les courriers",
      [],
      { alerts: [/^Préparation des courriers impossible pour l'instant/], unchanged: true },
    ],
    [
      "aucun courrier préparé : alerte, rien n'est envoyé",
      nothing,
      "Envoyer les courriers cochés",
      [],
      {
        alerts: [/^Aucun courrier à envoyer : utilisez d'abord Lianes › Courriers › Préparer les courriers/],
        unchanged: true,
        afterwards: (host) => expect(host.mail.messages).toEqual([]),
      },
    ],
    [
      "sélection hors d'une feuille d'instruction : alerte, aucun document",
      withForm,
      "Lettre de décision (ligne sélectionnée)",
      [],
      {
        alerts: [/^Sélectionnez une candidature dans une feuille d'instruction/],
        unchanged: true,
        afterwards: (host) => expect(host.documents.documents.size).toBe(0),
      },
    ],
    [
      "prompt annulé : aucun document",
      nothing,
      "Annexe financière de la convention…",
      [prompt("", "CANCEL")],
      { alerts: [], unchanged: true, afterwards: (host) => expect(host.documents.documents.size).toBe(0) },
    ],
    [
      "identifiant farfelu (une formule) : alerte qui le cite, aucun document",
      nothing,
      "Annexe financière de la convention…",
      [prompt('=HYPERLINK("x")')],
      {
        alerts: [
          /^Convention inconnue — Convention (inconnue|invalide) \(convention\) : « =HYPERLINK\("x"\) »/,
        ],
        unchanged: true,
        afterwards: (host) => expect(host.documents.documents.size).toBe(0),
      },
    ],
  ];
}

/** Lianes › Effacer les données d'un candidat… (RGPD): every refusal changes nothing. */
function ERASE_CASES(): MenuCase[] {
  const ERASE = "Effacer les données d'un candidat…";
  const withApplication = (host: Host) => {
    withForm(host);
    const call = callById("EXPLOR-2025");
    const form = [...host.forms.forms.values()].at(-1);
    if (!form) throw new Error("no form");
    host.submitForm(form, {
      answers: Object.fromEntries(call.questions.map((q) => [q.label, String(EXPLOR_ANSWERS[q.id] ?? "")])),
      email: "claire.martin@artois-sahel.fr",
      timestamp: new Date("2025-06-01T10:00:00+02:00"),
    });
  };
  const confirmation =
    /^Effacer les données d'un candidat — Effacer les données personnelles de la candidature n° 1/;
  return [
    [
      "aucune candidature dans le classeur : alerte, rien n'est écrit",
      nothing,
      ERASE,
      [],
      {
        alerts: [/^Effacer les données d'un candidat — Aucune candidature dans ce classeur/],
        unchanged: true,
      },
    ],
    [
      "N° inconnu : alerte qui le nomme, rien n'est écrit",
      withApplication,
      ERASE,
      [prompt("7")],
      { alerts: [/Aucune candidature ne correspond à « 7 »/], unchanged: true },
    ],
    [
      "réponse farfelue (une formule) : alerte, rien n'est écrit",
      withApplication,
      ERASE,
      [prompt('=HYPERLINK("x")')],
      { alerts: [/Réponse non reconnue : « =HYPERLINK\("x"\) »/], unchanged: true },
    ],
    [
      "prompt annulé : rien n'est écrit",
      withApplication,
      ERASE,
      [prompt("1", "CANCEL")],
      { alerts: [], unchanged: true },
    ],
    [
      "confirmation refusée : rien n'est écrit",
      withApplication,
      ERASE,
      [prompt("1"), confirm("NO")],
      { alerts: [confirmation], unchanged: true },
    ],
    [
      "une synchronisation tient le verrou : alerte, rien n'est écrit",
      (host) => {
        withApplication(host);
        host.lock.viewFor("autre exécution").tryLock(0);
      },
      ERASE,
      [prompt("1"), confirm("YES")],
      { alerts: [confirmation, /Effacement impossible pour l'instant/], unchanged: true },
    ],
    [
      "confirmée : les données sont remplacées par la mention datée",
      withApplication,
      ERASE,
      [prompt("1"), confirm("YES")],
      {
        alerts: [confirmation, /^Données effacées — Candidature n° 1 \(EXPLOR-2025/],
        afterwards: (host) =>
          expect(JSON.stringify(workbook(host))).not.toContain("claire.martin@artois-sahel.fr"),
      },
    ],
  ];
}

describe("bad answers to every Lianes menu action, on the local host", () => {
  it.each(
    MENU_CASES.map(
      ([situation, setup, caption, answers, expected]) =>
        [caption, situation, setup, answers, expected] as const,
    ),
  )("Lianes › %s — %s", (caption, _situation, setup, answers, expected) => {
    const host = freshHost();
    setup(host);
    const before = workbook(host);
    const alertsBefore = host.ui.alerts.length;
    let thrown: string | undefined;
    try {
      host.runMenuItem(caption, ...answers);
    } catch (error) {
      thrown = (error as Error).message;
    }
    const alerts = host.ui.alerts.slice(alertsBefore);
    if (expected.error) {
      expect(thrown).toMatch(expected.error);
    } else {
      expect(thrown, "no error").toBeUndefined();
    }
    for (const text of [...alerts, ...(thrown ? [thrown] : [])]) {
      expectOwnWordsClean(text);
      expect(text, "French").toMatch(FRENCH);
    }
    if (expected.alerts) {
      expect(alerts).toHaveLength(expected.alerts.length);
      for (const [i, pattern] of expected.alerts.entries()) expect(alerts[i]).toMatch(pattern);
    }
    if (expected.unchanged) expect(workbook(host)).toEqual(before);
    if (expected.sheets)
      expect(host.spreadsheet.getSheets().map((s) => s.getName())).toEqual(expected.sheets);
    expected.afterwards?.(host);
  });

  it("covers every item of the Lianes menu", () => {
    for (const entry of menuItems()) {
      expect(
        MENU_CASES.filter(([, , caption]) => caption === entry.caption).length,
        entry.caption,
      ).toBeGreaterThan(0);
    }
  });
});
