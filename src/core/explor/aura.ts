/**
 * EXPLOR Auvergne-Rhône-Alpes (RESACOOP, DOMAIN.md §3): 50 % of the expert's travel costs,
 * no per-category ceiling, no mission cap; the association pays the rest plus 200 € a mission.
 */
import type { RuleSetDefinition } from "./schema";

export const EXPLOR_AURA: RuleSetDefinition = {
  id: "EXPLOR-AURA",
  label: "EXPLOR Auvergne-Rhône-Alpes (RESACOOP)",
  categories: [
    {
      key: "avion",
      label: "Transport national et international",
      aliases: ["Avion", "Avion + transport du domicile à l'aéroport", "Transport"],
      ceiling: { kind: "none" },
    },
    {
      key: "transports_locaux",
      label: "Transports locaux",
      aliases: [],
      ceiling: { kind: "none" },
    },
    { key: "per_diem", label: "Per diem", aliases: [], daily: true, ceiling: { kind: "none" } },
    { key: "visa", label: "Visa", aliases: [], ceiling: { kind: "none" } },
    { key: "hebergement", label: "Hébergement", aliases: [], ceiling: { kind: "none" } },
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
