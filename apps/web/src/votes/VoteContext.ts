/**
 * What the board's vote pieces share: the map, the talk document the votes are published in,
 * whether we are online (starting a vote needs the server), and whether the vote panel is open.
 * Provided once by the board page (useVoteSession), read by the header button, the panel, the
 * emotion lane's overlay and the insights.
 */
import { createContext, useContext } from "react";
import type { TalkSession } from "../talk/useTalk.ts";

export interface VoteSession {
  readonly mapId: string;
  readonly talk: TalkSession | null;
  /** The map's connection is up: the server can take a new vote. */
  readonly online: boolean;
  /** Editors and owners run votes (start, reveal, commit, cancel). */
  readonly canRun: boolean;
  readonly panelOpen: boolean;
  setPanelOpen(open: boolean): void;
}

export const VoteContext = createContext<VoteSession | null>(null);

export function useVoteContext(): VoteSession | null {
  return useContext(VoteContext);
}
