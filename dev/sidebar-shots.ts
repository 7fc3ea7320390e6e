/**
 * The sidebars as a user sees them with the demo's data: each opened in Chromium on the demo
 * host, taken through its scenario, then saved as a PNG screenshot and as a static HTML page
 * (the rendered document, scripts removed, so it opens in any browser).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { calculatorLines, MISSION_B } from "./fixtures/explor-missions";
import type { Host } from "./host";
import { launchBrowser, openSidebar } from "./host/browser";

/** What the demo does in a sidebar before the picture is taken. */
export type SidebarScenario = (page: Page, host: Host) => Promise<void>;

export async function captureSidebars(
  host: Host,
  scenarios: Readonly<Record<string, SidebarScenario>>,
  outDir: string,
): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const browser = await launchBrowser();
  const written: string[] = [];
  try {
    for (const [file, scenario] of Object.entries(scenarios)) {
      const { page, watch } = await openSidebar(browser, host, file);
      await scenario(page, host);
      if (watch.errors.length > 0) throw new Error(`${file} : ${watch.errors.join(" ; ")}`);
      const png = join(outDir, `${file}.png`);
      await page.screenshot({ path: png, fullPage: true });
      // A string, not a function: tsx would wrap a function with helpers the page does not have.
      const html = await page.evaluate(
        `document.querySelectorAll("script").forEach((s) => s.remove()); "<!doctype html>\\n" + document.documentElement.outerHTML`,
      );
      writeFileSync(join(outDir, `${file}.html`), String(html));
      written.push(png);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return written;
}

/** The demo's scenario for each sidebar: what a user would have done before looking. */
export const DEMO_SCENARIOS: Readonly<Record<string, SidebarScenario>> = {
  "calculateur-explor": async (page) => {
    await page.waitForSelector(".ligne [name=montant]");
    for (const [i, l] of calculatorLines(MISSION_B).entries()) {
      if ((await page.locator(".ligne").count()) <= i) await page.click("#ajouter");
      const line = page.locator(".ligne").nth(i);
      await line.locator("[name=categorie]").selectOption(l.categorie);
      if (l.libelle) await line.locator("[name=libelle]").fill(l.libelle);
      await line.locator("[name=montant]").fill(l.montant);
      if (l.jours) await line.locator("[name=jours]").fill(l.jours);
    }
    await page.locator("#prise-en-charge", { hasText: "1" }).waitFor();
  },
  "plan-financement": async (page) => {
    await page.click("#charger");
    await page.waitForSelector("#charge-0-montant");
    for (const [name, kind, value] of [
      ["CD62", "solde", ""],
      ["RECITAL", "fixed", "2 000"],
    ] as const) {
      const i = await page.locator("#recettes .card").count();
      await page.click("#ajouter-recette");
      await page.fill(`#recette-${i}-nom`, name);
      await page.selectOption(`#recette-${i}-type`, kind);
      if (kind !== "solde") await page.fill(`#recette-${i}-valeur`, value);
    }
    await page.waitForSelector("#apercu tr");
  },
  candidatures: async (page) => {
    await page.locator("#candidat").waitFor();
  },
  aide: async (page) => {
    await page.locator("dl dt").first().waitFor();
  },
};

/** Before the candidatures sidebar opens, the user selects an application in the review sheet. */
export function selectApplication(host: Host, applicant: string): void {
  const sheet = host.spreadsheet.getSheetByName("Candidatures");
  if (!sheet) return;
  const row = host.values("Candidatures").findIndex((r) => r.includes(applicant)) + 1;
  if (row < 2) return;
  sheet.activate();
  sheet.getRange(row, 3).activate();
}
