import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHost, type Host } from "../../dev/host";
import { launchBrowser, openSidebar } from "../support/browser";
import { cd62PlanTable } from "../support/cd62";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A workbook with the CD62 convention sheets, as after Lianes › Budget de convention…. */
function withBudget(): Host {
  const host = createHost();
  host.call("onOpen", {});
  host.runMenuItem("Budget de convention…", { kind: "prompt", button: "OK", text: "" });
  return host;
}

/** Makes `a1` of a new sheet the active cell: where the plan is written. */
function activateEmptySheet(host: Host, name: string): void {
  const sheet = host.spreadsheet.insertSheet(name);
  sheet.activate();
  sheet.getRange("A1").activate();
}

const spaces = (s: string | null) => (s ?? "").replace(/[\u00a0\u202f]/g, " ").trim();

async function text(page: Page, selector: string): Promise<string> {
  return spaces(await page.textContent(selector));
}

async function addFunder(
  page: Page,
  name: string,
  kind: "fixed" | "share" | "solde",
  value = "",
): Promise<void> {
  const i = await page.locator("#recettes .card").count();
  await page.click("#ajouter-recette");
  await page.fill(`#recette-${i}-nom`, name);
  await page.selectOption(`#recette-${i}-type`, kind);
  if (kind !== "solde") await page.fill(`#recette-${i}-valeur`, value);
}

/** The preview table as text rows. */
async function preview(page: Page): Promise<string[][]> {
  const rows = await page.$$eval("#apercu tr", (trs) =>
    trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent ?? "")),
  );
  return rows.map((r) => r.map(spaces));
}

/** Opens the sidebar and loads the charges with its « Charger les dépenses » button. */
async function openPlan(host: Host) {
  const opened = await openSidebar(browser, host, "plan-financement");
  await opened.page.click("#charger");
  await opened.page.waitForSelector("#charge-0-montant");
  return opened;
}

