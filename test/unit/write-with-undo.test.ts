import { afterEach, describe, expect, it, vi } from "vitest";
import { writeWithUndo } from "../../src/addon/undo";

afterEach(() => vi.restoreAllMocks());

describe("writeWithUndo (the sync's and the erasure's writes)", () => {
  it("undoes the writes already made, last first, the failed one included, and rethrows", () => {
    const cells = ["a", "b", "c"];
    const failure = new Error("quota");
    expect(() =>
      writeWithUndo("Essai", (step) => {
        step(
          () => (cells[0] = "A"),
          () => (cells[0] = "a"),
        );
        step(
          () => (cells[1] = "B"),
          () => (cells[1] = "b"),
        );
        step(
          () => {
            cells[2] = "C?";
            throw failure;
          },
          () => (cells[2] = "c"),
        );
      }),
    ).toThrow(failure);
    expect(cells).toEqual(["a", "b", "c"]);
  });

  it("logs an undo that fails and still runs the others", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const undone: string[] = [];
    expect(() =>
      writeWithUndo("RGPD", (step) => {
        step(
          () => {},
          () => undone.push("premier"),
        );
        step(
          () => {},
          () => {
            throw new Error("feuille protégée");
          },
        );
        step(
          () => {
            throw new Error("écriture refusée");
          },
          () => undone.push("troisième"),
        );
      }),
    ).toThrow("écriture refusée");
    expect(undone).toEqual(["troisième", "premier"]);
    expect(logged).toHaveBeenCalledWith("RGPD : une écriture n'a pas pu être défaite (feuille protégée).");
  });

  it("changes nothing when every write succeeds", () => {
    const undone: string[] = [];
    writeWithUndo("Essai", (step) =>
      step(
        () => {},
        () => undone.push("x"),
      ),
    );
    expect(undone).toEqual([]);
  });
});
