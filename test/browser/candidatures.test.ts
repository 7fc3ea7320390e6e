/**
 * The `Candidatures` sidebar in Chromium, on the demo's workbook (10 EXPLOR applications, three
 * instructed), through the built bundle on the local host: read, instruct, save, move on.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDemo } from "../../dev/demo";
import { EXPLOR_ANSWERS } from "../../dev/fixtures/intake-samples";
import type { FakeForm, Host } from "../../dev/host";
import { callById } from "../../src/core/intake/calls";
import { statusSummary, weightedScore } from "../../src/core/intake/review";
import { reviewSheetShape } from "../../src/planning/intake/review-plan";
import { launchBrowser, openSidebar } from "../support/browser";

const call = callById("EXPLOR-2025");
const shape = reviewSheetShape(call);
const HOSTILE = "<img src=x onerror=alert(1)>";
const HYPERLINK = '=HYPERLINK("http://exemple.invalid";"Cliquez ici")';

function submit(host: Host, email: string, changes: Record<string, unknown>): void {
  const form = [...host.forms.forms.values()].find((f) => f.getTitle().startsWith("EXPLOR")) as FakeForm;
  const answers: Record<string, unknown> = { ...EXPLOR_ANSWERS, contactEmail: email, ...changes };
  host.submitForm(form, {
    answers: Object.fromEntries(
      call.questions.filter((q) => answers[q.id] !== undefined).map((q) => [q.label, String(answers[q.id])]),
    ),
    email,
    timestamp: new Date("2025-06-11T10:00:00+02:00"),
  });
}

/** The demo's workbook plus one application whose answers hold an HTML payload. */
function demoHost(): Host {
  const { host } = runDemo();
  submit(host, "piege2@exemple.fr", { associationNom: HOSTILE, projetResume: HOSTILE });
  return host;
}

function rows(host: Host): unknown[][] {
  return host.values("Candidatures");
}

/** The 1-based sheet row of the application whose association is `name`. */
function rowOf(host: Host, name: string): number {
  const index = rows(host).findIndex((r) => r[shape.applicantColumn] === name);
  if (index < 1) throw new Error(`pas de ligne pour ${name}`);
  return index + 1;
}

function select(host: Host, row: number): void {
  const sheet = host.spreadsheet.getSheetByName("Candidatures");
  if (!sheet) throw new Error("pas de feuille Candidatures");
  sheet.activate();
  sheet.getRange(row, 3).activate();
}

function activeRow(host: Host): number {
  return host.spreadsheet.getActiveRange().getRow();
}

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).textContent()) ?? "";
}

