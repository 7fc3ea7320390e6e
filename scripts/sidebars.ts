/**
 * Builds each sidebar as one self-contained HTML file in build/ (what HtmlService serves):
 * `src/ui/<name>/page.html` with the shared add-on stylesheet and the page's browser code
 * (`src/ui/<name>/client.ts`, bundled by esbuild for the browser) inlined.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

export const SIDEBAR_DIR = "src/ui";

export function sidebarNames(root: string): string[] {
  return readdirSync(join(root, SIDEBAR_DIR), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, SIDEBAR_DIR, d.name, "page.html")))
    .map((d) => d.name)
    .sort();
}

/** `</script>` inside inlined code would end the element early. */
function inlineSafe(code: string): string {
  return code.replace(/<\/(script|style)/gi, "<\\/$1");
}

export async function buildSidebars(root: string, out: string): Promise<string[]> {
  const css = readFileSync(join(root, SIDEBAR_DIR, "shared", "addon.css"), "utf8");
  const names = sidebarNames(root);
  for (const name of names) {
    const dir = join(root, SIDEBAR_DIR, name);
    const result = await build({
      entryPoints: [join(dir, "client.ts")],
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser",
      target: "es2020",
      minify: true,
      legalComments: "none",
      charset: "utf8",
      logLevel: "warning",
    });
    const script = result.outputFiles[0]?.text ?? "";
    const page = readFileSync(join(dir, "page.html"), "utf8");
    if (!page.includes("<!-- style -->") || !page.includes("<!-- script -->")) {
      throw new Error(`${name}/page.html: <!-- style --> and <!-- script --> placeholders expected`);
    }
    const html = page
      .replace("<!-- style -->", () => `<style>${inlineSafe(css)}</style>`)
      .replace("<!-- script -->", () => `<script>${inlineSafe(script)}</script>`);
    writeFileSync(join(out, `${name}.html`), html);
  }
  return names;
}
