/** Branches: compare a map with its branch, and merge picked parts of the branch back. */
export * from "./alignOrder.ts";
export * from "./applyMerge.ts";
export * from "./compareFigures.ts";
export * from "./compareMaps.ts";
export * from "./mergePlan.ts";
export * from "./pickChanges.ts";
export { MERGE_ROOTS, type MergeRoot, type Slot, slotId } from "./slots.ts";
