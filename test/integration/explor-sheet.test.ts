import { describe, expect, it } from "vitest";
import { MISSION_A, MISSION_B, sheetLines } from "../../dev/fixtures/explor-missions";
import {
  INCOMPLETE_RECEIPT,
  type MissionLineInput,
  missionSheetLayout,
} from "../../src/planning/mission-layout";
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
        ],
      }),
    ],
    tripwireServices(touched),
  );
  const value = (address: string) => workbook("EXPLOR", address);

  it("Mission A: amounts in euros, ceilings, eligible amounts, 748,50 / 748,50", () => {
    // Lines 3–8 (Avion … Assurance), totals 9–11.
    expect(value("F6")).toBe(280);
    expect(value("H5")).toBe(150);
    expect(value("I5")).toBe(150);
    expect(value("F9")).toBe(1497);
    expect(value("I10")).toBe(748.5);
    expect(value("I11")).toBe(748.5);
  });

  it("flags lines whose receipt is incomplete, not the one with a full receipt", () => {
    expect(value("N3")).toBe(INCOMPLETE_RECEIPT);
    expect(value("N6")).toBe("");
  });

  it("Mission B: capped lines, 1 000,00 / 1 997,00, and its décompte beside it", () => {
    // Title row 13, lines 14–22 (8 + 1 blank), totals 23–25.
    expect(value("H14")).toBe(1500);
    expect(value("I14")).toBe(1500);
    expect(value("I21")).toBe(0);
    expect(value("I22")).toBe("");
    expect(value("F23")).toBe(2997);
    expect(value("I24")).toBe(1000);
    expect(value("I25")).toBe(1997);
    expect(value("P13")).toBe("Catégorie");
    expect(value("T21")).toBe("non pris en charge");
    expect(value("P22")).toBe("Total");
    expect(value("S22")).toBe(2000);
    expect(value("S24")).toBe(1997);
  });

  it("Mission B under EXPLOR-AURA: sans plafond, 1 401,00 / 1 796,00", () => {
    // Title row 27, lines 28–35, totals 36–38.
    expect(value("C27")).toBe("EXPLOR-AURA");
    expect(value("H28")).toBe("sans plafond");
    expect(value("I28")).toBe(1720);
    expect(value("I33")).toBe(0);
    expect(value("I37")).toBe(1401);
    expect(value("I38")).toBe(1796);
  });

  it("touches no Apps Script service", () => {
    expect(touched).toEqual([]);
  });
});
