import { describe, expect, it } from "vitest";
import {
  type Decimal,
  decimalFromNumber,
  divideToCents,
  mulDivToCents,
  sum,
  toCents,
} from "../../src/core/decimal";
import { field } from "../../src/core/errors";
import {
  decimalFromSheetNumber,
  formatEuros,
  formatPercent,
  parseAmount,
  wholeNumberOf,
} from "../../src/core/money";

const montant = field("montant");
const euros = (value: unknown) => toCents(parseAmount(value, montant)) / 100;
const dec = (text: string): Decimal => parseAmount(text, montant, { allowNegative: true });

describe("rounding to the cent, halves away from zero (DOMAIN.md §1)", () => {
  it("2,01 € / 2 is 1,005 and gives 1,01 € (Math.round would give 1,00)", () => {
    expect(divideToCents(dec("2,01"), dec("2"))).toBe(101);
  });
  it("9,45 € / 2 gives 4,73 € (Math.round would give 4,72)", () => {
    expect(divideToCents(dec("9,45"), dec("2"))).toBe(473);
  });
  it("1 066,52 € / 8 = 133,315 gives 133,32 €", () => {
    expect(divideToCents(dec("1 066,52"), dec("8"))).toBe(13332);
  });
  it("rounds negative halves away from zero too", () => {
    expect(divideToCents(dec("-2,01"), dec("2"))).toBe(-101);
    expect(toCents(dec("-0,005"))).toBe(-1);
    expect(toCents(dec("0,004999"))).toBe(0);
  });
  it("keeps inputs exact and rounds once: three decimals of dinars, four of a rate", () => {
    expect(divideToCents(dec("1250,500"), dec("3,3913"))).toBe(36874);
    expect(mulDivToCents(dec("9879,54"), dec("10000"), dec("11879,54"))).toBe(831643);
  });
  it("sums 0,1 + 0,2 exactly", () => {
    expect(toCents(sum([decimalFromNumber(0.1), decimalFromNumber(0.2)]))).toBe(30);
  });
  it("takes a Sheets number as the decimal the user typed", () => {
    expect(decimalFromNumber(1.005)).toEqual({ units: 1005n, scale: 3 });
    expect(decimalFromNumber(12.34)).toEqual({ units: 1234n, scale: 2 });
    expect(decimalFromNumber(1e21)).toEqual({ units: 10n ** 21n, scale: 0 });
    expect(decimalFromNumber(1e-7)).toEqual({ units: 1n, scale: 7 });
  });
});

describe("reading amounts", () => {
  it.each([
    [1500, 1500],
    ["1500", 1500],
    ["1 500,00 €", 1500],
    ["1\u202f500,00", 1500],
    ["1\u00a0500,00 €", 1500],
    ["1.500,50", 1500.5],
    ["1,500.50", 1500.5],
    ["1500.5", 1500.5],
    ["1500,5", 1500.5],
    ["1,500,000", 1500000],
    ["1.500.000", 1500000],
    ["1,5", 1.5],
    ["1,500", 1.5],
    ["0,05", 0.05],
    ["  42 € ", 42],
    ["12 345 678,90", 12345678.9],
    ["2 000 EUR", 2000],
  ])("reads %j as %d €", (input, expected) => {
    expect(euros(input)).toBe(expected);
  });

  it("reads a negative amount only where one is allowed", () => {
    expect(toCents(parseAmount("-12,50", montant, { allowNegative: true }))).toBe(-1250);
    expect(toCents(parseAmount("\u221212,50", montant, { allowNegative: true }))).toBe(-1250);
    expect(() => parseAmount(-5, montant)).toThrow("Montant négatif non accepté (montant) : « -5 »");
  });

  it("refuses a lone dot followed by three digits as ambiguous", () => {
    expect(() => parseAmount("1.500", montant)).toThrow(
      "Montant ambigu (montant) : « 1.500 » — écrivez 1500 ou 1,5",
    );
  });

  it.each([
    "abc",
    "",
    "1 50,00",
    "12,34,5",
    "1.2.3",
    "1,500.000,00",
    "1..5",
    "€",
    "1 5",
    "--5",
    "1e5",
    "NaN",
    "12abc",
  ])("refuses %j naming the argument and the value", (input) => {
    expect(() => parseAmount(input, montant)).toThrow(/^Montant invalide \(montant\) : « /);
  });

  it("names the row of a range", () => {
    expect(() => parseAmount("abc", field("montants", 3))).toThrow(
      "Montant invalide (montants, ligne 3) : « abc »",
    );
  });

  it("refuses what is not a number or text, and absurd sizes", () => {
    expect(() => parseAmount(true, montant)).toThrow(/Montant invalide/);
    expect(() => parseAmount(Number.NaN, montant)).toThrow(/Montant invalide/);
    expect(() => parseAmount(1e15, montant)).toThrow(/Montant trop grand \(montant\)/);
    expect(() => parseAmount("1 000 000 000 000 000", montant)).toThrow(/Montant trop grand/);
  });
});

describe("fr-FR formatting", () => {
  it("writes euros exactly as Intl.NumberFormat('fr-FR') does", () => {
    expect(formatEuros(toCents(dec("9879,54")))).toBe("9\u202f879,54\u00a0€");
    expect(formatEuros(toCents(dec("-40445")))).toBe("-40\u202f445,00\u00a0€");
  });
  it("writes percentages with a space before %", () => {
    expect(formatPercent(0.83)).toBe("83\u00a0%");
    expect(formatPercent(0.014)).toBe("1,4\u00a0%");
  });
});

describe("numbers as Sheets holds them (issue 12 §5)", () => {
  const text = (d: { units: bigint; scale: number }) => `${d.units}e-${d.scale}`;

  it("reads a number within a millionth of a euro of a whole cent as that cent", () => {
    expect(5 * 20.13).toBe(100.64999999999999);
    expect(text(decimalFromSheetNumber(5 * 20.13))).toBe("10065e-2");
    expect(text(decimalFromSheetNumber(0.1 + 0.2))).toBe("30e-2");
    expect(text(parseAmount(5 * 20.13, field("montant")))).toBe("10065e-2");
  });

  it("keeps any other number exactly: 0,125 stays 0,125, 100,6499 stays 100,6499", () => {
    expect(text(decimalFromSheetNumber(0.125))).toBe("125e-3");
    expect(text(decimalFromSheetNumber(100.6499))).toBe("1006499e-4");
    expect(text(decimalFromSheetNumber(12.0000011))).toBe("120000011e-7");
  });

  it("reads counts the same way: 8.000000000000002 is 8; a rate is kept exactly", () => {
    expect(wholeNumberOf(8.000000000000002)).toBe(8);
    expect(wholeNumberOf(7.5)).toBe(7.5);
    expect(text(parseAmount(8.000000000000002, field("quantite"), { noun: "Nombre" }))).toBe("800e-2");
    expect(text(parseAmount(10.97180000000001, field("taux"), { noun: "Taux" }))).toBe(
      "1097180000000001e-14",
    );
  });
});
