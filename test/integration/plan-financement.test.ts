import { describe, expect, it } from "vitest";
import { createHost, type Host } from "../../dev/host";

const CHARGES = [
  { category: "Coûts RH", amount: "8 139,54" },
  { category: "Frais de transport et fournitures", amount: 200 },
  { category: "Graphisme et fabrication des outils PAM", amount: "1400" },
  { category: "Administratif et coûts indirects", amount: "2 140,00 €" },
];

function hostAtEmptySheet(): Host {
  const host = createHost();
  const sheet = host.spreadsheet.insertSheet("Plan");
  sheet.activate();
  sheet.getRange("B2").activate();
  return host;
}

function write(host: Host, payload: unknown): unknown {
  return host.call("serverEcrirePlanFinancement", payload);
}

/** The message of what `run` throws, with fr-FR's narrow and non-breaking spaces as plain spaces. */
function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message.replace(/[\u00a0\u202f]/g, " ");
  }
  throw new Error("aucune erreur");
}

const isEmpty = (host: Host, sheet: string) => host.values(sheet).every((r) => r.every((v) => v === ""));

describe("serverEcrirePlanFinancement on the host", () => {
  it("writes CD62 as a share of 83 % and RECITAL 2 000 at the active cell B2", () => {
    const host = hostAtEmptySheet();
    const written = write(host, {
      charges: CHARGES,
      receipts: [
        { kind: "share", name: "CD62", share: "83 %" },
        { kind: "solde", name: "RECITAL" },
      ],
    });
    expect(JSON.stringify(written).replace(/\u202f|\u00a0/g, " ")).toBe(
      JSON.stringify({ sheet: "Plan", range: "B2:G7", total: "11 879,54 €" }),
    );
    // The plan starts at B2: row 1 and column A stay empty.
    const [first, ...rows] = host.values("Plan").map((r) => r.slice(1));
    expect(first?.every((v) => v === "")).toBe(true);
    expect(rows[0]).toEqual(["Dépenses", "Montant", "%", "Recettes", "Montant", "%"]);
    expect(rows[1]).toEqual(["Coûts RH", 8139.54, 0.68, "CD62", 9860.02, 0.83]);
    expect(rows[2]).toEqual(["Frais de transport et fournitures", 200, 0.02, "RECITAL", 2019.52, 0.17]);
    expect(rows[5]).toEqual(["TOTAL CHARGES", 11879.54, 1, "TOTAL PRODUITS", 11879.54, 1]);
  });

  it("refuses an unbalanced plan server-side with the gap, and writes nothing", () => {
    const host = hostAtEmptySheet();
    const message = errorOf(() =>
      write(host, {
        charges: CHARGES,
        receipts: [
          { kind: "fixed", name: "CD62", amount: "8 929,54" },
          { kind: "fixed", name: "RECITAL", amount: 2000 },
        ],
      }),
    );
    expect(message).toBe(
      "Plan de financement déséquilibré : total des charges 11 879,54 €, total des produits 10 929,54 €, il manque 950,00 €",
    );
    expect(isEmpty(host, "Plan")).toBe(true);
  });

  const solde = [{ kind: "solde", name: "CD62" }];
  it.each([
    [
      "a field the page never sends",
      { charges: CHARGES, receipts: solde, extra: 1 },
      "Champ inconnu : « extra »",
    ],
    [
      "an unknown field in a line",
      { charges: [{ category: "RH", amount: 1, note: "x" }], receipts: solde },
      "Champ inconnu (dépenses, ligne 1) : « note »",
    ],
    [
      "an amount of the wrong type",
      { charges: [{ category: "RH", amount: true }], receipts: solde },
      "Donnée invalide (dépenses, ligne 1, montant) : texte ou nombre attendu",
    ],
    [
      "an unknown kind of funder",
      { charges: CHARGES, receipts: [{ kind: "don", name: "X" }] },
      "Valeur hors de la liste (recettes, ligne 1, type) : « fixed », « share » ou « solde » attendu",
    ],
    ["no object at all", "plan", "Donnée invalide : objet attendu"],
    ["a missing list", { charges: CHARGES }, "Donnée invalide (recettes) : liste attendue"],
    [
      "more than 500 lines",
      { charges: Array.from({ length: 501 }, (_, i) => ({ category: `C${i}`, amount: 1 })), receipts: solde },
      "Trop de lignes (dépenses) : au plus 500",
    ],
    [
      "a category of 201 characters",
      { charges: [{ category: "x".repeat(201), amount: 1 }], receipts: solde },
      "Texte trop long (dépenses, ligne 1, catégorie) : au plus 200 caractères",
    ],
  ])("refuses %s in French", (_what, payload, message) => {
    const host = hostAtEmptySheet();
    expect(errorOf(() => write(host, payload))).toBe(`Plan de financement refusé : ${message}`);
    expect(isEmpty(host, "Plan")).toBe(true);
  });

  it.each([
    [{ category: "RH", amount: "abc" }, solde, "Montant invalide (dépenses, ligne 1) : « abc »"],
    [{ category: "RH", amount: "-5" }, solde, "Montant négatif non accepté (dépenses, ligne 1) : « -5 »"],
    [{ category: "", amount: "5" }, solde, "Catégorie manquante (dépenses, ligne 1) : « 5 »"],
    [
      { category: "RH", amount: 10 },
      [
        { kind: "solde", name: "A" },
        { kind: "solde", name: "B" },
      ],
      "Un seul financeur peut être « solde » (recettes, ligne 2) : « B »",
    ],
    [
      { category: "RH", amount: 10 },
      [{ kind: "share", name: "A", share: "1,5" }],
      "Part invalide (recettes, ligne 1) : « 1,5 » — une fraction entre 0 et 1 (0,83) ou un pourcentage (83 %)",
    ],
  ])("refuses the amounts the page would show as errors: %j", (charge, receipts, message) => {
    const host = hostAtEmptySheet();
    expect(errorOf(() => write(host, { charges: [charge], receipts }))).toBe(message);
  });
});