describe("Plan de financement sidebar, in Chromium on the local host", () => {
  it("loads the CD62 charges, balances RECITAL 2 000 + CD62 solde live, writes the plan and it is in the sheet", async () => {
    const host = withBudget();
    const { page, watch } = await openPlan(host);
    expect(await text(page, "#source")).toContain("convention CD62-2024");
    const categories = await page.$$eval("#charges input[id$='-categorie']", (is) =>
      is.map((i) => (i as HTMLInputElement).value),
    );
    const amounts = await page.$$eval("#charges input[id$='-montant']", (is) =>
      is.map((i) => (i as HTMLInputElement).value.replace(/[\u00a0\u202f]/g, " ")),
    );
    expect(categories).toEqual([
      "Coûts RH",
      "Frais de transport et fournitures",
      "Graphisme et fabrication des outils PAM (prestation externe)",
      "Administratif et coûts indirects",
    ]);
    expect(amounts).toEqual(["8 139,54", "200,00", "1 400,00", "2 140,00"]);

    await addFunder(page, "RECITAL", "fixed", "2 000");
    expect(await text(page, "#equilibre")).toBe(
      "Plan de financement déséquilibré : total des charges 11 879,54 €, total des produits 2 000,00 €, il manque 9 879,54 €",
    );
    await addFunder(page, "CD62", "solde");
    expect(await text(page, "#equilibre")).toBe("Plan équilibré : 11 879,54 € de charges et de produits.");
    expect(await preview(page)).toEqual([
      ["Dépenses", "Montant", "%"],
      ["Coûts RH", "8 139,54 €", "68 %"],
      ["Frais de transport et fournitures", "200,00 €", "2 %"],
      ["Graphisme et fabrication des outils PAM (prestation externe)", "1 400,00 €", "12 %"],
      ["Administratif et coûts indirects", "2 140,00 €", "18 %"],
      ["TOTAL CHARGES", "11 879,54 €", "100 %"],
      ["Recettes", "Montant", "%"],
      ["RECITAL", "2 000,00 €", "17 %"],
      ["CD62", "9 879,54 €", "83 %"],
      ["TOTAL PRODUITS", "11 879,54 €", "100 %"],
    ]);
    expect(await page.isDisabled("#ecrire")).toBe(false);

    activateEmptySheet(host, "Mon plan");
    await page.click("#ecrire");
    await page.waitForSelector("#ecrit:not([hidden])");
    expect(await text(page, "#ecrit")).toBe("Plan écrit dans « Mon plan » A1:F6 (total 11 879,54 €).");
    expect(host.values("Mon plan")).toEqual(cd62PlanTable(["RECITAL", "CD62"]));
    const sheet = host.spreadsheet.getSheetByName("Mon plan");
    expect(sheet?.getRange("B2").getNumberFormat()).toBe('#,##0.00\\ "€"');
    expect(sheet?.getRange("F3").getNumberFormat()).toBe("0%");
    expect(watch).toEqual({ dialogs: [], errors: [] });
  });

  it("refuses an unbalanced plan (CD62 fixed 8 929,54 + RECITAL 2 000): the gap 950,00 € is shown, nothing is written", async () => {
    const host = withBudget();
    const { page, watch } = await openPlan(host);
    await addFunder(page, "CD62", "fixed", "8 929,54");
    await addFunder(page, "RECITAL", "fixed", "2 000");
    expect(await text(page, "#equilibre")).toBe(
      "Plan de financement déséquilibré : total des charges 11 879,54 €, total des produits 10 929,54 €, il manque 950,00 €",
    );
    expect(await page.isDisabled("#ecrire")).toBe(true);
    expect(await preview(page)).toEqual([]);

    // Too much is refused the same way.
    await page.fill("#recette-1-valeur", "3 000");
    expect(await text(page, "#equilibre")).toContain("excédent de 50,00 €");

    activateEmptySheet(host, "Mon plan");
    await page.click("#ecrire", { force: true, timeout: 1000 }).catch(() => undefined);
    expect(
      host
        .values("Mon plan")
        .flat()
        .every((v) => v === ""),
    ).toBe(true);
    expect(watch).toEqual({ dialogs: [], errors: [] });
  });

  it("shows a hostile category read from the selected range as text", async () => {
    const host = createHost();
    const hostile = "<img src=x onerror=alert(1)>";
    const sheet = host.spreadsheet.insertSheet("Saisie");
    sheet.getRange("A1:B3").setValues([
      [hostile, 100],
      ["", ""],
      ["Frais", "50,50"],
    ]);
    sheet.activate();
    sheet.getRange("A1:B3").activate();
    const { page, watch } = await openPlan(host);
    expect(await text(page, "#source")).toBe("Dépenses lues dans la sélection Saisie!A1:B3.");
    expect(await page.inputValue("#charge-0-categorie")).toBe(hostile);
    expect(await page.inputValue("#charge-1-categorie")).toBe("Frais");
    await addFunder(page, "<b>Financeur</b>", "solde");
    const rows = await preview(page);
    expect(rows[1]).toEqual([hostile, "100,00 €", "66 %"]);
    expect(rows[5]).toEqual(["<b>Financeur</b>", "150,50 €", "100 %"]);
    expect(await page.$$("img, #apercu b")).toEqual([]);
    expect(watch).toEqual({ dialogs: [], errors: [] });
  });

  it("shows a bad amount's French error next to its field and does not write", async () => {
    const host = withBudget();
    const { page } = await openPlan(host);
    await addFunder(page, "CD62", "solde");
    await page.fill("#charge-1-montant", "abc");
    expect(await text(page, "#charge-1-montant-erreur")).toBe(
      "Montant invalide (dépenses, ligne 2) : « abc »",
    );
    expect(await page.getAttribute("#charge-1-montant", "aria-invalid")).toBe("true");
    expect(await text(page, "#equilibre")).toBe("Une saisie est à corriger.");
    expect(await page.isDisabled("#ecrire")).toBe(true);

    await page.fill("#charge-1-montant", "200");
    expect(await text(page, "#charge-1-montant-erreur")).toBe("");
    await addFunder(page, "RECITAL", "share", "120 %");
    expect(await text(page, "#recette-1-valeur-erreur")).toBe(
      "Part invalide (recettes, ligne 2) : « 120 % » — une fraction entre 0 et 1 (0,83) ou un pourcentage (83 %)",
    );
    await page.fill("#recette-1-valeur", "17 %");
    expect(await text(page, "#equilibre")).toBe("Plan équilibré : 11 879,54 € de charges et de produits.");
  });

  it("refuses to write over cells that are not empty, with the reason next to the button", async () => {
    const host = withBudget();
    const { page } = await openPlan(host);
    await addFunder(page, "CD62", "solde");
    // The active cell is A1 of « Budget CD62 », which holds the budget.
    await page.click("#ecrire");
    await page.waitForFunction(() => document.getElementById("ecrire-erreur")?.textContent !== "");
    expect(await text(page, "#ecrire-erreur")).toBe(
      "Écriture refusée : la plage A1:F6 de « Budget CD62 » n'est pas vide. Choisissez une cellule avec assez de place libre (6 colonnes).",
    );
    expect(host.values("Budget CD62")[0]?.[0]).toBe("Type dépense");
  });
});
