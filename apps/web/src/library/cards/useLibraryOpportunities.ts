/**
 * The workspace's library opportunities, kept live by polling: every POLL_MS the server is
 * asked with the last answer's version and answers 304 while nothing changed, so a placement
 * by someone else shows here within about a second (docs/ARCHITECTURE.md says why polling).
 *
 * While this person drags or nudges a chip, its place here is theirs (`moving`); once their
 * write is answered, the server's place shows again — so when two people drop the same chip,
 * both end up seeing the last write, the loser's chip moving to the winner's place.
 */
import type { LibraryOpportunity, LibraryOpportunityList } from "@journeymap/protocol/http";
import { useCallback, useEffect, useRef, useState } from "react";
import { listLibraryOpportunities, updateLibraryOpportunity } from "../../api/libraryCardsApi.ts";
import { messageOf } from "../../ui/useAction.ts";
import type { Placement } from "./matrixGeometry.ts";

/** How often the matrix asks: a watcher sees a placement within about this (plus a request). */
export const POLL_MS = 1_000;

export interface LibraryOpportunities {
  readonly list: LibraryOpportunityList | null;
  readonly error: string | null;
  /** The opportunities with this person's moves in flight applied. */
  readonly opportunities: readonly LibraryOpportunity[];
  /** Shows a chip at a place now (a drag under way), without saving. */
  readonly preview: (id: string, at: Placement | null) => void;
  /** Drops a preview: the chip shows at the server's place again. */
  readonly forget: (id: string) => void;
  /** Saves a chip's place (null: back to the tray). */
  readonly place: (id: string, at: Placement | null) => Promise<void>;
  /** Asks at once (after a change of one's own). */
  readonly refresh: () => Promise<void>;
}

type Moving = ReadonlyMap<string, Placement | null>;

export function useLibraryOpportunities(workspaceId: string): LibraryOpportunities {
  const [list, setList] = useState<LibraryOpportunityList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [moving, setMoving] = useState<Moving>(new Map());
  const version = useRef<string | null>(null);
  /** Requests in the order they were made; an answer older than one shown is dropped. */
  const asked = useRef(0);
  const shown = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++asked.current;
    try {
      const answer = await listLibraryOpportunities(workspaceId, version.current);
      if (request < shown.current) return;
      if (answer) {
        version.current = answer.version;
        setList(answer);
      }
      setError(null);
    } catch (failure) {
      if (request >= shown.current) setError(messageOf(failure));
    } finally {
      shown.current = Math.max(shown.current, request);
    }
  }, [workspaceId]);

  useEffect(() => {
    version.current = null;
    void refresh();
    const timer = setInterval(() => {
      // One poll at a time: a slow answer is not met by a pile of others.
      if (document.visibilityState === "visible" && asked.current === shown.current) void refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const preview = useCallback((id: string, at: Placement | null) => {
    setMoving((was) => new Map(was).set(id, at));
  }, []);

  const forget = useCallback((id: string) => {
    setMoving((was) => {
      const next = new Map(was);
      next.delete(id);
      return next;
    });
  }, []);

  const place = useCallback(
    async (id: string, at: Placement | null) => {
      preview(id, at);
      try {
        await updateLibraryOpportunity(workspaceId, id, {
          value: at?.value ?? null,
          effort: at?.effort ?? null,
        });
        setError(null);
      } catch (failure) {
        setError(messageOf(failure));
      }
      // Ask before letting go of the local place, so the chip does not flash back meanwhile.
      await refresh();
      forget(id);
    },
    [workspaceId, preview, refresh, forget],
  );

  const opportunities = (list?.opportunities ?? []).map((o) => {
    if (!moving.has(o.id)) return o;
    const at = moving.get(o.id) ?? null;
    return { ...o, value: at?.value ?? null, effort: at?.effort ?? null };
  });
  return { list, error, opportunities, preview, forget, place, refresh };
}
