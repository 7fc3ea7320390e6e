/**
 * A document model's HTML page (core's renderer) printed to PDF by Chromium, with a PNG of its
 * first page: what the local demo shows of a Google Doc the add-on draws with DocumentApp.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { launchBrowser } from "./host/browser";

/** A4 at 96 dpi. */
const A4 = { width: 794, height: 1123 };

export async function printHtmlToPdf(html: string, pdfPath: string, pngPath: string): Promise<void> {
  mkdirSync(dirname(pdfPath), { recursive: true });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: A4 });
    await page.setContent(html, { waitUntil: "load" });
    await page.pdf({ path: pdfPath, format: "A4", printBackground: true, preferCSSPageSize: true });
    // The first page as the PDF shows it: print styles and A4 margins (18 mm ≈ 68 px, 16 mm ≈ 60 px).
    await page.emulateMedia({ media: "print" });
    await page.addStyleTag({ content: "body { padding: 68px 60px; }" });
    await page.screenshot({ path: pngPath, clip: { x: 0, y: 0, ...A4 } });
  } finally {
    await browser.close();
  }
}
