export * from "./computeFreshness.ts";
export * from "./freshnessMutations.ts";
export * from "./freshnessSettings.ts";
export * from "./lastChanged.ts";
