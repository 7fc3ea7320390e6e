/**
 * Country names → ISO alpha-3 codes, with the i18n-iso-countries names (fr and en only) and
 * the common French forms the library lacks. The lookup index is built on first use.
 */
import countries from "i18n-iso-countries/index";
import en from "i18n-iso-countries/langs/en.json";
import fr from "i18n-iso-countries/langs/fr.json";
import { isBlank } from "../blank";
import { type Field, invalid } from "../errors";
import { normalizeName } from "./normalize";

/** Kosovo has no ISO code: the DAC uses XKX, the library XK/XKK. */
const KOSOVO = "XKX";

/** Common names → alpha-3, checked before the library's names (they win over its ambiguities). */
const ALIASES: Readonly<Record<string, string>> = {
  RDC: "COD",
  "Congo, République démocratique": "COD",
  "RD Congo": "COD",
  "Congo Kinshasa": "COD",
  "République démocratique du Congo": "COD",
  Congo: "COG",
  "Congo Brazzaville": "COG",
  "République du Congo": "COG",
  "Soudan du Sud": "SSD",
  "Sud-Soudan": "SSD",
  Eswatini: "SWZ",
  Swaziland: "SWZ",
  Tanzanie: "TZA",
  Centrafrique: "CAF",
  "République centrafricaine": "CAF",
  Palestine: "PSE",
  "Territoires palestiniens": "PSE",
  "Cisjordanie et bande de Gaza": "PSE",
  "West Bank and Gaza Strip": "PSE",
  Turquie: "TUR",
  Türkiye: "TUR",
  Vietnam: "VNM",
  "Viet Nam": "VNM",
  Kosovo: KOSOVO,
  XK: KOSOVO,
  XKK: KOSOVO,
  XKX: KOSOVO,
  "Côte d'Ivoire": "CIV",
  "Cap-Vert": "CPV",
  "Cabo Verde": "CPV",
  Birmanie: "MMR",
  "Timor oriental": "TLS",
  "Corée du Nord": "PRK",
  Laos: "LAO",
  "Macédoine du Nord": "MKD",
  Micronésie: "FSM",
  "États-Unis": "USA",
};

/** The French name shown in lists, where the library's is not the usual one. */
const FRENCH_DISPLAY: Readonly<Record<string, string>> = {
  CIV: "Côte d'Ivoire",
  COD: "République démocratique du Congo",
  COG: "République du Congo",
  CAF: "République centrafricaine",
  SWZ: "Eswatini",
  TZA: "Tanzanie",
  PSE: "Palestine",
  [KOSOVO]: "Kosovo",
};

interface CountryIndex {
  readonly byName: ReadonlyMap<string, string>;
}

let index: CountryIndex | undefined;

function alpha3Of(alpha2: string): string | undefined {
  if (alpha2 === "XK") return KOSOVO;
  return countries.alpha2ToAlpha3(alpha2);
}

function buildIndex(): CountryIndex {
  countries.registerLocale(fr);
  countries.registerLocale(en);
  const byName = new Map<string, string>();
  const ambiguous = new Set<string>();
  const add = (name: string, alpha3: string) => {
    const key = normalizeName(name);
    const known = byName.get(key);
    if (known !== undefined && known !== alpha3) ambiguous.add(key);
    else byName.set(key, alpha3);
  };
  for (const [alpha2, alpha3] of Object.entries(countries.getAlpha2Codes())) {
    const code = alpha3Of(alpha2) ?? alpha3;
    add(alpha2, code);
    add(code, code);
    for (const lang of ["fr", "en"]) {
      for (const name of countries.getName(alpha2, lang, { select: "all" }) ?? []) add(name, code);
    }
  }
  for (const key of ambiguous) byName.delete(key);
  for (const [name, code] of Object.entries(ALIASES)) byName.set(normalizeName(name), code);
  return { byName };
}

/** The alpha-3 code of a country name (fr or en) or code (alpha-2, alpha-3), or undefined. */
export function findCountry(name: string): string | undefined {
  index ??= buildIndex();
  return index.byName.get(normalizeName(name));
}

/** Like findCountry, but an unknown or empty name is an error naming it. */
export function parseCountry(value: unknown, where: Field): string {
  const blank = isBlank(value);
  const code = typeof value === "string" && !blank ? findCountry(value) : undefined;
  if (code) return code;
  throw invalid(blank ? "Pays manquant" : "Pays inconnu", where, value);
}

/** The usual French name of a country, for lists and the review sheet. */
export function frenchCountryName(alpha3: string): string {
  index ??= buildIndex();
  return FRENCH_DISPLAY[alpha3] ?? countries.getName(alpha3, "fr") ?? alpha3;
}
