import { describe, expect, it } from "vitest";
import { callGlobal, loadBundle, tripwireServices } from "../support/bundle";
import { recitalFtTable, recitalPsTable, recitalTandemTable, withCell } from "../support/funding-tables";

const touched: string[] = [];
const globals = loadBundle(tripwireServices(touched));
const call = (...args: unknown[]) => callGlobal(globals, "AIDE_DISPOSITIF", ...args);
const error = (...args: unknown[]) => {
  try {
    call(...args);
  } catch (e) {
    return (e as Error).message.replace(/[\u202f\u00a0]/g, " ");
  }
  throw new Error(`AIDE_DISPOSITIF(${JSON.stringify(args)}) did not fail`);
};
const FT = recitalFtTable();
const PS = recitalPsTable();
const TANDEM = recitalTandemTable();

describe("AIDE_DISPOSITIF through the built bundle: the Récital funds", () => {
  it("Fonds territoriaux (taux): 70 % of the cost rounded once, at most 3 000 €, at least 500 €", () => {
    expect(call(FT, 2000)).toBe(1400);
    expect(call(FT, 5000)).toBe(3000);
    expect(call(FT, 1234.57)).toBe(864.2);
    expect(call(FT, "1 234,57 €")).toBe(864.2);
    // 70 % of 714,29 is 500,003 → 500,00: exactly the minimum.
    expect(call(FT, 714.29)).toBe(500);
    expect(call(FT, [[2000], [""], [5000]])).toEqual([[1400], [""], [3000]]);
    expect(call(FT, "")).toBe("");
    expect(error(FT, 600)).toBe(
      "Aide sous le minimum (couts) : 70 % de 600,00 € = 420,00 €, le dispositif finance de 500,00 € à 3 000,00 €",
    );
    expect(error(FT, [[2000], [600]])).toMatch(/^Aide sous le minimum \(couts, ligne 2\) : 70 % de 600,00 €/);
  });

  it("a rate rule without maximum or minimum", () => {
    const open = [
      ["Identifiant", "LIBRE"],
      ["Type", "taux"],
      ["Taux", "12,5 %"],
    ];
    expect(call(open, 1_000_000)).toBe(125_000);
    expect(call(open, 0.04)).toBe(0.01); // 0,005 € rounded half away from zero
    const withMinimum = [...open, ["Aide minimale", "100 €"]];
    expect(error(withMinimum, 10)).toBe(
      "Aide sous le minimum (couts) : 12,5 % de 10,00 € = 1,25 €, le dispositif finance à partir de 100,00 €",
    );
  });

  it("Projets structurants (taux annuel): each year min(70 % of its cost, 5 000 €), same shape", () => {
    expect(call(PS, [[6000, 8000, 10000]])).toEqual([[4200, 5000, 5000]]);
    expect(call(PS, [[6000], [8000], [10000]])).toEqual([[4200], [5000], [5000]]);
    expect(call(PS, 6000)).toBe(4200);
    expect(call(PS, [[6000, "", 10000]])).toEqual([[4200, "", 5000]]);
    expect(error(PS, [[6000, 8000, 10000, 1000]])).toBe(
      "Trop d'années (couts) : 4 coûts annuels, la règle RECITAL-PS finance 3 ans au plus",
    );
    expect(
      error(PS, [
        [1, 2],
        [3, 4],
      ]),
    ).toMatch(/^Plage invalide \(couts\) : une seule ligne ou une seule colonne/);
  });

  it("Tandems solidaires (forfait): min(600 € × tandems, cost); blank units is one, blank cost no cap", () => {
    expect(call(TANDEM, 1500, 2)).toBe(1200);
    expect(call(TANDEM, 450, 1)).toBe(450);
    expect(call(TANDEM, 450, "")).toBe(450);
    expect(call(TANDEM, "", 3)).toBe(1800);
    expect(call(TANDEM, [[1500], [450], [""]], [[2], [1], [""]])).toEqual([[1200], [450], [""]]);
    expect(error(TANDEM, 1500, 1.5)).toBe(
      "Nombre d'unités invalide (unites) : « 1.5 » — un nombre entier, 1 ou plus",
    );
    expect(error(TANDEM, 1500, 0)).toBe(
      "Nombre d'unités invalide (unites) : « 0 » — un nombre entier, 1 ou plus",
    );
  });

  it("a shipped rule by its identifier gives the same figures as its table", () => {
    expect(call("RECITAL-FT", 2000)).toBe(1400);
    expect(call("recital-ps", [[6000, 8000, 10000]])).toEqual([[4200, 5000, 5000]]);
    expect(call("RECITAL-TANDEM", 1500, 2)).toBe(1200);
  });

  it("names the cell and the value of a wrong rule table", () => {
    expect(error(withCell(FT, 4, 2, "170 %"), 100)).toBe(
      "Règle RECITAL-FT, B4 : taux invalide « 170 % » — un taux entre 0 et 100 %",
    );
    // A rate typed as a number in a percent cell is quoted as the sheet shows it.
    expect(error(withCell(FT, 4, 2, 1.7), 100)).toBe(
      "Règle RECITAL-FT, B4 : taux invalide « 170 % » — un taux entre 0 et 100 %",
    );
    expect(error(withCell(FT, 4, 2, "beaucoup"), 100)).toBe(
      "Règle RECITAL-FT, B4 : taux invalide « beaucoup » — un taux entre 0 et 100 %",
    );
    expect(error(withCell(FT, 6, 2, 400), 100)).toBe(
      "Règle RECITAL-FT, B6 : aide maximale invalide « 400 » — inférieure à l'aide minimale",
    );
    expect(error(withCell(FT, 5, 2, "1.500"), 100)).toBe(
      "Règle RECITAL-FT, B5 : aide minimale invalide « 1.500 » — écrivez 1500 ou 1,5",
    );
    expect(error(withCell(FT, 3, 2, "pourcentage"), 100)).toBe(
      "Règle RECITAL-FT, B3 : type inconnu « pourcentage » — taux, taux annuel, forfait ou plafonds par catégorie",
    );
    expect(error(withCell(PS, 6, 2, "1,5"), 100)).toBe(
      "Règle RECITAL-PS, B6 : nombre d'années invalide « 1,5 » — un nombre entier d'années, de 1 à 100",
    );
    expect(error(withCell(FT, 8, 1, "Plafond"), 100)).toBe(
      "Règle RECITAL-FT, A8 : paramètre inconnu « Plafond » — paramètres d'une règle taux : Identifiant, Nom, Type, Taux, Aide minimale, Aide maximale",
    );
    expect(error(withCell(withCell(FT, 4, 2, "170 %"), 8, 1, "Plafond"), 100)).toBe(
      "Règle RECITAL-FT, B4 : taux invalide « 170 % » — un taux entre 0 et 100 % (et 1 autre problème : Lianes › Paramètres › Vérifier les paramètres)",
    );
    expect(
      error(
        FT.filter((r) => r[0] !== "Taux"),
        100,
      ),
    ).toBe("Règle RECITAL-FT : paramètre manquant « Taux » — obligatoire pour une règle taux");
    expect(error(withCell(FT, 4, 2, ""), 100)).toBe(
      "Règle RECITAL-FT, B4 : valeur manquante pour « Taux » — obligatoire pour une règle taux",
    );
    expect(error(withCell(FT, 8, 1, "taux"), 100)).toBe(
      "Règle RECITAL-FT, A8 : paramètre en double « taux » — déjà en A4",
    );
    expect(error(withCell(TANDEM, 7, 1, "Taux"), 100)).toMatch(
      /^Règle RECITAL-TANDEM, A7 : paramètre « Taux » sans objet pour une règle forfait/,
    );
  });

  it("reads keys ignoring case, accents and a trailing colon; header and blank rows ignored", () => {
    const typed = [
      ["PARAMETRE", "valeur"],
      ["identifiant :", "recital-ft"],
      ["", ""],
      ["type:", "Taux"],
      ["TAUX", "70 %"],
      ["aide minimale", "500,00 €"],
      ["Aide  maximale :", "3 000 €"],
    ];
    expect(call(typed, 2000)).toBe(1400);
    expect(call(typed, 5000)).toBe(3000);
  });

  it("refuses a category rule with advice, and a wrong or missing dispositif", () => {
    expect(error("EXPLOR-HDF-2025", 100)).toBe(
      "Dispositif inadapté (dispositif) : « EXPLOR-HDF-2025 » — règle par catégories : utilisez EXPLOR_PRISE_EN_CHARGE",
    );
    expect(
      error(
        [
          ["Identifiant", "EXPLOR-HDF-2026"],
          ["Type", "plafonds par catégorie"],
        ],
        100,
      ),
    ).toBe(
      "Dispositif inadapté (dispositif) : « EXPLOR-HDF-2026 » — règle par catégories : utilisez EXPLOR_PRISE_EN_CHARGE",
    );
    expect(error("recital-ft-2027", 100)).toBe(
      "Dispositif inconnu (dispositif) : « recital-ft-2027 » — dispositifs connus : RECITAL-FT, RECITAL-PS, RECITAL-TANDEM ; une règle du classeur se lit par sa plage nommée, ex. REGLE_RECITAL_FT_2027",
    );
    expect(error("Fonds ?", 100)).toBe(
      "Dispositif inconnu (dispositif) : « Fonds ? » — dispositifs connus : RECITAL-FT, RECITAL-PS, RECITAL-TANDEM",
    );
    expect(error("", 100)).toMatch(/^Dispositif manquant \(dispositif\) : « » \(vide\)/);
    expect(error("RECITAL-FT", 100, 2)).toBe(
      "Unités sans objet (unites) : « 2 » — seule une règle forfait compte des unités ; RECITAL-FT est une règle taux",
    );
    expect(error(FT, -5)).toBe("Montant négatif non accepté (couts) : « -5 »");
    expect(error(FT, [[1000], ["abc"]])).toBe("Montant invalide (couts, ligne 2) : « abc »");
  });

  it("touches no service", () => {
    expect(touched).toEqual([]);
  });
});
