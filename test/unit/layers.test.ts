import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cycles, type Import, importsOf, ROOMS, roomOf, srcImports, wrongArrows } from "../../scripts/layers";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const arrow = (from: string, to: string, typeOnly = false): Import => ({ from, to, typeOnly });

describe("layering check (scripts/layers.ts, run by npm run check)", () => {
  it("finds every file of src/ in a room, and every import pointing down, without a cycle", () => {
    const imports = srcImports(root);
    expect(imports.length).toBeGreaterThan(200);
    expect(wrongArrows(imports)).toEqual([]);
    expect(cycles(imports)).toEqual([]);
  });

  it("puts each kind of file in its room", () => {
    expect(roomOf("src/entry-points.ts")?.name).toBe("globals");
    expect(roomOf("src/menus/intake/actions.ts")?.name).toBe("menus");
    expect(roomOf("src/ui/candidatures/server.ts")?.name).toBe("sidebar servers");
    expect(roomOf("src/ui/candidatures/client.ts")?.name).toBe("sidebar pages");
    expect(roomOf("src/addon/sheets.ts")?.name).toBe("addon");
    expect(roomOf("src/planning/intake/review-plan.ts")?.name).toBe("planning");
    expect(roomOf("src/core/money.ts")?.name).toBe("core");
  });

  it("refuses the arrows the first build had: addon → sidebar server, functions → sidebar, core → addon", () => {
    expect(
      wrongArrows([
        arrow("src/addon/intake/erase.ts", "src/menus/intake/actions.ts"),
        arrow("src/ui/calculateur-explor/server.ts", "src/functions/results.ts"),
        arrow("src/core/errors.ts", "src/planning/sheet-layout.ts"),
        arrow("src/planning/mission-layout.ts", "src/addon/sheets.ts"),
      ]),
    ).toEqual([
      "src/addon/intake/erase.ts → src/menus/intake/actions.ts: addon may not import menus",
      "src/ui/calculateur-explor/server.ts → src/functions/results.ts: sidebar servers may not import custom functions",
      "src/core/errors.ts → src/planning/sheet-layout.ts: core may not import planning",
      "src/planning/mission-layout.ts → src/addon/sheets.ts: planning may not import addon",
    ]);
  });

  it("lets a page import its server's types, not its code", () => {
    const page = "src/ui/plan-financement/client.ts";
    const server = "src/ui/plan-financement/server.ts";
    expect(wrongArrows([arrow(page, server, true)])).toEqual([]);
    expect(wrongArrows([arrow(page, server)])).toHaveLength(1);
  });

  it("finds cycles, even two sharing a file", () => {
    const found = cycles([
      arrow("src/core/a.ts", "src/core/b.ts"),
      arrow("src/core/b.ts", "src/core/a.ts"),
      arrow("src/core/b.ts", "src/core/c.ts"),
      arrow("src/core/c.ts", "src/core/b.ts"),
      arrow("src/core/d.ts", "src/core/a.ts"),
    ]);
    expect(found).toEqual([["src/core/a.ts", "src/core/b.ts", "src/core/c.ts"]]);
  });

  it("reads multi-line imports, type-only ones and index files", () => {
    const text = [
      'import {\n  a,\n  b,\n} from "../core/money";',
      'import type { X } from "./x";',
      'import { type Y, type Z } from "./y";',
      'export { w } from "../core/intake";',
      'import * as z from "zod/mini";',
    ].join("\n");
    const known = new Set(["src/core/intake/index.ts"]);
    expect(importsOf("src/addon/f.ts", text, (p) => known.has(p))).toEqual([
      arrow("src/addon/f.ts", "src/core/money.ts"),
      arrow("src/addon/f.ts", "src/addon/x.ts", true),
      arrow("src/addon/f.ts", "src/addon/y.ts", true),
      arrow("src/addon/f.ts", "src/core/intake/index.ts"),
    ]);
  });

  it("docs/ARCHITECTURE.md draws exactly the arrows the check allows", () => {
    const doc = readFileSync(join(root, "docs/ARCHITECTURE.md"), "utf8");
    const drawn = new Set<string>();
    for (const [, from, dotted, targets] of doc.matchAll(/^ {2}(\w+) (-->|-\. [^.]+ \.->) (.+)$/gm)) {
      for (const to of (targets ?? "").split("&"))
        drawn.add(`${from} ${dotted === "-->" ? "->" : "types->"} ${to.trim()}`);
    }
    const idOf = (name: string) => ROOMS.find((r) => r.name === name)?.id;
    const allowed = new Set(
      ROOMS.flatMap((r) => [
        ...r.mayImport.map((to) => `${r.id} -> ${idOf(to)}`),
        ...(r.mayImportTypes ?? []).map((to) => `${r.id} types-> ${idOf(to)}`),
      ]),
    );
    expect([...drawn].sort()).toEqual([...allowed].sort());
  });
});
