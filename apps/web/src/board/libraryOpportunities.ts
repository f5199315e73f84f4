/**
 * The library opportunities of a board's workspace (issue 19), asked once per map and kept for
 * a short while, so every linked card of a board shares one request: a marker says in how many
 * maps its opportunity is. Null for whoever may not see them (signed out, a map in no
 * workspace): the marker then says only "In library".
 */
import type { LibraryOpportunityList } from "@journeymap/protocol/http";
import { useEffect, useState } from "react";
import { callApi } from "../api/apiClient.ts";

/** How long an answer is reused: a link made elsewhere shows on the next board open or after this. */
const KEEP_MS = 30_000;

const asked = new Map<string, { at: number; answer: Promise<LibraryOpportunityList | null> }>();

function opportunitiesOf(mapId: string): Promise<LibraryOpportunityList | null> {
  const kept = asked.get(mapId);
  if (kept && Date.now() - kept.at < KEEP_MS) return kept.answer;
  const answer = callApi("listMapLibraryOpportunities", { params: { mapId } }).catch(() => null);
  asked.set(mapId, { at: Date.now(), answer });
  return answer;
}

export interface MarkedOpportunity {
  readonly workspaceId: string;
  readonly title: string;
  /** The maps (I can open) with a card standing for it. */
  readonly maps: number;
}

export function useLibraryOpportunity(
  mapId: string | null,
  opportunityId: string,
): MarkedOpportunity | null {
  const [found, setFound] = useState<MarkedOpportunity | null>(null);
  useEffect(() => {
    if (!mapId) return;
    let current = true;
    void opportunitiesOf(mapId).then((list) => {
      const o = list?.opportunities.find((x) => x.id === opportunityId);
      if (current)
        setFound(
          o
            ? {
                workspaceId: o.workspaceId,
                title: o.title,
                maps: new Set(o.links.map((l) => l.mapId)).size,
              }
            : null,
        );
    });
    return () => {
      current = false;
    };
  }, [mapId, opportunityId]);
  return found;
}
