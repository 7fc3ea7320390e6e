import { describe, expect, it } from "vitest";
import { assessEligibility, type CallDefinition, callById, loadCall } from "../../src/core/intake";

/** EXPLOR 2025 as a workbook copy would change it: one rule kind more, or one less. */
function explorWith(change: (c: CallDefinition) => void): CallDefinition {
  const c = structuredClone(callById("EXPLOR-2025"));
  change(c);
  return loadCall(c);
}

const onTime = {
  departement: "62000",
  country: "Sénégal",
  alreadyFunded: "Non",
  durationDays: 10,
  submittedAt: "15/06/2025 23:59:59",
};

describe("the rule « Montant entre … et … € »", () => {
  const call = explorWith((c) => {
    c.eligibility.amount = { question: "budgetTotal", min: 1000, max: 5000 };
  });

  it.each([1000, 2500, "5 000", "4999,99", "1.500,50", "2 500,00 €", 1500.5])(
    "%j € is within 1 000–5 000 €",
    (amount) => {
      expect(assessEligibility(call, { ...onTime, amount }).text).toBe("Éligible");
    },
  );

  it.each([999.99, "5 000,01", 12000])("%j € is outside, said with the bounds in euros", (amount) => {
    const text = assessEligibility(call, { ...onTime, amount }).text.replace(/[\u202f\u00a0]/g, " ");
    expect(text).toBe("Non éligible : montant hors 1 000 €–5 000 €");
  });

  it("an amount that is no number is a French error naming it", () => {
    expect(() => assessEligibility(call, { ...onTime, amount: "beaucoup" })).toThrow(
      "Montant invalide (montant) : « beaucoup »",
    );
  });

  it("reads a number question only", () => {
    expect(() =>
      explorWith((c) => {
        c.eligibility.amount = { question: "projetTitre", min: 0, max: 10 };
      }),
    ).toThrow(/eligibility\.amount\.question : .*« projetTitre » de type texte court, attendu nombre/);
  });
});

describe("the rule « Déposée avant la clôture »", () => {
  it("is checked unless the call waives it: a second late is then eligible, still marked late", () => {
    const late = { ...onTime, submittedAt: "16/06/2025 00:00:00" };
    expect(assessEligibility(callById("EXPLOR-2025"), late).text).toBe(
      "Non éligible : candidature hors délai",
    );
    const waived = explorWith((c) => {
      c.eligibility.deadline = false;
    });
    const verdict = assessEligibility(waived, late);
    expect(verdict.text).toBe("Éligible");
    expect(verdict.late).toBe(true);
  });
});
