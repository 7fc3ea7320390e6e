/**
 * The `Lianes` menu. Built in `onOpen`, which may run in AuthMode.NONE: it only builds the
 * menu and touches no document, property or other service.
 */
export interface MenuItem {
  readonly caption: string;
  /** The global entry point the item calls. */
  readonly functionName: string;
}

/** A submenu: `Lianes › Jury › …`. */
export interface SubMenu {
  readonly caption: string;
  readonly items: readonly MenuItem[];
}

export type MenuEntry = MenuItem | SubMenu | "separator";

export const MENU_TITLE = "Lianes";

export const MENU: readonly MenuEntry[] = [
  { caption: "Nouvelle mission EXPLOR", functionName: "menuNouvelleMissionExplor" },
  { caption: "Calculateur EXPLOR", functionName: "menuCalculateurExplor" },
  { caption: "Budget de convention…", functionName: "menuBudgetConvention" },
  { caption: "Plan de financement (panneau)…", functionName: "menuPlanFinancement" },
  "separator",
  { caption: "Créer le formulaire…", functionName: "menuCreerFormulaire" },
  { caption: "Synchroniser les candidatures", functionName: "menuSynchroniserCandidatures" },
  { caption: "Tableau des candidatures", functionName: "menuTableauCandidatures" },
  { caption: "Effacer les données d'un candidat…", functionName: "menuEffacerCandidat" },
  {
    caption: "Jury",
    items: [
      { caption: "Préparer le jury…", functionName: "menuPreparerJury" },
      { caption: "Évaluations manquantes", functionName: "menuEvaluationsManquantes" },
    ],
  },
  "separator",
  { caption: "Diagnostic", functionName: "menuDiagnostic" },
  { caption: "Aide", functionName: "menuAide" },
];

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createMenu(MENU_TITLE);
  for (const entry of MENU) {
    if (entry === "separator") menu.addSeparator();
    else if ("items" in entry) {
      const submenu = ui.createMenu(entry.caption);
      for (const item of entry.items) submenu.addItem(item.caption, item.functionName);
      menu.addSubMenu(submenu);
    } else menu.addItem(entry.caption, entry.functionName);
  }
  menu.addToUi();
}

/** When the add-on has just been installed: the same menu (Apps Script calls onInstall, not onOpen). */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
