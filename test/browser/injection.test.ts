/**
 * Injection in the sidebars (issue 7): the whole hostile corpus — formulas and HTML/JS payloads
 * that would set `window.__pwned` or open a dialog if they ran — fed through what each sidebar
 * shows (sheet cells, server answers), in Chromium: nothing runs, everything is shown as text.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS } from "../../dev/fixtures/intake-samples";
import { createHost } from "../../dev/host";
import { MAX_CELL_CHARACTERS } from "../../dev/host/spreadsheet";
import { callById } from "../../src/core/intake/calls";
import { reviewSheetShape } from "../../src/planning/intake/review-plan";
import { launchBrowser, openSidebar, type PageWatch } from "../support/browser";
import { HOSTILE_STRINGS, HTML_PAYLOADS } from "../support/hostile-strings";

const ALL = HOSTILE_STRINGS.map((h) => h.text);
/** What fits the sidebars' 200-character fields. */
const SHORT = ALL.filter((h) => h.length <= 200);
/** A one-line text field drops line breaks (HTML value sanitization): what it shows of `text`. */
const inField = (text: string) => text.replace(/[\r\n]/g, "");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Everything the page shows: its text, and the values of its fields. */
async function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const fields = [...document.querySelectorAll("input, textarea, select")].map(
      (e) => (e as HTMLInputElement).value,
    );
    return [document.body.textContent ?? "", ...fields].join("\n");
  });
}

/** Nothing ran: no dialog, no script error, no flag, no element made from a payload. */
async function expectNothingRan(page: Page, watch: PageWatch): Promise<void> {
  await page.waitForTimeout(150);
  expect(watch.dialogs).toEqual([]);
  expect(watch.errors).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(
    await page.locator("img, iframe, svg [onload], [onerror], [onload], [ontoggle], [onmouseover]").count(),
  ).toBe(0);
}

