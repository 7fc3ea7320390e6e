/**
 * EXPLOR Auvergne-Rhône-Alpes (RESACOOP, DOMAIN.md §3): 50 % of the expert's travel costs,
 * no per-category ceiling, no mission cap; the association pays the rest plus 200 € a mission.
 */
import type { RuleSetDefinition } from "./schema";

export const EXPLOR_AURA: RuleSetDefinition = {
  id: "EXPLOR-AURA",
  label: "EXPLOR Auvergne-Rhône-Alpes (RESACOOP)",
  source: "l'appel RESACOOP",
  categories: [
    {
      key: "avion",
      label: "Transport national et international",
      aliases: ["Avion", "Avion + transport du domicile à l'aéroport", "Transport", "Billet d'avion", "Vol"],
      ceiling: { kind: "none" },
    },
    {
      key: "transports_locaux",
      label: "Transports locaux",
      aliases: ["Taxi", "Location de véhicule", "Chauffeur", "Transport en commun", "Bus"],
      ceiling: { kind: "none" },
    },
    {
      key: "per_diem",
      label: "Per diem",
      aliases: ["Indemnité journalière"],
      daily: true,
      proof: "flat",
      ceiling: { kind: "none" },
    },
    { key: "visa", label: "Visa", aliases: ["Frais de visa"], ceiling: { kind: "none" } },
    {
      key: "hebergement",
      label: "Hébergement",
      aliases: ["Nuitée", "Hôtel", "Logement"],
      ceiling: { kind: "none" },
    },
    {
      key: "vaccins",
      label: "Vaccins et médicaments",
      aliases: ["Vaccins"],
      ceiling: { kind: "notCovered" },
    },
    {
      key: "assurance",
      label: "Assurance",
      aliases: ["Assurance Assur Travel"],
      ceiling: { kind: "none" },
    },
  ],
  shareRate: 0.5,
  fixedFee: 200,
  durationDays: { min: 7, max: 15 },
};
