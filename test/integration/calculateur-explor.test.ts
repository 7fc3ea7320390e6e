import { describe, expect, it } from "vitest";
import { createHost, type Host } from "../../dev/host";

interface Line {
  categorie: string;
  libelle: string;
  montant: string;
  devise: string;
  taux: string;
  mois: string;
  jours: string;
  justificatif: { date: string; fournisseur: string; prestation: string; montant: string };
}

function line(
  fields: Partial<Omit<Line, "justificatif">> & { justificatif?: Partial<Line["justificatif"]> },
): Line {
  return {
    categorie: "",
    libelle: "",
    montant: "",
    devise: "EUR",
    taux: "",
    mois: "",
    jours: "",
    ...fields,
    justificatif: { date: "", fournisseur: "", prestation: "", montant: "", ...fields.justificatif },
  };
}

/** Mission A of DOMAIN.md §2: 1 497,00 € actual, all eligible, 748,50 € paid. */
const MISSION_A = [
  line({ categorie: "avion", montant: "850" }),
  line({ categorie: "transports_locaux", montant: "120" }),
  line({ categorie: "per_diem", jours: "10" }),
  line({ categorie: "hebergement", montant: "280" }),
  line({ categorie: "vaccins", montant: "45" }),
  line({ categorie: "assurance", montant: "52" }),
];

function request(lignes: unknown[], extra: Record<string, unknown> = {}) {
  return { regle: "EXPLOR-HDF-2025", titre: "", lignes, ...extra };
}

function hostAt(a1: string): Host {
  const host = createHost();
  const sheet = host.spreadsheet.insertSheet("Calcul");
  sheet.activate();
  sheet.getRange(a1).activate();
  return host;
}

const insert = (host: Host, demande: unknown) => () => host.call("serverInsererDecompte", demande);

