/**
 * Writes that are undone together: each write is registered with what puts back what it changes
 * (registered first, so a write that fails half-way is undone too). If one fails, those already
 * made are undone, last first, and the error goes on; an undo that fails is logged and the others
 * still run. The sync and the erasure write through it.
 */
import { errorMessage } from "../core/errors";

/** Registers one write and its undo, then makes the write. */
export type Step = (write: () => void, undo: () => void) => void;

/** Runs `writes`; on a failure, undoes what they wrote. `what` names the action in the log. */
export function writeWithUndo(what: string, writes: (step: Step) => void): void {
  const undos: (() => void)[] = [];
  try {
    writes((write, undo) => {
      undos.push(undo);
      write();
    });
  } catch (error) {
    for (const undo of undos.reverse()) {
      try {
        undo();
      } catch (undoError) {
        console.error(`${what} : une écriture n'a pas pu être défaite (${errorMessage(undoError)}).`);
      }
    }
    throw error;
  }
}
