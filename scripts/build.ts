/**
 * Builds the Apps Script project in build/:
 * - Lianes.js: the whole add-on bundled by esbuild as one IIFE assigned to the global `Lianes`;
 * - functions.js: generated top-level globals (custom functions with their JSDoc, entry points)
 *   delegating to `Lianes` at call time, so nothing runs at load but plain definitions;
 * - one self-contained HTML file per sidebar (scripts/sidebars.ts);
 * - appsscript.json, copied from the root.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildOptions, build } from "esbuild";
import { entryPoints } from "../src/entry-points";
import { customFunctions } from "../src/functions";
import { MENU } from "../src/menus/menu";
import { renderGlobals } from "./globals";
import { guideHtml, menuHelpHtml } from "./help";
import { buildSidebars } from "./sidebars";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "build");

/** The built-ins bound once inside the bundle, see scripts/built-ins.ts. */
const BUILT_INS = [
  "BigInt",
  "Math",
  "Number",
  "Array",
  "Map",
  "Set",
  "WeakMap",
  "String",
  "Object",
  "Error",
  "RegExp",
  "JSON",
  "Date",
  "Intl",
];

/** `0.1.0 (c0610db)`: package.json's version, and the commit when built from a git checkout. */
function addonVersion(): string {
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, stdio: "pipe" })
      .toString()
      .trim();
    return commit ? `${version} (${commit})` : version;
  } catch {
    return version;
  }
}

/** The scopes appsscript.json declares: the bundle cannot read its manifest (src/addon/build-info.ts). */
function declaredScopes(): string[] {
  const manifest = JSON.parse(readFileSync(join(root, "appsscript.json"), "utf8")) as {
    oauthScopes?: string[];
  };
  return manifest.oauthScopes ?? [];
}

/**
 * How the add-on is bundled into build/Lianes.js (the benchmark measures with the same).
 *
 * Apps Script checks pushed code with its own parser, stricter than the V8 that runs it: a BigInt
 * literal (`10n`) is refused with "Syntax error: ParseError: Unexpected token ILLEGAL" while
 * `BigInt("10")` runs (React-Google-Apps-Script issue 236). esbuild cannot lower the literals, so
 * `supported.bigint: false` turns each one into a build error naming its file and line: write
 * `BigInt(10)` in the source instead. test/bundle/syntax.test.ts checks the output the same way.
 */
export const BUNDLE_OPTIONS = {
  entryPoints: [join(root, "src/main.ts")],
  outfile: join(out, "Lianes.js"),
  bundle: true,
  format: "iife",
  globalName: "Lianes",
  platform: "neutral",
  mainFields: ["module", "main"],
  target: "es2020",
  supported: { bigint: false },
  logOverride: { bigint: "error" },
  minify: true,
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
  inject: [join(root, "scripts/built-ins.ts")],
  define: {
    ...Object.fromEntries(BUILT_INS.map((name) => [name, `BUILT_IN_${name}`])),
    LIANES_VERSION: JSON.stringify(addonVersion()),
    LIANES_OAUTH_SCOPES: JSON.stringify(declaredScopes()),
  },
} satisfies BuildOptions;

export async function buildProject(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build(BUNDLE_OPTIONS);
  writeFileSync(join(out, "functions.js"), renderGlobals(customFunctions, entryPoints));
  const { homepage } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { homepage?: string };
  await buildSidebars(root, out, { menu: menuHelpHtml(MENU, entryPoints), guide: guideHtml(homepage) });
  copyFileSync(join(root, "appsscript.json"), join(out, "appsscript.json"));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildProject();
  console.log("build/ : Lianes.js, functions.js, appsscript.json et les panneaux latéraux (.html)");
}
