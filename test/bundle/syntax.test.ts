/**
 * The pushed code must pass Apps Script's own parser, which is stricter than the V8 that runs it:
 * it refuses BigInt literals (`10n`, "Unexpected token ILLEGAL") and knows nothing newer than the
 * build's declared target. Every build/*.js is parsed here at that target and scanned token by token.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, tokenizer, tokTypes } from "acorn";
import { describe, expect, it } from "vitest";
import { BUNDLE_OPTIONS } from "../../scripts/build";
import { BUILD_DIR } from "../support/bundle";

const targetYear = Number(/^es(\d{4})$/.exec(BUNDLE_OPTIONS.target)?.[1]);

function bigintLiterals(code: string): string[] {
  const found: string[] = [];
  for (const token of tokenizer(code, { ecmaVersion: "latest" })) {
    // acorn gives a number literal's value on the token; its typings leave it out.
    const { value } = token as typeof token & { value?: unknown };
    if (token.type === tokTypes.num && typeof value === "bigint") {
      found.push(code.slice(token.start, token.end));
    }
  }
  return found;
}

const scripts = readdirSync(BUILD_DIR).filter((f) => f.endsWith(".js"));

describe("the code Apps Script parses", () => {
  it("declares a target the check understands", () => {
    expect(targetYear).toBeGreaterThanOrEqual(2015);
  });

  it("is the add-on and its globals", () => {
    expect(scripts.sort()).toEqual(["Lianes.js", "functions.js"]);
  });

  it("the scan finds a BigInt literal where there is one, and not in text", () => {
    expect(bigintLiterals('const a = 10n * BigInt("10"); const s = "10n"; // 2n')).toEqual(["10n"]);
    expect(bigintLiterals("x=0x1fn")).toEqual(["0x1fn"]);
  });

  it("the parse refuses syntax newer than the target", () => {
    expect(() => parse("a ??= 1", { ecmaVersion: 2020 })).toThrow();
  });

  for (const file of scripts) {
    const code = readFileSync(join(BUILD_DIR, file), "utf8");

    it(`${file} holds no BigInt literal`, () => {
      expect(bigintLiterals(code)).toEqual([]);
    });

    it(`${file} parses as ES${targetYear}`, () => {
      expect(() => parse(code, { ecmaVersion: targetYear as 2020, sourceType: "script" })).not.toThrow();
    });
  }
});
