export * from "./aid";
export * from "./registry";
export * from "./schema";
export * from "./table";
export * from "./templates";
