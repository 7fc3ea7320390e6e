/**
 * The guide's pictures, made by `npm start` from the demo: each sheet the guide shows is drawn
 * as Sheets shows it (dev/host/sheet-html.ts) and screenshotted in Chromium, and the sidebars'
 * screenshots are copied beside them, all in docs/images/. docs/images/images.json records, for
 * each picture, a hash of what it was drawn from: a test recomputes it from the current code and
 * fails when a picture is older than the code that draws it.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Host } from "./host";
import { BUILD_DIR } from "./host/bundle";
import { type SheetHtmlOptions, sheetHtml } from "./host/sheet-html";

/** A sheet of the demo the guide shows, and the picture's file name. */
export interface SheetPicture extends SheetHtmlOptions {
  readonly sheet: string;
  readonly file: string;
}

export const GUIDE_SHEETS: readonly SheetPicture[] = [
  { sheet: "EXPLOR", file: "feuille-mission-explor.png", maxRows: 40, maxColumns: 8 },
  { sheet: "Budget CD62", file: "feuille-budget-cd62.png", maxRows: 20, maxColumns: 8 },
  { sheet: "Plan de financement", file: "feuille-plan-de-financement.png", maxRows: 30, maxColumns: 10 },
  { sheet: "Bilan", file: "feuille-bilan.png", maxRows: 40, maxColumns: 10 },
  { sheet: "Candidatures", file: "feuille-candidatures.png", maxRows: 12, maxColumns: 14 },
  { sheet: "Synthèse EXPLOR-2025", file: "feuille-synthese.png", maxRows: 24, maxColumns: 14 },
  { sheet: "Jury EXPLOR-2025", file: "feuille-jury.png", maxRows: 20, maxColumns: 16 },
];

/** The sidebars' screenshots the guide shows (made by dev/sidebar-shots.ts). */
export const GUIDE_SIDEBARS: readonly { readonly sidebar: string; readonly file: string }[] = [
  { sidebar: "calculateur-explor", file: "panneau-calculateur-explor.png" },
  { sidebar: "plan-financement", file: "panneau-plan-de-financement.png" },
  { sidebar: "candidatures", file: "panneau-candidatures.png" },
  { sidebar: "aide", file: "panneau-aide.png" },
];

export const IMAGES_DIR = join(import.meta.dirname, "..", "docs", "images");
export const MANIFEST = join(IMAGES_DIR, "images.json");

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** What each picture is drawn from: the sheet's page, or the sidebar's built page. */
export function pictureSources(host: Host): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const p of GUIDE_SHEETS) {
    const sheet = host.spreadsheet.getSheetByName(p.sheet);
    if (!sheet) throw new Error(`Image du guide : pas de feuille « ${p.sheet} » dans la démonstration`);
    sources[p.file] = sheetHtml(sheet, p);
  }
  for (const s of GUIDE_SIDEBARS)
    sources[s.file] = readFileSync(join(BUILD_DIR, `${s.sidebar}.html`), "utf8");
  return sources;
}

/** Screenshots every sheet the guide shows, copies the sidebars' pictures, writes the manifest. */
export async function writeGuidePictures(host: Host, sidebarsDir: string): Promise<string[]> {
  const { launchBrowser } = await import("./host/browser");
  mkdirSync(IMAGES_DIR, { recursive: true });
  const sources = pictureSources(host);
  const browser = await launchBrowser();
  const written: string[] = [];
  try {
    for (const p of GUIDE_SHEETS) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 2400 }, deviceScaleFactor: 1 });
      await page.setContent(sources[p.file] as string);
      await page.locator(".grid").screenshot({ path: join(IMAGES_DIR, p.file) });
      await page.close();
      written.push(p.file);
    }
  } finally {
    await browser.close();
  }
  for (const s of GUIDE_SIDEBARS) {
    const shot = join(sidebarsDir, `${s.sidebar}.png`);
    if (!existsSync(shot))
      throw new Error(`Image du guide : capture du panneau ${s.sidebar} absente (${shot})`);
    copyFileSync(shot, join(IMAGES_DIR, s.file));
    written.push(s.file);
  }
  const manifest = Object.fromEntries(
    Object.entries(sources).map(([file, source]) => [file, sha256(source)]),
  );
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  return written;
}
