/** Every custom function of the add-on, in the order the README lists them. */
import { conventionFunctions } from "./convention";
import { explorFunctions } from "./explor";
import { fundingFunctions } from "./funding";
import { infoEuroFunctions } from "./infoeuro";
import { intakeFunctions } from "./intake";
import { moneyFunctions } from "./money";
import type { CustomFunctionSpec } from "./registry";

export const customFunctions: readonly CustomFunctionSpec[] = [
  ...moneyFunctions,
  ...infoEuroFunctions,
  ...explorFunctions,
  ...fundingFunctions,
  ...conventionFunctions,
  ...intakeFunctions,
];
