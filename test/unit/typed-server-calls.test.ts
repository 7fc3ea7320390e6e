/**
 * The sidebars call the server through one typed client: a name that is no server entry point,
 * or a payload of the wrong shape, fails `tsc` (the @ts-expect-error lines below are checked by
 * `npm run check`: were the error gone, tsc would fail on the unused directive).
 */
import { afterEach, describe, expect, it } from "vitest";
import { callServer } from "../../src/ui/shared/call-server";

type Handler = (value: unknown) => void;

/** A google.script.run that answers each call with `answer(name, args)`. */
function fakeScriptRun(answer: (name: string, args: unknown[]) => unknown): string[] {
  const calls: string[] = [];
  const run = (success: Handler, failure: Handler) =>
    new Proxy(
      {},
      {
        get(_target, name: string) {
          if (name === "withSuccessHandler") return (f: Handler) => run(f, failure);
          if (name === "withFailureHandler") return (f: Handler) => run(success, f);
          if (name.startsWith("server"))
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

/** Never run: only compiled, so that tsc proves these calls are refused. */
export function refusedByTsc(): void {
  // @ts-expect-error: no such server entry point
  void callServer("serverInconnu");
  // @ts-expect-error: the plan's payload has charges and receipts, not lines
  void callServer("serverEcrirePlanFinancement", { lignes: [] });
  // @ts-expect-error: the dashboard needs the call's id
  void callServer("serverCandidaturesTableau", {});
  // @ts-expect-error: the InfoEuro rate takes a currency and a month
  void callServer("serverTauxInfoEuro", "MAD");
  // @ts-expect-error: menu openers are not server entry points of the pages
  void callServer("menuPlanFinancement");
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
});
