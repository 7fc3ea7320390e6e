import { describe, expect, it } from "vitest";
import { callSheetLayout, duplicateCall, layoutValues } from "../../src/addon/intake/call-sheet-layout";
import { verificationText, verifySettings } from "../../src/addon/settings/verify";
import { callById } from "../../src/core/intake";

const sheetOf = (id: string) => {
  const layout = callSheetLayout(duplicateCall(callById("EXPLOR-2025"), id));
  return { name: layout.name, values: layoutValues(layout) };
};

describe("Vérifier les paramètres routes each sheet to its kind's checker by the name's prefix", () => {
  it("checks the call sheets only, and says which", () => {
    const v = verifySettings([{ name: "Budget CD62", values: [["x"]] }, sheetOf("EXPLOR-2026")]);
    expect(v).toEqual({ checked: ["Appel EXPLOR-2026"], problems: [] });
    expect(verificationText(v)).toBe("Aucune erreur dans « Appel EXPLOR-2026 ».");
  });

  it("a checker registered for another prefix hears of its sheets, all at once", () => {
    const seen: string[][] = [];
    const v = verifySettings(
      [{ name: "Règle HDF-2026", values: [] }, sheetOf("EXPLOR-2026"), { name: "Règle AURA", values: [] }],
      [
        {
          prefix: "Règle ",
          check: (sheets) => {
            seen.push(sheets.map((s) => s.name));
            return ["Règle HDF-2026, cellule B2 : …"];
          },
        },
      ],
    );
    expect(seen).toEqual([["Règle HDF-2026", "Règle AURA"]]);
    expect(verificationText(v)).toBe("1 erreur à corriger :\n• Règle HDF-2026, cellule B2 : …");
  });
});
