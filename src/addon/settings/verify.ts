/**
 * `Lianes › Paramètres › Vérifier les paramètres`, planned without Sheets: each kind of settings
 * sheet has a checker, found by the prefix of the sheet's name (`Règle `; calls and conventions
 * register theirs in SETTINGS_CHECKERS). A checker gets the sheet's values and answers every
 * problem in French, naming the sheet, the cell and the value.
 */
import { CONVENTION_SHEET_PREFIX, checkConventionSheet } from "../../core/convention";
import { errorMessage } from "../../core/errors";
import { readExplorTable } from "../../core/explor/rule-table";
import { describeProblem, readRuleTable, tableId } from "../../core/funding";
import { CALL_IDS, callById } from "../../core/intake/calls";
import { CALL_SHEET_PREFIX } from "../../planning/intake/call-sheet-layout";
import { checkCallSheet } from "../../planning/intake/call-sheet-reader";
import { checkTemplatesSheet, TEMPLATES_SHEET } from "../letters/templates-sheet";
import { idOfRuleSheet, RULE_SHEET_PREFIX, ruleRangeName } from "./rule-layout";

export type SheetValues = readonly (readonly unknown[])[];

/** A named range of the workbook, as the checkers see it. */
export interface NamedRangeInfo {
  readonly name: string;
  readonly sheetName: string;
  /** `A1:B15` */
  readonly a1: string;
}

export interface CheckContext {
  readonly sheetName: string;
  readonly namedRanges: readonly NamedRangeInfo[];
}

export interface SettingsChecker {
  /** Sheets whose name starts with this are checked by this checker. */
  readonly prefix: string;
  /** What it checks, in the report: `règle de financement`. */
  readonly noun: string;
  /** Every problem, each a whole French sentence naming the sheet and the cell. */
  check(values: SheetValues, context: CheckContext): string[];
}

/** The rule sheet's named range exists, on this sheet. */
function namedRangeProblems(id: string, context: CheckContext): string[] {
  const expected = ruleRangeName(id);
  const found = context.namedRanges.find((r) => r.name.toUpperCase() === expected);
  if (!found) {
    return [
      `${context.sheetName} : plage nommée ${expected} absente — les formules ne peuvent pas lire la règle ; ` +
        `Données › Plages nommées : ajoutez ${expected} sur A1:B15 de cette feuille`,
    ];
  }
  if (found.sheetName !== context.sheetName) {
    return [
      `${context.sheetName} : la plage nommée ${expected} désigne la feuille « ${found.sheetName} » (${found.a1}) — ` +
        `faites-la pointer sur A1:B15 de cette feuille (Données › Plages nommées)`,
    ];
  }
  return [];
}

/** A parameter typed below the named range: formulas would never see it. */
function outsideTheRange(values: SheetValues, id: string, context: CheckContext): string[] {
  const found = context.namedRanges.find((r) => r.name.toUpperCase() === ruleRangeName(id));
  const m = found ? /^[A-Z]+\d+:([A-Z]+)(\d+)$/.exec(found.a1) : null;
  if (!m) return [];
  const lastRow = Number(m[2]);
  const lastColumn = (m[1] as string).length === 1 ? (m[1] as string).charCodeAt(0) - 64 : 26;
  const problems: string[] = [];
  values.forEach((row, r) => {
    if (r < lastRow) return;
    const filled = row.slice(0, lastColumn).findIndex((v) => v !== "" && v !== null && v !== undefined);
    if (filled < 0) return;
    problems.push(
      `${context.sheetName}, ${String.fromCharCode(65 + filled)}${r + 1} : hors de la plage nommée ${found?.name} (${found?.a1}) — ` +
        `les formules ne lisent pas cette ligne ; écrivez le paramètre plus haut, sur une ligne vide du tableau`,
    );
  });
  return problems;
}

