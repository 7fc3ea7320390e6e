/**
 * Convention 2024 with the Département du Pas-de-Calais (deliberation of the Commission permanente of 14/10/2024 and the programme annexed to it):
 * the budget table of "Aspects pratiques / Budget", the plan of "Financement du projet", the
 * "part du programme" block and Articles 4–5. DOMAIN.md §4.
 */
import type { ConventionDefinition } from "./schema";

const RH = "Coûts RH";
const TRANSPORT = "Frais de transport et fournitures";
const DESIGN = "Graphisme et fabrication des outils PAM (prestation externe)";
const OVERHEADS = "Administratif et coûts indirects";

export const CD62_2024: ConventionDefinition = {
  id: "CD62-2024",
  label: "Département du Pas-de-Calais — accompagnement 2024",
  year: 2024,
  funder: { name: "CD62", label: "Département du Pas-de-Calais" },
  sheets: { budget: "Budget CD62", plan: "Plan de financement", report: "Bilan" },
  categories: [RH, TRANSPORT, DESIGN, OVERHEADS],
  lines: [
    {
      type: "ACC projet de mobilité",
      quantity: 8,
      unit: "porteur",
      total: 1066.52,
      description: "6 AAP 2024 + 2 prévisions dépôt 2025",
      category: RH,
    },
    {
      type: "Appui-conseil porteurs",
      quantity: 6,
      unit: "porteur",
      total: 399.95,
      description: "Réponse et orientation des structures intéressées par les dispositifs",
      category: RH,
    },
    {
      type: "PAM (modules 2025)",
      quantity: 7,
      unit: "module",
      total: 1088.74,
      description:
        "Création du contenu des modules qui seront mis en œuvre en 2025 (déroulé pédagogique des séances)",
      category: RH,
    },
    {
      type: "ACC projet jumelage",
      quantity: 4,
      unit: "porteur",
      total: 444.38,
      description: "2 accompagnements au dépôt 2024 et 2 en prévision d'un dépôt 2025",
      category: RH,
    },
    {
      type: "MAJ de la base de données des jumelages du PdC",
      quantity: 1,
      unit: "forfait",
      total: 866.55,
      description: "Etablissement d'un listing des jumelages actifs + contacts directs",
      category: RH,
    },
    {
      type: "ACC collectif lauréats 2024 – suivi/évaluation",
      quantity: 1,
      unit: "journée",
      total: 825.23,
      description: "Session d'accompagnement en collectif à destination des lauréats 2024",
      category: RH,
    },
    {
      type: "Développement d'outils PAM",
      quantity: 1,
      unit: "unité",
      total: 3400,
      description:
        "Travail de conception des outils (interne à Lianes) utilisés au cours de l'animation, graphisme et fabrication (prestation externe)",
      split: [
        { category: RH, amount: 2000 },
        { category: DESIGN, amount: 1400 },
      ],
    },
    {
      type: "Dynamiques partenariale et territoriale",
      quantity: 1,
      unit: "forfait",
      total: 670.5,
      description: "Appui au remaniement des dispositifs et valorisation de ceux-ci",
      category: RH,
    },
    {
      type: "Déplacements & fournitures",
      quantity: 1,
      unit: "forfait",
      total: 200,
      description:
        "Frais de déplacements lors des accompagnements et petit matériel nécessaires pour la mise en place de ces temps (ex : papeterie)",
      category: TRANSPORT,
    },
    {
      type: "Administratif et coûts indirects",
      quantity: 1,
      unit: "forfait",
      total: 2140,
      description: "Frais support de fonctionnement de Lianes (locaux, suivi de convention RAF)",
      category: OVERHEADS,
    },
    {
      type: "Coordination globale",
      quantity: 1,
      unit: "forfait",
      total: 777.67,
      description:
        "Coordination de l'ensemble des chargés de mission mobilisés pour la réalisation des actions",
      category: RH,
    },
  ],
  funders: [
    { kind: "solde", name: "CD62" },
    { kind: "fixed", name: "RECITAL", amount: 2000 },
  ],
  networkBudget: { label: "Budget global Lianes 2024", income: 702190, expenses: 742635 },
  subsidy: 9879.54,
  forecastTotal: 11879.54,
};
