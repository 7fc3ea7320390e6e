/**
 * The `Lianes` menu. Built in `onOpen`, which may run in AuthMode.NONE: it only builds the
 * menu and touches no document, property or other service.
 */
export interface MenuItem {
  readonly caption: string;
  /** The global entry point the item calls. */
  readonly functionName: string;
}

/** A submenu (`Lianes › Paramètres › …`). */
export interface SubMenu {
  readonly caption: string;
  readonly items: readonly MenuEntry[];
}

export type MenuEntry = MenuItem | SubMenu | "separator";

export const MENU_TITLE = "Lianes";

/** `Lianes › Courriers`: letters to applicants and documents (Google Docs and PDF). */
export const LETTERS_MENU: SubMenu = {
  caption: "Courriers",
  items: [
    { caption: "Préparer les courriers", functionName: "menuPreparerCourriers" },
    { caption: "Envoyer les courriers cochés", functionName: "menuEnvoyerCourriers" },
    "separator",
    { caption: "Lettre de décision (ligne sélectionnée)", functionName: "menuLettreDecision" },
    { caption: "Annexe financière de la convention…", functionName: "menuAnnexeFinanciere" },
  ],
};

/**
 * `Lianes › Paramètres`: the workbook's own definitions (funding rules; calls and conventions
 * add their items here). `Vérifier les paramètres` stays last.
 */
export const SETTINGS_MENU: SubMenu = {
  caption: "Paramètres",
  items: [
    { caption: "Nouvelle règle de financement…", functionName: "menuNouvelleRegle" },
    { caption: "Dupliquer une règle…", functionName: "menuDupliquerRegle" },
    "separator",
    { caption: "Dupliquer un appel…", functionName: "menuDupliquerAppel" },
    { caption: "Nouvel appel…", functionName: "menuNouvelAppel" },
    "separator",
    { caption: "Nouvelle convention…", functionName: "menuNouvelleConvention" },
    "separator",
    { caption: "Vérifier les paramètres", functionName: "menuVerifierParametres" },
  ],
};

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
  LETTERS_MENU,
  "separator",
  SETTINGS_MENU,
  { caption: "Diagnostic", functionName: "menuDiagnostic" },
  { caption: "Aide", functionName: "menuAide" },
];

/** Every clickable item, submenus included, in menu order. */
export function menuItems(entries: readonly MenuEntry[] = MENU): MenuItem[] {
  return entries.flatMap((entry) => {
    if (entry === "separator") return [];
    return "items" in entry ? menuItems(entry.items) : [entry];
  });
}

function addEntries(
  ui: GoogleAppsScript.Base.Ui,
  menu: GoogleAppsScript.Base.Menu,
  entries: readonly MenuEntry[],
): void {
  for (const entry of entries) {
    if (entry === "separator") menu.addSeparator();
    else if ("items" in entry) {
      const submenu = ui.createMenu(entry.caption);
      addEntries(ui, submenu, entry.items);
      menu.addSubMenu(submenu);
    } else menu.addItem(entry.caption, entry.functionName);
  }
}

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createMenu(MENU_TITLE);
  addEntries(ui, menu, MENU);
  menu.addToUi();
}

/** When the add-on has just been installed: the same menu (Apps Script calls onInstall, not onOpen). */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
