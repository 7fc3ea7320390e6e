/**
 * Every `server*` global of the built bundle is reachable from any page through
 * `google.script.run`: unknown fields, wrong types, oversized payloads and out-of-range numbers
 * are refused with a French error (an InputError, as the sidebars show it) and change nothing —
 * not a cell, not a formula, not a document property.
 */
import { describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS } from "../../dev/fixtures/intake-samples";
import { createHost, type Host } from "../../dev/host";
import { callById } from "../../src/core/intake/calls";
import { fakeInfoEuro } from "../support/infoeuro-fetch";

const CALL = callById("EXPLOR-2025");

/** A workbook where every server would have something to write: convention, review sheet, free cell. */
function setup(): { host: Host; key: string } {
  const host = createHost({ services: { UrlFetchApp: fakeInfoEuro().services.UrlFetchApp } });
  host.call("onOpen", {});
  host.runMenuItem("Budget de convention…", { kind: "prompt", button: "OK", text: "" });
  host.runMenuItem("Créer le formulaire…", { kind: "prompt", button: "OK", text: CALL.id });
  const form = [...host.forms.forms.values()].at(-1);
  if (!form) throw new Error("no form");
  host.submitForm(form, {
    answers: Object.fromEntries(
      CALL.questions
        .filter((q) => EXPLOR_ANSWERS[q.id] !== undefined)
        .map((q) => [q.label, String(EXPLOR_ANSWERS[q.id])]),
    ),
    email: "claire.martin@artois-sahel.fr",
    timestamp: new Date("2025-06-01T10:00:00+02:00"),
  });
  const review = host.values(CALL.review.sheetName);
  const key = String(review[1]?.[(review[0] ?? []).indexOf("Clé")]);
  const sheet = host.spreadsheet.insertSheet("Libre");
  sheet.activate();
  sheet.getRange("B2").activate();
  return { host, key };
}

/** Every sheet's values and formulas, and the document's properties. */
function snapshot(host: Host): string {
  return JSON.stringify({
    sheets: host.spreadsheet.getSheets().map((s) => ({
      name: s.getName(),
      values: s.getDataRange().getValues(),
      formulas: s.getDataRange().getFormulas(),
    })),
    properties: host.documentProperties.getProperties(),
  });
}

const long = (n: number) => "x".repeat(n);

const line = (fields: Record<string, unknown> = {}) => ({
  categorie: "avion",
  libelle: "",
  montant: "850",
  devise: "EUR",
  taux: "",
  mois: "",
  jours: "",
  justificatif: { date: "", fournisseur: "", prestation: "", montant: "" },
  ...fields,
});
const calculator = (fields: Record<string, unknown> = {}) => ({
  regle: "EXPLOR-HDF-2025",
  titre: "",
  lignes: [line()],
  ...fields,
});
const plan = (fields: Record<string, unknown> = {}) => ({
  charges: [{ category: "Frais", amount: 100 }],
  receipts: [{ kind: "solde", name: "CD62" }],
  ...fields,
});
const save = (key: string, fields: Record<string, unknown> = {}) => ({
  appel: CALL.id,
  cle: key,
  statut: "Retenue",
  instructeur: "Claire",
  notes: [1, 2, 3, 4],
  decision: "",
  commentaire: "",
  ...fields,
});

type Case = readonly [name: string, args: (key: string) => unknown[]];

/** Bad payloads shared by the servers taking one object. */
const WRONG_TYPES: readonly Case[] = [
  ["no argument", () => []],
  ["null", () => [null]],
  ["a text", () => ["texte"]],
  ["a number", () => [42]],
  ["a list", () => [[]]],
  ["a prototype key", () => [JSON.parse('{"__proto__": {"pirate": 1}}')]],
];

