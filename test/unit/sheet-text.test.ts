import { describe, expect, it } from "vitest";
import { looksLikeFormula as fromIntake } from "../../src/core/intake/review";
import { fitInCell, literalText, looksLikeFormula, MAX_CELL_TEXT } from "../../src/core/sheet-text";
import { asText } from "../../src/planning/sheet-layout";
import { FORMULA_PAYLOADS } from "../support/hostile-strings";

describe("one rule for text Sheets would read as a formula", () => {
  it("is the same predicate for the sheet layouts and the intake", () => {
    expect(fromIntake).toBe(looksLikeFormula);
    for (const { text } of FORMULA_PAYLOADS) expect(asText(text)).toBe(literalText(text));
  });

  it("covers = + - @, tab, CR, LF, leading spaces or invisible characters, full-width signs, a leading apostrophe", () => {
    for (const text of [
      "=1+1",
      "+33 6",
      "-5",
      "@asso",
      "\t=1",
      "\rx",
      "\nx",
      "  =1",
      "\u00a0=1",
      "\u200B=1",
      "\u202E=1",
      "\uFEFF+1",
      "＝1",
      "＋1",
      "－1",
      "＠x",
      "'=1",
    ]) {
      expect(looksLikeFormula(text), JSON.stringify(text)).toBe(true);
    }
    for (const text of ["Asso = solidarité", "", "Claire", "1500", "x=1", " Lens", "É=1"]) {
      expect(looksLikeFormula(text), JSON.stringify(text)).toBe(false);
    }
  });

  it("every formula payload of the corpus is written with an apostrophe", () => {
    for (const { name, text } of FORMULA_PAYLOADS) expect(asText(text).startsWith("'"), name).toBe(true);
  });

  it("cuts a text longer than a cell holds, and says so", () => {
    expect(fitInCell("court")).toBe("court");
    const cut = literalText(`=${"x".repeat(60_000)}`);
    expect(cut.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(cut.startsWith("'=xxx")).toBe(true);
    expect(cut.replace(/[\u202f\u00a0]/g, " ")).toMatch(/ \[…\] \(texte tronqué : 60 001 caractères\)$/);
  });

  it("keeps room for the apostrophe: a formula-like text of exactly a cell's size is cut by one", () => {
    const full = `=${"x".repeat(MAX_CELL_TEXT - 1)}`;
    expect(literalText(full).length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(literalText("x".repeat(MAX_CELL_TEXT))).toBe("x".repeat(MAX_CELL_TEXT));
  });
});
