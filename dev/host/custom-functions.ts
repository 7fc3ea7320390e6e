/**
 * The add-on's custom functions inside HyperFormula: each formula call goes to the global of the
 * built bundle, with arguments as Sheets passes them (ranges as 2D arrays, blanks as ""), and a
 * thrown Error becomes a cell error that keeps its French message.
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
import { customFunctions } from "../../src/functions";
import type { CustomFunctionSpec } from "../../src/functions/registry";

/** What the host gives HyperFormula (its `context`): how to call a global of the bundle. */
export interface FunctionContext {
  call(name: string, args: unknown[]): unknown;
}

function toSheets(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(toSheets));
  if (value === EmptyValue || value === undefined || value === null) return "";
  return value;
}

/** The area a call may spill over: its own table size, or the largest range argument. */
function spillSize(spec: CustomFunctionSpec, sizes: readonly { rows: number; columns: number }[]) {
  if (spec.spill) return spec.spill(sizes);
  return {
    rows: Math.max(1, ...sizes.map((s) => s.rows)),
    columns: Math.max(1, ...sizes.map((s) => s.columns)),
  };
}

let registered = false;

/** Registers every custom function of the registry with HyperFormula, once per process. */
export function registerCustomFunctions(): void {
  if (registered) return;
  registered = true;
  class LianesFunctions extends FunctionPlugin {}
  const plugin = LianesFunctions.prototype as unknown as Record<string, unknown>;
  const implemented: Record<string, unknown> = {};
  for (const spec of customFunctions) {
    plugin[`call_${spec.name}`] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      // biome-ignore lint/suspicious/noExplicitAny: HyperFormula's protected plugin API.
      const self = this as any;
      const context = self.config.context as FunctionContext;
      const sizes = ast.args.map((a) => {
        const size = self.arraySizeForAst(a, state) as ArraySize;
        return { rows: size.height, columns: size.width };
      });
      return self.runFunction(ast.args, state, self.metadata(spec.name), (...args: unknown[]) => {
        try {
          const result = context.call(spec.name, args.map(toSheets));
          if (!Array.isArray(result)) return result;
          const { rows, columns } = spillSize(spec, sizes);
          const padded = Array.from({ length: rows }, (_, r) =>
            Array.from({ length: columns }, (_, c) => (result[r] as unknown[] | undefined)?.[c] ?? ""),
          );
          return SimpleRangeValue.onlyValues(padded as never);
        } catch (error) {
          return new CellError(ErrorType.VALUE, (error as Error).message);
        }
      });
    };
    plugin[`size_${spec.name}`] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      // biome-ignore lint/suspicious/noExplicitAny: HyperFormula's protected plugin API.
      const self = this as any;
      const sizes = ast.args.map((a) => {
        const size = self.arraySizeForAst(a, state) as ArraySize;
        return { rows: size.height, columns: size.width };
      });
      const { rows, columns } = spillSize(spec, sizes);
      return new ArraySize(columns, rows);
    };
    implemented[spec.name] = {
      method: `call_${spec.name}`,
      sizeOfResultArrayMethod: `size_${spec.name}`,
      vectorizationForbidden: true,
      parameters: spec.params.map((p) => ({
        argumentType: FunctionArgumentType.ANY,
        ...(p.optional ? { optionalArg: true } : {}),
      })),
    };
  }
  (LianesFunctions as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  const names = Object.fromEntries(customFunctions.map((f) => [f.name, f.name]));
  HyperFormula.registerFunctionPlugin(LianesFunctions as never, { enGB: names, enUS: names });
}
