export * from "./days";
export * from "./engine";
export * from "./mission";
export * from "./registry";
export type { Category, RuleSet } from "./rule-set";
export type { CategoryDefinition, CeilingDefinition, RuleSetDefinition } from "./schema";
