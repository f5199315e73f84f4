/**
 * Which bursts touched a phase, for the timeline's phase filter: the log replayed once, in
 * pages, noting the things each burst's rows changed (`touchedTargets`, as attribution does)
 * and whether any of them sat in the phase just before or after the burst.
 */
import { type Burst, type RowFrame, readJourneyMap, touchedTargets } from "@journeymap/schema";
import * as Y from "yjs";
import { inPhase } from "./historyFilters.ts";

/** Logged rows from..to; may return fewer (the caller pages on). */
export type RowSource = (from: number, to: number) => Promise<RowFrame[]>;

/** The first rows of the bursts (up to the last burst) that touched `phaseId`. */
export async function burstsInPhase(
  rows: RowSource,
  bursts: readonly Burst[],
  phaseId: string,
): Promise<Set<number>> {
  const found = new Set<number>();
  const last = bursts.at(-1)?.toSeq ?? 0;
  const doc = new Y.Doc();
  let touched = new Set<string>();
  doc.on("afterTransaction", (t: Y.Transaction) => {
    for (const target of touchedTargets(doc, t)) touched.add(target);
  });
  let before = readJourneyMap(doc);
  let index = 0;
  const finishBurst = () => {
    const after = readJourneyMap(doc);
    if ([...touched].some(inPhase(phaseId, [before, after]))) found.add(bursts[index]!.fromSeq);
    touched = new Set();
    before = after;
    index++;
  };
  try {
    for (let from = 1; from <= last; ) {
      const page = await rows(from, last);
      if (page.length === 0) break;
      for (const row of page) {
        while (index < bursts.length && bursts[index]!.toSeq < row.seq) finishBurst();
        Y.applyUpdate(doc, row.bytes);
      }
      from = page.at(-1)!.seq + 1;
    }
    while (index < bursts.length) finishBurst();
  } finally {
    doc.destroy();
  }
  return found;
}
