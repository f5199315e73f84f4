/**
 * Tells the others in presence what we just deleted (phases, steps, lanes, personas…): a
 * delete carries no author on the wire, and someone typing inside what we deleted is told
 * "Ana deleted this phase" by name (issue 15, B1).
 */
import { removedEntities } from "@journeymap/schema";
import { useEffect } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { presenceWriter } from "../sync/presence/presenceWriter.ts";

export function useAnnounceRemovals(doc: Y.Doc, awareness: Awareness | null): void {
  useEffect(() => {
    if (!awareness) return;
    const publish = presenceWriter(awareness);
    const announce = (transaction: Y.Transaction) => {
      // Ours only: edits that arrived from others are theirs to announce.
      if (!transaction.local) return;
      const keys = removedEntities(doc, transaction);
      if (keys.length > 0) publish.removed(keys);
    };
    doc.on("afterTransaction", announce);
    return () => doc.off("afterTransaction", announce);
  }, [doc, awareness]);
}
