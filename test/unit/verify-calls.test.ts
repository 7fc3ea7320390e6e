import { describe, expect, it } from "vitest";
import { verifyReport, verifySettings } from "../../src/addon/settings/verify";
import { callById } from "../../src/core/intake";
import { callSheetLayout, duplicateCall, layoutValues } from "../../src/planning/intake/call-sheet-layout";

const sheetOf = (id: string) => {
  const layout = callSheetLayout(duplicateCall(callById("EXPLOR-2025"), id));
  return { name: layout.name, values: layoutValues(layout) };
};

describe("Vérifier les paramètres checks the call sheets with the call sheet's reader", () => {
  it("a call sheet that reads: checked, no problem", () => {
    const v = verifySettings([{ name: "Budget CD62", values: [["x"]] }, sheetOf("EXPLOR-2026")], []);
    expect(v).toEqual({ checked: ["Appel EXPLOR-2026"], problems: [] });
    expect(verifyReport(v).title).toBe("Paramètres en ordre");
  });

  it("every problem of a call sheet, with its cell", () => {
    const sheet = sheetOf("EXPLOR-2026");
    const row = sheet.values.findIndex((r) => r[0] === "odd");
    (sheet.values[row] as unknown[])[2] = -1;
    const v = verifySettings([sheet], []);
    expect(v.problems).toEqual([
      `Appel EXPLOR-2026, cellule C${row + 1} : poids : attendu un nombre positif (plus grand que 0) — valeur « -1 »`,
    ]);
  });
});
