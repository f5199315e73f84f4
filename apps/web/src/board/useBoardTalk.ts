import { useCallback, useState } from "react";
import { type TalkTarget, talkTargetOf } from "@journeymap/schema";
import type { MapConnection } from "../sync/useMapConnection.ts";
import { readOwnSelection } from "../sync/presence/presenceState.ts";
import { usePresence } from "../sync/presence/usePresence.ts";
import type { TalkTab } from "../talk/comments/TalkPanel.tsx";
import { useSeen } from "../talk/comments/seen.ts";
import { useTalkConnection } from "../talk/useTalk.ts";

/**
 * Comments and the evidence inbox (the map's talk document) as the board shows them: the
 * side panel's tab, the evidence layer, and what a new comment is about.
 */
export function useBoardTalk(mapId: string, connection: MapConnection) {
  const talk = useTalkConnection(mapId, connection.provider);
  const [talkTab, setTalkTab] = useState<TalkTab | null>(null);
  const [evidenceLayer, setEvidenceLayer] = useState(false);
  const [pinned, setPinned] = useState<TalkTarget | null>(null);
  const { seen, markSeen } = useSeen(mapId);
  // What we have selected on the board is what a new comment is about.
  const selection = usePresence(connection.awareness, readOwnSelection);
  const selectedTarget = (selection && talkTargetOf(selection.ref)) ?? pinned;

  const openThread = useCallback((target: TalkTarget) => {
    setPinned(target);
    setTalkTab("comments");
  }, []);
  const toggleEvidence = useCallback(() => setEvidenceLayer((on) => !on), []);
  return {
    talk,
    talkTab,
    setTalkTab,
    evidenceLayer,
    toggleEvidence,
    openThread,
    selectedTarget,
    seen,
    markSeen,
  };
}
export type BoardTalk = ReturnType<typeof useBoardTalk>;
