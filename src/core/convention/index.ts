export * from "./convention";
export * from "./financing-plan";
export * from "./percentages";
export * from "./registry";
export type {
  BudgetLineDefinition,
  CommitmentDefinition,
  ConventionDefinition,
  FunderDefinition,
} from "./schema";
export * from "./shares";
export * from "./sheet";
