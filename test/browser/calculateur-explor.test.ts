import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHost, type Host } from "../../dev/host";
import { launchBrowser, openSidebar } from "../support/browser";
import { fakeInfoEuro } from "../support/infoeuro-fetch";
import { missionBDecompte } from "../support/mission-b";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const EUROS = '#,##0.00\\ "€"';
const HOSTILE = "<img src=x onerror=alert(1)>";

const spaces = (s: string | null) => (s ?? "").replace(/[\u00a0\u202f]/g, " ").trim();

async function text(page: Page, selector: string): Promise<string> {
  return spaces(await page.textContent(selector));
}

interface TypedLine {
  readonly categorie: string;
  readonly montant?: string;
  readonly jours?: string;
  readonly libelle?: string;
  readonly devise?: string;
  readonly mois?: string;
  readonly fournisseur?: string;
}

/** Mission B of DOMAIN.md §2, as a user types it (French amounts). */
const MISSION_B: readonly TypedLine[] = [
  { categorie: "avion", montant: "1 720,00" },
  { categorie: "transports_locaux", montant: "260" },
  { categorie: "per_diem", montant: "270", jours: "18" },
  { categorie: "visa", montant: "80" },
  { categorie: "hebergement", montant: "420" },
  { categorie: "vaccins", montant: "95" },
  { categorie: "assurance", montant: "52" },
  { categorie: "autre", libelle: "Cadeaux partenaires", montant: "100" },
];

/** Fills expense line `i` (0-based), adding it first when the form has fewer lines. */
async function typeLine(page: Page, i: number, l: TypedLine): Promise<void> {
  if ((await page.locator(".ligne").count()) <= i) await page.click("#ajouter");
  const line = page.locator(".ligne").nth(i);
  await line.locator("[name=categorie]").selectOption(l.categorie);
  if (l.libelle !== undefined) await line.locator("[name=libelle]").fill(l.libelle);
  if (l.devise !== undefined) await line.locator("[name=devise]").fill(l.devise);
  if (l.mois !== undefined) await line.locator("[name=mois]").fill(l.mois);
  if (l.montant !== undefined) await line.locator("[name=montant]").fill(l.montant);
  if (l.jours !== undefined) await line.locator("[name=jours]").fill(l.jours);
  if (l.fournisseur !== undefined) {
    await line.locator("summary").click();
    await line.locator("[name=fournisseur]").fill(l.fournisseur);
  }
}

async function lineResult(page: Page, i: number): Promise<string> {
  return spaces(await page.locator(".ligne").nth(i).locator("[data-role=resultat]").textContent());
}

async function totals(page: Page) {
  return {
    reel: await text(page, "#total-reel"),
    eligible: await text(page, "#total-eligible"),
    priseEnCharge: await text(page, "#prise-en-charge"),
    reste: await text(page, "#reste"),
  };
}

async function openCalculator(host: Host) {
  const opened = await openSidebar(browser, host, "calculateur-explor");
  await opened.page.waitForSelector(".ligne [name=montant]");
  return opened;
}

/** A new sheet whose cell `a1` is the active cell: where the décompte goes. */
function activate(host: Host, sheetName: string, a1: string) {
  const sheet = host.spreadsheet.insertSheet(sheetName);
  sheet.activate();
  sheet.getRange(a1).activate();
  return sheet;
}

async function statusAfter(page: Page, button: string): Promise<string> {
  await page.evaluate(() => {
    const box = document.getElementById("statut");
    if (box) {
      box.hidden = true;
      box.textContent = "";
    }
  });
  await page.click(button);
  await page.waitForFunction(() => (document.getElementById("statut")?.textContent ?? "") !== "");
  return text(page, "#statut");
}

