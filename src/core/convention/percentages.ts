/**
 * Whole percentages of a column that add up to exactly 100 (largest remainder): each amount
 * gets the floor of its exact share, then the points still missing go to the largest
 * remainders, compared exactly in integers, ties to the earlier line. The table « Financement
 * du projet » of the programme annexed to the CD62 deliberation of 14/10/2024 rounds each line
 * on its own: its charges read 69 + 2 + 12 + 18 = 101 %.
 */
import type { Cents } from "../decimal";

// No BigInt literals: Apps Script's parser refuses them (scripts/build.ts).
const NONE = BigInt(0);
const TWO = BigInt(2);
const HUNDRED = BigInt(100);
const TWO_HUNDRED = BigInt(200);

/** Whole percents (0–100) of each amount; the amounts are ≥ 0 and their total > 0. */
export function wholePercents(amounts: readonly Cents[]): number[] {
  let total = 0;
  for (const a of amounts) {
    if (a < 0) throw new RangeError(`montant négatif : ${a}`);
    total += a;
  }
  if (total === 0) throw new RangeError("total nul");
  // Below 2^53 integer arithmetic on numbers is exact; above, the same steps in bigint.
  return total * 100 <= Number.MAX_SAFE_INTEGER ? withNumbers(amounts, total) : withBigInts(amounts);
}

function withNumbers(amounts: readonly Cents[], total: number): number[] {
  const percents: number[] = new Array(amounts.length);
  const remainders: number[] = new Array(amounts.length);
  let given = 0;
  for (let i = 0; i < amounts.length; i++) {
    const scaled = (amounts[i] as number) * 100;
    const remainder = scaled % total;
    const whole = (scaled - remainder) / total;
    percents[i] = whole;
    remainders[i] = remainder;
    given += whole;
  }
  return giveMissing(percents, 100 - given, (a, b) => (remainders[b] as number) - (remainders[a] as number));
}

function withBigInts(amounts: readonly Cents[]): number[] {
  const total = amounts.reduce((s, a) => s + BigInt(a), NONE);
  const percents: number[] = new Array(amounts.length);
  const remainders: bigint[] = new Array(amounts.length);
  let given = 0;
  for (let i = 0; i < amounts.length; i++) {
    const scaled = BigInt(amounts[i] as Cents) * HUNDRED;
    const whole = scaled / total;
    percents[i] = Number(whole);
    remainders[i] = scaled - whole * total;
    given += Number(whole);
  }
  return giveMissing(percents, 100 - given, (a, b) => {
    const ra = remainders[a] as bigint;
    const rb = remainders[b] as bigint;
    return ra > rb ? -1 : ra < rb ? 1 : 0;
  });
}

/**
 * One more point to each of the `missing` lines with the largest remainder, ties to the earlier
 * line. `missing` is below 100, so a short ranked list beats sorting every line.
 */
function giveMissing(
  percents: number[],
  missing: number,
  byRemainder: (a: number, b: number) => number,
): number[] {
  if (missing <= 0) return percents;
  const top: number[] = [];
  for (let i = 0; i < percents.length; i++) {
    if (top.length === missing && byRemainder(i, top[missing - 1] as number) >= 0) continue;
    // Walking back past strictly smaller remainders keeps earlier lines first among equals.
    let at = top.length;
    while (at > 0 && byRemainder(i, top[at - 1] as number) < 0) at--;
    top.splice(at, 0, i);
    if (top.length > missing) top.pop();
  }
  for (const i of top) percents[i] = (percents[i] as number) + 1;
  return percents;
}

/** Each line rounded on its own, half away from zero, as the CD62 deliberation's table did: may not add up to 100. */
export function independentlyRoundedPercents(amounts: readonly Cents[]): number[] {
  const total = BigInt(amounts.reduce((s, a) => s + a, 0));
  return amounts.map((a) => {
    const scaled = BigInt(a) * TWO_HUNDRED + total;
    return Number(scaled / (TWO * total));
  });
}
