import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { decimalFromPlainText, divideToCents } from "../../src/core/decimal";
import {
  decimalText,
  monthKey,
  monthlyRatesSchema,
  monthlyRatesUrl,
  noRatesSchema,
  parseCurrencyCode,
  parseRateMonth,
  pickRate,
  readMonthlyRates,
} from "../../src/core/infoeuro";
import { recordedBody } from "../support/infoeuro-fetch";

const JULY = { year: 2025, month: 7 };
const july = () => readMonthlyRates(200, recordedBody("2025-07") ?? "", JULY);

describe("InfoEuro answer schemas", () => {
  it("accept the recorded monthly table and the no-rates answer", () => {
    expect(monthlyRatesSchema.safeParse(JSON.parse(recordedBody("2025-07") ?? "")).success).toBe(true);
    expect(noRatesSchema.safeParse({ code: 5, message: "No rates published for period" }).success).toBe(true);
  });

  it("refuse a row without its ISO code or with a non-positive value", () => {
    expect(monthlyRatesSchema.safeParse([{ value: 10.5 }]).success).toBe(false);
    expect(monthlyRatesSchema.safeParse([{ isoA3Code: "MAD", value: 0 }]).success).toBe(false);
    expect(monthlyRatesSchema.safeParse([{ isoA3Code: "MAD", value: "10,5" }]).success).toBe(false);
  });
});

describe("the month of a rate", () => {
  it("reads AAAA-MM and MM/AAAA", () => {
    expect(parseRateMonth("2025-07")).toEqual(JULY);
    expect(parseRateMonth(" 07/2025 ")).toEqual(JULY);
    expect(parseRateMonth("7/2025")).toEqual(JULY);
  });

  it("reads a date in Paris time, from any realm", () => {
    // 22:30 UTC on 31 July is 00:30 on 1 August in Paris: August's rate applies.
    expect(parseRateMonth(new Date("2025-07-31T22:30:00Z"))).toEqual({ year: 2025, month: 8 });
    expect(parseRateMonth(new Date("2025-07-15T12:00:00Z"))).toEqual(JULY);
    const foreign = vm.runInNewContext('new Date("2025-07-15T12:00:00Z")');
    expect(foreign instanceof Date).toBe(false);
    expect(parseRateMonth(foreign)).toEqual(JULY);
  });

  it("reads a full payment date", () => {
    expect(parseRateMonth("15/07/2025")).toEqual(JULY);
    expect(parseRateMonth("2025-07-15")).toEqual(JULY);
  });

  it("names mois and the value otherwise", () => {
    expect(() => parseRateMonth("13/2025")).toThrow("Mois invalide (mois) : « 13/2025 » — attendu une date");
    expect(() => parseRateMonth("juillet")).toThrow("Mois invalide (mois) : « juillet »");
    expect(() => parseRateMonth("")).toThrow("Mois invalide (mois) : « » (vide)");
    expect(() => parseRateMonth(2025)).toThrow("Mois invalide (mois) : « 2025 »");
    expect(() => parseRateMonth(new Date(Number.NaN))).toThrow("Mois invalide (mois)");
  });

  it("gives the key and the Commission's URL", () => {
    expect(monthKey(JULY)).toBe("2025-07");
    expect(monthlyRatesUrl(JULY)).toBe(
      "https://ec.europa.eu/budg/inforeuro/api/public/monthly-rates?year=2025&month=7&lang=EN",
    );
  });
});

describe("the rate of a currency", () => {
  it("is the exact published decimal, whatever the code's case", () => {
    expect(decimalText(pickRate(july(), parseCurrencyCode("mad"), JULY))).toBe("10.5866");
    expect(decimalText(pickRate(july(), parseCurrencyCode("XOF"), JULY))).toBe("655.957");
  });

  it("is 1 for the euro", () => {
    expect(decimalText(pickRate({}, parseCurrencyCode("eur"), JULY))).toBe("1");
  });

  it("is not rounded before a conversion (1 250,500 TND at 3,4012 → 367,66 €)", () => {
    const rate = pickRate(july(), "TND", JULY);
    // 1250.5 / 3.4012 = 367.6643…; a rate rounded to 3,40 would give 367,79.
    expect(divideToCents(decimalFromPlainText("1250.500"), rate)).toBe(36766);
  });

  it("keeps one rate for a currency several countries share", () => {
    expect(Object.keys(july()).filter((c) => c === "XOF")).toHaveLength(1);
  });

  it("names devise when the code is not one", () => {
    expect(() => parseCurrencyCode("12")).toThrow(
      "Devise invalide (devise) : « 12 » — attendu un code ISO 4217 de trois lettres, ex. MAD",
    );
    expect(() => parseCurrencyCode("")).toThrow("Devise invalide (devise) : « » (vide)");
  });

  it("names an unknown currency and the month", () => {
    expect(() => pickRate(july(), "XYZ", JULY)).toThrow(
      "Devise inconnue (devise) : « XYZ » — InfoEuro ne publie pas de taux pour cette devise en juillet 2025",
    );
  });
});

describe("reading the Commission's answer", () => {
  it("says when the month has no rates", () => {
    const body = JSON.stringify({ code: 5, message: "No rates published for period" });
    expect(() => readMonthlyRates(200, body, { year: 2099, month: 7 })).toThrow(
      "Aucun taux InfoEuro publié pour juillet 2099 (mois)",
    );
    expect(() => readMonthlyRates(404, body, { year: 2099, month: 7 })).toThrow("Aucun taux InfoEuro publié");
  });

  it("says the server failed on an HTTP error, and suggests typing the rate", () => {
    expect(() => readMonthlyRates(503, "<html>", JULY)).toThrow(
      "InfoEuro injoignable pour juillet 2025 (réponse HTTP 503) — saisissez le taux à la main",
    );
  });

  it("refuses an answer of another shape", () => {
    expect(() => readMonthlyRates(200, "<html>", JULY)).toThrow(
      "Réponse InfoEuro inattendue pour juillet 2025 : ce n'est pas du JSON",
    );
    expect(() => readMonthlyRates(200, JSON.stringify([{ isoA3Code: "MAD", value: "x" }]), JULY)).toThrow(
      "Réponse InfoEuro inattendue pour juillet 2025 : champ « 0.value » invalide",
    );
    expect(() => readMonthlyRates(200, JSON.stringify({ rates: [] }), JULY)).toThrow(
      "Réponse InfoEuro inattendue pour juillet 2025 : ni une liste de taux ni un message",
    );
    expect(() => readMonthlyRates(200, "[]", JULY)).toThrow("liste de taux vide");
    const twice = [
      { isoA3Code: "XOF", value: 655.957 },
      { isoA3Code: "XOF", value: 655.9 },
    ];
    expect(() => readMonthlyRates(200, JSON.stringify(twice), JULY)).toThrow(
      "deux taux différents pour XOF (655.957 et 655.9)",
    );
  });

  it("accepts a rate given as text, and equal rates written differently", () => {
    const rows = [
      { isoA3Code: "mad", value: "10.5866" },
      { isoA3Code: "USD", value: 1.165 },
      { isoA3Code: "USD", value: "1.1650" },
    ];
    expect(readMonthlyRates(200, JSON.stringify(rows), JULY)).toEqual({ MAD: "10.5866", USD: "1.165" });
  });
});
