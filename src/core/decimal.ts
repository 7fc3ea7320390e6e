/**
 * Exact decimal numbers: value = units / 10^scale. Inputs are kept exactly as given
 * (a Tunisian-dinar amount carries three decimals, an InfoEuro rate four); only results are
 * rounded, once, to the cent, halves away from zero.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/** Integer cents. Only `toCents`/`cents` make one, so a Cents value is always whole. */
export type Cents = number & { readonly __unit: "cents" };

/** Largest amount the add-on accepts: 1 000 000 000 000 € (exact in a double as cents). */
export const MAX_CENTS = 100_000_000_000_000;

// Apps Script's parser refuses BigInt literals (`10n`): every bigint constant is made by a call,
// and the build fails on a literal (scripts/build.ts).
const BIG_0 = BigInt(0);
const BIG_1 = BigInt(1);
const BIG_2 = BigInt(2);
const TEN = BigInt(10);
const pow10Cache: bigint[] = [BIG_1];
function pow10(n: number): bigint {
  for (let i = pow10Cache.length; i <= n; i++) pow10Cache.push((pow10Cache[i - 1] as bigint) * TEN);
  return pow10Cache[n] as bigint;
}

export const ZERO: Decimal = { units: BIG_0, scale: 0 };
export const ONE: Decimal = { units: BIG_1, scale: 0 };

export function cents(n: number): Cents {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of cents: ${n}`);
  return n as Cents;
}

export function centsToDecimal(c: Cents): Decimal {
  return { units: BigInt(c), scale: 2 };
}

export function centsToEuros(c: Cents): number {
  return c / 100;
}

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/** The exact decimal a JavaScript number stands for, as the user typed it (shortest form). */
export function decimalFromNumber(n: number): Decimal {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const whole = Math.round(n * 100);
  // Fast path: the double nearest to k/100 is what a user typing k/100 gets.
  if (Number.isSafeInteger(whole) && whole / 100 === n) return { units: BigInt(whole), scale: 2 };
  return decimalFromPlainText(String(n));
}

/** Parses `-12.345` or `1e-7` (JavaScript's own number text); not for user text. */
export function decimalFromPlainText(text: string): Decimal {
  const m = DECIMAL_TEXT.exec(text);
  if (!m) throw new RangeError(`not a decimal: ${text}`);
  const [, sign, int, frac = "", exp = "0"] = m;
  let units = BigInt(`${int}${frac}`);
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    units *= pow10(-scale);
    scale = 0;
  }
  return { units: sign ? -units : units, scale };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.units, b.units, a.scale];
  if (a.scale > b.scale) return [a.units, b.units * pow10(a.scale - b.scale), a.scale];
  return [a.units * pow10(b.scale - a.scale), b.units, b.scale];
}

export function add(a: Decimal, b: Decimal): Decimal {
  // Same scale (two cents amounts) is the common case: no alignment to allocate.
  if (a.scale === b.scale) return { units: a.units + b.units, scale: a.scale };
  const [x, y, scale] = align(a, b);
  return { units: x + y, scale };
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  if (a.scale === b.scale) return { units: a.units - b.units, scale: a.scale };
  const [x, y, scale] = align(a, b);
  return { units: x - y, scale };
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce(add, ZERO);
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  if (a.scale === b.scale) return a.units < b.units ? -1 : a.units > b.units ? 1 : 0;
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function min(a: Decimal, b: Decimal): Decimal {
  return compare(a, b) <= 0 ? a : b;
}

export function isNegative(a: Decimal): boolean {
  return a.units < BIG_0;
}

export function isZero(a: Decimal): boolean {
  return a.units === BIG_0;
}

/** n / d rounded to the nearest integer, halves away from zero (d ≠ 0). */
export function divideRoundHalfAway(n: bigint, d: bigint): bigint {
  if (d < BIG_0) return divideRoundHalfAway(-n, -d);
  const negative = n < BIG_0;
  const abs = negative ? -n : n;
  const q = (abs * BIG_2 + d) / (BIG_2 * d);
  return negative ? -q : q;
}

function toSafeCents(units: bigint): Cents {
  const n = Number(units);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount out of range: ${units} cents`);
  return n as Cents;
}

/** Rounds to the cent, halves away from zero. */
export function toCents(a: Decimal): Cents {
  if (a.scale === 2) return toSafeCents(a.units);
  if (a.scale < 2) return toSafeCents(a.units * pow10(2 - a.scale));
  return toSafeCents(divideRoundHalfAway(a.units, pow10(a.scale - 2)));
}

/** a × b ÷ c rounded once to the cent, halves away from zero (c ≠ 0). */
export function mulDivToCents(a: Decimal, b: Decimal, c: Decimal): Cents {
  if (c.units === BIG_0) throw new RangeError("division by zero");
  // (a.u/10^as)(b.u/10^bs)/(c.u/10^cs) × 100 = a.u·b.u·10^cs·100 / (c.u·10^(as+bs))
  const numerator = a.units * b.units * pow10(c.scale + 2);
  const denominator = c.units * pow10(a.scale + b.scale);
  return toSafeCents(divideRoundHalfAway(numerator, denominator));
}

/** a ÷ b rounded once to the cent, halves away from zero (b ≠ 0). */
export function divideToCents(a: Decimal, b: Decimal): Cents {
  return mulDivToCents(a, ONE, b);
}

/** The nearest JavaScript number, for giving a result back to Sheets. */
export function toNumber(a: Decimal): number {
  return a.scale === 0 ? Number(a.units) : Number(`${a.units}e-${a.scale}`);
}
