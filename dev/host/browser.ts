/**
 * Sidebars in a real browser: Debian's Chromium driven by playwright-core, the page given a
 * `google.script.run` stand-in that forwards each call to the built server bundle running on
 * the local host. No browser is downloaded: .ci/run installs Debian's `chromium`.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { BUILD_DIR } from "./bundle";
import type { Host } from "./index";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];

export function chromiumPath(): string {
  const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      "Chromium introuvable (/usr/bin/chromium) : installez le paquet Debian « chromium » (.ci/run le fait).",
    );
  }
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** `google.script.run` in the page: each call goes to `window.__lianesRun` (the host). */
const SCRIPT_RUN_STAND_IN = `
(() => {
  const run = (success, failure) => new Proxy({}, {
    get(_target, prop) {
      if (prop === "withSuccessHandler") return (f) => run(f, failure);
      if (prop === "withFailureHandler") return (f) => run(success, f);
      return (...args) => {
        window.__lianesRun(String(prop), JSON.parse(JSON.stringify(args))).then((r) => {
          if (r.ok) { if (success) success(r.value); }
          else if (failure) failure(new Error(r.message));
        });
      };
    },
  });
  window.google = { script: { run: run(undefined, undefined), host: { close() {} } } };
})();
`;

/** Alerts and script errors seen by the page: a hostile value that ran would show up here. */
export interface PageWatch {
  readonly dialogs: string[];
  readonly errors: string[];
}

/** Opens build/<file>.html as HtmlService would serve it, wired to the host's server bundle. */
export async function openSidebar(
  browser: Browser,
  host: Host,
  file: string,
): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const watch: PageWatch = { dialogs: [], errors: [] };
  page.on("dialog", (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => watch.errors.push(error.message));
  await page.exposeFunction("__lianesRun", (name: string, args: unknown[]) => {
    try {
      return { ok: true, value: JSON.parse(JSON.stringify(host.call(name, ...args) ?? null)) };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  });
  // A string, not a function: tsx (npm start) would wrap a function with helpers the page lacks.
  await page.addInitScript(SCRIPT_RUN_STAND_IN);
  // Served from a (never-reached) address so that the init script runs before the page's own.
  const url = `https://barre-laterale.lianes.invalid/${file}.html`;
  const html = readFileSync(join(BUILD_DIR, `${file}.html`), "utf8");
  await page.route(url, (route) => route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }));
  await page.goto(url);
  return { page, watch };
}
