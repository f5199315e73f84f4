/** Edit history: diffs of read models, forward restores, bursts and attribution. */
export * from "./attribution.ts";
export * from "./bursts.ts";
export * from "./diffMaps.ts";
export { differingCells, mirrorMap, type RestoreOptions, restoreMap } from "./restoreMap.ts";
export * from "./restoreEntity.ts";
export * from "./rowFrames.ts";
export * from "./HistoryPlayer.ts";
