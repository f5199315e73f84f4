import { useEffect, useMemo, useRef, useState } from "react";
import type { TalkSession } from "../talk/useTalk.ts";
import type { MapConnection } from "../sync/useMapConnection.ts";
import type { VoteSession } from "./VoteContext.ts";
import { useVotesOf } from "./useVotes.ts";

/**
 * The board's vote session. The panel opens by itself when a new vote starts, so people on a
 * call see it without looking for it.
 */
export function useVoteSession(
  mapId: string,
  talk: TalkSession | null,
  connection: MapConnection,
): VoteSession {
  const [panelOpen, setPanelOpen] = useState(false);
  const { active } = useVotesOf(talk);
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (active && active.id !== seen.current) setPanelOpen(true);
    seen.current = active?.id ?? seen.current;
  }, [active]);
  const online = connection.status === "online";
  const canRun = talk?.canModerate ?? false;
  return useMemo(
    () => ({ mapId, talk, online, canRun, panelOpen, setPanelOpen }),
    [mapId, talk, online, canRun, panelOpen],
  );
}
