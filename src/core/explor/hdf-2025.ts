/** EXPLOR Hauts-de-France 2025, Annexe 2 of the call (DOMAIN.md §2). */
import type { RuleSetDefinition } from "./schema";

export const EXPLOR_HDF_2025: RuleSetDefinition = {
  id: "EXPLOR-HDF-2025",
  label: "EXPLOR Hauts-de-France 2025 (Annexe 2)",
  categories: [
    {
      key: "avion",
      label: "Avion + transport du domicile à l'aéroport",
      aliases: ["Avion"],
      ceiling: { kind: "fixed", amount: 1500 },
    },
    {
      key: "transports_locaux",
      label: "Transports locaux",
      aliases: [],
      ceiling: { kind: "fixed", amount: 200 },
    },
    {
      key: "per_diem",
      label: "Per diem",
      aliases: [],
      daily: true,
      ceiling: { kind: "perDay", rate: 15, maxDays: 15 },
    },
    { key: "visa", label: "Visa", aliases: [], ceiling: { kind: "fixed", amount: 60 } },
    {
      key: "hebergement",
      label: "Hébergement",
      aliases: [],
      ceiling: { kind: "fixed", amount: 300 },
    },
    {
      key: "vaccins",
      label: "Vaccins et médicaments",
      aliases: ["Vaccins"],
      ceiling: { kind: "fixed", amount: 80 },
    },
    {
      key: "assurance",
      label: "Assurance Assur Travel",
      aliases: ["Assurance"],
      ceiling: { kind: "fixed", amount: 52 },
    },
  ],
  missionCap: 2000,
  shareRate: 0.5,
  maxContribution: 1000,
  fixedFee: 0,
  durationDays: { min: 7, max: 15 },
};
