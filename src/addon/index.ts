/** Every global the platform or the UI calls, besides the custom functions. */
import { type EntryPointSpec, entryPoint } from "../functions/registry";
import { menuBudgetConvention } from "./convention-sheets";
import { serverTauxInfoEuro } from "./infoeuro";
import { FORM_SUBMIT_HANDLER, menuCreateForm, menuSyncApplications, onFormSubmit } from "./intake/actions";
import { onOpen } from "./menu";
import { menuNouvelleMissionExplor } from "./mission-sheet";

export const entryPoints: readonly EntryPointSpec[] = [
  entryPoint({
    name: "onOpen",
    summary: "Ajoute le menu Lianes à l'ouverture du classeur (sans autorisation : AuthMode.NONE).",
    params: ["e"],
    run: onOpen,
  }),
  entryPoint({
    name: "onInstall",
    summary: "Ajoute le menu Lianes quand le module complémentaire vient d'être installé.",
    params: ["e"],
    run: onOpen,
  }),
  entryPoint({
    name: "menuNouvelleMissionExplor",
    summary: "Lianes › Nouvelle mission EXPLOR : ajoute une feuille de mission prête à remplir.",
    params: [],
    run: menuNouvelleMissionExplor,
  }),
  entryPoint({
    name: "menuBudgetConvention",
    summary: "Lianes › Budget de convention… : budget, plan de financement et bilan d'une convention.",
    params: [],
    run: menuBudgetConvention,
  }),
  entryPoint({
    name: "menuCreerFormulaire",
    summary:
      "Lianes › Créer le formulaire… : crée ou met à jour le formulaire d'un appel, lié à ce classeur.",
    params: [],
    run: menuCreateForm,
  }),
  entryPoint({
    name: "menuSynchroniserCandidatures",
    summary: "Lianes › Synchroniser les candidatures : met à jour la feuille d'instruction.",
    params: [],
    run: menuSyncApplications,
  }),
  entryPoint({
    name: FORM_SUBMIT_HANDLER,
    summary: "Déclencheur d'envoi de formulaire : ajoute la candidature à la feuille d'instruction.",
    params: ["e"],
    run: onFormSubmit,
  }),
  entryPoint({
    name: "serverTauxInfoEuro",
    summary:
      "Panneau Calculateur EXPLOR : taux InfoEuro d'une devise pour un mois (cache, document ou InfoEuro).",
    params: ["devise", "mois"],
    run: serverTauxInfoEuro,
  }),
];
