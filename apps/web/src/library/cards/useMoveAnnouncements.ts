/**
 * Says, for screen readers, where others move opportunities on the matrix ("Ben Osei moved
 * Offer Apple Pay to Quick wins"): a placement that arrives by polling is otherwise silent.
 * One's own moves are not said again (the focused chip's name already tells).
 */
import type { LibraryOpportunityList } from "@journeymap/protocol/http";
import { useEffect, useRef, useState } from "react";
import { QUADRANTS, quadrantOf } from "./matrixGeometry.ts";

function whereOf(o: LibraryOpportunityList["opportunities"][number]): string {
  if (o.value === null || o.effort === null) return "the tray";
  const id = quadrantOf({ value: o.value, effort: o.effort });
  return QUADRANTS.find((q) => q.id === id)?.label ?? "";
}

export function useMoveAnnouncements(
  list: LibraryOpportunityList | null,
  myName: string | null,
): string {
  const [said, setSaid] = useState("");
  const seen = useRef(new Map<string, string>());
  useEffect(() => {
    if (!list) return;
    const moves: string[] = [];
    for (const o of list.opportunities) {
      const where = whereOf(o);
      const was = seen.current.get(o.id);
      if (was !== undefined && was !== where && o.updatedBy !== myName)
        moves.push(`${o.updatedBy} moved ${o.title} to ${where}`);
      seen.current.set(o.id, where);
    }
    if (moves.length > 0) setSaid(moves.join(". "));
  }, [list, myName]);
  return said;
}
