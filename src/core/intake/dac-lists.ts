/**
 * The OECD DAC lists of ODA recipients as versioned data, by ISO alpha-3 code (Kosovo: XKX).
 * The next list (review in 2026) is a new entry here, not new code.
 */
import * as z from "zod/mini";
import { type Field, field, invalid } from "../errors";

export const dacListSchema = z.object({
  id: z.string().check(z.regex(/^CAD-\d{4}-\d{4}$/)),
  title: z.string().check(z.minLength(1)),
  /** alpha-3 code → the DAC's English name, as published. */
  countries: z.record(z.string().check(z.regex(/^[A-Z]{3}$/)), z.string().check(z.minLength(1))),
});

export type DacListDefinition = z.infer<typeof dacListSchema>;

export const CAD_2024_2025: DacListDefinition = {
  id: "CAD-2024-2025",
  title: "Liste CAD des bénéficiaires d'APD, flux 2024 et 2025 (OCDE)",
  countries: {
    // Least developed countries
    AFG: "Afghanistan",
    AGO: "Angola",
    BGD: "Bangladesh",
    BEN: "Benin",
    BFA: "Burkina Faso",
    BDI: "Burundi",
    KHM: "Cambodia",
    CAF: "Central African Republic",
    TCD: "Chad",
    COM: "Comoros",
    COD: "Democratic Republic of the Congo",
    DJI: "Djibouti",
    ERI: "Eritrea",
    ETH: "Ethiopia",
    GMB: "Gambia",
    GIN: "Guinea",
    GNB: "Guinea-Bissau",
    HTI: "Haiti",
    KIR: "Kiribati",
    LAO: "Lao People's Democratic Republic",
    LSO: "Lesotho",
    LBR: "Liberia",
    MDG: "Madagascar",
    MWI: "Malawi",
    MLI: "Mali",
    MRT: "Mauritania",
    MOZ: "Mozambique",
    MMR: "Myanmar",
    NPL: "Nepal",
    NER: "Niger",
    RWA: "Rwanda",
    STP: "Sao Tome and Principe",
    SEN: "Senegal",
    SLE: "Sierra Leone",
    SLB: "Solomon Islands",
    SOM: "Somalia",
    SSD: "South Sudan",
    SDN: "Sudan",
    TZA: "Tanzania",
    TLS: "Timor-Leste",
    TGO: "Togo",
    TUV: "Tuvalu",
    UGA: "Uganda",
    YEM: "Yemen",
    ZMB: "Zambia",
    // Other low-income countries
    PRK: "Democratic People's Republic of Korea",
    SYR: "Syrian Arab Republic",
    // Lower middle-income countries and territories
    DZA: "Algeria",
    BTN: "Bhutan",
    BOL: "Bolivia",
    CPV: "Cabo Verde",
    CMR: "Cameroon",
    COG: "Congo",
    CIV: "Côte d'Ivoire",
    EGY: "Egypt",
    SWZ: "Eswatini",
    GHA: "Ghana",
    HND: "Honduras",
    IND: "India",
    IRN: "Iran",
    KEN: "Kenya",
    KGZ: "Kyrgyzstan",
    LBN: "Lebanon",
    FSM: "Micronesia",
    MNG: "Mongolia",
    MAR: "Morocco",
    NIC: "Nicaragua",
    NGA: "Nigeria",
    PAK: "Pakistan",
    PNG: "Papua New Guinea",
    PHL: "Philippines",
    WSM: "Samoa",
    LKA: "Sri Lanka",
    TJK: "Tajikistan",
    TUN: "Tunisia",
    UKR: "Ukraine",
    UZB: "Uzbekistan",
    VUT: "Vanuatu",
    VNM: "Viet Nam",
    PSE: "West Bank and Gaza Strip",
    ZWE: "Zimbabwe",
    // Upper middle-income countries and territories
    ALB: "Albania",
    ARG: "Argentina",
    ARM: "Armenia",
    AZE: "Azerbaijan",
    BLR: "Belarus",
    BLZ: "Belize",
    BIH: "Bosnia and Herzegovina",
    BWA: "Botswana",
    BRA: "Brazil",
    CHN: "China",
    COL: "Colombia",
    CRI: "Costa Rica",
    CUB: "Cuba",
    DMA: "Dominica",
    DOM: "Dominican Republic",
    ECU: "Ecuador",
    SLV: "El Salvador",
    GNQ: "Equatorial Guinea",
    FJI: "Fiji",
    GAB: "Gabon",
    GEO: "Georgia",
    GRD: "Grenada",
    GTM: "Guatemala",
    GUY: "Guyana",
    IDN: "Indonesia",
    IRQ: "Iraq",
    JAM: "Jamaica",
    JOR: "Jordan",
    KAZ: "Kazakhstan",
    XKX: "Kosovo",
    LBY: "Libya",
    MYS: "Malaysia",
    MDV: "Maldives",
    MHL: "Marshall Islands",
    MUS: "Mauritius",
    MEX: "Mexico",
    MDA: "Moldova",
    MNE: "Montenegro",
    MSR: "Montserrat",
    NAM: "Namibia",
    NRU: "Nauru",
    NIU: "Niue",
    MKD: "North Macedonia",
    PLW: "Palau",
    PAN: "Panama",
    PRY: "Paraguay",
    PER: "Peru",
    SHN: "Saint Helena",
    LCA: "Saint Lucia",
    VCT: "Saint Vincent and the Grenadines",
    SRB: "Serbia",
    ZAF: "South Africa",
    SUR: "Suriname",
    THA: "Thailand",
    TKL: "Tokelau",
    TON: "Tonga",
    TUR: "Türkiye",
    TKM: "Turkmenistan",
    VEN: "Venezuela",
    WLF: "Wallis and Futuna",
  },
};

export const DEFAULT_DAC_LIST_ID = "CAD-2024-2025";

const DEFINITIONS: readonly DacListDefinition[] = [CAD_2024_2025];

export interface DacList {
  readonly id: string;
  readonly title: string;
  readonly codes: ReadonlySet<string>;
}

const loaded = new Map<string, DacList>();

export function dacListById(id: string, where: Field = field("liste")): DacList {
  const wanted = id.trim().toUpperCase();
  const cached = loaded.get(wanted);
  if (cached) return cached;
  const definition = DEFINITIONS.find((d) => d.id === wanted);
  if (!definition) {
    throw invalid(
      "Liste CAD inconnue",
      where,
      id,
      `listes connues : ${DEFINITIONS.map((d) => d.id).join(", ")}`,
    );
  }
  const data = z.parse(dacListSchema, definition);
  const list = { id: data.id, title: data.title, codes: new Set(Object.keys(data.countries)) };
  loaded.set(wanted, list);
  return list;
}
