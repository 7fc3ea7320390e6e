/**
 * The built bundle's weight: file sizes, cold-load time in a fresh node:vm context, and what
 * the bundled libraries (zod, i18n-iso-countries, diacritics) cost, from esbuild's metafile.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { build } from "esbuild";
import { BUILD_DIR, bundleFiles } from "../../dev/host/bundle";
import { BUNDLE_OPTIONS } from "../build";
import { bestOf } from "./timing";

export interface BundleResult {
  readonly scripts: Record<string, number>;
  readonly scriptsTotal: number;
  readonly sidebars: Record<string, number>;
  readonly coldLoadMs: number;
  readonly packages: Record<string, number>;
}

const PACKAGES = ["zod", "i18n-iso-countries", "diacritics"];
const LOAD_RUNS = 10;

function sizesOf(extension: string): Record<string, number> {
  const files = readdirSync(BUILD_DIR).filter((f) => f.endsWith(extension));
  return Object.fromEntries(files.sort().map((f) => [f, statSync(join(BUILD_DIR, f)).size]));
}

/** Compiling and running build/*.js in a new context, services absent: nothing may touch them at load. */
function coldLoadMs(): number {
  const sources = bundleFiles().map((file) => ({ file, code: readFileSync(file, "utf8") }));
  return bestOf(LOAD_RUNS, () => {
    const context = vm.createContext({ console });
    for (const { file, code } of sources) vm.runInContext(code, context, { filename: file });
  }).ms;
}

/** Bytes each package contributes to the minified Lianes.js, with the options of scripts/build.ts. */
async function packageBytes(): Promise<Record<string, number>> {
  const result = await build({ ...BUNDLE_OPTIONS, metafile: true, write: false });

  const bytes: Record<string, number> = Object.fromEntries(PACKAGES.map((p) => [p, 0]));
  bytes.sources = 0;
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const name = PACKAGES.find((p) => path.includes(`node_modules/${p}/`)) ?? "sources";
      bytes[name] = (bytes[name] ?? 0) + input.bytesInOutput;
    }
  }
  return bytes;
}

export async function benchBundle(): Promise<BundleResult> {
  const scripts = sizesOf(".js");
  return {
    scripts,
    scriptsTotal: Object.values(scripts).reduce((s, n) => s + n, 0),
    sidebars: sizesOf(".html"),
    coldLoadMs: coldLoadMs(),
    packages: await packageBytes(),
  };
}
