import countries from "i18n-iso-countries/index";
import en from "i18n-iso-countries/langs/en.json";
import fr from "i18n-iso-countries/langs/fr.json";
import { describe, expect, it } from "vitest";
import { field } from "../../src/core/errors";
import { dacListById, findCountry, frenchCountryName, parseCountry } from "../../src/core/intake";
import { CAD_2024_2025 } from "../../src/core/intake/dac-lists";

const dac = () => dacListById("CAD-2024-2025");
const onDacList = (name: string) => dac().codes.has(parseCountry(name, field("pays")));

describe("the country index", () => {
  it("is built on first use, not when the module loads", () => {
    expect(countries.langs()).toEqual([]);
    findCountry("Maroc");
    expect(countries.langs().sort()).toEqual(["en", "fr"]);
  });
});

describe("country names and codes → ISO alpha-3", () => {
  it.each([
    ["Maroc", "MAR"],
    ["Morocco", "MAR"],
    ["MA", "MAR"],
    ["MAR", "MAR"],
    ["mar", "MAR"],
    ["cote d ivoire", "CIV"],
    ["Côte-d'Ivoire", "CIV"],
    ["Côte d’Ivoire", "CIV"],
    ["Ivory Coast", "CIV"],
    ["RDC", "COD"],
    ["République démocratique du Congo", "COD"],
    ["Congo", "COG"],
    ["Soudan du Sud", "SSD"],
    ["Sud-Soudan", "SSD"],
    ["Eswatini", "SWZ"],
    ["Swaziland", "SWZ"],
    ["Tanzanie", "TZA"],
    ["République centrafricaine", "CAF"],
    ["Palestine", "PSE"],
    ["West Bank and Gaza Strip", "PSE"],
    ["Turquie", "TUR"],
    ["Türkiye", "TUR"],
    ["Vietnam", "VNM"],
    ["Viet Nam", "VNM"],
    ["Kosovo", "XKX"],
    ["XK", "XKX"],
    ["XKX", "XKX"],
    ["  sénégal  ", "SEN"],
    ["SENEGAL", "SEN"],
    ["Chili", "CHL"],
    ["Chile", "CHL"],
  ])("%s → %s", (name, code) => {
    expect(findCountry(name)).toBe(code);
  });

  it("knows no made-up country, nor « Autre pays »", () => {
    expect(findCountry("Atlantide")).toBeUndefined();
    expect(findCountry("Autre pays")).toBeUndefined();
  });

  it("gives the usual French name, not the library's odd ones", () => {
    expect(frenchCountryName("CIV")).toBe("Côte d'Ivoire");
    expect(frenchCountryName("SWZ")).toBe("Eswatini");
    expect(frenchCountryName("XKX")).toBe("Kosovo");
    expect(frenchCountryName("MAR")).toBe("Maroc");
  });
});

describe("DAC list CAD-2024-2025", () => {
  it("holds the 141 recipients of the OECD list", () => {
    expect(dac().codes.size).toBe(141);
  });

  it.each([
    "Maroc",
    "Morocco",
    "MA",
    "MAR",
    "cote d ivoire",
    "RDC",
    "Kosovo",
    "XK",
    "Vietnam",
    "Turquie",
    "Palestine",
    "Nauru",
    "Montserrat",
    "Guyana",
    "Panama",
  ])("%s is on the list", (name) => {
    expect(onDacList(name)).toBe(true);
  });

  it.each([
    "Chili",
    "Uruguay",
    "Seychelles",
    "Saint-Christophe-et-Niévès",
    "Îles Cook",
    "Antigua-et-Barbuda",
    "Pologne",
    "France",
  ])("%s is a known country not on the list", (name) => {
    expect(onDacList(name)).toBe(false);
  });

  it("names an unknown or empty country in the error", () => {
    expect(() => parseCountry("Atlantide", field("pays"))).toThrow("Pays inconnu (pays) : « Atlantide »");
    expect(() => parseCountry("", field("pays"))).toThrow("Pays manquant (pays) : « » (vide)");
    expect(() => parseCountry(42, field("pays", 3))).toThrow("Pays inconnu (pays, ligne 3) : « 42 »");
  });

  it("is unknown by another id", () => {
    expect(() => dacListById("CAD-2026-2027")).toThrow(/Liste CAD inconnue.*CAD-2026-2027.*CAD-2024-2025/);
  });
});

describe("every real name is known, and a real country is never « inconnu » (issue 12 §4)", () => {
  it.each(Object.entries(CAD_2024_2025.countries))("%s: the DAC list's own name « %s »", (code, name) => {
    expect(findCountry(name)).toBe(code);
  });

  it.each([
    ["Moldova", "MDA"],
    ["Micronesia", "FSM"],
    ["Democratic People's Republic of Korea", "PRK"],
    ["République arabe syrienne", "SYR"],
    ["État de Palestine", "PSE"],
    ["Iran (République islamique d')", "IRN"],
    ["Bolivie (État plurinational de)", "BOL"],
    ["Venezuela (République bolivarienne du)", "VEN"],
    ["Tanzanie (République-Unie de)", "TZA"],
    ["République de Moldova", "MDA"],
    ["République démocratique populaire lao", "LAO"],
    ["Micronésie (États fédérés de)", "FSM"],
    ["Corée (République populaire démocratique de)", "PRK"],
    ["Salvador", "SLV"],
    ["Congo (RDC)", "COD"],
    ["Congo (Brazzaville)", "COG"],
    ["Nioué", "NIU"],
    ["Palaos", "PLW"],
    ["Tokélaou", "TKL"],
    ["Bélarus", "BLR"],
    ["Fédération de Russie", "RUS"],
    ["Tchéquie", "CZE"],
    ["Saint-Siège", "VAT"],
    ["République de Corée", "KOR"],
  ])("« %s » is %s", (name, code) => {
    expect(findCountry(name)).toBe(code);
  });

  it("knows every country and territory of ISO 3166 by each of its French and English names", () => {
    countries.registerLocale(fr);
    countries.registerLocale(en);
    const unknown: string[] = [];
    for (const alpha2 of Object.keys(countries.getAlpha2Codes())) {
      for (const lang of ["fr", "en"]) {
        for (const name of countries.getName(alpha2, lang, { select: "all" }) ?? []) {
          if (!findCountry(name)) unknown.push(name);
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it("keeps « Pays inconnu » for text that names no country", () => {
    expect(findCountry("Atlantide")).toBeUndefined();
    expect(findCountry("Autre pays")).toBeUndefined();
  });
});
