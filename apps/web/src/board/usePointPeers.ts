import { emotionKey } from "@journeymap/schema";
import { useMemo } from "react";
import type { Peer } from "../sync/presence/presenceState.ts";

/**
 * Peers ringing or dragging a point of `persona`, by touchpoint. Rebuilt only when someone's
 * selection or drag changes, not on every cursor move, so the memoized points stay put.
 */
export function usePointPeers(peers: readonly Peer[], personaId: string | undefined) {
  const pointOf = (p: Peer) =>
    p.selection?.ref.kind === "emotion" && p.selection.ref.personaId === personaId
      ? p.selection.ref
      : null;
  const relevant = peers.filter((p) => pointOf(p) || p.drag);
  const key = JSON.stringify(
    relevant.map((p) => [p.clientId, p.name, p.colour, p.selection, p.drag]),
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `relevant`'s content
  return useMemo(() => {
    const rings = new Map<string, Peer[]>();
    const drags = new Map<string, number>();
    for (const peer of relevant) {
      if (peer.drag)
        drags.set(emotionKey(peer.drag.personaId, peer.drag.touchpointId), peer.drag.score);
      const ringed =
        pointOf(peer)?.touchpointId ??
        (peer.drag?.personaId === personaId ? peer.drag?.touchpointId : undefined);
      if (ringed) rings.set(ringed, [...(rings.get(ringed) ?? []), peer]);
    }
    return { rings, drags };
  }, [key, personaId]);
}
