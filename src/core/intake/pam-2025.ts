/**
 * Registration to the 2025 mobility-project support path (PAM, « Le parcours d'accompagnement aux projets de mobilité » in the programme annexed to the CD62
 * deliberation of 14/10/2024): the online
 * questionnaire of project ideas, 8 holders per session, chosen on three criteria.
 */
import type { CallDefinition } from "./call-schema";

export const PAM_2025: CallDefinition = {
  id: "PAM-2025",
  title: "Parcours d'accompagnement aux projets de mobilité (PAM) 2025 – inscription",
  description:
    "Le Département du Pas-de-Calais et Lianes coopération proposent gratuitement un parcours de 7 modules sur 6 mois à 8 porteurs de projets de mobilité collective de jeunes, en Europe ou à l'international. Présentez votre idée de projet : les porteurs accompagnés sont choisis d'un commun accord entre Lianes et le Département.",
  opensAt: "2024-10-15T00:00:00+02:00",
  closesAt: "2024-12-06T23:59:59+01:00",
  capacity: 8,
  // Personal data (RGPD), erased on request: every free-text answer (the holder's name, the
  // structure, e-mail, telephone, the idea and its reasons, past projects, partners, the age
  // range as typed). Kept: the choices (role, destination, yes/no, the group's state).
  questions: [
    { id: "porteurNom", label: "Nom et prénom", type: "shortText", required: true, personal: true },
    { id: "structureNom", label: "Nom de la structure", type: "shortText", required: true, personal: true },
    {
      id: "porteurRole",
      label: "Vous êtes",
      type: "singleChoice",
      required: true,
      choices: ["Bénévole", "Salarié·e", "Agent·e d'une collectivité", "Autre"],
    },
    { id: "contactEmail", label: "Adresse e-mail", type: "email", required: true, personal: true },
    { id: "contactTelephone", label: "Téléphone", type: "shortText", required: false, personal: true },
    {
      id: "ideeQuoi",
      label: "Votre idée de projet : quoi ?",
      type: "paragraph",
      required: true,
      personal: true,
      validation: { kind: "maxLength", max: 2000, message: "2 000 caractères au plus." },
    },
    {
      id: "ideePourquoi",
      label: "Pourquoi ce projet ?",
      type: "paragraph",
      required: true,
      personal: true,
      validation: { kind: "maxLength", max: 2000, message: "2 000 caractères au plus." },
    },
    {
      id: "destination",
      label: "Projet plutôt en Europe ou à l'international ?",
      type: "singleChoice",
      required: true,
      choices: ["En Europe", "À l'international", "Pas encore décidé"],
    },
    {
      id: "experienceMobilite",
      label: "Avez-vous déjà élaboré un projet de mobilité ?",
      type: "yesNo",
      required: true,
    },
    {
      id: "experienceDetail",
      label: "Si oui, lequel ?",
      type: "paragraph",
      required: false,
      personal: true,
    },
    {
      id: "groupeJeunes",
      label: "Le groupe de jeunes est-il déjà connu ou constitué ?",
      type: "singleChoice",
      required: true,
      choices: ["Oui, il est constitué", "Il est connu, pas encore constitué", "Non"],
    },
    {
      id: "trancheAge",
      label: "Tranche d'âge des jeunes",
      help: "Par exemple : 16–25 ans.",
      type: "shortText",
      required: false,
      personal: true,
    },
    {
      id: "partenariatExistant",
      label: "Avez-vous déjà un partenariat pour ce projet ?",
      type: "yesNo",
      required: true,
    },
    {
      id: "partenariatDetail",
      label: "Si oui, avec qui ?",
      type: "paragraph",
      required: false,
      personal: true,
    },
  ],
  eligibility: {},
  review: {
    sheetName: "Candidatures PAM-2025",
    applicant: { question: "structureNom", header: "Structure" },
    email: "contactEmail",
    criteria: [
      { id: "coherence", label: "Cohérence de l'idée de projet", weight: 1 },
      { id: "maturite", label: "Niveau de maturité du projet", weight: 1 },
      { id: "experience", label: "Expérience du porteur", weight: 1 },
    ],
    shownAnswers: ["porteurNom", "destination", "experienceMobilite", "groupeJeunes", "partenariatExistant"],
    maxScore: 5,
  },
  confirmationMessage:
    "Merci, votre idée de projet est enregistrée. Lianes coopération et le Département choisissent les porteurs accompagnés début décembre, pour la session de janvier.",
  // A registration is acknowledged: the trigger prepares the letter in `Courriers` (never sends it).
  letters: { name: "PAM 2025", contact: "porteurNom", acknowledgement: true },
};
