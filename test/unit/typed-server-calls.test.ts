/**
 * The sidebars call the server through one typed client: a name that is no server entry point,
 * or a payload of the wrong shape, fails `tsc` (the @ts-expect-error lines below are checked by
 * `npm run check`: were the error gone, tsc would fail on the unused directive).
 */
import { afterEach, describe, expect, it } from "vitest";
import { entryPoints } from "../../src/entry-points";
import { callServer } from "../../src/ui/shared/call-server";

/** What google.script.run reaches: every global entry point of the bundle. */
const GLOBALS = new Set(entryPoints.map((e) => e.name));

type Handler = (value: unknown) => void;

/** A google.script.run that answers each call of a global with `answer(name, args)`. */
function fakeScriptRun(answer: (name: string, args: unknown[]) => unknown): string[] {
  const calls: string[] = [];
  const run = (success: Handler, failure: Handler) =>
    new Proxy(
      {},
      {
        get(_target, name: string) {
          if (name === "withSuccessHandler") return (f: Handler) => run(f, failure);
          if (name === "withFailureHandler") return (f: Handler) => run(success, f);
          if (GLOBALS.has(name))
            return (...args: unknown[]) => {
              calls.push(`${name}(${JSON.stringify(args)})`);
              try {
                success(answer(name, args));
              } catch (error) {
                failure(error);
              }
            };
          return undefined;
        },
      },
    );
  (globalThis as { google?: unknown }).google = {
    script: {
      run: run(
        () => {},
        () => {},
      ),
    },
  };
  return calls;
}

afterEach(() => {
  delete (globalThis as { google?: unknown }).google;
});

/** Calls tsc refuses (each line would fail `npm run check` without its directive). */
function refusedByTsc(): Promise<unknown>[] {
  return [
    // @ts-expect-error: no such server entry point
    callServer("serverInconnu"),
    // @ts-expect-error: the plan's payload has charges and receipts, not lines
    callServer("serverEcrirePlanFinancement", { lignes: [] }),
    // @ts-expect-error: the dashboard needs the call's id
    callServer("serverCandidaturesTableau", {}),
    // @ts-expect-error: the InfoEuro rate takes a currency and a month
    callServer("serverTauxInfoEuro", "MAD"),
    // @ts-expect-error: menu openers are not server entry points of the pages
    callServer("menuPlanFinancement"),
  ];
}

describe("callServer, the sidebars' typed client", () => {
  it("sends the payload to the named entry point and answers its result", async () => {
    const calls = fakeScriptRun(() => ({ rate: 10.9, month: "2025-07", source: "InfoEuro" }));
    const rate = await callServer("serverTauxInfoEuro", "MAD", "2025-07");
    expect(rate.rate).toBe(10.9);
    expect(calls).toEqual(['serverTauxInfoEuro(["MAD","2025-07"])']);
  });

  it("rejects with the server's French error", async () => {
    fakeScriptRun(() => {
      throw new Error("Plan de financement refusé : Donnée invalide : objet attendu");
    });
    await expect(callServer("serverEcrirePlanFinancement", { charges: [], receipts: [] })).rejects.toThrow(
      "Plan de financement refusé",
    );
  });

  it("at run time only an unknown name is refused: the rest would reach the server, whose zod check is the last guard", async () => {
    const calls = fakeScriptRun((name) => name);
    const [unknown, ...others] = refusedByTsc();
    await expect(unknown).rejects.toThrow("Fonction serveur inconnue : serverInconnu");
    await Promise.allSettled(others);
    expect(calls).toEqual([
      'serverEcrirePlanFinancement([{"lignes":[]}])',
      "serverCandidaturesTableau([{}])",
      'serverTauxInfoEuro(["MAD"])',
      "menuPlanFinancement([])",
    ]);
  });
});
