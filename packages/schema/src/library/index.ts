export * from "./cardSummary.ts";
export * from "./mapSummary.ts";
export * from "./personaSummary.ts";
export * from "./stepSummary.ts";
