/** An EXPLOR rule as a sheet table and back: the same terms as the shipped definitions. */
import { describe, expect, it } from "vitest";
import { EXPLOR_AURA } from "../../src/core/explor/aura";
import { EXPLOR_HDF_2025 } from "../../src/core/explor/hdf-2025";
import { blankExplorTableRows, explorTableRows, readExplorTable } from "../../src/core/explor/rule-table";
import type { RuleSetDefinition } from "../../src/core/explor/schema";

/** A definition without its categories' keys (a sheet has none: they come from the labels). */
function terms(d: RuleSetDefinition) {
  return { ...d, categories: d.categories.map(({ key: _key, ...c }) => ({ proof: "receipt", ...c })) };
}

describe("EXPLOR rule tables", () => {
  it.each([EXPLOR_HDF_2025, EXPLOR_AURA])(
    "$id reads back with the same terms (proof, aliases, ceilings)",
    (d) => {
      const read = readExplorTable(explorTableRows(d));
      if (read.kind !== "rule") throw new Error(JSON.stringify(read.problems));
      expect(terms(read.definition)).toEqual(terms(d));
    },
  );

  it("writes who provides the proof in words, and a daily ceiling with its days", () => {
    const rows = explorTableRows(EXPLOR_HDF_2025);
    expect(rows.find((r) => r[0] === "Per diem")?.slice(0, 5)).toEqual([
      "Per diem",
      15,
      "jour",
      15,
      "aucun (forfait)",
    ]);
    expect(rows.find((r) => r[0] === "Avion + transport du domicile à l'aéroport")?.[4]).toBe(
      "le programme (achat par Lianes)",
    );
  });

  it("reads the words people type: units, proofs, separators", () => {
    const rows = blankExplorTableRows("EXPLOR-TEST");
    const filled = rows.map((r) =>
      r[0] === "Taux de prise en charge"
        ? [r[0], "50 %"]
        : r[0] === "Durée minimale (jours)"
          ? [r[0], 7]
          : r[0] === "Durée maximale (jours)"
            ? [r[0], "15"]
            : r,
    );
    filled.push(
      ["Per diem", "15 €", "par jour", "15", "Forfait", ""],
      ["Hôtel", "300,00 €", "", "", "reçu", "Nuitée;Logement"],
      ["Cadeaux", "Non pris en charge", "Mission", "", "", ""],
    );
    const read = readExplorTable(filled);
    if (read.kind !== "rule") throw new Error(JSON.stringify(read.problems));
    expect(read.definition.categories).toEqual([
      {
        key: "per_diem",
        label: "Per diem",
        aliases: [],
        proof: "flat",
        daily: true,
        ceiling: { kind: "perDay", rate: 15, maxDays: 15 },
      },
      {
        key: "hotel",
        label: "Hôtel",
        aliases: ["Nuitée", "Logement"],
        proof: "receipt",
        ceiling: { kind: "fixed", amount: 300 },
      },
      { key: "cadeaux", label: "Cadeaux", aliases: [], proof: "receipt", ceiling: { kind: "notCovered" } },
    ]);
  });
});
