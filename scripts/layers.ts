/**
 * The layering check (`npm run check`, so `npm test`): every import of src/ points down, from a
 * room to a room below it (docs/ARCHITECTURE.md has the picture), and no file imports itself back
 * through a chain of imports. Prints each arrow that points the wrong way and each cycle, and
 * exits 1 if there is any.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export interface Room {
  /** The room's node in docs/ARCHITECTURE.md's picture. */
  readonly id: string;
  readonly name: string;
  /** Which files of src/ are in the room (first room that matches wins). */
  readonly match: RegExp;
  /** The rooms its files may import, besides files of their own room. */
  readonly mayImport: readonly string[];
  /** Rooms it may import types from only (erased by the build: no code crosses). */
  readonly mayImportTypes?: readonly string[];
}

/** From the top down. A room imports only rooms listed after it. */
export const ROOMS: readonly Room[] = [
  {
    id: "globals",
    name: "globals",
    match: /^src\/(main|entry-points)\.ts$/,
    mayImport: ["custom functions", "menus", "sidebar servers", "addon", "planning", "core"],
  },
  {
    id: "functions",
    name: "custom functions",
    match: /^src\/functions\//,
    mayImport: ["addon", "planning", "core"],
  },
  { id: "menus", name: "menus", match: /^src\/menus\//, mayImport: ["addon", "planning", "core"] },
  {
    id: "servers",
    name: "sidebar servers",
    match: /^src\/ui\/[^/]+\/server(-[a-z-]+)?\.ts$/,
    mayImport: ["sidebar logic", "addon", "planning", "core"],
  },
  {
    id: "pages",
    name: "sidebar pages",
    match: /^src\/ui\/(shared\/[^/]+|[^/]+\/client)\.ts$/,
    mayImport: ["sidebar logic", "core"],
    mayImportTypes: ["sidebar servers"],
  },
  { id: "logic", name: "sidebar logic", match: /^src\/ui\//, mayImport: ["planning", "core"] },
  { id: "addon", name: "addon", match: /^src\/addon\//, mayImport: ["planning", "core"] },
  { id: "planning", name: "planning", match: /^src\/planning\//, mayImport: ["core"] },
  { id: "core", name: "core", match: /^src\/core\//, mayImport: [] },
];

export interface Import {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
}

export function roomOf(file: string, rooms: readonly Room[] = ROOMS): Room | undefined {
  return rooms.find((r) => r.match.test(file));
}

const IMPORT =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s+"([^"]+)"|(?:^|\n)\s*import\s+"([^"]+)"/g;

/** The relative imports of one file's text, resolved to src/ paths (`.ts` or `/index.ts`). */
export function importsOf(file: string, text: string, exists: (path: string) => boolean): Import[] {
  const found: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[4] ?? m[5] ?? "";
    if (!spec.startsWith(".")) continue;
    const clause = m[3] ?? "";
    const named = /^\{([^}]*)\}$/.exec(clause.trim());
    const allTypes = named?.[1]
      ?.split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "")
      .every((s) => s.startsWith("type "));
    const base = join(dirname(file), spec).replaceAll("\\", "/").replace(/\.ts$/, "");
    const to = [`${base}.ts`, `${base}/index.ts`].find(exists) ?? `${base}.ts`;
    found.push({ from: file, to, typeOnly: m[2] !== undefined || allTypes === true });
  }
  return found;
}

/** Imports that point up or sideways, as French-free lines a developer reads. */
export function wrongArrows(imports: readonly Import[], rooms: readonly Room[] = ROOMS): string[] {
  const wrong: string[] = [];
  for (const i of imports) {
    const from = roomOf(i.from, rooms);
    const to = roomOf(i.to, rooms);
    if (!from || !to) {
      wrong.push(`${i.from} → ${i.to}: ${!from ? i.from : i.to} is in no room (scripts/layers.ts)`);
      continue;
    }
    if (from === to || from.mayImport.includes(to.name)) continue;
    if (i.typeOnly && from.mayImportTypes?.includes(to.name)) continue;
    wrong.push(`${i.from} → ${i.to}: ${from.name} may not import ${to.name}`);
  }
  return wrong;
}

/**
 * The import cycles: each group of files that reach one another through imports (a strongly
 * connected component, Tarjan's algorithm), sorted; a file importing itself is one too.
 */
export function cycles(imports: readonly Import[]): string[][] {
  const edges = new Map<string, string[]>();
  for (const i of imports) edges.set(i.from, [...(edges.get(i.from) ?? []), i.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file) ?? 0);
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || (edges.get(file) ?? []).includes(file)) found.push(group.sort());
  };
  for (const file of [...edges.keys()].sort()) if (!index.has(file)) visit(file);
  return found;
}

function tsFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return tsFiles(root, path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

export function srcImports(root: string): Import[] {
  const files = tsFiles(root, "src");
  const known = new Set(files);
  return files.flatMap((f) => importsOf(f, readFileSync(join(root, f), "utf8"), (p) => known.has(p)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const imports = srcImports(root);
  const wrong = wrongArrows(imports);
  const loops = cycles(imports);
  for (const w of wrong) console.error(`arrow up: ${w}`);
  for (const c of loops) console.error(`cycle between: ${c.map((f) => relative("src", f)).join(", ")}`);
  if (wrong.length + loops.length > 0) {
    console.error(`${wrong.length} arrow(s) up, ${loops.length} cycle(s): see docs/ARCHITECTURE.md`);
    process.exit(1);
  }
  console.log(`layers: ${imports.length} imports, all pointing down, no cycle`);
}