const CALCULATOR: readonly Case[] = [
  ...WRONG_TYPES,
  ["unknown field", () => [{ ...calculator(), pirate: 1 }]],
  ["unknown field in a line", () => [calculator({ lignes: [{ ...line(), pirate: 1 }] })]],
  [
    "unknown field in a receipt",
    () => [
      calculator({
        lignes: [
          line({ justificatif: { date: "", fournisseur: "", prestation: "", montant: "", pirate: 1 } }),
        ],
      }),
    ],
  ],
  ["rule of the wrong type", () => [calculator({ regle: 5 })]],
  ["lines not a list", () => [calculator({ lignes: "x" })]],
  ["amount as a number", () => [calculator({ lignes: [line({ montant: 850 })] })]],
  ["title too long", () => [calculator({ titre: long(60_000) })]],
  ["label too long", () => [calculator({ lignes: [line({ categorie: "autre", libelle: long(201) })] })]],
  ["too many lines", () => [calculator({ lignes: Array.from({ length: 201 }, () => line()) })]],
  ["unknown rule", () => [calculator({ regle: "EXPLOR-1999" })]],
  ["unknown category", () => [calculator({ lignes: [line({ categorie: "yacht" })] })]],
  ["amount out of range", () => [calculator({ lignes: [line({ montant: "1e400" })] })]],
  ["amount too large", () => [calculator({ lignes: [line({ montant: "99999999999999999999" })] })]],
  ["negative amount", () => [calculator({ lignes: [line({ montant: "-850" })] })]],
  [
    "negative days",
    () => [calculator({ lignes: [line({ categorie: "per_diem", montant: "", jours: "-1" })] })],
  ],
  [
    "days out of range",
    () => [calculator({ lignes: [line({ categorie: "per_diem", montant: "", jours: "100001" })] })],
  ],
  ["zero rate", () => [calculator({ lignes: [line({ devise: "MAD", taux: "0", mois: "2025-07" })] })]],
];

const PLAN: readonly Case[] = [
  ...WRONG_TYPES,
  ["unknown field", () => [{ ...plan(), pirate: 1 }]],
  ["unknown field in a charge", () => [plan({ charges: [{ category: "Frais", amount: 100, pirate: 1 }] })]],
  ["unknown funder kind", () => [plan({ receipts: [{ kind: "don", name: "X" }] })]],
  ["amount of the wrong type", () => [plan({ charges: [{ category: "Frais", amount: true }] })]],
  ["category too long", () => [plan({ charges: [{ category: long(60_000), amount: 100 }] })]],
  [
    "too many charges",
    () => [plan({ charges: Array.from({ length: 501 }, () => ({ category: "F", amount: 1 })) })],
  ],
  ["amount out of range", () => [plan({ charges: [{ category: "Frais", amount: 1e300 }] })]],
  ["amount as text out of range", () => [plan({ charges: [{ category: "Frais", amount: "1e400" }] })]],
  ["negative amount", () => [plan({ charges: [{ category: "Frais", amount: -100 }] })]],
  [
    "share above 100 %",
    () => [
      plan({
        receipts: [
          { kind: "share", name: "A", share: 2 },
          { kind: "solde", name: "B" },
        ],
      }),
    ],
  ],
  [
    "negative share",
    () => [
      plan({
        receipts: [
          { kind: "share", name: "A", share: -0.5 },
          { kind: "solde", name: "B" },
        ],
      }),
    ],
  ],
  [
    "two soldes",
    () => [
      plan({
        receipts: [
          { kind: "solde", name: "A" },
          { kind: "solde", name: "B" },
        ],
      }),
    ],
  ],
];

const TABLEAU: readonly Case[] = [
  ...WRONG_TYPES,
  ["unknown field", () => [{ appel: CALL.id, pirate: 1 }]],
  ["call of the wrong type", () => [{ appel: 2025 }]],
  ["call too long", () => [{ appel: long(60_000) }]],
  ["unknown call", () => [{ appel: "EXPLOR-1999" }]],
];

const SUIVANTE: readonly Case[] = [
  ...TABLEAU,
  ["key too long", (key) => [{ appel: CALL.id, cle: `${key}${long(300)}` }]],
  ["key of the wrong type", () => [{ appel: CALL.id, cle: 7 }]],
  ["unknown key", () => [{ appel: CALL.id, cle: "2000-01-01T00:00:00Z|x|00000000" }]],
];

const ENREGISTRER: readonly Case[] = [
  ...WRONG_TYPES,
  ["unknown field", (key) => [{ ...save(key), pirate: 1 }]],
  ["missing field", (key) => [{ appel: CALL.id, cle: key }]],
  ["unknown status", (key) => [save(key, { statut: "Acceptée" })]],
  ["score above the maximum", (key) => [save(key, { notes: [99, 2, 3, 4] })]],
  ["negative score", (key) => [save(key, { notes: [-1, 2, 3, 4] })]],
  ["fractional score", (key) => [save(key, { notes: [1.5, 2, 3, 4] })]],
  ["score as text", (key) => [save(key, { notes: ["5", 2, 3, 4] })]],
  ["too few scores", (key) => [save(key, { notes: [1] })]],
  ["too many scores", (key) => [save(key, { notes: Array.from({ length: 51 }, () => 1) })]],
  ["empty key", (key) => [save(key, { cle: "" })]],
  ["unknown key", (key) => [save(key, { cle: "2000-01-01T00:00:00Z|x|00000000" })]],
  ["instructor too long", (key) => [save(key, { instructeur: long(201) })]],
  ["decision too long", (key) => [save(key, { decision: long(2001) })]],
  ["comment too long", (key) => [save(key, { commentaire: long(60_000) })]],
  ["comment of the wrong type", (key) => [save(key, { commentaire: { texte: "x" } })]],
];