describe("Calculateur EXPLOR: server entry points on the local host", () => {
  it("opens the sidebar from Lianes › Calculateur EXPLOR", () => {
    const host = createHost();
    host.call("onOpen", {});
    host.runMenuItem("Calculateur EXPLOR");
    const sidebar = host.ui.sidebars[0] as { getTitle(): string; getContent(): string };
    expect(sidebar.getTitle()).toBe("Calculateur EXPLOR");
    expect(sidebar.getContent()).toContain("Insérer le décompte");
  });

  it("writes Mission A's décompte (per diem by days) at the active cell", () => {
    const host = hostAt("C5");
    expect(host.call("serverInsererDecompte", request(MISSION_A))).toEqual({
      sheet: "Calcul",
      range: "C5:G15",
    });
    const values = host.spreadsheet.getSheetByName("Calcul")?.getRange("C5:G15").getValues();
    expect(values?.[3]).toEqual(["Per diem", 150, 150, 150, ""]);
    expect(values?.slice(7)).toEqual([
      ["Total", 1497, "", 1497, ""],
      ["Total éligible retenu", "", 2000, 1497, ""],
      ["Prise en charge", "", "", 748.5, ""],
      ["Reste à charge association", "", "", 748.5, ""],
    ]);
  });

  it("converts a foreign amount at the given rate, halves away from zero, and keeps rate and month in the mission sheet", () => {
    const host = hostAt("A1");
    const lines = [
      line({ categorie: "visa", montant: "1 058,665", devise: "mad", taux: "10,5866", mois: "2025-07" }),
    ];
    host.call("serverInsererDecompte", request(lines));
    expect(host.spreadsheet.getSheetByName("Calcul")?.getRange("A2:E2").getValues()).toEqual([
      ["Visa", 100, 60, 60, "plafond de la catégorie atteint : 60,00\u00a0€ par mission"],
    ]);
    expect(host.call("serverRemplirFeuilleMission", request(lines))).toEqual({ sheet: "Mission EXPLOR" });
    expect(host.values("Mission EXPLOR")[2]?.slice(0, 6)).toEqual([
      "Visa",
      1058.665,
      "MAD",
      10.5866,
      "2025-07",
      100,
    ]);
  });

  it("refuses what the page could not have sent, in French", () => {
    const host = hostAt("A1");
    expect(insert(host, "x")).toThrow("Calculateur EXPLOR : Donnée invalide : objet attendu");
    expect(insert(host, request([], { pirate: 1 }))).toThrow(
      "Calculateur EXPLOR : Champ inconnu : « pirate »",
    );
    expect(insert(host, request([{ ...line({}), formule: "=1" }]))).toThrow(
      "Calculateur EXPLOR : Champ inconnu (lignes, ligne 1) : « formule »",
    );
    expect(insert(host, request([line({ montant: 12 as unknown as string })]))).toThrow(
      "Calculateur EXPLOR : Donnée invalide (lignes, ligne 1, montant) : texte attendu",
    );
    expect(insert(host, request(new Array(201).fill(line({ categorie: "visa", montant: "1" }))))).toThrow(
      "Calculateur EXPLOR : Trop de lignes (lignes) : au plus 200",
    );
    expect(insert(host, request([line({ categorie: "autre", libelle: "x".repeat(201) })]))).toThrow(
      "Calculateur EXPLOR : Texte trop long (lignes, ligne 1, libelle) : au plus 200 caractères",
    );
  });

  it("reads every line again and refuses the first bad field with its French message", () => {
    const host = hostAt("A1");
    expect(insert(host, request(MISSION_A, { regle: "EXPLOR-XX" }))).toThrow(
      "Règle EXPLOR inconnue (regle) : « EXPLOR-XX » — règles connues : EXPLOR-HDF-2025, EXPLOR-AURA",
    );
    expect(insert(host, request([...MISSION_A, line({ categorie: "visa", montant: "abc" })]))).toThrow(
      "Montant invalide (montant, ligne 7) : « abc »",
    );
    expect(insert(host, request([line({ categorie: "bijoux", montant: "5" })]))).toThrow(
      "Catégorie inconnue (catégorie, ligne 1) : « bijoux » — catégories de EXPLOR-HDF-2025 : avion, transports_locaux, per_diem, visa, hebergement, vaccins, assurance",
    );
    expect(insert(host, request([line({ montant: "5" })]))).toThrow(
      "Catégorie manquante (catégorie, ligne 1) — choisissez une catégorie ou « Autre dépense (non prise en charge) »",
    );
    expect(insert(host, request([line({ categorie: "visa", montant: "-5" })]))).toThrow(
      "Montant négatif non accepté (montant, ligne 1) : « -5 »",
    );
    expect(insert(host, request([line({ categorie: "per_diem", jours: "2,5" })]))).toThrow(
      "Nombre de jours invalide (jours, ligne 1) : « 2,5 » — un nombre entier de jours, 0 ou plus",
    );
    expect(
      insert(host, request([line({ categorie: "visa", montant: "5", devise: "MAD", mois: "2025-07" })])),
    ).toThrow("Taux manquant (taux, ligne 1) — indiquez le mois pour le taux InfoEuro, ou saisissez le taux");
    expect(
      insert(
        host,
        request([line({ categorie: "visa", montant: "5", devise: "MAD", taux: "0", mois: "2025-07" })]),
      ),
    ).toThrow("Taux invalide, il doit être positif (taux, ligne 1) : « 0 »");
    expect(
      insert(host, request([line({ categorie: "visa", montant: "5", devise: "MAD", taux: "10" })])),
    ).toThrow("Mois du taux manquant (mois, ligne 1) — indiquez le mois du paiement, ex. 2025-07");
    expect(
      insert(
        host,
        request([line({ categorie: "visa", montant: "5", devise: "DH", taux: "10", mois: "2025-07" })]),
      ),
    ).toThrow(
      "Devise invalide (devise, ligne 1) : « DH » — attendu un code ISO 4217 de trois lettres, ex. MAD",
    );
    expect(
      insert(
        host,
        request([line({ categorie: "visa", montant: "5", justificatif: { date: "2025-02-30" } })]),
      ),
    ).toThrow(
      "Date invalide (date du justificatif, ligne 1) : « 2025-02-30 » — attendu une date comme 2025-07-12",
    );
    expect(insert(host, request([line({ categorie: "visa" })]))).toThrow(
      "Aucune dépense à inscrire : saisissez au moins un montant",
    );
    expect(() => host.call("serverRemplirFeuilleMission", request([line({})]))).toThrow(
      "Aucune dépense à inscrire : saisissez au moins une ligne",
    );
    expect(host.values("Calcul")).toEqual([[""]]);
  });

  it("refuses to write over a cell that holds a value or a formula", () => {
    const host = hostAt("B2");
    const sheet = host.spreadsheet.getSheetByName("Calcul");
    sheet?.getRange("F12").setValue('=""');
    expect(insert(host, request(MISSION_A))).toThrow(
      "Le décompte occuperait B2:F12, qui contient déjà des données : sélectionnez une cellule libre (11 lignes × 5 colonnes)",
    );
    sheet?.getRange("Z1").activate();
    expect(insert(host, request(MISSION_A))).toThrow(
      "Pas assez de colonnes à droite de Z1 pour les 5 colonnes du décompte : choisissez une cellule plus à gauche",
    );
  });

  it("keeps an 'autre' line named like a category out of that category in the mission sheet", () => {
    const host = createHost();
    host.call(
      "serverRemplirFeuilleMission",
      request([line({ categorie: "autre", libelle: "Visa", montant: "80" })]),
    );
    const row = host.values("Mission EXPLOR")[2];
    expect([row?.[0], row?.[8]]).toEqual(["Autre dépense : Visa", 0]);
  });

  it("in the final décompte, refuses a hotel without its receipt; two hotels share the 300 € of the mission", () => {
    const host = hostAt("A1");
    const full = { date: "2025-07-12", fournisseur: "Hôtel", prestation: "2 nuits", montant: "200" };
    host.call(
      "serverInsererDecompte",
      request(
        [
          line({ categorie: "hebergement", montant: "200", justificatif: full }),
          line({ categorie: "hebergement", montant: "150", justificatif: { ...full, montant: "150" } }),
          line({ categorie: "hebergement", montant: "90" }),
        ],
        { etape: "final" },
      ),
    );
    expect(host.spreadsheet.getSheetByName("Calcul")?.getRange("A2:E4").getValues()).toEqual([
      ["Hébergement", 200, 300, 200, ""],
      ["Hébergement", 150, 300, 100, "plafond de la catégorie atteint : 300,00\u00a0€ par mission"],
      ["Hébergement", 90, 300, 0, "justificatif incomplet — non remboursable"],
    ]);
    expect(host.spreadsheet.getSheetByName("Calcul")?.getRange("D7").getValue()).toBe(150);

    // The mission sheet it fills is in its final décompte too, and its formulas agree.
    host.call(
      "serverRemplirFeuilleMission",
      request(
        [
          line({ categorie: "hebergement", montant: "200", justificatif: full }),
          line({ categorie: "hebergement", montant: "150", justificatif: { ...full, montant: "150" } }),
          line({ categorie: "hebergement", montant: "90" }),
        ],
        { etape: "final" },
      ),
    );
    const mission = host.values("Mission EXPLOR");
    expect(mission[1]?.slice(3, 5)).toEqual(["Étape :", "Décompte final"]);
    expect(mission.slice(2, 5).map((r) => [r[8], r[13]])).toEqual([
      [200, true],
      [100, true],
      [0, false],
    ]);
    expect(mission.find((r) => r[0] === "Prise en charge EXPLOR")?.[8]).toBe(150);
  });

  it("answers « Total trop grand » in French for 200 lines of 999 999 999 999 €", () => {
    const host = hostAt("A1");
    const lines = Array.from({ length: 200 }, () => line({ categorie: "visa", montant: "999999999999" }));
    expect(insert(host, request(lines))).toThrow(
      "Total trop grand (montant, ligne 2) : « 999999999999 » — la somme des montants dépasse 1 000 000 000 000 €",
    );
  });
});
