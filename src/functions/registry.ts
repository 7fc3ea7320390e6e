/**
 * One typed description per custom function: the build generates the global stub and its
 * JSDoc (what Sheets shows as help) from it, the bundle dispatches to `run`.
 */
import type { SheetResult, SheetValue } from "./sheet-values";

export interface RangeSize {
  readonly rows: number;
  readonly columns: number;
}

/** `spill` of a function that returns one value whatever its ranges (a mission's total). */
export const ONE_CELL = (): RangeSize => ({ rows: 1, columns: 1 });

export interface ParamSpec {
  /** The name Sheets shows in the help (snake_case French, as in the public contract). */
  readonly name: string;
  readonly description: string;
  /** A JSDoc example type shown in the help, e.g. `"Avion"` or `10`. */
  readonly example: string;
  readonly optional?: boolean;
}

export interface CustomFunctionSpec {
  readonly name: string;
  /** One French sentence, shown as the function's help in Sheets. */
  readonly summary: string;
  readonly params: readonly ParamSpec[];
  /** What the function returns, in French. */
  readonly returns: string;
  /** Formulas shown in the README, with their result: `=EXPLOR_PLAFOND("Visa") → 60`. */
  readonly examples: readonly string[];
  /**
   * For a function that returns a table: the most rows and columns it can spill over, from
   * its arguments' sizes. Without it, a result has the shape of its largest range argument.
   */
  readonly spill?: (args: readonly RangeSize[]) => RangeSize;
  /** The French errors a user may meet, as the README lists them. */
  readonly errors?: readonly string[];
  readonly run: (...args: SheetValue[]) => SheetResult;
}

export function customFunction(spec: CustomFunctionSpec): CustomFunctionSpec {
  return spec;
}

/** A global the platform or the UI calls: a simple trigger, a menu item, a sidebar's server call. */
export interface EntryPointSpec {
  readonly name: string;
  readonly summary: string;
  readonly params: readonly string[];
  // biome-ignore lint/suspicious/noExplicitAny: entry points receive whatever Apps Script passes.
  readonly run: (...args: any[]) => unknown;
}

export function entryPoint(spec: EntryPointSpec): EntryPointSpec {
  return spec;
}
