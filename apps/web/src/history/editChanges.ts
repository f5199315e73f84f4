/**
 * What the shown edit did (issue 16, R2): the map just before the edits of the shown burst,
 * up to the shown moment, compared with the map at that moment. The same whichever way the
 * replay got there: comparing with the moment shown before described the jump (stepping back
 * listed the later edits as removals by the wrong person, Home→End the whole template), and
 * its Restore offered things that edit never removed.
 */
import { type Burst, diffMaps, type JourneyMap, type MapChange } from "@journeymap/schema";
import { burstAt } from "./timelineNav.ts";

export interface ShownEdit {
  /** The moment just before the edit: what it removed is restored as it was there. */
  readonly beforeSeq: number;
  readonly seq: number;
  /** Who made it (null while the timeline has not caught up with the row shown). */
  readonly author: string | null;
}

/** The edit shown at `seq`: its burst's rows up to `seq`, or nothing at the very start. */
export function shownEdit(bursts: readonly Burst[], seq: number): ShownEdit | null {
  if (seq <= 0) return null;
  const burst = burstAt(bursts, seq);
  if (!burst || burst.toSeq < seq) return { beforeSeq: seq - 1, seq, author: null };
  return { beforeSeq: burst.fromSeq - 1, seq, author: burst.author };
}

export interface EditChanges {
  readonly edit: ShownEdit | null;
  readonly changes: readonly MapChange[];
  /** The map at the shown moment and just before the edit (null at the start). */
  readonly map: JourneyMap;
  readonly before: JourneyMap | null;
}

/**
 * What the edit shown at `seq` changed, now, when `mapAt` has the map before it at hand;
 * undefined when it has not (then `changesOfEdit` loads it).
 */
export function changesOfEditNow(
  mapAt: (seq: number) => JourneyMap | undefined,
  bursts: readonly Burst[],
  seq: number,
  map: JourneyMap,
): EditChanges | undefined {
  const edit = shownEdit(bursts, seq);
  if (!edit) return { edit, changes: [], map, before: null };
  const before = mapAt(edit.beforeSeq);
  return before && { edit, changes: diffMaps(before, map), map, before };
}

/** What the edit shown at `seq` changed; `mapAt` gives the map after any row. */
export async function changesOfEdit(
  mapAt: (seq: number) => Promise<JourneyMap>,
  bursts: readonly Burst[],
  seq: number,
  map: JourneyMap,
): Promise<EditChanges> {
  const edit = shownEdit(bursts, seq);
  if (!edit) return { edit, changes: [], map, before: null };
  const before = await mapAt(edit.beforeSeq);
  return { edit, changes: diffMaps(before, map), map, before };
}
