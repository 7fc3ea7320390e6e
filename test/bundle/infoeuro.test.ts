import { describe, expect, it } from "vitest";
import { callGlobal, loadBundle, tripwireServices } from "../support/bundle";
import { fakeInfoEuro } from "../support/infoeuro-fetch";

const JULY_URL = "https://ec.europa.eu/budg/inforeuro/api/public/monthly-rates?year=2025&month=7&lang=EN";

/** The bundle with recorded InfoEuro rates; every other service throws when touched. */
function bundleWithInfoEuro() {
  const touched: string[] = [];
  const warnings: string[] = [];
  const infoEuro = fakeInfoEuro();
  const console = { warn: (...args: unknown[]) => warnings.push(args.map(String).join(" ")) };
  const globals = loadBundle({ console, ...tripwireServices(touched), ...infoEuro.services });
  return { globals, infoEuro, touched, warnings };
}

describe("TAUX_INFOEURO through the bundle", () => {
  it("fetches the month once, then answers from the cache", () => {
    const { globals, infoEuro, touched } = bundleWithInfoEuro();
    expect(callGlobal(globals, "TAUX_INFOEURO", "MAD", "2025-07")).toBe(10.5866);
    expect(callGlobal(globals, "TAUX_INFOEURO", "tnd", "07/2025")).toBe(3.4012);
    expect(infoEuro.fetched).toEqual([JULY_URL]);
    expect(touched).toEqual([]);
  });

  it("reads a date cell in Paris time", () => {
    const { globals } = bundleWithInfoEuro();
    expect(callGlobal(globals, "TAUX_INFOEURO", "MAD", new Date("2025-07-15T00:00:00+02:00"))).toBe(10.5866);
    expect(callGlobal(globals, "TAUX_INFOEURO", "MAD", new Date("2025-07-31T22:30:00Z"))).toBe(10.4921);
  });

  it("gives 1 for the euro without any call", () => {
    const { globals, infoEuro } = bundleWithInfoEuro();
    expect(callGlobal(globals, "TAUX_INFOEURO", "EUR", "")).toBe(1);
    expect(infoEuro.fetched).toEqual([]);
  });

  it("keeps each used rate in the document, and serves it when InfoEuro is down", () => {
    const { globals, infoEuro } = bundleWithInfoEuro();
    callGlobal(globals, "TAUX_INFOEURO", "MAD", "2025-07");
    expect(JSON.parse(infoEuro.documentProperties.get("lianes.infoeuro.2025-07") ?? "")).toEqual({
      MAD: "10.5866",
    });
    infoEuro.cache.clear();
    infoEuro.setMode({ kind: "network-down" });
    expect(callGlobal(globals, "TAUX_INFOEURO", "MAD", "2025-07")).toBe(10.5866);
    expect(callGlobal(globals, "serverTauxInfoEuro", "MAD", "2025-07")).toEqual({
      rate: 10.5866,
      month: "2025-07",
      source: "document",
    });
  });

  it("says InfoEuro is unreachable and suggests typing the rate", () => {
    const { globals, infoEuro, warnings } = bundleWithInfoEuro();
    infoEuro.setMode({ kind: "network-down" });
    expect(() => callGlobal(globals, "TAUX_INFOEURO", "MAD", "2025-07")).toThrow(
      "InfoEuro injoignable pour juillet 2025 (pas de réponse du serveur) — saisissez le taux à la main",
    );
    expect(warnings).toEqual([expect.stringContaining("Address unavailable")]);
    infoEuro.setMode({ kind: "http-error", status: 503 });
    expect(() => callGlobal(globals, "TAUX_INFOEURO", "MAD", "2025-07")).toThrow("(réponse HTTP 503)");
  });

  it("says when the month has no rates, the currency is unknown or the answer changed", () => {
    const { globals, infoEuro } = bundleWithInfoEuro();
    expect(() => callGlobal(globals, "TAUX_INFOEURO", "MAD", "2099-07")).toThrow(
      "Aucun taux InfoEuro publié pour juillet 2099 (mois)",
    );
    expect(() => callGlobal(globals, "TAUX_INFOEURO", "XYZ", "2025-07")).toThrow(
      "Devise inconnue (devise) : « XYZ » — InfoEuro ne publie pas de taux pour cette devise en juillet 2025",
    );
    infoEuro.setMode({ kind: "body", body: JSON.stringify([{ code: "MAD", rate: 10.58 }]) });
    expect(() => callGlobal(globals, "TAUX_INFOEURO", "MAD", "2025-06")).toThrow(
      /^Réponse InfoEuro inattendue pour juin 2025 : champ « 0\.isoA3Code » invalide/,
    );
  });

  it("feeds CONVERTIR_EUR: 1 250,500 TND paid in July 2025 → 367,66 €", () => {
    const { globals } = bundleWithInfoEuro();
    const rate = callGlobal(globals, "TAUX_INFOEURO", "TND", "2025-07");
    expect(callGlobal(globals, "CONVERTIR_EUR", "1 250,500", rate)).toBe(367.66);
    const mad = callGlobal(globals, "TAUX_INFOEURO", "MAD", "2025-07");
    expect(callGlobal(globals, "CONVERTIR_EUR", 9000, mad)).toBe(850.13);
  });
});

describe("serverTauxInfoEuro through the bundle", () => {
  it("tells the sidebar the rate, its month and where it came from", () => {
    const { globals } = bundleWithInfoEuro();
    expect(callGlobal(globals, "serverTauxInfoEuro", "xof", "2025-07-15T10:00:00.000Z")).toEqual({
      rate: 655.957,
      month: "2025-07",
      source: "InfoEuro",
    });
    expect(callGlobal(globals, "serverTauxInfoEuro", "XOF", "2025-07")).toMatchObject({ source: "cache" });
  });

  it("refuses what is not text with a French error", () => {
    const { globals } = bundleWithInfoEuro();
    expect(() => callGlobal(globals, "serverTauxInfoEuro", { devise: "MAD" }, 7)).toThrow(
      "Taux InfoEuro : la devise et le mois doivent être des textes (ex. MAD et 2025-07)",
    );
  });
});
