import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { createHost, type Host } from "../../dev/host";
import { loadBundle } from "../../dev/host/bundle";
import { tripwireServices } from "../support/bundle";

describe("the local host behaves like Sheets", () => {
  let host: Host;
  beforeAll(() => {
    host = createHost();
  });

  it("keeps values in 2D arrays and checks shapes as Sheets does", () => {
    const sheet = host.spreadsheet.insertSheet("Valeurs");
    sheet.getRange(1, 1, 2, 2).setValues([
      [1, "texte"],
      ["", true],
    ]);
    expect(sheet.getRange(1, 1, 2, 2).getValues()).toEqual([
      [1, "texte"],
      ["", true],
    ]);
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(/number of rows in the data/);
    expect(() => host.spreadsheet.insertSheet("Valeurs")).toThrow(/existe déjà/);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange(1, 1, 4, 2).getValues()).toEqual([
      [1, "texte"],
      ["", ""],
      ["", ""],
      ["", true],
    ]);
    sheet.deleteRows(2, 2);
    expect(sheet.getLastRow()).toBe(2);
  });

  it("reads a string starting with = as a formula, and one starting with ' as text", () => {
    const sheet = host.spreadsheet.insertSheet("Formules");
    sheet.getRange(1, 1, 1, 3).setValues([[2, "=A1*3", "'=A1*3"]]);
    expect(sheet.getRange(1, 1, 1, 3).getValues()).toEqual([[2, 6, "=A1*3"]]);
    expect(sheet.getRange(1, 1, 1, 3).getFormulas()).toEqual([["", "=A1*3", ""]]);
  });

  it("reads text starting with + or - as Sheets does: a number, else a formula; with an apostrophe, text", () => {
    const sheet = host.spreadsheet.insertSheet("Signes");
    const typed = [
      "-5",
      "-5,5",
      "+33 6 12 34 56",
      "'+33 6 12 34 56",
      "- relancer",
      "'- relancer",
      "-",
      "-12 345,50",
    ];
    sheet.getRange(1, 1, 1, typed.length).setValues([typed]);
    expect(sheet.getRange(1, 1, 1, typed.length).getValues()).toEqual([
      [-5, -5.5, "#ERROR!", "+33 6 12 34 56", "#NAME?", "- relancer", "-", -12345.5],
    ]);
    expect(sheet.getRange(1, 3).getFormula()).toBe("=+33 6 12 34 56");
    sheet.getRange(2, 1).setValue("+5");
    expect(sheet.getRange(2, 1).getValue()).toBe(5);
  });

  it("evaluates the bundle's custom functions, keeping their French error message", () => {
    const sheet = host.spreadsheet.insertSheet("Fonctions");
    sheet.getRange(1, 1, 3, 2).setValues([
      ["Avion", 1720],
      ["Visa", 80],
      ["=EXPLOR_ELIGIBLE(A1:A2,B1:B2)", '=CONVERTIR_EUR(100,"abc")'],
    ]);
    expect(sheet.getRange(3, 1, 2, 1).getValues()).toEqual([[1500], [60]]);
    expect(sheet.getRange(3, 2).getValue()).toBe("#ERROR!");
    expect(sheet.errorAt(3, 2)).toBe("Taux invalide (taux) : « abc »");
  });

  it("gives dates back as Dates", () => {
    const sheet = host.spreadsheet.insertSheet("Dates");
    const at = new Date("2025-06-15T21:59:59Z");
    sheet.getRange(1, 1, 1, 2).setValues([[at, "15/06/2025"]]);
    const [[a, b]] = sheet.getRange(1, 1, 1, 2).getValues() as [[Date, Date]];
    expect(a.getTime()).toBe(at.getTime());
    expect(b.toISOString()).toBe("2025-06-14T22:00:00.000Z");
  });

  it("enforces the properties' size limits", () => {
    expect(() => host.documentProperties.setProperty("gros", "x".repeat(10_000))).toThrow(/too large/);
  });

  it("installs triggers and counts service calls", () => {
    host.counter.reset();
    host.spreadsheet.getSheets();
    host.call("onOpen", {});
    expect(host.counter.counts.get("SpreadsheetApp.getUi")).toBe(1);
  });

  it("counts calls on every service and refuses what it does not implement, by name", () => {
    host.counter.reset();
    const script = `LockService.getDocumentLock().tryLock(10); LockService.getDocumentLock().releaseLock();
      SpreadsheetApp.getActive().getActiveSheet().getRange(1, 1).setNote("n")`;
    expect(() => vm.runInContext(script, host.globals)).toThrow(
      "not implemented in the local host: Range.setNote",
    );
    expect(host.counter.counts.get("LockService.getDocumentLock")).toBe(2);
    expect(host.counter.counts.get("LockView.tryLock")).toBe(1);
  });
});

describe("onOpen in AuthMode.NONE", () => {
  it("builds the Lianes menu touching nothing but the Ui", () => {
    const touched: string[] = [];
    const menus: { title: string; items: string[] }[] = [];
    const ui = {
      createMenu(title: string) {
        const record = { title, items: [] as string[] };
        const menu = {
          addItem: (caption: string) => {
            record.items.push(caption);
            return menu;
          },
          addSeparator: () => menu,
          addSubMenu: (submenu: { record: { title: string; items: string[] } }) => {
            record.items.push(...submenu.record.items.map((i) => `${submenu.record.title} › ${i}`));
            return menu;
          },
          addToUi: () => menus.push(record),
          record,
        };
        return menu;
      },
    };
    const services = tripwireServices(touched);
    const globals = loadBundle({
      ...services,
      SpreadsheetApp: new Proxy(
        {},
        {
          get(_t, prop) {
            if (prop === "getUi") return () => ui;
            touched.push(`SpreadsheetApp.${String(prop)}`);
            throw new Error("AuthMode.NONE");
          },
        },
      ),
    });
    (globals.onOpen as (e: unknown) => void)({ authMode: "NONE" });
    expect(touched).toEqual([]);
    expect(menus[0]?.title).toBe("Lianes");
    expect(menus[0]?.items).toContain("Nouvelle mission EXPLOR");
    expect(menus[0]?.items).toContain("Créer le formulaire…");
    expect(menus[0]?.items).toContain("Paramètres › Nouvelle convention…");
    expect(menus[0]?.items).toContain("Courriers › Préparer les courriers");
    expect(menus[0]?.items).toContain("Courriers › Envoyer les courriers cochés");
    expect(menus[0]?.items).toContain("Courriers › Annexe financière de la convention…");
    expect(menus[0]?.items).toContain("Paramètres › Vérifier les paramètres");
    expect(menus[0]?.items).toContain("Paramètres › Dupliquer un appel…");
  });
});
