/**
 * The notices of my changes that someone else's replaced (issue 15, B2), for as long as the
 * board is open: the watch over the document (sync/overwriteWatch.ts) plus the names of the
 * people here, remembered after they leave so a notice can still say who.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { type Overwrite, watchOverwrites } from "../sync/overwriteWatch.ts";
import { readPeer } from "../sync/presence/presenceState.ts";

/** Notices shown at most: older ones give way (each says what it is about). */
export const MAX_NOTICES = 3;

export interface OverwriteNotice {
  readonly id: number;
  readonly overwrite: Overwrite;
  readonly who: string;
}

export function useOverwriteNotices(
  doc: Y.Doc,
  awareness: Awareness | null,
  enabled: boolean,
): { readonly notices: readonly OverwriteNotice[]; readonly dismiss: (id: number) => void } {
  const [notices, setNotices] = useState<readonly OverwriteNotice[]>([]);
  const names = useRef(new Map<number, string>());

  useEffect(() => {
    if (!awareness) return;
    const learn = () => {
      for (const [clientId, state] of awareness.getStates()) {
        const peer = readPeer(clientId, state as Record<string, unknown>);
        if (peer) names.current.set(clientId, peer.name);
      }
    };
    learn();
    awareness.on("change", learn);
    return () => awareness.off("change", learn);
  }, [awareness]);

  useEffect(() => {
    if (!enabled) return;
    let next = 1;
    const watch = watchOverwrites(doc, (overwrite) => {
      const who = names.current.get(overwrite.by) ?? "Someone";
      setNotices((shown) => [...shown, { id: next++, overwrite, who }].slice(-MAX_NOTICES));
    });
    return () => watch.stop();
  }, [doc, enabled]);

  const dismiss = useCallback(
    (id: number) => setNotices((shown) => shown.filter((n) => n.id !== id)),
    [],
  );
  return { notices, dismiss };
}
