/**
 * Lianes › Paramètres › Vérifier les paramètres: every settings sheet the workbook holds (a
 * call `Appel …`, and whatever other kinds register here), checked by its kind's checker,
 * keyed by the sheet-name prefix. Each problem names the sheet, the cell and the value.
 */
import { CALL_SHEET_PREFIX } from "../intake/call-sheet-layout";
import { checkCallSheets, type SheetValues } from "../intake/call-sheet-reader";

export interface SettingsChecker {
  /** The sheets it checks: those whose name starts with this (`Appel `). */
  readonly prefix: string;
  /** Every problem of these sheets (all of this kind at once), one French line each. */
  check(sheets: readonly SheetValues[]): string[];
}

export const CHECKERS: readonly SettingsChecker[] = [{ prefix: CALL_SHEET_PREFIX, check: checkCallSheets }];

export interface Verification {
  /** The sheets checked, in workbook order. */
  readonly checked: readonly string[];
  readonly problems: readonly string[];
}

/** Runs each checker on its sheets (pure: names and values in). */
export function verifySettings(
  sheets: readonly SheetValues[],
  checkers: readonly SettingsChecker[] = CHECKERS,
): Verification {
  const checked: string[] = [];
  const problems: string[] = [];
  for (const checker of checkers) {
    const own = sheets.filter((s) => s.name.startsWith(checker.prefix));
    checked.push(...own.map((s) => s.name));
    if (own.length > 0) problems.push(...checker.check(own));
  }
  return { checked, problems };
}

/** The alert's text: what was checked, and every problem, or that all is well. */
export function verificationText(v: Verification): string {
  if (v.checked.length === 0) {
    return "Aucune feuille de paramètres dans ce classeur (Appel …) : créez-en une avec Lianes › Paramètres › Dupliquer un appel…";
  }
  if (v.problems.length === 0) return `Aucune erreur dans ${v.checked.map((n) => `« ${n} »`).join(", ")}.`;
  return `${v.problems.length} erreur${v.problems.length > 1 ? "s" : ""} à corriger :\n${v.problems
    .map((p) => `• ${p}`)
    .join("\n")}`;
}

/** Lianes › Paramètres › Vérifier les paramètres */
export function menuVerifySettings(): void {
  const ui = SpreadsheetApp.getUi();
  const prefixes = CHECKERS.map((c) => c.prefix);
  const sheets = SpreadsheetApp.getActiveSpreadsheet()
    .getSheets()
    .filter((s) => prefixes.some((p) => s.getName().startsWith(p)))
    .map((s) => ({ name: s.getName(), values: s.getDataRange().getValues() }));
  ui.alert("Vérifier les paramètres", verificationText(verifySettings(sheets)), ui.ButtonSet.OK);
}
