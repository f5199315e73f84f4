/**
 * What the compare page works on: the original live (for merging: a forward edit on it), the
 * original at the branch moment (the merge's base) and the branch now, all as documents, and
 * the read models of the original now and the branch, kept current as the original changes.
 */
import { type JourneyMap, readJourneyMap } from "@journeymap/schema";
import { useCallback, useEffect, useState } from "react";
import type * as Y from "yjs";
import { type BranchInfo, stateOf } from "./branchesApi.ts";

export interface CompareDocs {
  readonly base: Y.Doc;
  readonly theirs: Y.Doc;
  readonly right: JourneyMap;
}

/** The base and the branch, fetched again on `reload`. */
export function useCompareDocs(branch: BranchInfo) {
  const [docs, setDocs] = useState<CompareDocs | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    Promise.all([stateOf(branch.sourceMapId, branch.sourceSeq), stateOf(branch.id)]).then(
      ([base, theirs]) => setDocs({ base, theirs, right: readJourneyMap(theirs) }),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [branch]);
  useEffect(reload, [reload]);
  return { docs, error, reload };
}

/** The live document's read model, read again after each of its transactions. */
export function useLiveMap(doc: Y.Doc | null): JourneyMap | null {
  const [map, setMap] = useState<JourneyMap | null>(() => (doc ? readJourneyMap(doc) : null));
  useEffect(() => {
    if (!doc) return;
    const read = () => setMap(readJourneyMap(doc));
    read();
    doc.on("afterTransaction", read);
    return () => doc.off("afterTransaction", read);
  }, [doc]);
  return map;
}
