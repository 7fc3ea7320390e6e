/**
 * Issue 14 §4 — a submission's cost does not grow with the number of responses: the trigger of
 * one more submission, on the local host's counter, at 100 and 500 responses already in the
 * review sheet (`npm run bench` adds 2 000). The full sync, the repair path, stays within its budget.
 */
import { describe, expect, it } from "vitest";
import { benchSubmission } from "../../scripts/bench/submission";
import { CELLS_WRITTEN, callsOf, hostWithResponses } from "../../scripts/bench/sync";

describe("one more submission", () => {
  it("costs at most 60 service calls and 200 cells written, the same at 100 and at 500 responses", () => {
    const [small, large] = [100, 500].map(benchSubmission);
    for (const s of [small, large]) {
      expect(s?.fullSync).toBe(false);
      expect(s?.reviewRows).toBe((s?.responses ?? 0) + 1);
      expect(s?.calls).toBeLessThanOrEqual(60);
      expect(s?.cellsWritten).toBeLessThanOrEqual(200);
    }
    expect(large?.calls).toBe(small?.calls);
    expect(large?.cellsWritten).toBe(small?.cellsWritten);
    // The column tags are not read again: their memo serves while the header is unchanged.
    expect(large?.counts["DeveloperMetadataFinder.find"] ?? 0).toBe(0);
    console.info(
      `Un envoi de plus : ${small?.calls} appels, ${small?.cellsWritten} cellules à 100 réponses ; ` +
        `${large?.calls} appels, ${large?.cellsWritten} cellules à 500`,
    );
  });
});

describe("Synchroniser les candidatures, the repair path", () => {
  it("stays within 146 service calls at 500 responses", () => {
    const { host } = hostWithResponses(500);
    host.counter.reset();
    host.runMenuItem("Synchroniser les candidatures", { kind: "alert", button: "OK" });
    expect(callsOf(host)).toBeLessThanOrEqual(146);
    expect(host.counter.counts.get(CELLS_WRITTEN)).toBeGreaterThan(500);
    expect(host.values("Candidatures")).toHaveLength(501);
  });
});
