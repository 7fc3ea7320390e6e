/**
 * Country names → ISO alpha-3 codes, with the i18n-iso-countries names (fr and en only) and
 * the common French forms the library lacks. The lookup index is built on first use.
 */
import countries from "i18n-iso-countries/index";
import en from "i18n-iso-countries/langs/en.json";
import fr from "i18n-iso-countries/langs/fr.json";
import { isBlank } from "../blank";
import { type Field, invalid } from "../errors";
import { CAD_2024_2025 } from "./dac-lists";
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
  "Congo (RDC)": "COD",
  "Congo RDC": "COD",
  "Congo (Brazzaville)": "COG",
  "Congo (Kinshasa)": "COD",
  Salvador: "SLV",
  "Le Salvador": "SLV",
  Syrie: "SYR",
  Moldavie: "MDA",
  "Corée du Sud": "KOR",
  "Fédération de Russie": "RUS",
  Tchéquie: "CZE",
  Vatican: "VAT",
  "Saint-Siège": "VAT",
  "Cité du Vatican": "VAT",
  Gaza: "PSE",
  Bélarus: "BLR",
  Biélorussie: "BLR",
  Kirghizstan: "KGZ",
  "Guinée Conakry": "GIN",
  "Guinée-Conakry": "GIN",
};

/**
 * Official French names (ISO 3166 / Nations unies) where they differ from the usual ones, for
 * every country of the DAC list and the countries people often name officially.
 */
const OFFICIAL_FRENCH: Readonly<Record<string, string>> = {
  "République démocratique populaire lao": "LAO",
  "République-Unie de Tanzanie": "TZA",
  "Tanzanie (République-Unie de)": "TZA",
  "République populaire démocratique de Corée": "PRK",
  "Corée (République populaire démocratique de)": "PRK",
  "République de Corée": "KOR",
  "Corée (République de)": "KOR",
  "République arabe syrienne": "SYR",
  "État plurinational de Bolivie": "BOL",
  "Bolivie (État plurinational de)": "BOL",
  "République islamique d'Iran": "IRN",
  "Iran (République islamique d')": "IRN",
  "États fédérés de Micronésie": "FSM",
  "Micronésie (États fédérés de)": "FSM",
  "État de Palestine": "PSE",
  "Palestine, État de": "PSE",
  "République de Moldova": "MDA",
  "République de Moldavie": "MDA",
  "Moldova (République de)": "MDA",
  "République bolivarienne du Venezuela": "VEN",
  "Venezuela (République bolivarienne du)": "VEN",
  "Congo (République démocratique du)": "COD",
  "République du Congo": "COG",
  "Congo (République du)": "COG",
  "République centrafricaine": "CAF",
  "République dominicaine": "DOM",
  "République de Macédoine du Nord": "MKD",
  "Royaume du Maroc": "MAR",
  "République tunisienne": "TUN",
  "République algérienne démocratique et populaire": "DZA",
  "République du Sénégal": "SEN",
  "République du Mali": "MLI",
  "République du Niger": "NER",
  "République du Bénin": "BEN",
  "République togolaise": "TGO",
  "République de Guinée": "GIN",
  "République du Cameroun": "CMR",
  "République de Madagascar": "MDG",
  "République d'Haïti": "HTI",
  "République arabe d'Égypte": "EGY",
  "République de Côte d'Ivoire": "CIV",
  "République islamique de Mauritanie": "MRT",
  "Union des Comores": "COM",
  "République de Cabo Verde": "CPV",
  "République démocratique fédérale d'Éthiopie": "ETH",
  "République fédérale du Nigéria": "NGA",
  "République socialiste du Viet Nam": "VNM",
  "République populaire de Chine": "CHN",
  "République du Burundi": "BDI",
  "République du Rwanda": "RWA",
  "République du Tchad": "TCD",
  "République gabonaise": "GAB",
  "République de Djibouti": "DJI",
  "République du Soudan du Sud": "SSD",
  "République du Soudan": "SDN",
  "République d'Ouganda": "UGA",
  "République du Kenya": "KEN",
  "République du Libéria": "LBR",
  Libéria: "LBR",
  Nigéria: "NGA",
  Nioué: "NIU",
  Palaos: "PLW",
  Tokélaou: "TKL",
  Iraq: "IRQ",
  "Îles Salomon": "SLB",
  "Îles Marshall": "MHL",
  "Sainte-Hélène, Ascension et Tristan da Cunha": "SHN",
  "Wallis-et-Futuna": "WLF",
  "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord": "GBR",
  "États-Unis d'Amérique": "USA",
  "Pays-Bas (Royaume des)": "NLD",
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
  // The DAC list's own English names ("Moldova", "Micronesia"…) name its countries.
  for (const [code, name] of Object.entries(CAD_2024_2025.countries)) byName.set(normalizeName(name), code);
  for (const [name, code] of Object.entries(OFFICIAL_FRENCH)) byName.set(normalizeName(name), code);
  for (const [name, code] of Object.entries(ALIASES)) byName.set(normalizeName(name), code);
  return { byName };
}

const PARENTHESIS = /^(.*?)\s*\(([^()]*)\)\s*$/;
const COMMA = /^([^,]+),\s*(.+)$/;

/**
 * The alpha-3 code of a country name (fr or en, usual or official) or code (alpha-2, alpha-3),
 * or undefined. An official name written with a parenthesis or a comma ("Iran (République
 * islamique d')", "Moldova, Republic of") is also read as its two parts put back in order, then
 * as the part in parenthesis ("Congo (RDC)"), then as the name before it.
 */
export function findCountry(name: string): string | undefined {
  index ??= buildIndex();
  const byName = index.byName;
  const direct = byName.get(normalizeName(name));
  if (direct) return direct;
  const m = PARENTHESIS.exec(name.trim()) ?? COMMA.exec(name.trim());
  if (!m) return undefined;
  const [, outer = "", inner = ""] = m;
  return (
    byName.get(normalizeName(`${inner} ${outer}`)) ??
    byName.get(normalizeName(inner)) ??
    byName.get(normalizeName(outer))
  );
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