export const fundingRuleChecker: SettingsChecker = {
  prefix: RULE_SHEET_PREFIX,
  noun: "règle",
  check(values, context) {
    const read = readRuleTable(values);
    const problems: string[] = [];
    if (read.kind === "problems") {
      problems.push(...read.problems.map((p) => describeProblem(context.sheetName, p)));
    } else if (read.kind === "categories") {
      // EXPLOR rules (« plafonds par catégorie »): their own layout and reader.
      const explor = readExplorTable(values);
      if (explor.kind === "problems") {
        problems.push(...explor.problems.map((p) => describeProblem(context.sheetName, p)));
      }
    }
    const id = read.kind === "rule" ? read.rule.id : tableId(values);
    const sheetId = idOfRuleSheet(context.sheetName);
    if (id !== undefined && sheetId !== undefined && id !== sheetId) {
      const row = values.findIndex((r) =>
        String(r[0] ?? "")
          .trim()
          .toLowerCase()
          .startsWith("identifiant"),
      );
      problems.push(
        `${context.sheetName}, B${row + 1} : identifiant « ${id} » différent du nom de la feuille — ` +
          `renommez la feuille « ${RULE_SHEET_PREFIX}${id} » ou corrigez l'identifiant`,
      );
    }
    if (id !== undefined && id === sheetId) {
      const range = namedRangeProblems(id, context);
      problems.push(...(range.length > 0 ? range : outsideTheRange(values, id, context)));
    }
    return problems;
  },
};

/** A call sheet `Appel <identifiant>`: read by the call sheet's reader, every problem with its cell. */
export const callSheetChecker: SettingsChecker = {
  prefix: CALL_SHEET_PREFIX,
  noun: "appel",
  check: (values, context) => checkCallSheet(context.sheetName, values),
};

/** Every settings checker; others add theirs (one prefix each). */
/** `Convention <identifiant>` sheets: each problem with its cell, then what does not add up. */
export const conventionChecker: SettingsChecker = {
  prefix: CONVENTION_SHEET_PREFIX,
  noun: "convention",
  check: (values, context) => checkConventionSheet(context.sheetName, values),
};

/**
 * `Modèles de courriers`: each template's placeholders, for every call it serves (a common
 * template for every known call, a call's own row for that call), with the cell of each problem.
 */
export const letterTemplatesChecker: SettingsChecker = {
  prefix: TEMPLATES_SHEET,
  noun: "modèles de courriers",
  check: (values) =>
    checkTemplatesSheet(
      values,
      CALL_IDS.map((id) => callById(id)),
    ),
};

export const SETTINGS_CHECKERS: SettingsChecker[] = [
  fundingRuleChecker,
  callSheetChecker,
  conventionChecker,
  letterTemplatesChecker,
];

export interface SheetToCheck {
  readonly name: string;
  readonly values: SheetValues;
}

export interface VerifyResult {
  /** The settings sheets checked, in workbook order. */
  readonly checked: readonly string[];
  readonly problems: readonly string[];
}

export function checkerFor(
  sheetName: string,
  checkers: readonly SettingsChecker[] = SETTINGS_CHECKERS,
): SettingsChecker | undefined {
  return checkers.find((c) => sheetName.startsWith(c.prefix));
}

/** Checks every settings sheet; a checker that fails is itself a problem, never a silent pass. */
export function verifySettings(
  sheets: readonly SheetToCheck[],
  namedRanges: readonly NamedRangeInfo[],
  checkers: readonly SettingsChecker[] = SETTINGS_CHECKERS,
): VerifyResult {
  const checked: string[] = [];
  const problems: string[] = [];
  for (const sheet of sheets) {
    const checker = checkerFor(sheet.name, checkers);
    if (!checker) continue;
    checked.push(sheet.name);
    try {
      problems.push(...checker.check(sheet.values, { sheetName: sheet.name, namedRanges }));
    } catch (error) {
      problems.push(`${sheet.name} : vérification impossible — ${errorMessage(error)}`);
    }
  }
  return { checked, problems };
}

/** The alert: every problem on its own line, or what was found in order. */
export function verifyReport(result: VerifyResult): { readonly title: string; readonly message: string } {
  const prefixes = SETTINGS_CHECKERS.map((c) => `« ${c.prefix.trim()} … »`).join(", ");
  if (result.checked.length === 0) {
    return {
      title: "Vérifier les paramètres",
      message: `Aucune feuille de paramètres (${prefixes}) dans ce classeur. Lianes › Paramètres › Nouvelle règle de financement… en crée une.`,
    };
  }
  const sheets = `${result.checked.length} feuille${result.checked.length > 1 ? "s" : ""} vérifiée${
    result.checked.length > 1 ? "s" : ""
  } (${result.checked.join(", ")})`;
  if (result.problems.length === 0) {
    return { title: "Paramètres en ordre", message: `${sheets} : aucun problème.` };
  }
  const n = result.problems.length;
  return {
    title: `${n} problème${n > 1 ? "s" : ""} dans les paramètres`,
    message: `${sheets} :\n${result.problems.map((p) => `• ${p}`).join("\n")}`,
  };
}
