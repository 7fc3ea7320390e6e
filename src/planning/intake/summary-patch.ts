/**
 * The decision summary after a submission, written as a patch: only the rows of its blocks
 * whose values change (one new application "À instruire" changes one count). A patch is only
 * possible when the summary sheet holds exactly what the layout before the submission says
 * (same blocks, same values) and the layout after has the same blocks at the same places with
 * the same formats; otherwise the caller rewrites the whole summary. Pure: no Apps Script service.
 */
import type { Block, LayoutCell, SheetLayout } from "../sheet-layout";

/** Values to write from a top-left cell (1-based). */
export interface CellWrite {
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly LayoutCell[])[];
}

/** A layout's cell as `getValues` reads it back: text without the apostrophe that kept it text. */
function readBack(cell: LayoutCell): unknown {
  return typeof cell === "string" && cell.startsWith("'") ? cell.slice(1) : cell;
}

/** The grid a layout leaves in a cleared sheet, as `getDataRange().getValues()` reads it. */
export function renderLayout(layout: SheetLayout): unknown[][] | undefined {
  let height = 0;
  let width = 0;
  for (const b of layout.blocks) {
    height = Math.max(height, b.row + b.values.length - 1);
    width = Math.max(width, b.column + (b.values[0]?.length ?? 0) - 1);
  }
  const grid: unknown[][] = Array.from({ length: height }, () => Array.from({ length: width }, () => ""));
  for (const b of layout.blocks) {
    for (const [i, r] of b.values.entries()) {
      for (const [j, v] of r.entries()) {
        // A formula's value is not known here: no patch over one.
        if (typeof v === "string" && v.startsWith("=")) return undefined;
        (grid[b.row - 1 + i] as unknown[])[b.column - 1 + j] = readBack(v);
      }
    }
  }
  return grid;
}

/** A block without its values: where it is, its size and its formats. */
function frame(b: Block): string {
  const { values, ...rest } = b;
  return JSON.stringify({ ...rest, rows: values.length, columns: values[0]?.length ?? 0 });
}

function sameFrames(a: SheetLayout, b: SheetLayout): boolean {
  const { blocks: aBlocks, ...aRest } = a;
  const { blocks: bBlocks, ...bRest } = b;
  return (
    JSON.stringify(aRest) === JSON.stringify(bRest) &&
    aBlocks.length === bBlocks.length &&
    aBlocks.every((block, i) => frame(block) === frame(bBlocks[i] as Block))
  );
}

function sameGrid(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): boolean {
  return (
    a.length === b.length &&
    a.every((r, i) => {
      const other = b[i] ?? [];
      return r.length === other.length && r.every((v, j) => v === other[j]);
    })
  );
}

/**
 * The writes that turn the summary sheet (`sheetValues`, read with getDataRange) from `before`
 * into `after`, row runs of the blocks that change; undefined when only a full rewrite will do.
 */
export function summaryPatch(
  before: SheetLayout,
  after: SheetLayout,
  sheetValues: readonly (readonly unknown[])[],
): CellWrite[] | undefined {
  if (!sameFrames(before, after)) return undefined;
  const shown = renderLayout(before);
  if (!shown || !renderLayout(after) || !sameGrid(shown, sheetValues)) return undefined;
  const writes: CellWrite[] = [];
  after.blocks.forEach((block, b) => {
    const old = (before.blocks[b] as Block).values;
    let start = -1;
    const flush = (end: number) => {
      if (start < 0) return;
      writes.push({ row: block.row + start, column: block.column, values: block.values.slice(start, end) });
      start = -1;
    };
    block.values.forEach((r, i) => {
      const changed = JSON.stringify(r) !== JSON.stringify(old[i]);
      if (changed && start < 0) start = i;
      if (!changed) flush(i);
    });
    flush(block.values.length);
  });
  return writes;
}

/** The same places, with the values they had before (to undo a patch). */
export function undoPatch(
  writes: readonly CellWrite[],
  before: SheetLayout,
  after: SheetLayout,
): CellWrite[] {
  return writes.map((w) => {
    const b = after.blocks.findIndex(
      (block) => block.column === w.column && block.row <= w.row && w.row < block.row + block.values.length,
    );
    const block = before.blocks[b] as Block;
    const from = w.row - block.row;
    return { ...w, values: block.values.slice(from, from + w.values.length) };
  });
}
