/**
 * EXPLOR Hauts-de-France 2025, Annexe 2 of the call (DOMAIN.md §2). Ceilings are per category
 * and per mission; the aliases are the words of Annexe 2's own comments and the usual names of
 * a receipt line; `proof` says who proves the expense (Lianes buys the flight and the insurance,
 * the per diem is flat, the rest is reimbursed on receipts).
 */
import type { RuleSetDefinition } from "./schema";

export const EXPLOR_HDF_2025: RuleSetDefinition = {
  id: "EXPLOR-HDF-2025",
  label: "EXPLOR Hauts-de-France 2025 (Annexe 2)",
  source: "Annexe 2",
  categories: [
    {
      key: "avion",
      label: "Avion + transport du domicile à l'aéroport",
      aliases: [
        "Billet d'avion",
        "Vol",
        "Vol international",
        "Boarding pass",
        "Carte d'embarquement",
        "Train pour l'aéroport",
        "Train vers l'aéroport",
        "Transport vers l'aéroport",
        "Navette aéroport",
      ],
      proof: "programme",
      ceiling: { kind: "fixed", amount: 1500 },
    },
    {
      key: "transports_locaux",
      label: "Transports locaux",
      aliases: [
        "Location d'un véhicule",
        "Location de véhicule",
        "Location de voiture",
        "Chauffeur",
        "Taxi",
        "Moto-taxi",
        "Transport en commun",
        "Bus",
        "Carburant",
        "Essence",
        "Déplacements locaux",
      ],
      proof: "receipt",
      ceiling: { kind: "fixed", amount: 200 },
    },
    {
      key: "per_diem",
      label: "Per diem",
      aliases: ["Indemnité journalière", "Forfait journalier", "Frais de séjour"],
      daily: true,
      proof: "flat",
      ceiling: { kind: "perDay", rate: 15, maxDays: 15 },
    },
    {
      key: "visa",
      label: "Visa",
      aliases: ["Frais de visa", "E-visa", "Visa d'entrée"],
      proof: "receipt",
      ceiling: { kind: "fixed", amount: 60 },
    },
    {
      key: "hebergement",
      label: "Hébergement",
      aliases: ["Nuitée", "Hôtel", "Logement", "Chambre d'hôtel", "Auberge", "Nuit d'hôtel"],
      proof: "receipt",
      ceiling: { kind: "fixed", amount: 300 },
    },
    {
      key: "vaccins",
      label: "Vaccins et médicaments",
      aliases: ["Vaccination", "Pharmacie", "Antipaludéen", "Traitement antipaludéen"],
      proof: "receipt",
      ceiling: { kind: "fixed", amount: 80 },
    },
    {
      key: "assurance",
      label: "Assurance Assur Travel",
      aliases: ["Assurance", "Assur Travel", "Assurance voyage", "Assurance rapatriement"],
      proof: "programme",
      ceiling: { kind: "fixed", amount: 52 },
    },
  ],
  missionCap: 2000,
  shareRate: 0.5,
  maxContribution: 1000,
  fixedFee: 0,
  durationDays: { min: 7, max: 15 },
};
