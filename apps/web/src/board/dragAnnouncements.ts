/**
 * What the drag live region says: the names people read on the board ("Phase · Purchase"),
 * where dnd-kit's defaults would read out ids ("phase:Oj7z3…") (B11).
 */
import type { Announcements, UniqueIdentifier } from "@dnd-kit/core";
import { elementLabel, type JourneyMap } from "@journeymap/schema";
import { readDragId } from "./dragIds.ts";

/** The name of a sortable or drop zone; the step row of an empty phase goes by its phase. */
export function dragLabel(map: JourneyMap, id: UniqueIdentifier): string {
  const read = readDragId(id);
  return read ? elementLabel(map, read.ref) : "this item";
}

/** Announcements reading the map as it is at each moment of the drag. */
export function dragAnnouncements(read: () => JourneyMap): Announcements {
  const name = (id: UniqueIdentifier) => dragLabel(read(), id);
  // A step held over an empty phase's step row goes into that phase.
  const isSlot = (id: UniqueIdentifier) => readDragId(id)?.slot === true;
  return {
    onDragStart: ({ active }) => `Picked up ${name(active.id)}.`,
    // Picking an item up puts it over its own place: "Picked up …" stays until it moves.
    onDragOver: ({ active, over }) => {
      if (over?.id === active.id) return undefined;
      return over
        ? `${name(active.id)} is over ${isSlot(over.id) ? "the steps of " : ""}${name(over.id)}.`
        : `${name(active.id)} is no longer over a place to drop it.`;
    },
    onDragEnd: ({ active, over }) =>
      over && over.id !== active.id
        ? `${name(active.id)} was dropped ${isSlot(over.id) ? "into" : "over"} ${name(over.id)}.`
        : `${name(active.id)} was dropped.`,
    onDragCancel: ({ active }) => `Moving ${name(active.id)} was cancelled.`,
  };
}
