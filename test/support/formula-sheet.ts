/**
 * Evaluates a SheetLayout with HyperFormula, the add-on's custom functions plugged in from
 * the built bundle, to read a sheet's values as Sheets would compute them.
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

function toSheets(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map((v) => toSheets(v)));
  if (value === EmptyValue || value === undefined || value === null) return "";
  return value;
}

/** The functions the layout calls: name, maximal parameter count, and how big its spill is. */
const SPILLS: Record<string, { params: number; size?: (rows: number) => [number, number] }> = {
  CONVERTIR_EUR: { params: 2 },
  EXPLOR_PLAFOND: { params: 3, size: (rows) => [1, rows] },
  EXPLOR_ELIGIBLE: { params: 4, size: (rows) => [1, rows] },
  EXPLOR_PRISE_EN_CHARGE: { params: 4 },
  EXPLOR_RESTE_A_CHARGE: { params: 4 },
  EXPLOR_DECOMPTE: { params: 4, size: (rows) => [5, rows + 4] },
};

function pluginFor(globals: BundleGlobals) {
  class AddonFunctions extends FunctionPlugin {}
  const implemented: Record<string, unknown> = {};
  const plugin = AddonFunctions.prototype as unknown as Record<string, unknown>;
  for (const [name, spec] of Object.entries(SPILLS)) {
    const method = `call_${name}`;
    plugin[method] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      // biome-ignore lint/suspicious/noExplicitAny: HyperFormula's protected plugin API.
      const self = this as any;
      return self.runFunction(ast.args, state, self.metadata(name), (...args: unknown[]) => {
        try {
          const result = globals.Lianes.callFunction(name, args.map(toSheets));
          if (!Array.isArray(result)) return result;
          const first = args[0];
          const [width, height] = spec.size?.(first instanceof SimpleRangeValue ? first.height() : 1) ?? [
            1, 1,
          ];
          if (result.length > height)
            throw new Error(`${name} : ${result.length} lignes pour ${height} prévues`);
          // Sheets spills exactly the result; HyperFormula needs the size it predicted, so pad with blanks.
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
      method,
      parameters: Array.from({ length: spec.params }, (_, i) => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: i > 0,
      })),
    };
    if (spec.size) {
      const sizeMethod = `size_${name}`;
      plugin[sizeMethod] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
        // biome-ignore lint/suspicious/noExplicitAny: HyperFormula's protected plugin API.
        const first = (this as any).arraySizeForAst(ast.args[0], state) as ArraySize;
        const [width, height] = spec.size?.(first.height) ?? [1, 1];
        return new ArraySize(width, height);
      };
      metadata.sizeOfResultArrayMethod = sizeMethod;
      metadata.vectorizationForbidden = true;
    }
    implemented[name] = metadata;
  }
  (AddonFunctions as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  return AddonFunctions;
}

/** The layout's values once computed; `value("I11")` reads one cell (errors as `#VALUE!: message`). */
export function evaluateLayout(layout: SheetLayout, globals: BundleGlobals): (address: string) => unknown {
  const plugin = pluginFor(globals);
  const translations = Object.fromEntries(Object.keys(SPILLS).map((name) => [name, name]));
  HyperFormula.registerFunctionPlugin(plugin as never, { enGB: translations });
  try {
    const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useArrayArithmetic: true });
    const sheet = hf.getSheetId(hf.addSheet(layout.name)) as number;
    for (const block of layout.blocks) {
      block.values.forEach((row, r) => {
        row.forEach((value, c) => {
          if (value !== "")
            hf.setCellContents({ sheet, row: block.row - 1 + r, col: block.column - 1 + c }, value);
        });
      });
    }
    return (address) => {
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
