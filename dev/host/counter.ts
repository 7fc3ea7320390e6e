/**
 * Counts the calls the add-on makes on the host's services (`Range.setValues`, …), the figure
 * a benchmark compares between implementations. Wrapping keeps object identity: the same
 * fake always comes back as the same proxy.
 */
/** Properties that runtimes and test matchers probe on any object: absent, not "unimplemented". */
const PROBED = new Set([
  "then",
  "toJSON",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "@@__IMMUTABLE_ITERABLE__@@",
]);

export class CallCounter {
  readonly counts = new Map<string, number>();
  private readonly proxies = new WeakMap<object, object>();

  /** Runs before each counted call, between two calls of the add-on (the host's concurrency). */
  beforeEachCall: ((name: string) => void) | undefined;

  private readonly faults = new Map<string, { remaining: number; message: string }>();

  /** Makes the `occurrence`-th call of `name` from now (e.g. `Range.setValues`) throw, once. */
  failOn(
    name: string,
    occurrence = 1,
    message = "Service Spreadsheets failed while accessing document.",
  ): void {
    this.faults.set(name, { remaining: occurrence, message });
  }

  private injectFault(name: string): void {
    const fault = this.faults.get(name);
    if (!fault) return;
    fault.remaining -= 1;
    if (fault.remaining > 0) return;
    this.faults.delete(name);
    throw new Error(fault.message);
  }

  count(name: string, n = 1): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + n);
  }

  total(): number {
    let t = 0;
    for (const n of this.counts.values()) t += n;
    return t;
  }

  reset(): void {
    this.counts.clear();
  }

  /** A proxy that counts each method call as `label.method` and wraps the objects it returns. */
  wrap<T>(target: T, label: string): T {
    if (typeof target !== "object" || target === null || Array.isArray(target) || target instanceof Date)
      return target;
    const known = this.proxies.get(target);
    if (known) return known as T;
    const counter = this;
    const proxy = new Proxy(target, {
      get(obj, prop, receiver) {
        const value = Reflect.get(obj, prop, receiver);
        if (value === undefined && typeof prop === "string" && !(prop in obj) && !PROBED.has(prop))
          return () => {
            throw new Error(`not implemented in the local host: ${label}.${prop}`);
          };
        if (typeof value !== "function" || typeof prop === "symbol") return value;
        return (...args: unknown[]) => {
          counter.beforeEachCall?.(`${label}.${prop}`);
          counter.injectFault(`${label}.${prop}`);
          counter.count(`${label}.${prop}`);
          const result = value.apply(
            obj,
            args.map((a) => counter.unwrap(a)),
          );
          if (result === obj) return proxy;
          if (Array.isArray(result)) return result.map((item) => counter.wrap(item, label));
          const type = result?.constructor?.name?.replace(/^Fake/, "") ?? label;
          return counter.wrap(result, type);
        };
      },
    });
    this.proxies.set(target, proxy);
    this.originals.set(proxy, target);
    return proxy as T;
  }

  private readonly originals = new WeakMap<object, object>();

  /** The fake behind a proxy (arguments passed back to the host, e.g. a Sheet to deleteSheet). */
  unwrap<T>(value: T): T {
    if (typeof value !== "object" || value === null) return value;
    return (this.originals.get(value) as T | undefined) ?? value;
  }
}