const TAUX: readonly Case[] = [
  ["no argument", () => []],
  ["currency of the wrong type", () => [5, "2025-07"]],
  ["month of the wrong type", () => ["MAD", {}]],
  ["currency too long", () => [long(60_000), "2025-07"]],
  ["month too long", () => ["MAD", long(60_000)]],
  ["not a currency code", () => ["M4D", "2025-07"]],
  ["month out of range", () => ["MAD", "2025-13"]],
  ["month too far back", () => ["MAD", "1899-12"]],
];

const TABLE: Record<string, readonly Case[]> = {
  serverInsererDecompte: CALCULATOR,
  serverRemplirFeuilleMission: CALCULATOR,
  serverEcrirePlanFinancement: PLAN,
  serverChargesPlanFinancement: [],
  serverCandidaturesAppels: [],
  serverCandidaturesTableau: TABLEAU,
  serverCandidatureSuivante: SUIVANTE,
  serverCandidatureEnregistrer: ENREGISTRER,
  serverTauxInfoEuro: TAUX,
};

/** A French message as the sidebars show it; never zod's or the engine's English. */
const FRENCH =
  /(invalide|refusée?|inconnue?|trop long|[Tt]rop de|attendue?|au plus|[Aa]ucune?|introuvable|non accepté|doi(?:t|vent)|vide|hors|absent|seul)/;
const ENGLISH = /\b(Invalid|Expected|expected|Unrecognized|received|TypeError|Cannot|is not|undefined|NaN)\b/;

describe("server entry points refuse bad payloads in French and change nothing", () => {
  const { host, key } = setup();

  it("the table covers every server* global of the bundle", () => {
    const servers = Object.keys(host.globals)
      .filter((k) => k.startsWith("server"))
      .sort();
    expect(servers).toEqual(Object.keys(TABLE).sort());
  });

  const cases = Object.entries(TABLE).flatMap(([server, list]) =>
    list.map(([name, args]) => ({ server, name, args })),
  );

  it(`${cases.length} payloads`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
  });

  it.each(cases)("$server: $name", ({ server, args }) => {
    const before = snapshot(host);
    let error: unknown;
    try {
      host.call(server, ...args(key));
    } catch (e) {
      error = e;
    }
    expect(error, "accepté sans erreur").toBeDefined();
    const { message } = error as Error;
    // An InputError's message as is; anything else would be « Erreur inattendue… » (a crash).
    expect(message).not.toMatch(/^Erreur inattendue/);
    expect(message).toMatch(FRENCH);
    expect(message).not.toMatch(ENGLISH);
    expect(message.length).toBeLessThan(600);
    expect(snapshot(host)).toBe(before);
  });

  it("arguments beyond those declared never reach the server: the generated globals pass only theirs", () => {
    for (const [server, args] of [
      ["serverChargesPlanFinancement", [{ pirate: 1 }, "x".repeat(60_000)]],
      ["serverCandidaturesAppels", [{ pirate: 1 }]],
      ["serverTauxInfoEuro", ["MAD", "2025-07", { pirate: 1 }]],
    ] as const) {
      const declared = args.slice(0, server === "serverTauxInfoEuro" ? 2 : 0);
      host.call(server, ...declared); // warms the rate cache
      const plain = JSON.stringify(host.call(server, ...declared));
      const before = snapshot(host);
      expect(JSON.stringify(host.call(server, ...args))).toBe(plain);
      expect(snapshot(host)).toBe(before);
    }
  });

  it("the same servers still accept a good payload (the setup is sound)", () => {
    expect(() => host.call("serverCandidaturesTableau", { appel: CALL.id })).not.toThrow();
    expect(() => host.call("serverTauxInfoEuro", "MAD", "2025-07")).not.toThrow();
    expect(() => host.call("serverInsererDecompte", calculator())).not.toThrow();
  });
});
