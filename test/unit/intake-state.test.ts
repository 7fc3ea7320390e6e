/** Issue 7 §5 — what the add-on keeps in document properties stays far under 9 KB a value. */
import { describe, expect, it } from "vitest";
import { writeIntakeState } from "../../src/addon/intake/state";
import { callById } from "../../src/core/intake/calls";

describe("document properties within their limits", () => {
  it.each(["EXPLOR-2025", "PAM-2025"])("keeps the %s form's state far under 9 KB", (callId) => {
    const call = callById(callId);
    // The largest ids Forms hands out are 10-digit numbers.
    const itemIds = Object.fromEntries(call.questions.map((q, i) => [q.id, 1_999_999_000 + i]));
    const text = JSON.stringify({ formId: "1".repeat(44), itemIds, responsesSheetId: 2_147_483_647 });
    expect(Buffer.byteLength(text, "utf8")).toBeLessThan(9 * 1024 * 0.25);
  });

  it("refuses, in French, a state over the limit instead of failing half-way", () => {
    const written = new Map<string, string>();
    const properties = {
      setProperty: (k: string, v: string) => written.set(k, v),
    } as unknown as GoogleAppsScript.Properties.Properties;
    const itemIds = Object.fromEntries(Array.from({ length: 800 }, (_, i) => [`question${i}`, i]));
    expect(() => writeIntakeState(properties, "GRAND-APPEL", { formId: "f", itemIds })).toThrow(
      /^Formulaire de l'appel GRAND-APPEL trop grand pour être mémorisé \(\d+ octets, au plus 9216\)/,
    );
    expect(written.size).toBe(0);
  });
});
