import { describe, expect, it } from "vitest";
import { toNumber } from "../../src/core/decimal";
import { ruleSetById } from "../../src/core/explor";
import {
  computeDecompte,
  type ExpenseFields,
  emptyExpense,
  firstError,
  frenchDate,
} from "../../src/ui/calculateur-explor/expenses";

const HDF = ruleSetById("EXPLOR-HDF-2025");

function line(fields: Partial<ExpenseFields>): ExpenseFields {
  return { ...emptyExpense(), ...fields };
}

describe("calculator lines, read as typed", () => {
  it("gives Mission B's totals: 2 997 actual, 2 000 eligible, 1 000 paid, 1 997 borne", () => {
    const d = computeDecompte(HDF, [
      line({ categorie: "avion", montant: "1 720,00" }),
      line({ categorie: "transports_locaux", montant: "260" }),
      line({ categorie: "per_diem", montant: "270", jours: "18" }),
      line({ categorie: "visa", montant: "80" }),
      line({ categorie: "hebergement", montant: "420" }),
      line({ categorie: "vaccins", montant: "95" }),
      line({ categorie: "assurance", montant: "52" }),
      line({ categorie: "autre", libelle: "Cadeaux partenaires", montant: "100" }),
      emptyExpense(),
    ]);
    const t = d.totals;
    expect(t && [toNumber(t.real), toNumber(t.eligible), t.contribution, t.remainder]).toEqual([
      2997, 2000, 100_000, 199_700,
    ]);
    expect(d.lines[7]?.line?.observation).toBe("non pris en charge — libellé hors Annexe 2");
    expect(d.lines[8]).toEqual({ errors: {} });
    expect(t && toNumber(t.eligibleBeforeCap)).toBe(2417);
  });

  it("shares a category's ceiling over the mission: two hotels 200 + 150 → 300 eligible, 150 paid", () => {
    const d = computeDecompte(HDF, [
      line({ categorie: "hebergement", montant: "200" }),
      line({ categorie: "hebergement", montant: "150" }),
    ]);
    expect(d.lines.map((l) => l.line?.assessment && toNumber(l.line.assessment.eligible))).toEqual([
      200, 100,
    ]);
    expect(d.totals?.contribution).toBe(15_000);
  });

  it("suggests a category for an « Autre dépense » whose label is one, without applying it", () => {
    const d = computeDecompte(HDF, [line({ categorie: "autre", libelle: "Taxi", montant: "40" })]);
    expect(d.lines[0]?.line?.observation).toBe(
      "non pris en charge — libellé hors Annexe 2 ; voulez-vous dire « Transports locaux » ?",
    );
    expect(d.totals?.contribution).toBe(0);
  });

  it("in the final décompte, a taxi without its full receipt is not reimbursed; the flight needs none", () => {
    const receipt = { date: "2025-07-12", fournisseur: "Taxi Dakar", prestation: "Course", montant: "40" };
    const d = computeDecompte(
      HDF,
      [
        line({ categorie: "avion", montant: "800" }),
        line({ categorie: "transports_locaux", montant: "40", justificatif: receipt }),
        line({
          categorie: "transports_locaux",
          montant: "25",
          justificatif: { ...receipt, fournisseur: "" },
        }),
      ],
      "final",
    );
    expect(d.lines.map((l) => l.line?.observation)).toEqual([
      "",
      "",
      "justificatif incomplet — non remboursable",
    ]);
    expect(d.totals?.contribution).toBe(42_000);
  });

  it("200 lines of 999 999 999 999 € give « Total trop grand », not a RangeError", () => {
    const d = computeDecompte(
      HDF,
      Array.from({ length: 200 }, () => line({ categorie: "visa", montant: "999 999 999 999" })),
    );
    expect(d.totals).toBeUndefined();
    expect(firstError(d)).toBe(
      "Total trop grand (montant, ligne 2) : « 999 999 999 999 » — la somme des montants dépasse 1 000 000 000 000 €",
    );
  });

  it("converts at the rate, rounding the euro amount once, halves away from zero", () => {
    // 2,01 MAD at 2 MAD for 1 € is exactly 1,005 € → 1,01 €.
    const d = computeDecompte(HDF, [
      line({ categorie: "visa", montant: "2,01", devise: "MAD", taux: "2", mois: "2025-07" }),
    ]);
    expect(d.lines[0]?.line && toNumber(d.lines[0].line.amount)).toBe(1.01);
    expect(d.totals?.contribution).toBe(51);
  });

  it("gives each bad field its error and no totals: a bad amount never counts as 0", () => {
    const d = computeDecompte(HDF, [
      line({ categorie: "avion", montant: "850" }),
      line({
        categorie: "visa",
        montant: "abc",
        jours: "x",
        justificatif: { date: "12/07/2025", fournisseur: "", prestation: "", montant: "1,2,3" },
      }),
    ]);
    expect(d.totals).toBeUndefined();
    expect(d.lines[1]?.errors).toEqual({
      montant: "Montant invalide (montant, ligne 2) : « abc »",
      "justificatif-date":
        "Date invalide (date du justificatif, ligne 2) : « 12/07/2025 » — attendu une date comme 2025-07-12",
      "justificatif-montant": "Montant invalide (montant du justificatif, ligne 2) : « 1,2,3 »",
    });
    expect(firstError(d)).toBe("Montant invalide (montant, ligne 2) : « abc »");
  });

  it("counts a per diem given only days at its ceiling; flags a partly filled receipt only where one is needed", () => {
    const partial = { date: "2025-07-12", fournisseur: "Hôtel", prestation: "", montant: "" };
    const d = computeDecompte(HDF, [
      line({ categorie: "per_diem", jours: "10", justificatif: partial }),
      line({ categorie: "hebergement", montant: "80", justificatif: partial }),
    ]);
    expect(d.totals?.contribution).toBe(11_500);
    // The per diem is flat: no receipt to ask for.
    expect(d.lines[0]?.line?.observation).toBe("");
    expect(d.lines[0]?.line?.missingReceipt).toEqual([]);
    expect(d.lines[1]?.line?.observation).toBe("justificatif incomplet");
    expect(d.lines[1]?.line?.missingReceipt).toEqual(["prestation", "montant"]);
    expect(frenchDate("2025-07-12")).toBe("12/07/2025");
  });
});
