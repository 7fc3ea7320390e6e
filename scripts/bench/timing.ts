/** Wall-clock timing helpers for the benchmark: best of N runs, in milliseconds. */
import { performance } from "node:perf_hooks";

export interface Timed<T> {
  readonly ms: number;
  readonly result: T;
}

/** Runs `fn` `runs` times and keeps the fastest run (and its result). */
export function bestOf<T>(runs: number, fn: () => T): Timed<T> {
  let best: Timed<T> | undefined;
  for (let i = 0; i < runs; i++) best = faster(best, timeOnce(fn));
  if (!best) throw new Error("bestOf: au moins une exécution");
  return best;
}

/**
 * Two functions compared: both warmed up untimed (measured once V8 has compiled them), then
 * timed in turn, so that both see the same state of the machine; the fastest run of each.
 */
export function bestOfPair<A, B>(runs: number, warmUp: number, a: () => A, b: () => B): [Timed<A>, Timed<B>] {
  for (let i = 0; i < warmUp; i++) {
    a();
    b();
  }
  let bestA: Timed<A> | undefined;
  let bestB: Timed<B> | undefined;
  for (let i = 0; i < runs; i++) {
    bestA = faster(bestA, timeOnce(a));
    bestB = faster(bestB, timeOnce(b));
  }
  if (!bestA || !bestB) throw new Error("bestOfPair: au moins une exécution");
  return [bestA, bestB];
}

function timeOnce<T>(fn: () => T): Timed<T> {
  collectGarbage();
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

function faster<T>(best: Timed<T> | undefined, run: Timed<T>): Timed<T> {
  return !best || run.ms < best.ms ? run : best;
}

/**
 * Starts each run with a clean heap, so that a run does not pay for the garbage of the one
 * before (npm run bench passes --expose-gc; without it, runs are simply not separated).
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
