import { describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS, PAM_ANSWERS } from "../../dev/fixtures/intake-samples";
import {
  callById,
  computedColumns,
  defaultStatus,
  formatAnswer,
  looksLikeFormula,
  parseSubmission,
  reviewerColumns,
  reviewRow,
  STATUSES,
  statusSummary,
  weightedScore,
  weightedScoreFormula,
} from "../../src/core/intake";

const explor = () => callById("EXPLOR-2025");
const pam = () => callById("PAM-2025");

function explorRow(changes: Record<string, unknown> = {}, receivedAt: unknown = "15/06/2025 23:59:59") {
  const call = explor();
  const row = reviewRow(
    call,
    parseSubmission(call, { receivedAt, answers: { ...EXPLOR_ANSWERS, ...changes } }),
    3,
  );
  const byHeader = Object.fromEntries(computedColumns(call).map((c, i) => [c.header, row.values[i]]));
  return { row, byHeader };
}

describe("the computed columns of the review sheet", () => {
  it("EXPLOR-2025 shows its eligibility facts", () => {
    expect(computedColumns(explor()).map((c) => c.header)).toEqual([
      "N°",
      "Clé",
      "Reçue le",
      "Association",
      "Département",
      "Pays partenaire",
      "Liste CAD",
      "Durée (jours)",
      "Éligibilité",
      "Hors délai",
      "Réponses",
    ]);
  });

  it("PAM-2025 leaves out the facts its call does not check", () => {
    expect(computedColumns(pam()).map((c) => c.header)).toEqual([
      "N°",
      "Clé",
      "Reçue le",
      "Structure",
      "Éligibilité",
      "Hors délai",
      "Réponses",
    ]);
  });

  it("the reviewer columns give one score per criterion", () => {
    expect(reviewerColumns(pam()).map((c) => c.header)).toEqual([
      "Statut",
      "Instructeur",
      "Cohérence de l'idée de projet (0–5)",
      "Niveau de maturité du projet (0–5)",
      "Expérience du porteur (0–5)",
      "Score pondéré",
      "Décision",
      "Commentaire interne",
    ]);
  });
});

describe("a review row", () => {
  it("an eligible application on time is to be instructed", () => {
    const { row, byHeader } = explorRow();
    expect(row.status).toBe("À instruire");
    expect(byHeader).toMatchObject({
      "N°": 3,
      Clé: row.key,
      "Reçue le": "15/06/2025 23:59:59",
      Association: "Solidarité Artois–Sahel",
      Département: "62 – Pas-de-Calais",
      "Pays partenaire": "Sénégal",
      "Liste CAD": "Oui",
      "Durée (jours)": 10,
      Éligibilité: "Éligible",
      "Hors délai": "Non",
    });
    expect(byHeader.Réponses).toBe(
      [
        "Titre du projet : Maraîchage et formation des jeunes",
        "Objet de la mission : Mise en œuvre d'un projet",
        "Date de début prévue : 06/10/2025",
        "Date de fin prévue : 15/10/2025",
        "Budget total indicatif de la mission (€) : 1\u202f497\u00a0€",
      ].join("\n"),
    );
  });

  it("late by one second: inadmissible by default", () => {
    const { row, byHeader } = explorRow({}, "16/06/2025 00:00:00");
    expect(row.status).toBe("Irrecevable");
    expect(byHeader["Hors délai"]).toBe("Oui");
    expect(byHeader.Éligibilité).toBe("Non éligible : candidature hors délai");
  });

  it("an association from Paris with a partner in Chile, 21 days, already funded without a new project", () => {
    const { row, byHeader } = explorRow({
      associationCodePostal: "75011",
      partenairePays: "Chili",
      missionDuree: 21,
      dejaBeneficiaire: "Oui",
    });
    expect(row.status).toBe("Irrecevable");
    expect(byHeader).toMatchObject({
      Département: "75 – Paris",
      "Liste CAD": "Non",
      "Durée (jours)": 21,
      Éligibilité:
        "Non éligible : siège hors Hauts-de-France ; pays partenaire hors liste CAD ; déjà financée par EXPLOR sans nouveau projet ; durée hors 7–15 jours",
    });
  });

  it("a postal code of no département (Monaco) is a head office outside the region, shown as typed", () => {
    const { byHeader } = explorRow({ associationCodePostal: "98000" });
    expect(byHeader.Département).toBe("98000");
    expect(byHeader.Éligibilité).toBe("Non éligible : siège hors Hauts-de-France");
  });

  it("« Autre pays »: unknown to the DAC list", () => {
    const { byHeader } = explorRow({ partenairePays: "Autre pays" });
    expect(byHeader).toMatchObject({
      "Pays partenaire": "Autre pays",
      "Liste CAD": "Inconnu",
      Éligibilité: "Non éligible : pays partenaire inconnu (« Autre pays »)",
    });
  });

  it("a PAM registration on time needs no code of its own", () => {
    const call = pam();
    const row = reviewRow(
      call,
      parseSubmission(call, { receivedAt: "06/12/2024 23:59:59", answers: PAM_ANSWERS }),
      1,
    );
    expect(row.status).toBe("À instruire");
    expect(row.values.slice(2, 6)).toEqual(["06/12/2024 23:59:59", "MJC de Lens", "Éligible", "Non"]);
    expect(row.values[6]).toContain("Avez-vous déjà élaboré un projet de mobilité ? : Non");
  });

  it("tells the texts Sheets would read as formulas", () => {
    expect(looksLikeFormula('=HYPERLINK("http://x")')).toBe(true);
    expect(looksLikeFormula("+33 6")).toBe(true);
    expect(looksLikeFormula("-")).toBe(true);
    expect(looksLikeFormula("@asso")).toBe(true);
    expect(looksLikeFormula("Asso = solidarité")).toBe(false);
  });
});

