/**
 * Eligibility of an application under its call's rules, with the reasons in a fixed order:
 * head office, partner country, already funded, duration, deadline. Only the rules the call
 * defines are checked.
 */
import { isBlank } from "../blank";
import { type Field, field, InputError, invalid } from "../errors";
import { wholeNumberOf } from "../money";
import type { CallDefinition } from "./call-schema";
import { lateFrom } from "./calls";
import { findCountry } from "./countries";
import { dacListById } from "./dac-lists";
import { type Departement, parseDepartement } from "./departements";
import { parseDateTime } from "./paris-time";

export const ELIGIBLE = "Éligible";
export const NOT_ELIGIBLE = "Non éligible : ";

/** The facts as given (Sheets values or typed answers); undefined when the call does not use them. */
export interface EligibilityFacts {
  readonly departement?: unknown;
  readonly country?: unknown;
  readonly alreadyFunded?: unknown;
  /** Blank means Non. */
  readonly newProject?: unknown;
  readonly durationDays?: unknown;
  /** Blank means the deadline is not checked. */
  readonly submittedAt?: unknown;
}

/** The argument names errors cite (the custom function's), one per fact. */
export interface FactNames {
  readonly departement: string;
  readonly country: string;
  readonly alreadyFunded: string;
  readonly newProject: string;
  readonly durationDays: string;
  readonly submittedAt: string;
}

export const ARGUMENT_NAMES: FactNames = {
  departement: "departement",
  country: "pays",
  alreadyFunded: "deja_beneficiaire",
  newProject: "nouveau_projet",
  durationDays: "duree_jours",
  submittedAt: "date_depot",
};

export interface Eligibility {
  readonly eligible: boolean;
  /** Every failed rule, in the contract's order. */
  readonly reasons: readonly string[];
  /** `Éligible` or `Non éligible : r1 ; r2`. */
  readonly text: string;
  /** undefined when the submission time was not given. */
  readonly late: boolean | undefined;
  readonly departement?: Departement;
  /** The partner country's alpha-3 code, when known. */
  readonly country?: string;
  readonly onDacList?: boolean;
  readonly durationDays?: number;
}

export interface EligibilityOptions {
  /** Argument names for error messages (row for ranges). */
  readonly names?: FactNames;
  readonly row?: number;
  /**
   * A département that is no French département: an error (custom function), or, for a
   * submission already accepted by the form, a head office outside the region.
   */
  readonly unknownDepartement?: "error" | "outside";
}

const YES = new Set(["oui", "vrai", "true"]);
const NO = new Set(["non", "faux", "false"]);

/** A yes/no answer: a boolean, or Oui/Non (also VRAI/FAUX); blank gives `blank`, or an error if none. */
export function parseYesNo(value: unknown, where: Field, blank?: boolean): boolean {
  if (typeof value === "boolean") return value;
  if (isBlank(value)) {
    if (blank !== undefined) return blank;
    throw invalid("Réponse oui/non manquante", where, value, "attendu Oui ou Non");
  }
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  throw invalid("Réponse oui/non invalide", where, value, "attendu Oui ou Non");
}

/** A duration in whole days, 0 or more: a number or its text. */
export function parseDurationDays(value: unknown, where: Field): number {
  const n =
    typeof value === "number"
      ? wholeNumberOf(value)
      : typeof value === "string" && /^\s*\d+\s*(jours?)?\s*$/i.test(value)
        ? Number.parseInt(value, 10)
        : Number.NaN;
  if (!Number.isInteger(n) || n < 0) {
    throw invalid("Durée invalide", where, value, "attendu un nombre entier de jours");
  }
  return n;
}

export function isLate(call: CallDefinition, submittedAt: Date): boolean {
  return submittedAt.getTime() >= lateFrom(call).getTime();
}

export function eligibilityText(reasons: readonly string[]): string {
  return reasons.length === 0 ? ELIGIBLE : `${NOT_ELIGIBLE}${reasons.join(" ; ")}`;
}

export function assessEligibility(
  call: CallDefinition,
  facts: EligibilityFacts,
  options: EligibilityOptions = {},
): Eligibility {
  const names = options.names ?? ARGUMENT_NAMES;
  const at = (name: string) => field(name, options.row);
  const rules = call.eligibility;
  const reasons: string[] = [];
  let result: Omit<Eligibility, "eligible" | "reasons" | "text" | "late"> = {};

  if (rules.headOffice) {
    let departement: Departement | undefined;
    try {
      departement = parseDepartement(facts.departement, at(names.departement));
    } catch (error) {
      if (!(error instanceof InputError) || options.unknownDepartement !== "outside") throw error;
    }
    if (!departement || !rules.headOffice.departements.includes(departement.code)) {
      reasons.push(`siège hors ${rules.headOffice.regionLabel}`);
    }
    if (departement) result = { ...result, departement };
  }

  if (rules.partnerCountry) {
    const value = facts.country;
    if (isBlank(value) || typeof value !== "string") {
      throw invalid(isBlank(value) ? "Pays manquant" : "Pays invalide", at(names.country), value);
    }
    const code = findCountry(value);
    if (code === undefined) {
      reasons.push(`pays partenaire inconnu (« ${value.trim()} »)`);
    } else {
      const onDacList = dacListById(rules.partnerCountry.dacList).codes.has(code);
      if (!onDacList) reasons.push("pays partenaire hors liste CAD");
      result = { ...result, country: code, onDacList };
    }
  }

  if (rules.alreadyFunded) {
    const funded = parseYesNo(facts.alreadyFunded, at(names.alreadyFunded));
    const newProject = parseYesNo(facts.newProject, at(names.newProject), false);
    if (funded && !newProject) {
      reasons.push(`déjà financée par ${rules.alreadyFunded.programme} sans nouveau projet`);
    }
  }

  if (rules.durationDays) {
    const days = parseDurationDays(facts.durationDays, at(names.durationDays));
    const { min, max } = rules.durationDays;
    if (days < min || days > max) reasons.push(`durée hors ${min}–${max} jours`);
    result = { ...result, durationDays: days };
  }

  let late: boolean | undefined;
  if (!isBlank(facts.submittedAt)) {
    late = isLate(call, parseDateTime(facts.submittedAt, at(names.submittedAt)));
    if (late) reasons.push("candidature hors délai");
  }

  return { ...result, eligible: reasons.length === 0, reasons, text: eligibilityText(reasons), late };
}
