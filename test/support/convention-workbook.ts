/**
 * Evaluates several SheetLayouts as one workbook with HyperFormula (cross-sheet references,
 * SUM/IF/COUNT), with the convention functions plugged in from the built bundle — to read the
 * convention sheets as Sheets would compute them.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import type { SheetLayout } from "../../src/addon/sheet-layout";
import type { BundleGlobals } from "./bundle";

type Cell = string | number | boolean;
type Size = (heights: number[]) => [number, number];

/** Each function's parameter count and, for a spilled table, its size from its arguments' heights. */
const FUNCTIONS: Record<string, { params: number; size?: Size }> = {
  COUT_UNITAIRE: { params: 2 },
  POURCENTAGES: { params: 1, size: ([rows = 1]) => [1, rows] },
  // Header + at most as many lines as the longer input + totals.
  PLAN_FINANCEMENT: {
    params: 2,
    size: ([charges = 1, receipts = 1]) => [6, Math.max(charges, receipts) + 2],
  },
  PRORATA_SUBVENTION: { params: 3 },
};

function toSheets(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map((v) => toSheets(v)));
  if (value === EmptyValue || value === undefined || value === null) return "";
  return value;
}

function pluginFor(globals: BundleGlobals) {
  class ConventionFunctions extends FunctionPlugin {}
  const plugin = ConventionFunctions.prototype as unknown as Record<string, unknown>;
  const implemented: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(FUNCTIONS)) {
    plugin[`call_${name}`] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      // biome-ignore lint/suspicious/noExplicitAny: HyperFormula's protected plugin API.
      const self = this as any;
      return self.runFunction(ast.args, state, self.metadata(name), (...args: unknown[]) => {
        try {
          const result = globals.Lianes.callFunction(name, args.map(toSheets));
          if (!Array.isArray(result)) return result;
          const heights = args.map((a) => (a instanceof SimpleRangeValue ? a.height() : 1));
          const [width, height] = spec.size?.(heights) ?? [1, 1];
          const padded = Array.from({ length: height }, (_, r) =>
            Array.from({ length: width }, (_, c) => (result[r] as Cell[] | undefined)?.[c] ?? ""),
          );
          return SimpleRangeValue.onlyValues(padded);
        } catch (error) {
          return new CellError(ErrorType.VALUE, (error as Error).message);
        }
      });
    };
    const metadata: Record<string, unknown> = {
      method: `call_${name}`,
      parameters: Array.from({ length: spec.params }, () => ({ argumentType: FunctionArgumentType.ANY })),
    };
    if (spec.size) {
      plugin[`size_${name}`] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
        // biome-ignore lint/suspicious/noExplicitAny: HyperFormula's protected plugin API.
        const self = this as any;
        const heights = ast.args.map((a) => (self.arraySizeForAst(a, state) as ArraySize).height);
        const [width, height] = spec.size?.(heights) ?? [1, 1];
        return new ArraySize(width, height);
      };
      metadata.sizeOfResultArrayMethod = `size_${name}`;
      metadata.vectorizationForbidden = true;
    }
    implemented[name] = metadata;
  }
  (ConventionFunctions as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  return ConventionFunctions;
}

export type WorkbookValue = (sheet: string, address: string) => unknown;

/** The workbook's computed values; errors read as `#VALUE!: message`. */
export function evaluateWorkbook(layouts: readonly SheetLayout[], globals: BundleGlobals): WorkbookValue {
  const plugin = pluginFor(globals);
  const translations = Object.fromEntries(Object.keys(FUNCTIONS).map((name) => [name, name]));
  HyperFormula.registerFunctionPlugin(plugin as never, { enGB: translations });
  try {
    const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useArrayArithmetic: true });
    for (const layout of layouts) hf.addSheet(layout.name);
    hf.batch(() => {
      for (const layout of layouts) {
        const sheet = hf.getSheetId(layout.name) as number;
        for (const block of layout.blocks) {
          block.values.forEach((row, r) => {
            row.forEach((value, c) => {
              if (value !== "")
                hf.setCellContents({ sheet, row: block.row - 1 + r, col: block.column - 1 + c }, value);
            });
          });
        }
      }
    });
    return (sheetName, address) => {
      const sheet = hf.getSheetId(sheetName);
      if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
      const at = hf.simpleCellAddressFromString(address, sheet);
      if (!at) throw new Error(`bad address ${address}`);
      const v = hf.getCellValue(at);
      if (v instanceof Object && "type" in v) return `#${v.type}!: ${(v as { message: string }).message}`;
      return v ?? "";
    };
  } finally {
    HyperFormula.unregisterFunctionPlugin(plugin as never);
  }
}
