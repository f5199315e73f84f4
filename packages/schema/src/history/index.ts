/** Edit history: diffs of read models, forward restores, bursts and attribution. */
export * from "./AttributionIndex.ts";
export * from "./bursts.ts";
export { type ChangedEntity, type ChangeKind, countChanges, type MapChange } from "./changes.ts";
export * from "./diffMaps.ts";
export * from "./fieldWrites.ts";
export { movedIds } from "./movedIds.ts";
export { differingCells, mirrorMap, type RestoreOptions, restoreMap } from "./restoreMap.ts";
export * from "./restoreEntity.ts";
export { removedEntities } from "./removedEntities.ts";
export * from "./restoreRecord.ts";
export * from "./rowFrames.ts";
export * from "./HistoryChunks.ts";
export * from "./HistoryPlayer.ts";
export { encodeWithout, LEAN_REACH, leanState, namedIds, showSame } from "./leanState.ts";
export { visibleDocument } from "./visibleContent.ts";
