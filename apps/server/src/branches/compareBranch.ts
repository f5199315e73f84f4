/**
 * The comparison figures of a map and its branch, now, from their logs: both states read as
 * maps, compared by element id (packages/schema/src/branch). For API clients and exports; the
 * board computes the same from the documents it holds.
 */
import type { BranchComparison } from "@journeymap/protocol/http";
import { compareFigures, compareMaps, describeFigures, readJourneyMap } from "@journeymap/schema";
import type { BranchRecord } from "@journeymap/storage";
import * as Y from "yjs";
import type { HistoryService } from "../history/HistoryService.ts";

async function mapNow(history: HistoryService, mapId: string) {
  const { last } = await history.bounds(mapId);
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, await history.stateAt(mapId, last));
    return readJourneyMap(doc);
  } finally {
    doc.destroy();
  }
}

export async function compareBranch(
  history: HistoryService,
  branch: BranchRecord,
): Promise<BranchComparison> {
  const left = await mapNow(history, branch.sourceMapId);
  const right = await mapNow(history, branch.id);
  const figures = compareFigures(left, right);
  return {
    summary: describeFigures(figures, branch.name),
    counts: compareMaps(left, right).counts,
    steps: figures.steps,
    channelSwitches: figures.channelSwitches,
    handOffs: figures.handOffs,
    personas: [...figures.personas],
  };
}
