import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDemo } from "../../dev/demo";
import {
  GUIDE_SHEETS,
  GUIDE_SIDEBARS,
  IMAGES_DIR,
  MANIFEST,
  pictureSources,
  sha256,
} from "../../dev/guide-pictures";

const ROOT = join(import.meta.dirname, "..", "..");
const guide = readFileSync(join(ROOT, "docs", "GUIDE.md"), "utf8");
const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Record<string, string>;

/** Every picture docs/GUIDE.md shows: `![…](images/<file>)`. */
const referenced = [...guide.matchAll(/!\[[^\]]*\]\(images\/([^)\s]+)\)/g)].map((m) => m[1] as string);

describe("docs/GUIDE.md and its pictures", () => {
  it("shows pictures, one per sheet or sidebar the guide lists", () => {
    expect(referenced.length).toBeGreaterThanOrEqual(10);
    const listed = [...GUIDE_SHEETS.map((p) => p.file), ...GUIDE_SIDEBARS.map((s) => s.file)];
    expect(new Set(listed).size).toBe(listed.length);
    for (const file of new Set(referenced))
      expect(listed, `${file} n'est pas dans dev/guide-pictures.ts`).toContain(file);
  });

  it("references only pictures that exist in docs/images and in images.json", () => {
    for (const file of referenced) {
      expect(existsSync(join(IMAGES_DIR, file)), `docs/images/${file} absent : lancer npm start`).toBe(true);
      expect(manifest[file], `${file} absent de docs/images/images.json : lancer npm start`).toMatch(
        /^[0-9a-f]{64}$/,
      );
    }
  });

  it("links only to documents that exist", () => {
    const links = [...guide.matchAll(/\]\(([A-Z][A-Za-z]*\.md)(#[^)]*)?\)/g)].map((m) => m[1] as string);
    for (const doc of links) expect(existsSync(join(ROOT, "docs", doc)), `docs/${doc}`).toBe(true);
  });

  it("shows pictures made by the current demo: each source hashes to what images.json records", () => {
    const demo = runDemo();
    const sources = pictureSources(demo.host);
    const current = Object.fromEntries(
      Object.entries(sources).map(([file, source]) => [file, sha256(source)]),
    );
    const stale = Object.keys(current).filter((file) => current[file] !== manifest[file]);
    expect(
      stale,
      "images plus anciennes que le code qui les dessine : lancer npm start et committer docs/images",
    ).toEqual([]);
    expect(Object.keys(manifest).sort()).toEqual(Object.keys(current).sort());
    // No picture is drawn from something that changes from one run to the next (today's date, a clock).
    const again = pictureSources(runDemo().host);
    for (const file of Object.keys(sources)) expect(sha256(again[file] as string), file).toBe(current[file]);
  }, 120_000);
});