describe("statuses", () => {
  it("are the seven of the instruction", () => {
    expect(STATUSES).toEqual([
      "À instruire",
      "Irrecevable",
      "En instruction",
      "Retenue",
      "Liste d'attente",
      "Refusée",
      "Sans suite",
    ]);
  });

  it("default to À instruire only when eligible and not late", () => {
    expect(defaultStatus({ eligible: true, late: false })).toBe("À instruire");
    expect(defaultStatus({ eligible: true, late: undefined })).toBe("À instruire");
    expect(defaultStatus({ eligible: false, late: false })).toBe("Irrecevable");
  });

  it("are counted, with Retenues n / capacity", () => {
    const s = statusSummary(explor(), [
      "Retenue",
      "Retenue",
      "Refusée",
      "",
      "à voir",
      "Irrecevable",
      " Retenue ",
    ]);
    expect(s.counts.find((c) => c.status === "Retenue")?.count).toBe(3);
    expect(s.counts.find((c) => c.status === "Refusée")?.count).toBe(1);
    expect(s.counts.find((c) => c.status === "Sans suite")?.count).toBe(0);
    expect(s.other).toBe(2);
    expect(s.retainedText).toBe("Retenues : 3 / 6");
    expect(s.overCapacity).toBe(false);
    expect(s.warning).toBeUndefined();
  });

  it("warn when more are retained than places", () => {
    const s = statusSummary(explor(), Array(7).fill("Retenue"));
    expect(s.retainedText).toBe("Retenues : 7 / 6");
    expect(s.warning).toBe("Attention : 7 candidatures retenues pour 6 places (1 de trop).");
  });
});

describe("the weighted score", () => {
  const criteria = () => explor().review.criteria;

  it("is Σ score × weight ÷ Σ weights, to the hundredth", () => {
    // weights 2, 1, 1, 1: (4×2 + 3 + 5 + 2) / 5 = 3,6
    expect(weightedScore(criteria(), [4, 3, 5, 2], 5)).toBe(3.6);
    // (5×2 + 4 + 4 + 4) / 5 = 4,4 ; (1×2 + 0 + 0 + 0) / 5 = 0,4
    expect(weightedScore(criteria(), [5, 4, 4, 4], 5)).toBe(4.4);
    expect(weightedScore(criteria(), [1, 0, 0, 0], 5)).toBe(0.4);
  });

  it("rounds halves away from zero: (3,5 + 3 + 3) / 3 = 3,1666… → 3,17", () => {
    expect(weightedScore(pam().review.criteria, [3.5, 3, 3], 5)).toBe(3.17);
  });

  it("is blank until every criterion is scored", () => {
    expect(weightedScore(criteria(), [4, "", 5, 2], 5)).toBeUndefined();
  });

  it("names a score outside 0–5", () => {
    expect(() => weightedScore(criteria(), [4, 6, 5, 2], 5)).toThrow(
      "Note invalide, attendu de 0 à 5 (Qualité du partenariat) : « 6 »",
    );
  });

  it("has a live formula for the sheet, in the English syntax setFormula takes", () => {
    expect(weightedScoreFormula(criteria(), ["M2", "N2", "O2", "P2"])).toBe(
      '=IF(COUNT(M2,N2,O2,P2)<4,"",ROUND((M2*2+N2*1+O2*1+P2*1)/5,2))',
    );
    expect(() => weightedScoreFormula(criteria(), ["M2"])).toThrow(/une cellule de note par critère/);
  });
});

describe("answers in euros (issue 12 §6)", () => {
  it("shows an amount question as euros: 1 497 €, 1 497,50 € with cents; other numbers as they are", () => {
    expect(formatAnswer(1497, { unit: "euros" })).toBe("1\u202f497\u00a0€");
    expect(formatAnswer(1497.5, { unit: "euros" })).toBe("1\u202f497,50\u00a0€");
    expect(formatAnswer(12)).toBe("12");
  });
});
