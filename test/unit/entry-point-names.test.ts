import { describe, expect, it } from "vitest";
import { entryPoints } from "../../src/entry-points";
import { menuItems } from "../../src/menus/menu";

describe("entry points", () => {
  it("each global is named as the function it runs", () => {
    const mismatched = entryPoints
      .filter((e) => e.run.name !== e.name)
      .map((e) => `${e.name} → ${e.run.name}`);
    expect(mismatched).toEqual([]);
    expect(entryPoints.length).toBeGreaterThan(10);
  });

  it("each menu item calls a global entry point", () => {
    const names = new Set(entryPoints.map((e) => e.name));
    const items = menuItems().map((i) => i.functionName);
    expect(items.filter((n) => !names.has(n))).toEqual([]);
  });
});