describe("hostile texts in the sidebars (Chromium)", () => {
  it("Tableau des candidatures: answers, applicant and reviewer texts shown as text", async () => {
    const call = callById("EXPLOR-2025");
    const shape = reviewSheetShape(call);
    const host = createHost();
    host.call("onOpen", {});
    host.runMenuItem("Créer le formulaire…", { kind: "prompt", button: "OK", text: call.id });
    const form = [...host.forms.forms.values()].at(-1);
    if (!form) throw new Error("no form");
    const free = call.questions.filter(
      (q) => (q.type === "shortText" || q.type === "paragraph") && q.validation === undefined,
    );
    // Each application carries as many payloads as it has free-text answers.
    const batches: string[][] = [];
    for (let i = 0; i < ALL.length; i += free.length) batches.push(ALL.slice(i, i + free.length));
    batches.forEach((batch, b) => {
      const answers: Record<string, unknown> = { ...EXPLOR_ANSWERS };
      free.forEach((q, i) => {
        answers[q.id] = batch[i] ?? batch[0];
      });
      host.submitForm(form, {
        answers: Object.fromEntries(
          call.questions
            .filter((q) => answers[q.id] !== undefined)
            .map((q) => [q.label, String(answers[q.id])]),
        ),
        email: `candidat${b}@exemple.org`,
        timestamp: new Date(`2025-06-0${1 + b}T10:00:00+02:00`),
      });
    });
    const sheet = host.spreadsheet.getSheetByName(call.review.sheetName);
    if (!sheet) throw new Error("no review sheet");
    // Reviewer texts, written through the server as the sidebar would.
    const keys = host
      .values(call.review.sheetName)
      .slice(1)
      .map((r) => String(r[shape.keyColumn]));
    keys.forEach((cle, b) => {
      const texts = SHORT.slice(b * 3, b * 3 + 3);
      host.call("serverCandidatureEnregistrer", {
        appel: call.id,
        cle,
        statut: "En instruction",
        instructeur: texts[0] ?? "",
        notes: [1, 2, 3, 4],
        decision: texts[1] ?? "",
        commentaire: texts[2] ?? "",
      });
    });

    sheet.activate();
    sheet.getRange(2, 3).activate();
    const { page, watch } = await openSidebar(browser, host, "candidatures");
    await page.locator("#candidature:not([hidden])").waitFor();
    const seen: string[] = [];
    for (let b = 0; b < batches.length; b++) {
      sheet.getRange(2 + b, 3).activate();
      await page.click("#afficher");
      await page.waitForFunction(
        (row) => (document.getElementById("ligne")?.textContent ?? "").includes(String(row)),
        2 + b,
      );
      await page.evaluate(() => {
        const details = document.getElementById("reponses-carte") as HTMLDetailsElement | null;
        if (details) details.open = true;
      });
      seen.push(await shownText(page));
      await expectNothingRan(page, watch);
    }
    const all = seen.join("\n");
    for (const h of ALL) expect(all, JSON.stringify(h.slice(0, 60))).toContain(h.trim().slice(0, 5000));
    await page.close();
  });

  it("Plan de financement: categories read from the selected range shown as text", async () => {
    // What a user can type in a cell: a Sheets cell holds 50 000 characters, the apostrophe included.
    const TYPED = ALL.filter((h) => h.length < MAX_CELL_CHARACTERS);
    const host = createHost();
    const sheet = host.spreadsheet.insertSheet("Saisie");
    // As typed in Sheets: text (`'…` is how the host stores a typed text).
    sheet.getRange(1, 1, TYPED.length, 2).setValues(TYPED.map((h, i) => [`'${h}`, 10 + i]));
    sheet.activate();
    sheet.getRange(1, 1, TYPED.length, 2).activate();
    const { page, watch } = await openSidebar(browser, host, "plan-financement");
    await page.click("#charger");
    await page.waitForSelector(`#charge-${TYPED.length - 1}-montant`);
    for (const [i, h] of TYPED.entries()) {
      expect(await page.inputValue(`#charge-${i}-categorie`)).toBe(inField(h.trim()));
    }
    // Funders typed with HTML payloads: the live preview shows them as text.
    for (const [i, h] of HTML_PAYLOADS.slice(0, 4).entries()) {
      const n = await page.locator("#recettes .card").count();
      await page.click("#ajouter-recette");
      await page.fill(`#recette-${n}-nom`, h.text);
      await page.selectOption(`#recette-${n}-type`, i === 0 ? "solde" : "fixed");
      if (i > 0) await page.fill(`#recette-${n}-valeur`, "1");
    }
    const preview = await page.$$eval("#apercu", (e) => e.map((x) => x.textContent ?? "").join("\n"));
    for (const h of HTML_PAYLOADS.slice(0, 4)) expect(preview).toContain(h.text);
    const shown = await shownText(page);
    for (const h of TYPED) expect(shown).toContain(inField(h.trim()));
    await expectNothingRan(page, watch);
    await page.close();
  });

  it("Calculateur EXPLOR: labels typed and server answers naming the sheet shown as text", async () => {
    const host = createHost();
    const first = host.spreadsheet.insertSheet("Calcul");
    first.activate();
    first.getRange("A1").activate();
    const { page, watch } = await openSidebar(browser, host, "calculateur-explor");
    await page.waitForSelector(".ligne [name=montant]");
    for (const [i, h] of SHORT.entries()) {
      if ((await page.locator(".ligne").count()) <= i) await page.click("#ajouter");
      const line = page.locator(".ligne").nth(i);
      await line.locator("[name=categorie]").selectOption("autre");
      await line.locator("[name=libelle]").fill(h);
      await line.locator("[name=montant]").fill("10");
    }
    await page.click("#inserer");
    await page.waitForFunction(() => (document.getElementById("statut")?.textContent ?? "") !== "");
    expect(await page.textContent("#statut")).toContain("Décompte inséré");
    // The server answers with the sheet's name: a user may have named it anything.
    for (const h of HTML_PAYLOADS) {
      const sheet = host.spreadsheet.insertSheet(h.text);
      sheet.activate();
      sheet.getRange("A1").activate();
      await page.evaluate(() => {
        const box = document.getElementById("statut");
        if (box) box.textContent = "";
      });
      await page.click("#inserer");
      await page.waitForFunction(() => (document.getElementById("statut")?.textContent ?? "") !== "");
      expect(await page.textContent("#statut")).toContain(h.text);
    }
    const shown = await shownText(page);
    // Typed with the keyboard (Playwright's fill), a line break becomes a space.
    for (const h of SHORT) expect(shown).toContain(h.replace(/[\r\n]/g, " "));
    await expectNothingRan(page, watch);
    await page.close();
  });
});

describe("HtmlService", () => {
  /** Every file under a folder. */
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  }

  it("no template prints data unescaped (`<?!=`), no page builds HTML from strings", () => {
    const offending = files("src")
      .filter((f) => /\.(ts|html)$/.test(f))
      .filter((f) =>
        /<\?!=|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=|document\.write/.test(
          readFileSync(f, "utf8"),
        ),
      );
    expect(offending).toEqual([]);
  });
});