describe("serverChargesPlanFinancement on the host", () => {
  it("reads the selected two columns, skipping blank rows", () => {
    const host = createHost();
    const sheet = host.spreadsheet.insertSheet("Saisie");
    sheet.getRange("A1:B4").setValues([
      ["Coûts RH", 8139.54],
      ["", ""],
      ["Frais", "1 400,5"],
      ["coûts rh", 10],
    ]);
    sheet.activate();
    sheet.getRange("A1:B4").activate();
    const loaded = host.call("serverChargesPlanFinancement") as { source: string; charges: unknown[] };
    expect(loaded.source).toBe("la sélection Saisie!A1:B4");
    expect(JSON.parse(JSON.stringify(loaded.charges).replace(/\\u202f|\u202f/g, " "))).toEqual([
      { category: "Coûts RH", amount: "8 139,54" },
      { category: "Frais", amount: "1 400,50" },
      { category: "coûts rh", amount: "10,00" },
    ]);
  });

  it("names the cell of a bad amount in the selection", () => {
    const host = createHost();
    const sheet = host.spreadsheet.insertSheet("Saisie");
    sheet.getRange("A1:B2").setValues([
      ["RH", 1],
      ["Frais", "beaucoup"],
    ]);
    sheet.activate();
    sheet.getRange("A1:B2").activate();
    expect(() => host.call("serverChargesPlanFinancement")).toThrow(
      "Sélection A1:B2 : Montant invalide (dépenses, ligne 2) : « beaucoup »",
    );
  });

  it("refuses a selection of more than 500 rows", () => {
    const host = createHost();
    const sheet = host.spreadsheet.insertSheet("Saisie");
    sheet.activate();
    sheet.getRange("A1:B501").activate();
    expect(() => host.call("serverChargesPlanFinancement")).toThrow(
      "Sélection trop grande : au plus 500 lignes de dépenses",
    );
  });

  it("without a two-column selection, gives the CD62-2024 budget's four categories", () => {
    const host = createHost();
    const loaded = host.call("serverChargesPlanFinancement") as { source: string; charges: unknown[] };
    expect(loaded.source).toBe("le budget de la convention CD62-2024 (« Budget CD62 »)");
    expect(JSON.parse(JSON.stringify(loaded.charges).replace(/\\u202f|\u202f/g, " "))).toEqual([
      { category: "Coûts RH", amount: "8 139,54" },
      { category: "Frais de transport et fournitures", amount: "200,00" },
      { category: "Graphisme et fabrication des outils PAM (prestation externe)", amount: "1 400,00" },
      { category: "Administratif et coûts indirects", amount: "2 140,00" },
    ]);
  });

  it("opens from Lianes › Plan de financement (panneau)…", () => {
    const host = createHost();
    host.call("onOpen", {});
    host.runMenuItem("Plan de financement (panneau)…");
    expect(host.ui.sidebars).toHaveLength(1);
  });
});
