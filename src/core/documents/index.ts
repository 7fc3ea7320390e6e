export * from "./annex";
export * from "./html";
export * from "./letter";
export * from "./model";
