/** Every global the platform or the UI calls, besides the custom functions. */

import { type EntryPointSpec, entryPoint } from "./functions/registry";
import { menuBudgetConvention, menuNouvelleConvention } from "./menus/convention";
import { menuDiagnostic } from "./menus/diagnostic";
import { menuSynchroniserCandidatures, onFormSubmitLianes } from "./menus/dispatch";
import { menuAnnexeFinanciere, menuLettreDecision } from "./menus/documents/actions";
import { menuAide } from "./menus/help";
import { FORM_SUBMIT_HANDLER, menuCreerFormulaire } from "./menus/intake/actions";
import { menuEffacerCandidat } from "./menus/intake/erase";
import { menuEvaluationsManquantes, menuPreparerJury } from "./menus/jury/actions";
import { menuEnvoyerCourriers, menuPreparerCourriers } from "./menus/letters/actions";
import { onInstall, onOpen } from "./menus/menu";
import { menuNouvelleMissionExplor } from "./menus/mission";
import { menuDupliquerRegle, menuNouvelleRegle, menuVerifierParametres } from "./menus/settings/actions";
import { menuDupliquerAppel, menuNouvelAppel } from "./menus/settings/calls";
import {
  menuCalculateurExplor,
  serverInsererDecompte,
  serverRemplirFeuilleMission,
} from "./ui/calculateur-explor/server";
import { serverTauxInfoEuro } from "./ui/calculateur-explor/server-infoeuro";
import {
  menuTableauCandidatures,
  serverCandidatureEnregistrer,
  serverCandidatureSuivante,
  serverCandidaturesAppels,
  serverCandidaturesTableau,
} from "./ui/candidatures/server";
import {
  menuPlanFinancement,
  serverChargesPlanFinancement,
  serverEcrirePlanFinancement,
} from "./ui/plan-financement/server";

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
    run: onInstall,
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
    name: "menuNouvelleConvention",
    summary:
      "Lianes › Paramètres › Nouvelle convention… : feuille « Convention <identifiant> » d'après un modèle ou vierge.",
    params: [],
    run: menuNouvelleConvention,
  }),
  entryPoint({
    name: "menuCreerFormulaire",
    summary:
      "Lianes › Créer le formulaire… : crée ou met à jour le formulaire d'un appel, lié à ce classeur.",
    params: [],
    run: menuCreerFormulaire,
  }),
  entryPoint({
    name: "menuDupliquerAppel",
    summary:
      "Lianes › Paramètres › Dupliquer un appel… : écrit la feuille « Appel <identifiant> » d'un nouvel appel, copie d'un appel livré ou du classeur.",
    params: [],
    run: menuDupliquerAppel,
  }),
  entryPoint({
    name: "menuNouvelAppel",
    summary:
      "Lianes › Paramètres › Nouvel appel… : écrit la feuille « Appel <identifiant> » d'un appel vierge.",
    params: [],
    run: menuNouvelAppel,
  }),
  entryPoint({
    name: "menuSynchroniserCandidatures",
    summary:
      "Lianes › Synchroniser les candidatures : met à jour la feuille d'instruction, la synthèse et, s'il y a un jury, " +
      "sa liste de candidatures et ses colonnes.",
    params: [],
    run: menuSynchroniserCandidatures,
  }),
  entryPoint({
    name: "menuEffacerCandidat",
    summary:
      "Lianes › Effacer les données d'un candidat… : remplace les données personnelles d'une candidature (RGPD) " +
      "dans les feuilles de réponses, d'instruction et de synthèse, et supprime sa réponse du formulaire.",
    params: [],
    run: menuEffacerCandidat,
  }),
  entryPoint({
    name: "menuPreparerCourriers",
    summary:
      "Lianes › Courriers › Préparer les courriers : ajoute à la feuille Courriers un courrier « à relire » " +
      "par candidature dont le statut en appelle un et qui ne l'a pas encore.",
    params: [],
    run: menuPreparerCourriers,
  }),
  entryPoint({
    name: "menuEnvoyerCourriers",
    summary:
      "Lianes › Courriers › Envoyer les courriers cochés : envoie les lignes cochées de Courriers (MailApp), " +
      "chacune marquée « envoyé le … » dès son envoi.",
    params: [],
    run: menuEnvoyerCourriers,
  }),
  entryPoint({
    name: "menuLettreDecision",
    summary:
      "Lianes › Courriers › Lettre de décision (ligne sélectionnée) : Google Doc et PDF de la lettre de " +
      "décision de la candidature sélectionnée.",
    params: [],
    run: menuLettreDecision,
  }),
  entryPoint({
    name: "menuAnnexeFinanciere",
    summary:
      "Lianes › Courriers › Annexe financière de la convention… : Google Doc et PDF de l'annexe financière " +
      "(article 4, budget, plan de financement).",
    params: [],
    run: menuAnnexeFinanciere,
  }),
  entryPoint({
    name: "menuNouvelleRegle",
    summary:
      "Lianes › Paramètres › Nouvelle règle de financement… : écrit une feuille « Règle <identifiant> » " +
      "depuis un modèle livré ou vierge, et sa plage nommée REGLE_<IDENTIFIANT>.",
    params: [],
    run: menuNouvelleRegle,
  }),
  entryPoint({
    name: "menuDupliquerRegle",
    summary:
      "Lianes › Paramètres › Dupliquer une règle… : copie une règle du classeur (ou un modèle) sous un autre identifiant.",
    params: [],
    run: menuDupliquerRegle,
  }),
  entryPoint({
    name: "menuVerifierParametres",
    summary:
      "Lianes › Paramètres › Vérifier les paramètres : liste chaque problème des feuilles de paramètres (feuille, cellule, valeur).",
    params: [],
    run: menuVerifierParametres,
  }),
  entryPoint({
    name: "menuPreparerJury",
    summary:
      "Lianes › Jury › Préparer le jury… : crée la feuille Jury <appel> (membres) et le formulaire d'évaluation " +
      "construit depuis les critères de l'appel.",
    params: [],
    run: menuPreparerJury,
  }),
  entryPoint({
    name: "menuEvaluationsManquantes",
    summary:
      "Lianes › Jury › Évaluations manquantes : compte les évaluations et liste, par membre, ce qui reste à évaluer, " +
      "avec le texte d'une relance.",
    params: [],
    run: menuEvaluationsManquantes,
  }),
  entryPoint({
    name: "menuAide",
    summary:
      "Lianes › Aide : ouvre le panneau d'aide, ce que fait chaque entrée du menu et le lien vers le guide.",
    params: [],
    run: menuAide,
  }),
  entryPoint({
    name: "menuDiagnostic",
    summary:
      "Lianes › Diagnostic : vérifie sur les services de Google, avec une feuille et un formulaire temporaires " +
      "aussitôt supprimés, ce que le module suppose de la plateforme ; écrit la feuille Diagnostic. " +
      "À lancer une fois après le premier déploiement (aussi depuis l'éditeur Apps Script).",
    params: [],
    run: menuDiagnostic,
  }),
  entryPoint({
    name: FORM_SUBMIT_HANDLER,
    summary:
      "Déclencheur d'envoi de formulaire : ajoute la candidature à la feuille d'instruction, " +
      "ou compte l'évaluation d'un membre du jury.",
    params: ["e"],
    run: onFormSubmitLianes,
  }),
  entryPoint({
    name: "serverTauxInfoEuro",
    summary:
      "Panneau Calculateur EXPLOR : taux InfoEuro d'une devise pour un mois (cache, document ou InfoEuro).",
    params: ["devise", "mois"],
    run: serverTauxInfoEuro,
  }),
  entryPoint({
    name: "menuCalculateurExplor",
    summary: "Lianes › Calculateur EXPLOR : ouvre le panneau du calculateur de mission EXPLOR.",
    params: [],
    run: menuCalculateurExplor,
  }),
  entryPoint({
    name: "serverInsererDecompte",
    summary: "Panneau Calculateur EXPLOR : écrit le décompte de la mission à partir de la cellule active.",
    params: ["demande"],
    run: serverInsererDecompte,
  }),
  entryPoint({
    name: "serverRemplirFeuilleMission",
    summary: "Panneau Calculateur EXPLOR : crée une feuille de mission remplie avec ces dépenses.",
    params: ["demande"],
    run: serverRemplirFeuilleMission,
  }),
  entryPoint({
    name: "menuTableauCandidatures",
    summary: "Lianes › Tableau des candidatures : ouvre le panneau d'instruction des candidatures.",
    params: [],
    run: menuTableauCandidatures,
  }),
  entryPoint({
    name: "serverCandidaturesAppels",
    summary: "Panneau Candidatures : les appels qui ont une feuille d'instruction dans ce classeur.",
    params: [],
    run: serverCandidaturesAppels,
  }),
  entryPoint({
    name: "serverCandidaturesTableau",
    summary: "Panneau Candidatures : effectifs par statut et candidature de la ligne sélectionnée.",
    params: ["demande"],
    run: serverCandidaturesTableau,
  }),
  entryPoint({
    name: "serverCandidatureEnregistrer",
    summary:
      "Panneau Candidatures : écrit statut, instructeur, notes, décision et commentaire d'une candidature.",
    params: ["demande"],
    run: serverCandidatureEnregistrer,
  }),
  entryPoint({
    name: "serverCandidatureSuivante",
    summary: "Panneau Candidatures : sélectionne la candidature suivante « À instruire ».",
    params: ["demande"],
    run: serverCandidatureSuivante,
  }),
  entryPoint({
    name: "menuPlanFinancement",
    summary: "Lianes › Plan de financement (panneau)… : ouvre le panneau du plan de financement.",
    params: [],
    run: menuPlanFinancement,
  }),
  entryPoint({
    name: "serverChargesPlanFinancement",
    summary:
      "Panneau Plan de financement : dépenses de la plage sélectionnée (catégorie, montant) ou du budget de la convention.",
    params: [],
    run: serverChargesPlanFinancement,
  }),
  entryPoint({
    name: "serverEcrirePlanFinancement",
    summary: "Panneau Plan de financement : vérifie le plan et l'écrit à partir de la cellule active.",
    params: ["plan"],
    run: serverEcrirePlanFinancement,
  }),
];
