import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { withFunctionDocs } from "../../scripts/function-docs";
import { customFunctions } from "../../src/functions";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const developing = readFileSync(new URL("../../docs/DEVELOPING.md", import.meta.url), "utf8");
const fonctions = readFileSync(new URL("../../docs/FONCTIONS.md", import.meta.url), "utf8");

describe("docs/FONCTIONS.md", () => {
  it("lists every custom function as the registry describes it (npm run docs)", () => {
    expect(fonctions).toBe(withFunctionDocs(fonctions, customFunctions));
    for (const spec of customFunctions) expect(fonctions).toContain(`### \`${spec.name}(`);
  });
});

describe("README.md", () => {
  it("is the short landing page: at most 10 KB, the rest is in docs/", () => {
    expect(Buffer.byteLength(readme, "utf8")).toBeLessThanOrEqual(10_240);
  });

  it("links to every document, and each link leads to a file that exists", () => {
    for (const doc of ["GUIDE", "FONCTIONS", "RGPD", "DEVELOPING", "RELIABILITY", "ARCHITECTURE"])
      expect(readme).toContain(`](docs/${doc}.md`);
    for (const [, target] of readme.matchAll(/\]\(((?:docs\/)[^)#\s]+)/g))
      expect(existsSync(new URL(`../../${target}`, import.meta.url)), target).toBe(true);
  });

  it("gives the two commands of a fresh machine", () => {
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm test");
  });

  it("names every OAuth scope of appsscript.json, justified in docs/DEVELOPING.md", () => {
    const manifest = JSON.parse(readFileSync(new URL("../../appsscript.json", import.meta.url), "utf8")) as {
      oauthScopes: string[];
    };
    for (const scope of manifest.oauthScopes) {
      expect(developing).toContain(`| \`${scope}\` |`);
      expect(readme).toContain(scope.replace("https://www.googleapis.com/auth/", ""));
    }
  });
});