async function shown(page: Page, applicant: string): Promise<void> {
  await page.locator("#candidat", { hasText: applicant }).waitFor();
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("Tableau des candidatures (Chromium)", () => {
  it("shows the counts against capacity and the selected application in full", async () => {
    const host = demoHost();
    select(host, rowOf(host, "Solidarité Paris"));
    const { page, watch } = await openSidebar(browser, host, "candidatures");
    await shown(page, "Solidarité Paris");

    const options = await page
      .locator("#appel option")
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(options[0]).toBe("EXPLOR-2025");
    expect(options).toContain("PAM-2025");
    expect(await text(page, "#retenues")).toBe(`Retenues : 2 / ${call.capacity}`);
    expect(await page.locator("#alerte").isHidden()).toBe(true);
    const toReview = rows(host).filter((r) => r[shape.statusColumn] === "À instruire").length;
    expect(await text(page, "#effectifs")).toContain(`À instruire${toReview}`);

    expect(await text(page, "#eligibilite")).toBe("Non éligible");
    const reasons = await page.locator("#motifs li").allTextContents();
    expect(reasons).toEqual(["siège hors Hauts-de-France"]);
    expect(await text(page, "#calculs")).toContain("Département75 – Paris");
    const answers = await text(page, "#reponses");
    expect(answers).toContain("Association Jokkoo");
    expect(answers).toContain("paris@solidarite.fr");
    expect(await page.locator("#statut").inputValue()).toBe("Irrecevable");
    expect(watch.errors).toEqual([]);
  });

  it("warns when more applications are retained than there are places", async () => {
    const host = demoHost();
    const sheet = host.spreadsheet.getSheetByName("Candidatures");
    const toRetain = rows(host).flatMap((r, i) =>
      i > 0 && r[shape.statusColumn] !== "Retenue" ? [i + 1] : [],
    );
    for (const row of toRetain.slice(0, 5)) sheet?.getRange(row, shape.statusColumn + 1).setValue("Retenue");
    select(host, toRetain[0] ?? 2);
    const { page } = await openSidebar(browser, host, "candidatures");
    await page.locator("#candidature").waitFor();
    const summary = statusSummary(call, Array(7).fill("Retenue"));
    expect(await text(page, "#retenues")).toBe(`Retenues : 7 / ${call.capacity}`);
    expect(await page.locator("#alerte").isVisible()).toBe(true);
    expect(await text(page, "#alerte")).toBe(summary.warning);
  });

  it("saves status, scores and comment on the application's row only, found by its key", async () => {
    const host = demoHost();
    const row = rowOf(host, "Oise Coopération");
    select(host, row);
    const before = rows(host);
    const { page, watch } = await openSidebar(browser, host, "candidatures");
    await shown(page, "Oise Coopération");
    expect(await text(page, "#eligibilite")).toBe("Éligible");

    const scores = [5, 3, 4, 2];
    await page.selectOption("#statut", "Retenue");
    await page.fill("#instructeur", "Awa D.");
    for (const [i, s] of scores.entries()) await page.fill(`#note-${i}`, String(s));
    await page.fill("#decision", "=SOMME(A1:A3)");
    await page.fill("#commentaire", "Partenariat solide.\nÀ suivre.");
    await page.click("#enregistrer");
    await page.locator("#enregistre", { hasText: "enregistrée" }).waitFor();

    const after = rows(host);
    const saved = after[row - 1] ?? [];
    expect(saved[shape.statusColumn]).toBe("Retenue");
    expect(shape.scoreColumns.map((c) => saved[c])).toEqual(scores);
    expect(saved[shape.weightedScoreColumn]).toBe(weightedScore(call.review.criteria, scores, 5));
    expect(saved[shape.decisionColumn]).toBe("=SOMME(A1:A3)");
    expect(saved).toContain("Awa D.");
    expect(saved).toContain("Partenariat solide.\nÀ suivre.");
    expect(saved.slice(0, shape.computedCount)).toEqual(before[row - 1]?.slice(0, shape.computedCount));
    after.forEach((r, i) => {
      if (i !== row - 1) expect(r).toEqual(before[i]);
    });
    expect(await text(page, "#retenues")).toBe(`Retenues : 3 / ${call.capacity}`);
    expect(await text(page, "#score")).toBe(
      `Score pondéré : ${(weightedScore(call.review.criteria, scores, 5) ?? 0).toLocaleString("fr-FR", {
        minimumFractionDigits: 2,
      })}`,
    );
    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it("moves to the next application still to review, in the sheet and in the panel", async () => {
    const host = demoHost();
    select(host, 2);
    const { page, watch } = await openSidebar(browser, host, "candidatures");
    await page.locator("#candidature").waitFor();
    const visited: number[] = [];
    for (let i = 0; i < 2; i++) {
      const previous = await text(page, "#ligne");
      await page.click("#suivante");
      await page.waitForFunction((p) => document.getElementById("ligne")?.textContent !== p, previous);
      const row = activeRow(host);
      visited.push(row);
      expect(rows(host)[row - 1]?.[shape.statusColumn]).toBe("À instruire");
      expect(await text(page, "#ligne")).toBe(`Ligne ${row} de la feuille « Candidatures »`);
      expect(await page.locator("#statut").inputValue()).toBe("À instruire");
    }
    expect(visited[1]).toBeGreaterThan(visited[0] ?? 0);
    expect(watch.errors).toEqual([]);
  });

  it("shows a formula or HTML typed by an applicant as text", async () => {
    const host = demoHost();
    for (const name of [HYPERLINK, HOSTILE]) {
      select(host, rowOf(host, name));
      const { page, watch } = await openSidebar(browser, host, "candidatures");
      await shown(page, name);
      expect(await text(page, "#candidat")).toBe(name);
      if (name === HOSTILE) expect(await text(page, "#reponses")).toContain(HOSTILE);
      expect(await page.locator("#candidature img").count()).toBe(0);
      await page.waitForTimeout(100);
      expect(watch.dialogs).toEqual([]);
      expect(watch.errors).toEqual([]);
      await page.close();
    }
  });

  it("refuses a score out of range next to the field and writes nothing", async () => {
    const host = demoHost();
    select(host, rowOf(host, "Oise Coopération"));
    const before = rows(host);
    const { page } = await openSidebar(browser, host, "candidatures");
    await shown(page, "Oise Coopération");
    await page.selectOption("#statut", "Retenue");
    await page.fill("#note-0", "7");
    await page.fill("#note-1", "2,5");
    await page.click("#enregistrer");
    expect(await text(page, "#note-0-erreur")).toBe(
      "Note invalide, attendu un entier de 0 à 5 (Besoin identifié avec le partenaire) : « 7 »",
    );
    expect(await text(page, "#note-1-erreur")).toBe(
      "Note invalide, attendu un entier de 0 à 5 (Qualité du partenariat) : « 2,5 »",
    );
    expect(await page.locator("#note-0").getAttribute("aria-invalid")).toBe("true");
    expect(await text(page, "#note-2-erreur")).toBe("");
    expect(rows(host)).toEqual(before);
  });
});
