import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { withFunctionDocs } from "../../scripts/function-docs";
import { customFunctions } from "../../src/functions";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const fonctions = readFileSync(new URL("../../docs/FONCTIONS.md", import.meta.url), "utf8");

describe("docs/FONCTIONS.md", () => {
  it("lists every custom function as the registry describes it (npm run docs)", () => {
    expect(fonctions).toBe(withFunctionDocs(fonctions, customFunctions));
    for (const spec of customFunctions) expect(fonctions).toContain(`### \`${spec.name}(`);
  });
});

describe("README.md", () => {
  it("links to the function reference", () => {
    expect(readme).toContain("](docs/FONCTIONS.md)");
  });

  it("gives the two commands of a fresh machine", () => {
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm test");
  });

  it("justifies every OAuth scope of appsscript.json", () => {
    const manifest = JSON.parse(readFileSync(new URL("../../appsscript.json", import.meta.url), "utf8")) as {
      oauthScopes: string[];
    };
    for (const scope of manifest.oauthScopes) expect(readme).toContain(scope);
  });
});
