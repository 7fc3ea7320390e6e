/**
 * Sidebars in a real browser: Chromium driven by playwright-core, the page given a
 * `google.script.run` stand-in that forwards each call to the built server bundle running on
 * the local host.
 *
 * Which Chromium: the system's when there is one (CHROMIUM_PATH, /usr/bin/chromium), else the
 * one `npm ci` brought inside the npm package @sparticuz/chromium (a headless Chromium shipped
 * brotli-compressed with the few libraries and fonts it needs). Nothing is downloaded: the
 * package's files are unpacked once into node_modules/.cache and reused.
 */
import { randomBytes } from "node:crypto";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { brotliDecompressSync, createBrotliDecompress } from "node:zlib";
import { type Browser, chromium, type Page } from "playwright-core";
import { BUILD_DIR } from "./bundle";
import type { Host } from "./index";

const SYSTEM_CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** A Chromium ready to launch: its binary and what its process needs in its environment. */
export interface ChromiumInstall {
  readonly executablePath: string;
  readonly source: "système" | "npm";
  readonly env?: Readonly<Record<string, string>>;
}

/** The system's Chromium, when the machine has one. */
export function systemChromium(): string | undefined {
  return SYSTEM_CANDIDATES.find((p): p is string => !!p && existsSync(p));
}

/** Where npm put @sparticuz/chromium (its package.json is not exported: walk up from its entry). */
function npmChromiumPackage(): { root: string; version: string } {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve("@sparticuz/chromium");
  } catch {
    throw new Error(
      "Chromium introuvable : ni Chromium du système (/usr/bin/chromium, CHROMIUM_PATH), ni le paquet npm @sparticuz/chromium (lancez npm ci).",
    );
  }
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version?: string };
    if (pkg.name === "@sparticuz/chromium") return { root: dir, version: String(pkg.version) };
  }
  throw new Error(`Chromium introuvable : paquet @sparticuz/chromium illisible près de ${entry}.`);
}

/** Unpacks a (small) POSIX tar archive: regular files and directories, nothing else expected. */
function untar(archive: Buffer, into: string): void {
  for (let at = 0; at + 512 <= archive.length; ) {
    const header = archive.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, length: number) =>
      header
        .subarray(from, from + length)
        .toString("utf8")
        .replace(/\0.*$/s, "");
    const name = [field(345, 155), field(0, 100)].filter(Boolean).join("/");
    const size = Number.parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1) || "0";
    const target = join(into, name);
    if (!target.startsWith(into) || name.split("/").includes("..")) {
      throw new Error(`Archive Chromium : chemin refusé « ${name} ».`);
    }
    if (type === "5") mkdirSync(target, { recursive: true });
    else if (type === "0") {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, archive.subarray(at + 512, at + 512 + size), { mode: 0o755 });
    } else if (type !== "x" && type !== "g") {
      throw new Error(`Archive Chromium : entrée de type « ${type} » inattendue (${name}).`);
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

/**
 * The npm package's Chromium, unpacked into node_modules/.cache/lianes-chromium-<version>:
 * the binary, the libraries it links (NSS, NSPR, expat: absent from a bare Debian), Open Sans
 * and a fontconfig file that adds them to the system's fonts. Unpacked into a private folder,
 * then renamed: two processes unpacking at once both end with a whole copy.
 */
export async function npmChromium(): Promise<ChromiumInstall> {
  const { root, version } = npmChromiumPackage();
  const target = join(root, "..", "..", ".cache", `lianes-chromium-${version}`);
  const bin = join(root, "bin");
  if (!existsSync(target)) {
    const staging = `${target}.${process.pid}-${randomBytes(4).toString("hex")}`;
    mkdirSync(staging, { recursive: true });
    try {
      await pipeline(
        createReadStream(join(bin, "chromium.br")),
        createBrotliDecompress(),
        createWriteStream(join(staging, "chromium"), { mode: 0o755 }),
      );
      untar(brotliDecompressSync(readFileSync(join(bin, "al2023.tar.br"))), staging);
      untar(brotliDecompressSync(readFileSync(join(bin, "fonts.tar.br"))), staging);
      writeFileSync(
        join(staging, "fonts.conf"),
        [
          '<?xml version="1.0"?>',
          '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
          "<fontconfig>",
          '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
          `  <dir>${join(target, "fonts")}</dir>`,
          `  <cachedir>${join(target, "fontconfig-cache")}</cachedir>`,
          "</fontconfig>",
          "",
        ].join("\n"),
      );
      try {
        renameSync(staging, target);
      } catch (error) {
        if (!existsSync(target)) throw error;
      }
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return {
    executablePath: join(target, "chromium"),
    source: "npm",
    env: { LD_LIBRARY_PATH: join(target, "lib"), FONTCONFIG_FILE: join(target, "fonts.conf") },
  };
}

/** The Chromium the tests and the demo use: the system's, else the npm package's. */
export async function findChromium(): Promise<ChromiumInstall> {
  const system = systemChromium();
  return system ? { executablePath: system, source: "système" } : npmChromium();
}

export async function launchBrowser(): Promise<Browser> {
  const install = await findChromium();
  return chromium.launch({
    executablePath: install.executablePath,
    env: install.env ? { ...process.env, ...install.env } : undefined,
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
