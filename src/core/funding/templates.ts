/**
 * The three funds of the RECITAL-ODD programme that Lianes passes on to associations
 * (seed 001, « Le programme RECITAL-ODD » ; DOMAIN.md §6), shipped as data templates.
 */
import type { FundingRule } from "./schema";

/** Fonds territoriaux Récital: 70 % of the initiative's total cost, 500 € to 3 000 €, one calendar year. */
export const RECITAL_FT: FundingRule = {
  id: "RECITAL-FT",
  name: "Fonds territoriaux Récital",
  type: "taux",
  rate: 0.7,
  minAid: 500,
  maxAid: 3000,
};

/** Fonds Projets structurants: 3-year ECSI projects, 70 % of the total cost, at most 5 000 € a year. */
export const RECITAL_PS: FundingRule = {
  id: "RECITAL-PS",
  name: "Fonds Projets structurants",
  type: "taux annuel",
  rate: 0.7,
  maxPerYear: 5000,
  years: 3,
};

/** Tandems solidaires: 600 € per tandem (an association and a school) for a school year. */
export const RECITAL_TANDEM: FundingRule = {
  id: "RECITAL-TANDEM",
  name: "Tandems solidaires",
  type: "forfait",
  perUnit: 600,
  unit: "tandem",
};

export const FUNDING_TEMPLATES: readonly FundingRule[] = [RECITAL_FT, RECITAL_PS, RECITAL_TANDEM];
