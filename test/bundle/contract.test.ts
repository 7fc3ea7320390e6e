import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { customFunctions } from "../../src/functions";
import { BUILD_DIR, bundleFiles, callGlobal, loadBundle, tripwireServices } from "../support/bundle";

const touched: string[] = [];
const globals = loadBundle(tripwireServices(touched));
const functionsJs = readFileSync(join(BUILD_DIR, "functions.js"), "utf8");

describe("the built bundle, loaded as Apps Script loads it", () => {
  it("touches no service at load time", () => {
    expect(touched).toEqual([]);
  });

  it("leaves no module syntax behind", () => {
    for (const file of bundleFiles()) {
      const code = readFileSync(file, "utf8");
      expect(code, file).not.toMatch(/^\s*(import|export)\s/m);
      expect(code, file).not.toMatch(/\brequire\(/);
    }
  });

  it.each(customFunctions.map((f) => [f.name, f] as const))(
    "exposes %s as a documented global",
    (name, spec) => {
      expect(typeof globals[name]).toBe("function");
      const params = spec.params.map((p) => p.name);
      expect(functionsJs).toContain(`function ${name}(${params.join(", ")})`);
      const doc =
        functionsJs
          .slice(0, functionsJs.indexOf(`function ${name}(`))
          .split("/**")
          .pop() ?? "";
      expect(doc).toContain("@customfunction");
      for (const p of params) expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} ${p} `));
    },
  );
});

describe("CONVERTIR_EUR through the bundle", () => {
  it("converts at the InfoEuro rate, rounding half away from zero", () => {
    expect(callGlobal(globals, "CONVERTIR_EUR", 1100, 11)).toBe(100);
    expect(callGlobal(globals, "CONVERTIR_EUR", "1 250,500", 3.3913)).toBe(368.74);
    expect(callGlobal(globals, "CONVERTIR_EUR", -1100, 11)).toBe(-100);
  });

  it("names taux when the rate is unusable", () => {
    expect(() => callGlobal(globals, "CONVERTIR_EUR", 100, 0)).toThrow(/taux/);
    expect(() => callGlobal(globals, "CONVERTIR_EUR", 100, "abc")).toThrow(/taux.*« abc »/);
  });
});
