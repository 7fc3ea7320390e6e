/**
 * Builds each sidebar as one self-contained HTML file in build/ (what HtmlService serves):
 * `src/ui/<name>/page.html` with the shared add-on stylesheet and the page's browser code
 * (`src/ui/<name>/client.ts`, bundled by esbuild for the browser, when the page has one) inlined,
 * and any `<!-- name -->` fragment the build makes (the Aide sidebar's menu help).
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

export async function buildSidebars(
  root: string,
  out: string,
  fragments: Readonly<Record<string, string>> = {},
): Promise<string[]> {
  const css = readFileSync(join(root, SIDEBAR_DIR, "shared", "addon.css"), "utf8");
  const names = sidebarNames(root);
  for (const name of names) {
    const dir = join(root, SIDEBAR_DIR, name);
    const script = existsSync(join(dir, "client.ts")) ? await bundleClient(dir) : "";
    const page = readFileSync(join(dir, "page.html"), "utf8");
    if (!page.includes("<!-- style -->") || !page.includes("<!-- script -->")) {
      throw new Error(`${name}/page.html: <!-- style --> and <!-- script --> placeholders expected`);
    }
    let html = page
      .replace("<!-- style -->", () => `<style>${inlineSafe(css)}</style>`)
      .replace("<!-- script -->", () => (script ? `<script>${inlineSafe(script)}</script>` : ""));
    for (const [fragment, content] of Object.entries(fragments)) {
      html = html.replace(`<!-- ${fragment} -->`, () => content);
    }
    writeFileSync(join(out, `${name}.html`), html);
  }
  return names;
}

async function bundleClient(dir: string): Promise<string> {
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
  return result.outputFiles[0]?.text ?? "";
}
