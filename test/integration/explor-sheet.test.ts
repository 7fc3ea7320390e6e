import { describe, expect, it } from "vitest";
import { MISSION_A, MISSION_B, sheetLines } from "../../dev/fixtures/explor-missions";
import { type MissionLineInput, missionSheetLayout } from "../../src/planning/mission-layout";
import { tripwireServices } from "../support/bundle";
import { evaluateWorkbook } from "../support/workbook";

const touched: string[] = [];

// Mission A with its lodging paid in dirhams (280 € at 10,9718 MAD for 1 €) on a complete receipt.
const missionA: MissionLineInput[] = sheetLines(MISSION_A).map((line) =>
  line.category === "Hébergement"
    ? {
        ...line,
        amount: 3072.1,
        currency: "MAD",
        rate: 10.9718,
        month: "2025-07",
        receipt: { date: "12/07/2025", supplier: "Riad Atlas", service: "5 nuits", amount: 3072.1 },
      }
    : line,
);

const receipt = (supplier: string, amount: number) => ({
  date: "12/07/2025",
  supplier,
  service: "Mission",
  amount,
});

// A final décompte: two hotels (the second without its receipt), a vaccine, a label off
// Annexe 2, and the flight Lianes bought itself (no receipt needed).
const finalLines: MissionLineInput[] = [
  { category: "Hébergement", amount: 200, receipt: receipt("Hôtel du Port", 200) },
  { category: "Hôtel", amount: 150 },
  { category: "Vaccin", amount: 30, receipt: receipt("Pharmacie", 30) },
  { category: "Trasport", amount: 40, receipt: receipt("Car", 40) },
  { category: "Avion", amount: 800 },
];

describe("the EXPLOR sheet with Missions A and B, computed by a formula engine with the built bundle", () => {
  const workbook = evaluateWorkbook(
    [
      missionSheetLayout({
        name: "EXPLOR",
        missions: [
          { title: MISSION_A.title, lines: missionA, blankRows: 0 },
          { title: MISSION_B.title, lines: sheetLines(MISSION_B), blankRows: 1 },
          {
            title: "Mission B sous EXPLOR-AURA",
            ruleSetId: "EXPLOR-AURA",
            lines: sheetLines(MISSION_B),
            blankRows: 0,
          },
          { title: "Décompte final", stage: "Décompte final", lines: finalLines, blankRows: 0 },
        ],
      }),
    ],
    tripwireServices(touched),
  );
  const value = (address: string) => workbook("EXPLOR", address);

  it("Mission A: amounts in euros, ceilings, eligible amounts, 748,50 / 748,50", () => {
    // Lines 3–8 (Avion … Assurance), totals 9–13.
    expect(value("E2")).toBe("Prévisionnel");
    expect(value("F6")).toBe(280);
    expect(value("H5")).toBe(150);
    expect(value("I5")).toBe(150);
    expect(value("F9")).toBe(1497);
    expect(value("I10")).toBe(1497);
    expect(value("I11")).toBe(1497);
    expect(value("I12")).toBe(748.5);
    expect(value("I13")).toBe(748.5);
  });

  it("checks no receipt while Prévisionnel", () => {
    expect(value("N3")).toBe("");
    expect(value("N6")).toBe("");
  });

  it("Mission B: capped lines, the total before and after the mission cap, 1 000,00 / 1 997,00", () => {
    // Title row 15, lines 16–24 (8 + 1 blank), totals 25–29.
    expect(value("H16")).toBe(1500);
    expect(value("I16")).toBe(1500);
    expect(value("I23")).toBe(0);
    expect(value("I24")).toBe("");
    expect(value("F25")).toBe(2997);
    expect(value("A26")).toBe("Total éligible avant plafond de la mission");
    expect(value("I26")).toBe(2417);
    expect(value("I27")).toBe(2000);
    expect(value("I28")).toBe(1000);
    expect(value("I29")).toBe(1997);
    expect(value("P15")).toBe("Catégorie");
    expect(value("T23")).toBe("non pris en charge — libellé hors Annexe 2");
    expect(value("P24")).toBe("Total");
    expect(value("S24")).toBe(2417);
    expect(value("P25")).toBe("Total éligible retenu");
    expect(value("S25")).toBe(2000);
    expect(value("T25")).toBe(
      "plafond de la mission : 2\u202f000,00\u00a0€ éligibles sur 2\u202f417,00\u00a0€",
    );
    expect(value("S27")).toBe(1997);
  });

  it("Mission B under EXPLOR-AURA: sans plafond, 1 401,00 / 1 796,00", () => {
    // Title row 31, lines 32–39, totals 40–44.
    expect(value("C31")).toBe("EXPLOR-AURA");
    expect(value("H32")).toBe("sans plafond");
    expect(value("I32")).toBe(1720);
    expect(value("I37")).toBe(0);
    expect(value("I43")).toBe(1401);
    expect(value("I44")).toBe(1796);
  });

  it("Décompte final: two hotels share 300 €, no receipt no refund, the flight needs none, no silent zero", () => {
    // Title row 46, lines 47–51, totals 52–56.
    expect(value("E46")).toBe("Décompte final");
    expect([47, 48, 49, 50, 51].map((r) => value(`N${r}`))).toEqual([true, false, true, true, false]);
    expect([47, 48, 49, 50, 51].map((r) => value(`I${r}`))).toEqual([200, 0, 30, 0, 800]);
    expect(value("I55")).toBe(515);
    expect([48, 50, 51].map((r) => value(`T${r}`))).toEqual([
      "justificatif incomplet — non remboursable",
      "non pris en charge — libellé hors Annexe 2 ; voulez-vous dire « Avion + transport du domicile à l'aéroport » ou « Transports locaux » ?",
      "",
    ]);
    expect(value("P49")).toBe("Vaccins et médicaments");
  });

  it("touches no Apps Script service", () => {
    expect(touched).toEqual([]);
  });
});
