import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_FILES, scriptIdOf } from "../../scripts/deploy";
import { BUILD_DIR } from "../support/bundle";

const ROOT = join(import.meta.dirname, "../..");

describe("clasp push", () => {
  it("would push exactly the built files (scripts, sidebars) and the manifest, nothing from src/ or node_modules/", () => {
    // The project as a user has it, with a script id filled in and decoys clasp must leave out.
    const project = mkdtempSync(join(tmpdir(), "lianes-clasp-"));
    const clasp = JSON.parse(readFileSync(join(ROOT, ".clasp.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(join(project, ".clasp.json"), JSON.stringify({ ...clasp, scriptId: "1".repeat(57) }));
    cpSync(BUILD_DIR, join(project, "build"), { recursive: true });
    mkdirSync(join(project, "src"));
    writeFileSync(join(project, "src", "main.ts"), "export {};");
    mkdirSync(join(project, "node_modules", "zod"), { recursive: true });
    writeFileSync(join(project, "node_modules", "zod", "index.js"), "module.exports = {};");
    writeFileSync(join(project, "package.json"), "{}");

    const output = execFileSync(join(ROOT, "node_modules", ".bin", "clasp"), ["show-file-status", "--json"], {
      cwd: project,
      encoding: "utf8",
      timeout: 60_000,
    });
    const status = JSON.parse(output) as { filesToPush: string[] };
    const built = readdirSync(BUILD_DIR).map((f) => `build/${f}`);
    expect(built).toEqual(
      expect.arrayContaining(["build/Lianes.js", "build/appsscript.json", "build/functions.js"]),
    );
    expect(built.some((f) => f.endsWith(".html"))).toBe(true);
    expect([...status.filesToPush].sort()).toEqual(built.sort());
  });
});

describe("two Apps Script projects, dev and prod", () => {
  const read = (file: string) =>
    JSON.parse(readFileSync(join(ROOT, file), "utf8")) as Record<string, unknown>;

  it("push the same build: the project files differ only by their script id", () => {
    const { scriptId: _dev, ...dev } = read(PROJECT_FILES.dev);
    const { scriptId: _prod, ...prod } = read(PROJECT_FILES.prod);
    expect(prod).toEqual(dev);
  });

  it("npm run deploy runs the checks and the whole suite before pushing; deploy:prod also makes a version", () => {
    const { scripts } = read("package.json") as { scripts: Record<string, string> };
    expect(scripts.test).toMatch(/npm run check/);
    expect(scripts.deploy).toBe("npm test && tsx scripts/deploy.ts dev");
    expect(scripts["deploy:prod"]).toBe("npm test && tsx scripts/deploy.ts prod");
  });

  it("refuses to push without a script id, saying in French where to put it", () => {
    expect(scriptIdOf("prod", '{"scriptId": "", "rootDir": "build"}')).toEqual({
      problem: expect.stringMatching(/^Pas d'identifiant de script dans \.clasp\.prod\.json \(projet prod\)/),
    });
    expect(scriptIdOf("dev", '{"scriptId": " 1abc "}')).toEqual({ id: "1abc" });
  });
});
