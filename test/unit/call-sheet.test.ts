import { describe, expect, it } from "vitest";
import { CALL_IDS, callById, loadCall } from "../../src/core/intake";
import { EXPLOR_2025 } from "../../src/core/intake/explor-2025";
import { PAM_2025 } from "../../src/core/intake/pam-2025";
import {
  blankCall,
  callSheetLayout,
  duplicateCall,
  layoutValues,
} from "../../src/planning/intake/call-sheet-layout";
import { checkCallSheet, readCallSheet } from "../../src/planning/intake/call-sheet-reader";
import type { LayoutCell } from "../../src/planning/sheet-layout";

type Grid = LayoutCell[][];

/** The call sheet of a definition, as `getValues` would read it back. */
function sheetOf(id: string, newId = id): { name: string; values: Grid } {
  const call = newId === id ? callById(id) : duplicateCall(callById(id), newId);
  const layout = callSheetLayout(call);
  return { name: layout.name, values: layoutValues(layout) };
}

/** Row (0-based) whose column A holds this text. */
function rowOf(values: Grid, first: string, from = 0): number {
  const r = values.findIndex((row, i) => i >= from && row[0] === first);
  if (r < 0) throw new Error(`no row ${first}`);
  return r;
}

const SHOWN = "Réponses résumées dans la feuille d'instruction (identifiants séparés par ;)";
const PROJECT = "Question qui nomme le projet (montrée au jury ; vide : aucune)";
const COLUMN = { id: 0, label: 1, type: 2, choices: 4, personal: 6, min: 7, max: 8 };

function problemsOf(name: string, values: Grid): string[] {
  return checkCallSheet(name, values);
}