describe("Calculateur EXPLOR sidebar, in Chromium on the local host", () => {
  it("shows Mission B's figures live as the lines are typed: 2 000,00 € eligible, 1 000,00 € paid, 1 997,00 € borne", async () => {
    const host = createHost();
    const { page, watch } = await openCalculator(host);
    expect(await page.$$eval("#regle option", (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(
      ["EXPLOR-HDF-2025", "EXPLOR-AURA"],
    );

    await typeLine(page, 0, MISSION_B[0] as TypedLine);
    expect(await lineResult(page, 0)).toBe(
      "Plafond : 1 500,00 € · Éligible : 1 500,00 € (plafond de la catégorie atteint : 1 500,00 € par mission)",
    );
    expect(await totals(page)).toEqual({
      reel: "1 720,00 €",
      eligible: "1 500,00 €",
      priseEnCharge: "750,00 €",
      reste: "970,00 €",
    });

    for (const [i, line] of MISSION_B.entries()) await typeLine(page, i, line);
    expect(await lineResult(page, 2)).toBe(
      "Plafond : 225,00 € · Éligible : 225,00 € (plafond de la catégorie atteint : 225,00 € par mission (15,00 € × 15 jours))",
    );
    expect(await lineResult(page, 6)).toBe("Plafond : 52,00 € · Éligible : 52,00 €");
    expect(await lineResult(page, 7)).toBe(
      "Plafond : 0,00 € · Éligible : 0,00 € (non pris en charge — libellé hors Annexe 2)",
    );
    expect(await totals(page)).toEqual({
      reel: "2 997,00 €",
      eligible: "2 000,00 €",
      priseEnCharge: "1 000,00 €",
      reste: "1 997,00 €",
    });

    // The same lines under EXPLOR-AURA: no ceilings, vaccines not covered, 200 € fixed fee.
    await page.selectOption("#regle", "EXPLOR-AURA");
    expect(await totals(page)).toEqual({
      reel: "2 997,00 €",
      eligible: "2 802,00 €",
      priseEnCharge: "1 401,00 €",
      reste: "1 796,00 €",
    });
    expect(watch.errors).toEqual([]);
  });

  it("shares a category's ceiling over the mission, shows the total before and after the mission cap, and refuses a missing receipt in the final décompte (issue 12)", async () => {
    const host = createHost();
    activate(host, "Calcul", "A1");
    const { page, watch } = await openCalculator(host);
    await typeLine(page, 0, { categorie: "hebergement", montant: "200" });
    await typeLine(page, 1, { categorie: "hebergement", montant: "150" });
    expect(await lineResult(page, 1)).toBe(
      "Plafond : 300,00 € · Éligible : 100,00 € (plafond de la catégorie atteint : 300,00 € par mission)",
    );
    expect(await text(page, "#total-eligible-avant")).toBe("300,00 €");
    expect((await totals(page)).priseEnCharge).toBe("150,00 €");

    for (const [i, line] of MISSION_B.entries()) await typeLine(page, i + 2, line);
    expect(await text(page, "#total-eligible-avant")).toBe("2 417,00 €");
    expect((await totals(page)).eligible).toBe("2 000,00 €");
    expect(await text(page, "#totaux-etat")).toBe(
      "Plafond de la mission : 2 000,00 € éligibles sur 2 417,00 €.",
    );

    // Décompte final: the hotels have no receipt, so they are not reimbursed; the flight needs none.
    await page.selectOption("#etape", "final");
    expect(await lineResult(page, 0)).toBe(
      "Plafond : 300,00 € · Éligible : 0,00 € (justificatif incomplet — non remboursable)",
    );
    expect(await lineResult(page, 2)).toBe(
      "Plafond : 1 500,00 € · Éligible : 1 500,00 € (plafond de la catégorie atteint : 1 500,00 € par mission)",
    );
    expect(await statusAfter(page, "#inserer")).toBe("Décompte inséré en Calcul!A1:E15.");
    expect(watch).toEqual({ dialogs: [], errors: [] });
  });

  it("inserts Mission B's décompte at the selected cell, as values in euro formats, and refuses to overwrite it", async () => {
    const host = createHost();
    const sheet = activate(host, "Calcul", "B3");
    const { page, watch } = await openCalculator(host);
    for (const [i, line] of MISSION_B.entries()) await typeLine(page, i, line);

    expect(await statusAfter(page, "#inserer")).toBe("Décompte inséré en Calcul!B3:F15.");
    const range = sheet.getRange("B3:F15");
    const plain = (rows: unknown[][]) =>
      rows.map((row) => row.map((v) => (typeof v === "string" ? spaces(v) : v)));
    expect(plain(range.getValues())).toEqual(plain(missionBDecompte("Cadeaux partenaires")));
    expect(
      range
        .getFormulas()
        .flat()
        .every((f) => f === ""),
    ).toBe(true);
    expect(
      sheet
        .getRange("C4:E15")
        .getNumberFormats()
        .flat()
        .every((f) => f === EUROS),
    ).toBe(true);

    expect(await statusAfter(page, "#inserer")).toBe(
      "Le décompte occuperait B3:F15, qui contient déjà des données : sélectionnez une cellule libre (13 lignes × 5 colonnes)",
    );
    expect(range.getValues()[9]).toEqual(["Total", 2997, "", 2417, ""]);
    expect(watch).toEqual({ dialogs: [], errors: [] });
  });

  it("fills a new mission sheet with the lines, whose formulas give the same contribution", async () => {
    const host = createHost();
    const { page } = await openCalculator(host);
    for (const [i, line] of MISSION_B.entries()) await typeLine(page, i, line);
    await page.fill("#titre", "Mission B — Sénégal");

    expect(await statusAfter(page, "#remplir")).toBe("Feuille « Mission EXPLOR » créée.");
    const rows = host.values("Mission EXPLOR");
    expect(rows[1]?.slice(0, 3)).toEqual(["Mission B — Sénégal", "Règle :", "EXPLOR-HDF-2025"]);
    expect(rows.slice(2, 10).map((r) => [r[0], r[5], r[8]])).toEqual([
      ["Avion + transport du domicile à l'aéroport", 1720, 1500],
      ["Transports locaux", 260, 200],
      ["Per diem", 270, 225],
      ["Visa", 80, 60],
      ["Hébergement", 420, 300],
      ["Vaccins et médicaments", 95, 80],
      ["Assurance Assur Travel", 52, 52],
      ["Cadeaux partenaires", 100, 0],
    ]);
    const total = (label: string) => rows.find((r) => r[0] === label);
    expect(total("Total des dépenses")?.[5]).toBe(2997);
    expect(total("Prise en charge EXPLOR")?.[8]).toBe(1000);
    expect(total("Reste à charge association")?.[8]).toBe(1997);

    expect(await statusAfter(page, "#remplir")).toBe("Feuille « Mission EXPLOR 2 » créée.");
  });

  it("fills a MAD line's InfoEuro rate of July 2025 from the server, and says so in French when a month has none", async () => {
    const host = createHost({ services: { UrlFetchApp: fakeInfoEuro().services.UrlFetchApp } });
    const { page, watch } = await openCalculator(host);
    await typeLine(page, 0, {
      categorie: "hebergement",
      devise: "MAD",
      mois: "2025-07",
      montant: "1 058,66",
    });
    const rate = page.locator(".ligne [name=taux]");
    await page.waitForFunction(
      () => (document.querySelector(".ligne [name=taux]") as HTMLInputElement | null)?.value !== "",
    );
    expect(await rate.inputValue()).toBe("10,5866");
    expect(await lineResult(page, 0)).toBe("En euros : 100,00 € · Plafond : 300,00 € · Éligible : 100,00 €");
    expect((await totals(page)).eligible).toBe("100,00 €");

    // Edited by hand: the typed rate is the one used.
    await rate.fill("10");
    expect((await totals(page)).reel).toBe("105,87 €");

    await page.locator(".ligne [name=mois]").fill("2024-01");
    const error = page.locator(".ligne [id$=-taux-erreur]");
    await page.waitForFunction(
      () => (document.querySelector(".ligne [id$=-taux-erreur]")?.textContent ?? "") !== "",
    );
    expect(spaces(await error.textContent())).toBe(
      "Aucun taux InfoEuro publié pour janvier 2024 (mois) — la Commission publie les taux d'un mois à la fin du mois précédent ; saisissez le taux à la main si besoin",
    );
    // July's rate does not apply to January: it is gone, and nothing counts until a rate is typed.
    expect(await rate.inputValue()).toBe("");
    expect((await totals(page)).reel).toBe("—");
    await rate.fill("10,9");
    expect(spaces(await error.textContent())).toBe("");
    expect((await totals(page)).reel).toBe("97,12 €");
    expect(watch).toEqual({ dialogs: [], errors: [] });
  });

  it("shows a hostile label and supplier as text, in the page and in the sheet", async () => {
    const host = createHost();
    const sheet = activate(host, "Calcul", "A1");
    const { page, watch } = await openCalculator(host);
    await typeLine(page, 0, { categorie: "autre", libelle: HOSTILE, montant: "10", fournisseur: HOSTILE });
    await typeLine(page, 1, { categorie: "visa", montant: "60" });
    expect(await lineResult(page, 0)).toBe(
      // Not covered, so no receipt is asked for.
      "Plafond : 0,00 € · Éligible : 0,00 € (non pris en charge — libellé hors Annexe 2)",
    );
    expect(await page.locator(".ligne [name=libelle]").first().inputValue()).toBe(HOSTILE);
    expect(await page.locator("img").count()).toBe(0);

    expect(await statusAfter(page, "#inserer")).toBe("Décompte inséré en Calcul!A1:E7.");
    expect(sheet.getRange("A2:E2").getValues()).toEqual([
      [HOSTILE, 10, 0, 0, "non pris en charge — libellé hors Annexe 2"],
    ]);
    expect(await statusAfter(page, "#remplir")).toBe("Feuille « Mission EXPLOR » créée.");
    const mission = host.values("Mission EXPLOR");
    expect(mission[2]?.[0]).toBe(HOSTILE);
    expect(mission[2]?.[10]).toBe(HOSTILE);
    expect(watch).toEqual({ dialogs: [], errors: [] });
  });

  it("shows an invalid amount's French error next to the field and no totals, never a silent 0", async () => {
    const host = createHost();
    activate(host, "Calcul", "A1");
    const { page, watch } = await openCalculator(host);
    await typeLine(page, 0, { categorie: "avion", montant: "850" });
    await typeLine(page, 1, { categorie: "visa", montant: "8O" });
    const amount = page.locator(".ligne").nth(1).locator("[name=montant]");
    expect(await amount.getAttribute("aria-invalid")).toBe("true");
    const id = await amount.getAttribute("id");
    expect(await text(page, `#${id}-erreur`)).toBe("Montant invalide (montant, ligne 2) : « 8O »");
    expect(await totals(page)).toEqual({ reel: "—", eligible: "—", priseEnCharge: "—", reste: "—" });
    expect(await text(page, "#totaux-etat")).toBe("Corrigez les erreurs signalées pour voir les totaux.");
    expect(await statusAfter(page, "#inserer")).toBe(
      "Corrigez les erreurs signalées avant d'écrire dans la feuille.",
    );
    expect(host.values("Calcul")).toEqual([[""]]);

    await amount.fill("80");
    expect(await text(page, `#${id}-erreur`)).toBe("");
    expect((await totals(page)).eligible).toBe("910,00 €");
    expect(watch).toEqual({ dialogs: [], errors: [] });
  });
});
