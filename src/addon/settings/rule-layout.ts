/**
 * A funding rule's sheet, planned as data: `Règle <identifiant>` with its « Paramètre | Valeur »
 * table in A1:B15 (the named range REGLE_<IDENTIFIANT>, hyphens as underscores) and a word of
 * help for each parameter in column C, outside the range.
 */
import {
  type FundingRule,
  type FundingType,
  orderedParameters,
  PARAMETERS,
  ruleTableRows,
} from "../../core/funding";
import { asText, type Block, FORMAT, type LayoutCell, type SheetLayout } from "../../planning/sheet-layout";

export const RULE_SHEET_PREFIX = "Règle ";
/** Rows of a rule table's named range: room below the parameters for ones added by hand. */
export const RULE_TABLE_ROWS = 15;
const HEADER_BACKGROUND = "#e8eef7";

export function ruleSheetName(id: string): string {
  return `${RULE_SHEET_PREFIX}${id}`;
}

/** `REGLE_RECITAL_FT`: what formulas call the rule's table. */
export function ruleRangeName(id: string): string {
  return `REGLE_${id.toUpperCase().replace(/-/g, "_")}`;
}

/** The identifier a rule sheet's name gives (`Règle RECITAL-FT` → RECITAL-FT), if it is one. */
export function idOfRuleSheet(sheetName: string): string | undefined {
  return sheetName.startsWith(RULE_SHEET_PREFIX)
    ? sheetName.slice(RULE_SHEET_PREFIX.length).trim().toUpperCase()
    : undefined;
}

/**
 * A copy's name: the year of the source's identifier becomes the copy's
 * (`EXPLOR Hauts-de-France 2025` copied as EXPLOR-HDF-2026 → `EXPLOR Hauts-de-France 2026`).
 */
export function nameForCopy(name: string, fromId: string, toId: string): string {
  const from = /(\d{4})$/.exec(fromId)?.[1];
  const to = /(\d{4})$/.exec(toId)?.[1];
  return from && to && from !== to ? name.split(from).join(to) : name;
}

/** A new rule's identifier: letters, digits and hyphens (upper-cased), at most 60 characters. */
export const NEW_ID = /^[A-Z0-9][A-Z0-9-]{0,59}$/;

export interface RuleSheetPlan {
  readonly layout: SheetLayout;
  readonly rangeName: string;
  /** The named range, from A1. */
  readonly rows: number;
  readonly columns: number;
}

const HELP: Readonly<Record<string, string>> = {
  Identifiant: "Lettres, chiffres et tirets. Les formules lisent la règle par sa plage nommée",
  Nom: "Facultatif : le nom du dispositif, montré dans les menus.",
  Type: "taux, taux annuel, forfait (ou plafonds par catégorie, pour EXPLOR).",
  Taux: "Part du coût que le dispositif finance : 70 % (plus de 0, au plus 100 %).",
  "Aide minimale": "Facultatif : une aide plus petite est refusée, calcul à l'appui (0 si vide).",
  "Aide maximale": "Facultatif : l'aide ne dépasse jamais ce montant (sans maximum si vide).",
  "Aide maximale par an": "L'aide de chaque année ne dépasse jamais ce montant.",
  Années: "Durée maximale d'un projet, en années (nombre entier, 1 ou plus).",
  Forfait: "Aide par unité (par tandem), jamais plus que le coût.",
  Unité: "Facultatif : ce que compte le forfait (tandem).",
};

function rateFormat(rate: unknown): string {
  return typeof rate === "number" && Number.isInteger(Math.round(rate * 1e6) / 1e4)
    ? FORMAT.percent
    : "0.00%";
}

function formatOf(label: string, value: unknown): string {
  if (label === "Taux") return rateFormat(value);
  if (label === "Années") return FORMAT.integer;
  const parameter = PARAMETERS.find((p) => p.label === label);
  return parameter && ["minAid", "maxAid", "maxPerYear", "perUnit"].includes(parameter.key)
    ? FORMAT.euros
    : FORMAT.text;
}

/** The rows of a rule (or of a blank rule of a type: identifier and type only) as the sheet shows them. */
function rows(
  rule: FundingRule | { readonly id: string; readonly type: FundingType },
): [string, LayoutCell][] {
  if ("name" in rule || "rate" in rule || "perUnit" in rule) return ruleTableRows(rule as FundingRule);
  return orderedParameters(rule.type).map((p) => [
    p.label,
    p.key === "id" ? rule.id : p.key === "type" ? rule.type : "",
  ]);
}

/** The sheet of a rule, or of a blank rule of a type to fill in. */
export function fundingRuleSheet(
  rule: FundingRule | { readonly id: string; readonly type: FundingType },
): RuleSheetPlan {
  const rangeName = ruleRangeName(rule.id);
  const table = rows(rule);
  const cell = (v: LayoutCell): LayoutCell => (typeof v === "string" ? asText(v) : v);
  const blocks: Block[] = [
    {
      row: 1,
      column: 1,
      values: [["Paramètre", "Valeur", "Aide"]],
      bold: true,
      background: HEADER_BACKGROUND,
    },
    {
      row: 2,
      column: 1,
      values: table.map(([label, value]) => [
        label,
        cell(value),
        label === "Identifiant" ? `${HELP.Identifiant} ${rangeName}.` : (HELP[label] ?? ""),
      ]),
      numberFormat: table.map(([label, value]) => [FORMAT.text, formatOf(label, value), FORMAT.text]),
    },
    {
      // In the help column, outside the table the formulas read.
      row: table.length + 3,
      column: 3,
      values: [
        [
          `Dans une formule : =AIDE_DISPOSITIF(${rangeName}; coût). Modifiez une valeur de la colonne B : chaque cellule qui utilise la règle est recalculée. Lianes › Paramètres › Vérifier les paramètres contrôle la table.`,
        ],
      ],
    },
  ];
  return {
    layout: {
      name: ruleSheetName(rule.id),
      blocks,
      columnWidths: [190, 200, 480],
      frozenRows: 1,
    },
    rangeName,
    rows: RULE_TABLE_ROWS,
    columns: 2,
  };
}