describe("a call as a sheet: sheet → definition → sheet", () => {
  it.each(CALL_IDS)("%s reads back as the very definition the shipped template gives", (id) => {
    const { name, values } = sheetOf(id);
    const reading = readCallSheet(name, values);
    expect(reading.problems).toBeUndefined();
    expect(reading.call).toEqual(callById(id));
    // …and writes back the same cells.
    expect(layoutValues(callSheetLayout(reading.call ?? callById(id)))).toEqual(values);
  });

  it("the shipped templates are untouched by the schema's new rule kinds", () => {
    expect(loadCall(EXPLOR_2025)).toEqual(EXPLOR_2025);
    expect(loadCall(PAM_2025)).toEqual(PAM_2025);
  });

  it("EXPLOR-2025 duplicated into EXPLOR-2026 keeps its rules and gets its own review sheet", () => {
    const { name, values } = sheetOf("EXPLOR-2025", "EXPLOR-2026");
    expect(name).toBe("Appel EXPLOR-2026");
    const call = readCallSheet(name, values).call;
    expect(call?.id).toBe("EXPLOR-2026");
    expect(call?.review.sheetName).toBe("Candidatures EXPLOR-2026");
    expect(call?.eligibility).toEqual(EXPLOR_2025.eligibility);
  });

  it("the sheet shows dates in Paris time, the rules from the menu, the phone and postcode types", () => {
    const { values } = sheetOf("EXPLOR-2025");
    // A Sheets date-time (serial number, Paris wall clock) that the cell shows as 15/06/2025 23:59:59.
    const closing = values[rowOf(values, "Clôture (heure de Paris, dernière seconde à l'heure)")]?.[1];
    expect(closing).toBeCloseTo(45823 + (23 * 3600 + 59 * 60 + 59) / 86400, 9);
    expect(values[rowOf(values, "Siège dans les départements")]?.slice(0, 4)).toEqual([
      "Siège dans les départements",
      "associationCodePostal",
      "02 ; 59 ; 60 ; 62 ; 80",
      "Hauts-de-France",
    ]);
    expect(values[rowOf(values, "Durée entre … et … jours")]?.slice(1, 4)).toEqual(["missionDuree", 7, 15]);
    expect(values[rowOf(values, "contactTelephone")]?.[COLUMN.type]).toBe("téléphone");
    expect(values[rowOf(values, "associationCodePostal")]?.[COLUMN.type]).toBe("code postal");
    expect(values[rowOf(values, "partenairePays")]?.[COLUMN.type]).toBe("pays");
    expect(values[rowOf(values, "partenairePays")]?.[COLUMN.choices]).toBe("CAD-2024-2025 ; Autre pays");
  });

  it("a new closing typed as a date (as Sheets reads a typed date) is read in Paris time", () => {
    const { name, values } = sheetOf("EXPLOR-2025", "EXPLOR-2026");
    const closing = rowOf(values, "Clôture (heure de Paris, dernière seconde à l'heure)");
    const opening = rowOf(values, "Ouverture (heure de Paris)");
    (values[closing] as unknown[])[1] = new Date("2026-06-14T21:59:59Z");
    (values[opening] as unknown[])[1] = "01/04/2026";
    const call = readCallSheet(name, values).call;
    expect(call?.closesAt).toBe("2026-06-14T23:59:59+02:00");
    expect(call?.opensAt).toBe("2026-04-01T00:00:00+02:00");
  });

  it("a rule row removed is a rule no longer checked; « Déposée avant la clôture » removed accepts late submissions", () => {
    const { name, values } = sheetOf("EXPLOR-2025", "EXPLOR-2026");
    values.splice(rowOf(values, "Déposée avant la clôture"), 1);
    values.splice(rowOf(values, "Durée entre … et … jours"), 1);
    const call = readCallSheet(name, values).call;
    expect(call?.eligibility.deadline).toBe(false);
    expect(call?.eligibility.durationDays).toBeUndefined();
  });

  it("an amount rule reads a number question between two bounds", () => {
    const { name, values } = sheetOf("EXPLOR-2025", "EXPLOR-2026");
    const row = rowOf(values, "Durée entre … et … jours");
    values[row] = [
      "Montant entre … et … €",
      "budgetTotal",
      1000,
      "5 000",
      "",
      ...(values[row] ?? []).slice(5),
    ];
    expect(readCallSheet(name, values).call?.eligibility.amount).toEqual({
      question: "budgetTotal",
      min: 1000,
      max: 5000,
    });
  });

  it("every question type, every validation and every rule kind make the round trip", () => {
    const call = loadCall({
      ...blankCall("TOUT-2026", new Date("2026-01-01T00:00:00Z")),
      questions: [
        { id: "nom", label: "Nom", type: "shortText", required: true, personal: true },
        { id: "courriel", label: "E-mail", type: "email", required: true, personal: true },
        {
          id: "tel",
          label: "Téléphone",
          help: "10 chiffres",
          type: "shortText",
          required: false,
          personal: true,
          validation: {
            kind: "pattern",
            pattern: "^\\+?[0-9 .]{10,20}$",
            message: "Un numéro, s'il vous plaît.",
          },
        },
        {
          id: "cp",
          label: "Code postal",
          type: "shortText",
          required: true,
          validation: {
            kind: "pattern",
            pattern: "^\\d{5}$",
            message: "Indiquez un code postal à 5 chiffres.",
          },
        },
        {
          id: "siren",
          label: "SIREN",
          type: "shortText",
          required: true,
          validation: { kind: "pattern", pattern: "^\\d{9}$", message: "9 chiffres." },
        },
        {
          id: "resume",
          label: "Résumé",
          type: "paragraph",
          required: true,
          personal: true,
          validation: { kind: "maxLength", max: 500, message: "500 caractères au plus." },
        },
        {
          id: "pays",
          label: "Pays",
          type: "dropdown",
          required: true,
          choices: { dacList: "CAD-2024-2025", other: "Ailleurs" },
        },
        { id: "liste", label: "Liste", type: "dropdown", required: false, choices: ["a", "b"] },
        {
          id: "un",
          label: "Un choix",
          type: "singleChoice",
          required: true,
          choices: ["x", "y; z"].map((c) => c.replace(";", ",")),
        },
        {
          id: "cases",
          label: "Cases",
          type: "checkboxes",
          required: true,
          choices: ["p", "q", "r"],
          validation: { kind: "selectCount", min: 1, max: 2, message: "Une ou deux." },
        },
        { id: "debut", label: "Début", type: "date", required: true },
        {
          id: "jours",
          label: "Jours",
          type: "number",
          required: true,
          validation: { kind: "numberRange", min: 1, max: 30, integer: true, message: "De 1 à 30 jours." },
        },
        {
          id: "budget",
          label: "Budget",
          type: "number",
          required: true,
          validation: { kind: "numberRange", min: 0.5, message: "Au moins 0,50 €." },
        },
        { id: "deja", label: "Déjà financée ?", type: "yesNo", required: true },
        { id: "nouveau", label: "Nouveau projet ?", type: "yesNo", required: false },
        {
          id: "note",
          label: "Intérêt",
          type: "scale",
          required: false,
          scale: { low: 0, high: 10, lowLabel: "aucun", highLabel: "très fort" },
        },
        { id: "note2", label: "Urgence", type: "scale", required: false, scale: { low: 1, high: 5 } },
        {
          id: "age",
          label: "=SOMME(1;2)",
          help: "-5 ans : indiquez 0",
          type: "singleChoice",
          required: false,
          choices: ["+18", "'citation"],
        },
      ],
      eligibility: {
        headOffice: { question: "cp", departements: ["59", "62", "2A"], regionLabel: "Nord" },
        partnerCountry: { question: "pays", dacList: "CAD-2024-2025" },
        alreadyFunded: { question: "deja", newProjectQuestion: "nouveau", programme: "TOUT" },
        durationDays: { question: "jours", min: 2, max: 20 },
        amount: { question: "budget", min: 100, max: 2500.5 },
        deadline: false,
      },
      review: {
        sheetName: "Candidatures TOUT-2026",
        applicant: { question: "nom", header: "Nom" },
        criteria: [
          { id: "a", label: "A", weight: 0.5 },
          { id: "b", label: "B", weight: 3 },
        ],
        shownAnswers: ["debut", "cases"],
        maxScore: 4,
        statuses: [{ label: "Ajournée", meaning: "Revue à la session suivante." }, { label: "Réorientée" }],
      },
    });
    const layout = callSheetLayout(call);
    const values = layoutValues(layout);
    const reading = readCallSheet(layout.name, values);
    expect(reading.problems).toBeUndefined();
    expect(reading.call).toEqual(call);
    expect(layoutValues(callSheetLayout(reading.call ?? call))).toEqual(values);
  });

  it("a blank call reads as a valid call", () => {
    const layout = callSheetLayout(blankCall("FORMATION-2026", new Date("2026-01-10T00:00:00Z")));
    const call = readCallSheet(layout.name, layoutValues(layout)).call;
    expect(call?.id).toBe("FORMATION-2026");
    expect(call?.opensAt).toBe("2026-01-01T00:00:00+01:00");
    expect(call?.closesAt).toBe("2026-12-31T23:59:59+01:00");
  });
});

