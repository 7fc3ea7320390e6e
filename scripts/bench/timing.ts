/** Wall-clock timing helpers for the benchmark: best of N runs, in milliseconds. */
import { performance } from "node:perf_hooks";

export interface Timed<T> {
  readonly ms: number;
  readonly result: T;
}

/** Runs `fn` `runs` times and keeps the fastest run (and its result). */
export function bestOf<T>(runs: number, fn: () => T): Timed<T> {
  let best: Timed<T> | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = fn();
    const ms = performance.now() - start;
    if (!best || ms < best.ms) best = { ms, result };
  }
  if (!best) throw new Error("bestOf: au moins une exécution");
  return best;
}
