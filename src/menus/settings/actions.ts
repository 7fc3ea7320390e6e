/**
 * `Lianes › Paramètres`: a new funding rule from a template or blank, a copy of a rule, and the
 * check of every settings sheet. Everything is planned (core readers, layouts) before the first
 * write; a rule sheet is written whole, with its named range, or not at all.
 */

import {
  NEW_ID,
  RULE_SHEET_PREFIX,
  type RuleSheetPlan,
  ruleSheetName,
} from "../../addon/settings/rule-layout";
import {
  blankRulePlan,
  type RuleSource,
  readRuleSheet,
  ruleTemplates,
  ruleTypes,
  startingPoint,
  suggestedCopyId,
} from "../../addon/settings/rule-sources";
import { checkerFor, type NamedRangeInfo, verifyReport, verifySettings } from "../../addon/settings/verify";
import { writeLayout } from "../../addon/sheets";
import { errorMessage } from "../../core/errors";
import { normalizeKey } from "../../core/funding";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Ui = GoogleAppsScript.Base.Ui;

/** The answer to a prompt, or undefined when cancelled. */
function ask(ui: Ui, title: string, question: string): string | undefined {
  const answer = ui.prompt(title, question, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText().trim() : undefined;
}

/** A new rule's identifier, checked: free, well formed. Undefined (after an alert) otherwise. */
function askNewId(
  ui: Ui,
  spreadsheet: Spreadsheet,
  title: string,
  suggestion: string | undefined,
): string | undefined {
  const answer = ask(
    ui,
    title,
    `Identifiant de la nouvelle règle : lettres, chiffres et tirets, ex. RECITAL-FT-2027${
      suggestion ? ` (laissez vide pour ${suggestion})` : ""
    } :`,
  );
  if (answer === undefined) return undefined;
  const id = (answer || suggestion || "").toUpperCase();
  if (id === "") {
    ui.alert(title, "Identifiant manquant : la règle n'a pas été créée.", ui.ButtonSet.OK);
    return undefined;
  }
  if (!NEW_ID.test(id)) {
    ui.alert(
      title,
      `Identifiant invalide « ${answer} » — des lettres, chiffres et tirets (60 au plus), ex. RECITAL-FT-2027. La règle n'a pas été créée.`,
      ui.ButtonSet.OK,
    );
    return undefined;
  }
  const taken = spreadsheet
    .getSheets()
    .find((s) => s.getName().toUpperCase() === ruleSheetName(id).toUpperCase());
  if (taken) {
    ui.alert(
      title,
      `La feuille « ${taken.getName()} » existe déjà : modifiez-la, ou choisissez un autre identifiant. Rien n'a été créé.`,
      ui.ButtonSet.OK,
    );
    return undefined;
  }
  return id;
}

/** Writes the rule sheet and names its table; on any failure the new sheet is removed. */
export function writeRuleSheet(
  spreadsheet: Spreadsheet,
  plan: RuleSheetPlan,
): GoogleAppsScript.Spreadsheet.Sheet {
  // A name left by a deleted rule sheet of the same id points nowhere: it is replaced.
  const stale = spreadsheet
    .getNamedRanges()
    .find((n) => n.getName().toUpperCase() === plan.rangeName.toUpperCase());
  const sheet = spreadsheet.insertSheet(plan.layout.name);
  try {
    stale?.remove();
    writeLayout(sheet, plan.layout);
    spreadsheet.setNamedRange(plan.rangeName, sheet.getRange(1, 1, plan.rows, plan.columns));
  } catch (error) {
    spreadsheet.deleteSheet(sheet);
    throw error;
  }
  sheet.activate();
  spreadsheet.toast(
    `Plage nommée ${plan.rangeName} : =AIDE_DISPOSITIF(${plan.rangeName}; coût)`,
    plan.layout.name,
  );
  return sheet;
}

function templateList(): string {
  return ruleTemplates()
    .map((t) => `• ${t.id} — ${t.name} (${t.type})`)
    .join("\n");
}

/** Lianes › Paramètres › Nouvelle règle de financement… */
export function menuNouvelleRegle(): void {
  const ui = SpreadsheetApp.getUi();
  const title = "Nouvelle règle de financement";
  const [first] = ruleTemplates();
  const answer = ask(
    ui,
    title,
    `Partir d'un modèle :\n${templateList()}\n\nou d'une règle vierge : ${ruleTypes().join(", ")}.\n\n` +
      `Modèle ou type (laissez vide pour ${first?.id}) :`,
  );
  if (answer === undefined) return;
  const start = startingPoint(answer || (first?.id ?? ""));
  if (!start) {
    ui.alert(
      title,
      `Modèle ou type inconnu « ${answer} » — modèles : ${ruleTemplates()
        .map((t) => t.id)
        .join(", ")} ; types : ${ruleTypes().join(", ")}. Rien n'a été créé.`,
      ui.ButtonSet.OK,
    );
    return;
  }
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const id = askNewId(ui, spreadsheet, title, "template" in start ? start.template.id : undefined);
  if (!id) return;
  const plan = "template" in start ? start.template.plan(id) : blankRulePlan(start.blankType, id);
  writeRuleSheet(spreadsheet, plan);
}

/** The rule sheets of the workbook, by identifier (from their names). */
function ruleSheets(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet[] {
  return spreadsheet.getSheets().filter((s) => s.getName().startsWith(RULE_SHEET_PREFIX));
}

/** ` — Fonds territoriaux Récital`: a rule sheet's Nom, read from its first rows (blank if none). */
function nameOf(sheet: GoogleAppsScript.Spreadsheet.Sheet): string {
  const rows = Math.min(Math.max(sheet.getLastRow(), 1), 20);
  const values = sheet.getRange(1, 1, rows, 2).getValues();
  const name = values.find((r) => normalizeKey(r[0]) === "nom")?.[1];
  return typeof name === "string" && name.trim() !== "" ? ` — ${name.trim()}` : "";
}

/** Lianes › Paramètres › Dupliquer une règle… */
export function menuDupliquerRegle(): void {
  const ui = SpreadsheetApp.getUi();
  const title = "Dupliquer une règle";
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheets = ruleSheets(spreadsheet);
  const inWorkbook = sheets.map((s) => s.getName().slice(RULE_SHEET_PREFIX.length));
  const shipped = ruleTemplates()
    .map((t) => t.id)
    .filter((id) => !inWorkbook.some((w) => w.toUpperCase() === id));
  const answer = ask(
    ui,
    title,
    `Règles de ce classeur :\n${
      sheets.map((sheet, i) => `• ${inWorkbook[i]}${nameOf(sheet)}`).join("\n") || "aucune"
    }\nModèles livrés : ${shipped.join(", ")}\n\nRègle à dupliquer :`,
  );
  if (answer === undefined) return;
  const wanted = answer.toUpperCase();
  const sheet = sheets.find(
    (s) => s.getName().slice(RULE_SHEET_PREFIX.length).trim().toUpperCase() === wanted,
  );
  let source: RuleSource | undefined;
  if (sheet) {
    const read = readRuleSheet(sheet.getDataRange().getValues(), sheet.getName());
    if ("problems" in read) {
      ui.alert(
        title,
        `La règle « ${sheet.getName()} » a ${read.problems.length > 1 ? `${read.problems.length} problèmes` : "un problème"} ; corrigez-la avant de la dupliquer :\n${read.problems
          .map((p) => `• ${p}`)
          .join("\n")}`,
        ui.ButtonSet.OK,
      );
      return;
    }
    source = read;
  } else {
    source = ruleTemplates().find((t) => t.id === wanted);
  }
  if (!source) {
    ui.alert(
      title,
      `Règle inconnue « ${answer} » — règles de ce classeur : ${inWorkbook.join(", ") || "aucune"} ; modèles livrés : ${shipped.join(", ")}. Rien n'a été créé.`,
      ui.ButtonSet.OK,
    );
    return;
  }
  const id = askNewId(ui, spreadsheet, title, suggestedCopyId(source.id));
  if (!id) return;
  writeRuleSheet(spreadsheet, source.plan(id));
}

function namedRangesOf(spreadsheet: Spreadsheet): NamedRangeInfo[] {
  return spreadsheet.getNamedRanges().map((n) => {
    const range = n.getRange();
    return { name: n.getName(), sheetName: range.getSheet().getName(), a1: range.getA1Notation() };
  });
}

/** Lianes › Paramètres › Vérifier les paramètres */
export function menuVerifierParametres(): void {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  let namedRanges: NamedRangeInfo[];
  try {
    namedRanges = namedRangesOf(spreadsheet);
  } catch (error) {
    // A named range whose sheet was deleted: report it, check the rest.
    namedRanges = [];
    console.warn(`Plages nommées illisibles : ${errorMessage(error)}`);
  }
  // Only the settings sheets are read (never a large responses sheet), each once.
  const result = verifySettings(
    spreadsheet
      .getSheets()
      .filter((s) => checkerFor(s.getName()) !== undefined)
      .map((s) => ({ name: s.getName(), values: s.getDataRange().getValues() })),
    namedRanges,
  );
  const report = verifyReport(result);
  ui.alert(report.title, report.message, ui.ButtonSet.OK);
}
