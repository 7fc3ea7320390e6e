/**
 * The `Lianes` menu. Built in `onOpen`, which may run in AuthMode.NONE: it only builds the
 * menu and touches no document, property or other service.
 */
export interface MenuItem {
  readonly caption: string;
  /** The global entry point the item calls. */
  readonly functionName: string;
}

/** A submenu (`Lianes › Courriers › …`): items only. */
export interface SubMenu {
  readonly caption: string;
  readonly items: readonly MenuItem[];
}

export type MenuEntry = MenuItem | SubMenu | "separator";

/** Every item of the menu, submenus' included, in order. */
export function menuItems(entries: readonly MenuEntry[] = MENU): MenuItem[] {
  return entries.flatMap((e) => (e === "separator" ? [] : "items" in e ? [...e.items] : [e]));
}

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
    caption: "Courriers",
    items: [
      { caption: "Préparer les courriers", functionName: "menuPreparerCourriers" },
      { caption: "Envoyer les courriers cochés", functionName: "menuEnvoyerCourriers" },
      { caption: "Lettre de décision (ligne sélectionnée)", functionName: "menuLettreDecision" },
      { caption: "Annexe financière de la convention…", functionName: "menuAnnexeFinanciere" },
    ],
  },
];

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createMenu(MENU_TITLE);
  for (const entry of MENU) {
    if (entry === "separator") menu.addSeparator();
    else if ("items" in entry) {
      const sub = ui.createMenu(entry.caption);
      for (const item of entry.items) sub.addItem(item.caption, item.functionName);
      menu.addSubMenu(sub);
    } else menu.addItem(entry.caption, entry.functionName);
  }
  menu.addToUi();
}
