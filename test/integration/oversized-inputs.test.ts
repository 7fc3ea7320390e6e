/**
 * One reader per input: the financing plan is read by the core's plan reader whichever door it
 * comes through — the PLAN_FINANCEMENT function, the plan panel's page, its two server entry
 * points — so the same oversized or malformed plan gets the same French error everywhere, never
 * a raw RangeError (500 lines of 999 999 999 999 € once threw « not a whole number of cents »).
 * And every menu that asks for a text answers an oversized one in French, writing nothing.
 */
import { describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS } from "../../dev/fixtures/intake-samples";
import { createHost, type Host } from "../../dev/host";
import { callById } from "../../src/core/intake/calls";
import { checkPlan } from "../../src/ui/plan-financement/plan-input";
import { hostWithForm } from "../support/intake";

const CALL = callById("EXPLOR-2025");

const HUGE = "999 999 999 999";
const LINES = 500;
const hugeCharges = Array.from({ length: LINES }, (_, i) => ({ category: `Poste ${i + 1}`, amount: HUGE }));
const solde = [{ kind: "solde" as const, name: "CD62" }];
const TOO_BIG_CHARGES =
  /^Total trop grand \(dépenses, ligne 2\) : « 999 999 999 999 » — la somme des dépenses dépasse 1 000 000 000 000 €$/;

/** The message of what `run` throws, fr-FR's narrow and non-breaking spaces as plain spaces. */
function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).not.toBeInstanceOf(RangeError);
    return (error as Error).message.replace(/[\u00a0\u202f]/g, " ");
  }
  throw new Error("aucune erreur");
}

function hostAt(sheetName: string): Host {
  const host = createHost();
  const sheet = host.spreadsheet.insertSheet(sheetName);
  sheet.activate();
  sheet.getRange("B2").activate();
  return host;
}

const snapshot = (host: Host) =>
  JSON.stringify(host.spreadsheet.getSheets().map((s) => s.getDataRange().getValues()));

describe("a financing plan of 500 lines of 999 999 999 999 €", () => {
  it("the plan panel's page says where the total passes the maximum", () => {
    const checked = checkPlan({ charges: hugeCharges, receipts: solde });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors[0]?.key).toBe("charge-1-montant");
    expect(checked.errors[0]?.message.replace(/[\u00a0\u202f]/g, " ")).toMatch(TOO_BIG_CHARGES);
  });

  it("serverEcrirePlanFinancement refuses it in French and writes nothing", () => {
    const host = hostAt("Plan");
    const before = snapshot(host);
    expect(
      errorOf(() => host.call("serverEcrirePlanFinancement", { charges: hugeCharges, receipts: solde })),
    ).toMatch(/Total trop grand \(dépenses, ligne 2\)/);
    expect(snapshot(host)).toBe(before);
  });

  it("serverEcrirePlanFinancement says the same of 500 fixed receipts", () => {
    const host = hostAt("Plan");
    const receipts = Array.from({ length: LINES }, (_, i) => ({
      kind: "fixed",
      name: `F${i}`,
      amount: HUGE,
    }));
    expect(
      errorOf(() =>
        host.call("serverEcrirePlanFinancement", { charges: [{ category: "RH", amount: "10" }], receipts }),
      ),
    ).toMatch(
      /^Total trop grand \(recettes, ligne 2\) : « 999 999 999 999 » — la somme des recettes dépasse/,
    );
  });

  it("serverChargesPlanFinancement refuses such a selection, naming it", () => {
    const host = hostAt("Charges");
    const sheet = host.spreadsheet.getSheetByName("Charges");
    const rows = Array.from({ length: LINES }, (_, i) => [`Poste ${i + 1}`, 999_999_999_999]);
    sheet?.getRange(1, 1, LINES, 2).setValues(rows);
    sheet?.getRange(1, 1, LINES, 2).activate();
    expect(errorOf(() => host.call("serverChargesPlanFinancement"))).toMatch(
      /^Sélection A1:B500 : Total trop grand \(dépenses, ligne 2\) : « 999999999999 »/,
    );
  });

  it("PLAN_FINANCEMENT in a cell gives the same error, naming its argument", () => {
    const host = createHost();
    const depenses = hugeCharges.map((c) => [c.category, 999_999_999_999]);
    expect(errorOf(() => host.call("PLAN_FINANCEMENT", depenses, [["CD62", "solde"]]))).toMatch(
      /^Total trop grand \(depenses, ligne 2\) : « 999999999999 » — la somme des dépenses dépasse 1 000 000 000 000 €$/,
    );
  });
});

describe("a malformed plan gets the same French error through the function and the panel", () => {
  it.each([
    [[["RH", "abc"]], [["CD62", "solde"]], "Montant invalide (%s, ligne 1) : « abc »"],
    [[["", "100"]], [["CD62", "solde"]], "Catégorie manquante (%s, ligne 1) : « 100 »"],
    [[["RH", "-5"]], [["CD62", "solde"]], "Montant négatif non accepté (%s, ligne 1) : « -5 »"],
  ])("%j", (charges, receipts, message) => {
    const host = hostAt("Plan");
    const viaFunction = errorOf(() => host.call("PLAN_FINANCEMENT", charges, receipts));
    const viaServer = errorOf(() =>
      host.call("serverEcrirePlanFinancement", {
        charges: charges.map(([category, amount]) => ({ category, amount })),
        receipts: solde,
      }),
    );
    expect(viaFunction).toBe(message.replace("%s", "depenses"));
    expect(viaServer).toBe(message.replace("%s", "dépenses"));
  });
});

describe("a 100 000-character answer to every menu that asks for one", () => {
  it.each([
    ["Budget de convention…", /^Convention inconnue — Convention inconnue \(convention\) : « x{77}… »/],
    ["Créer le formulaire…", /^Créer le formulaire — Appel inconnu \(appel\) : « x{77}… »/],
    ["Préparer le jury…", /^Préparer le jury — Appel inconnu \(appel\) : « x{77}… »/],
    [
      "Effacer les données d'un candidat…",
      /^Effacer les données d'un candidat — Réponse non reconnue : « x{77}… »/,
    ],
  ])("Lianes › %s says what is wrong in French and writes nothing", (caption, alert) => {
    const { host, form } = hostWithForm(CALL.id);
    host.submitForm(form, {
      answers: Object.fromEntries(
        CALL.questions
          .filter((q) => EXPLOR_ANSWERS[q.id] !== undefined)
          .map((q) => [q.label, String(EXPLOR_ANSWERS[q.id])]),
      ),
      email: "claire.martin@artois-sahel.fr",
      timestamp: new Date("2025-06-01T10:00:00+02:00"),
    });
    const before = snapshot(host);
    const alertsBefore = host.ui.alerts.length;
    host.runMenuItem(caption, { kind: "prompt", button: "OK", text: "x".repeat(100_000) });
    const alerts = host.ui.alerts.slice(alertsBefore);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(alert);
    expect(snapshot(host)).toBe(before);
  });
});
