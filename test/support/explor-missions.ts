/** The worked missions of DOMAIN.md §2, as expense lines the way a user enters them. */
import type { MissionLineInput } from "../../src/addon/mission-layout";

export interface WorkedMission {
  readonly title: string;
  readonly days: number;
  readonly lines: readonly { readonly category: string; readonly amount: number }[];
}

/** Mission A, 10 days: everything under its ceiling. */
export const MISSION_A: WorkedMission = {
  title: "Mission A (10 jours)",
  days: 10,
  lines: [
    { category: "Avion", amount: 850 },
    { category: "Transports locaux", amount: 120 },
    { category: "Per diem", amount: 150 },
    { category: "Hébergement", amount: 280 },
    { category: "Vaccins", amount: 45 },
    { category: "Assurance", amount: 52 },
  ],
};

/** Mission B, 18 days: every line over its ceiling but insurance, one line not covered. */
export const MISSION_B: WorkedMission = {
  title: "Mission B (18 jours)",
  days: 18,
  lines: [
    { category: "Avion", amount: 1720 },
    { category: "Transports locaux", amount: 260 },
    { category: "Per diem", amount: 270 },
    { category: "Visa", amount: 80 },
    { category: "Hébergement", amount: 420 },
    { category: "Vaccins", amount: 95 },
    { category: "Assurance", amount: 52 },
    { category: "cadeaux partenaires", amount: 100 },
  ],
};

/** A mission as Sheets passes column ranges: one row per line. */
export function columns(mission: WorkedMission): { categories: string[][]; amounts: number[][] } {
  return {
    categories: mission.lines.map((l) => [l.category]),
    amounts: mission.lines.map((l) => [l.amount]),
  };
}

/** A mission as mission-sheet lines, the per-diem line carrying the mission's days. */
export function sheetLines(mission: WorkedMission): MissionLineInput[] {
  return mission.lines.map((l) => ({
    category: l.category,
    amount: l.amount,
    ...(l.category === "Per diem" ? { days: mission.days } : {}),
  }));
}