describe("a call sheet that does not hold together names the sheet, the cell and the value", () => {
  const edit = (change: (values: Grid) => void): string[] => {
    const { name, values } = sheetOf("EXPLOR-2025", "EXPLOR-2026");
    change(values);
    return problemsOf(name, values);
  };
  const set = (values: Grid, first: string, column: number, value: LayoutCell, from = 0) => {
    (values[rowOf(values, first, from)] as LayoutCell[])[column] = value;
  };
  const cellOf = (values: Grid, first: string, column: number, from = 0) =>
    `${String.fromCharCode(65 + column)}${rowOf(values, first, from) + 1}`;

  it("a choice list that is empty", () => {
    const { values } = sheetOf("EXPLOR-2025", "EXPLOR-2026");
    const cell = cellOf(values, "missionObjet", COLUMN.choices);
    expect(
      edit((v) => {
        set(v, "missionObjet", COLUMN.choices, ";");
      }),
    ).toEqual([
      `Appel EXPLOR-2026, cellule ${cell} : la question « missionObjet » (choix unique) n'a aucun choix — valeur « ; »`,
    ]);
  });

  it("an eligibility rule reading a question that does not exist", () => {
    const { values } = sheetOf("EXPLOR-2025", "EXPLOR-2026");
    const cell = cellOf(values, "Durée entre … et … jours", 1);
    expect(edit((v) => set(v, "Durée entre … et … jours", 1, "dureeMission"))).toEqual([
      `Appel EXPLOR-2026, cellule ${cell} : une règle d'éligibilité lit une question inconnue : « dureeMission » — valeur « dureeMission »`,
    ]);
  });

  it("an eligibility rule reading a question of the wrong type", () => {
    const { values } = sheetOf("EXPLOR-2025", "EXPLOR-2026");
    const cell = cellOf(values, "Durée entre … et … jours", 1);
    expect(edit((v) => set(v, "Durée entre … et … jours", 1, "missionDebut"))).toEqual([
      `Appel EXPLOR-2026, cellule ${cell} : une règle d'éligibilité lit la question « missionDebut » de type date, attendu nombre — valeur « missionDebut »`,
    ]);
  });

  it("a closing time before the opening", () => {
    const closing = "Clôture (heure de Paris, dernière seconde à l'heure)";
    const { values } = sheetOf("EXPLOR-2025", "EXPLOR-2026");
    const cell = cellOf(values, closing, 1);
    expect(edit((v) => set(v, closing, 1, "31/03/2025 23:59:59"))).toEqual([
      `Appel EXPLOR-2026, cellule ${cell} : l'ouverture doit précéder la clôture — valeur « 31/03/2025 23:59:59 »`,
    ]);
  });

  it("a personal question read by an eligibility rule", () => {
    const { values } = sheetOf("EXPLOR-2025", "EXPLOR-2026");
    const cell = cellOf(values, "Siège dans les départements", 1);
    expect(edit((v) => set(v, "associationCodePostal", COLUMN.personal, "Oui"))).toEqual([
      `Appel EXPLOR-2026, cellule ${cell} : la question « associationCodePostal » lue par une règle d'éligibilité ne peut pas être personnelle : l'effacement changerait le verdict — valeur « associationCodePostal »`,
    ]);
  });

  it("two questions with one id", () => {
    const { values } = sheetOf("EXPLOR-2025", "EXPLOR-2026");
    const cell = cellOf(values, "missionFin", COLUMN.id);
    expect(edit((v) => set(v, "missionFin", COLUMN.id, "missionDebut"))).toEqual([
      `Appel EXPLOR-2026, cellule ${cell} : identifiant de question en double : « missionDebut » — valeur « missionDebut »`,
      // The review sheet's summary still cites the old id: the cell that lists it says so.
      `Appel EXPLOR-2026, cellule ${cellOf(values, SHOWN, 1)} : la grille d'instruction cite une question inconnue : « missionFin » — valeur « projetTitre ; missionObjet ; missionDebut ; missionFin ; budgetTotal »`,
    ]);
  });

  it.each([0, -2])("a weight of %s, which is not positive", (weight) => {
    const { values } = sheetOf("EXPLOR-2025", "EXPLOR-2026");
    const cell = cellOf(values, "odd", 2);
    expect(edit((v) => set(v, "odd", 2, weight))).toEqual([
      `Appel EXPLOR-2026, cellule ${cell} : poids : attendu un nombre positif (plus grand que 0) — valeur « ${weight} »`,
    ]);
  });

  it("a weight that is no number", () => {
    const { values } = sheetOf("EXPLOR-2025", "EXPLOR-2026");
    const cell = cellOf(values, "odd", 2);
    expect(edit((v) => set(v, "odd", 2, "deux"))).toEqual([
      `Appel EXPLOR-2026, cellule ${cell} : attendu un nombre — valeur « deux »`,
    ]);
  });

  it("an unknown question type, an unknown rule, a bad id: every problem at once", () => {
    const { values } = sheetOf("EXPLOR-2025", "EXPLOR-2026");
    const problems = edit((v) => {
      set(v, "missionDuree", COLUMN.type, "entier");
      set(v, "Durée entre … et … jours", 0, "Durée au plus");
      set(v, "projetTitre", COLUMN.id, "Projet titre");
    });
    expect(problems).toEqual([
      `Appel EXPLOR-2026, cellule ${cellOf(values, "missionDuree", COLUMN.type)} : type de question inconnu, attendu : texte court, paragraphe, choix unique, cases à cocher, liste, date, nombre, montant (€), oui/non, e-mail, téléphone, code postal, pays, échelle — valeur « entier »`,
      `Appel EXPLOR-2026, cellule ${cellOf(values, "Durée entre … et … jours", 0)} : règle inconnue, attendu : Siège dans les départements, Pays partenaire sur la liste CAD, Déjà financée sans nouveau projet, Durée entre … et … jours, Montant entre … et … €, Déposée avant la clôture — valeur « Durée au plus »`,
      `Appel EXPLOR-2026, cellule ${cellOf(values, "projetTitre", COLUMN.id)} : identifiant au mauvais format : une lettre minuscule puis lettres et chiffres sans espace (comme associationNom) ; pour l'appel, comme EXPLOR-2026 — valeur « Projet titre »`,
      `Appel EXPLOR-2026, cellule ${cellOf(values, PROJECT, 1)} : la grille d'instruction cite une question inconnue : « projetTitre » — valeur « projetTitre »`,
      `Appel EXPLOR-2026, cellule ${cellOf(values, SHOWN, 1)} : la grille d'instruction cite une question inconnue : « projetTitre » — valeur « projetTitre ; missionObjet ; missionDebut ; missionFin ; budgetTotal »`,
    ]);
  });

  it("an id that is not the sheet's, an unknown DAC list, a rule given twice, a bad regular expression", () => {
    const problems = edit((v) => {
      set(v, "Identifiant", 1, "EXPLOR-2027");
      set(v, "Pays partenaire sur la liste CAD", 2, "CAD-2030");
      set(v, "projetTitre", 10, "^(abc");
      const rule = rowOf(v, "Durée entre … et … jours");
      v.splice(rule + 1, 0, [...(v[rule] as LayoutCell[])]);
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /cellule B5 : l'identifiant doit être celui du nom de la feuille \(« EXPLOR-2026 »\)/,
      ),
      expect.stringMatching(/cellule K\d+ : expression régulière invalide — valeur « \^\(abc »/),
      expect.stringMatching(/cellule C\d+ : Liste CAD inconnue .*CAD-2030/),
      expect.stringMatching(/cellule A\d+ : règle déjà donnée ligne \d+ : une seule par appel/),
    ]);
  });

  it("a status the call adds twice, and a meaning without its status", () => {
    const { values } = sheetOf("EXPLOR-2025", "EXPLOR-2026");
    const last = rowOf(values, "Sans suite");
    const problems = edit((v) => {
      v.push(["Ajournée", "Revue plus tard.", ...Array(10).fill("")]);
      v.push(["Ajournée", "", ...Array(10).fill("")]);
      v.push(["", "Sans statut", ...Array(10).fill("")]);
    });
    expect(problems).toEqual([
      `Appel EXPLOR-2026, cellule A${last + 4} : statut manquant (la signification est donnée sans statut) — valeur « » (vide)`,
      `Appel EXPLOR-2026, cellule A${last + 3} : statut déjà dans la liste : « Ajournée » — valeur « Ajournée »`,
    ]);
  });

  it("a review sheet named like a call sheet, which the sync would overwrite", () => {
    expect(edit((v) => set(v, "Feuille d'instruction", 1, "Appel EXPLOR-2026"))).toEqual([
      expect.stringMatching(
        /^Appel EXPLOR-2026, cellule B13 : la feuille d'instruction ne peut pas porter le nom d'une feuille d'appel ou de synthèse \(elle serait réécrite\) — valeur « Appel EXPLOR-2026 »$/,
      ),
    ]);
  });

  it("a sheet whose section titles were deleted says which, and how to start again", () => {
    const { name, values } = sheetOf("EXPLOR-2025", "EXPLOR-2026");
    values.splice(rowOf(values, "Règles d'éligibilité"), 1);
    expect(problemsOf(name, values)).toEqual([
      "Appel EXPLOR-2026, cellule A1 : section introuvable en colonne A : Règles d'éligibilité — recréez la feuille avec Lianes › Paramètres › Dupliquer un appel… — valeur « Appel à candidatures EXPLOR-2026 »",
    ]);
  });

  it("cells as Sheets gives them back: check boxes for Oui/Non, numbers typed as text, 02 read as 2", () => {
    const { name, values } = sheetOf("EXPLOR-2025", "EXPLOR-2026");
    set(values, "missionDuree", 3, true);
    set(values, "missionDuree", 6, false);
    set(values, "besoin", 2, "2,5");
    set(values, "Places (capacité)", 1, "8");
    set(values, "Siège dans les départements", 2, 2);
    const call = readCallSheet(name, values).call;
    expect(call?.eligibility.headOffice?.departements).toEqual(["02"]);
    expect(call?.questions.find((q) => q.id === "missionDuree")).toMatchObject({ required: true });
    expect(call?.review.criteria[0]?.weight).toBe(2.5);
    expect(call?.capacity).toBe(8);
  });

  it("a yes/no cell that says neither", () => {
    const { values } = sheetOf("EXPLOR-2025", "EXPLOR-2026");
    const cell = cellOf(values, "missionDuree", 3);
    expect(edit((v) => set(v, "missionDuree", 3, "peut-être"))).toEqual([
      `Appel EXPLOR-2026, cellule ${cell} : attendu Oui ou Non — valeur « peut-être »`,
    ]);
  });

  it("the closing missing, the places not a whole number", () => {
    const closing = "Clôture (heure de Paris, dernière seconde à l'heure)";
    const problems = edit((v) => {
      set(v, closing, 1, "");
      set(v, "Places (capacité)", 1, 2.5);
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /cellule B\d+ : date et heure manquantes, attendu par exemple 15\/06\/2025 23:59:59/,
      ),
      expect.stringMatching(/cellule B\d+ : nombre de places : attendu un nombre entier — valeur « 2.5 »/),
    ]);
  });
});
