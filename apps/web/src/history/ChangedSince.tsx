/**
 * "What changed since I last looked": on opening a map, what others added, removed, moved or
 * scored anew since this browser last saw it, outlined on the live board with a summary list.
 * The last seen sequence number is kept per map in localStorage; the old state comes from
 * the server's history, and changes whose last author is the person themself are left out.
 */
import { countChanges, diffMaps, type MapChange, readJourneyMap } from "@journeymap/schema";
import { History, X } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import * as Y from "yjs";
import { knownPerson } from "../account/accountStore.ts";
import { navigate } from "../router.ts";
import { displayName } from "../sync/tokens.ts";
import { useMapSession } from "../sync/useJourneyMap.ts";
import { ChangeList } from "./ChangeList.tsx";
import { phaseNameOf } from "./changeSentence.ts";
import { formatWhen, plural } from "./format.ts";
import { highlightCss } from "./highlight.ts";
import { HistoryApi } from "./HistoryApi.ts";
import { lastSeenSeq, ownChange, rememberSeen } from "./lastSeen.ts";
import "./ChangedSince.css";

/** Quiet time after a live edit before the log's end is remembered as seen. */
const SEEN_SETTLE_MS = 2000;

interface Since {
  readonly changes: readonly MapChange[];
  readonly since: number | null;
  /** The phase each change sits in, for its sentence. */
  readonly where: (target: string) => string | null;
}

/** A sentence such as "3 added, 1 removed, 2 with a new score". */
export function summarize(changes: readonly MapChange[]): string {
  const counts = countChanges(changes);
  const parts: string[] = [];
  if (counts.added) parts.push(`${counts.added} added`);
  if (counts.removed) parts.push(`${counts.removed} removed`);
  if (counts.moved) parts.push(`${counts.moved} moved`);
  if (counts.rescored) parts.push(`${counts.rescored} with a new score`);
  const edited = counts.edited + counts.renamed + counts.linked + counts.unlinked;
  if (edited) parts.push(`${edited} edited`);
  return parts.join(", ");
}

export function ChangedSince({ mapId }: { mapId: string }) {
  const { doc } = useMapSession();
  const [since, setSince] = useState<Since | null>(null);

  useEffect(() => {
    let cancelled = false;
    const api = new HistoryApi(mapId);
    // Read before anything can move it on (the effect below, once live edits arrive).
    const seen = lastSeenSeq(mapId);
    void (async () => {
      try {
        const { seq, bursts } = await api.timeline();
        rememberSeen(mapId, seq);
        if (seen === null || seen >= seq) return;
        const [state, attribution] = await Promise.all([api.state(seen), api.attribution()]);
        const old = new Y.Doc();
        Y.applyUpdate(old, state);
        const mine = ownChange(knownPerson()?.id ?? null, displayName());
        const [before, after] = [readJourneyMap(old), readJourneyMap(doc)];
        const changes = diffMaps(before, after).filter(
          (c) => !mine(attribution.targets[c.target]?.changed),
        );
        const seenBurst = bursts.find((b) => b.fromSeq <= seen && seen <= b.toSeq);
        if (!cancelled && changes.length > 0)
          setSince({
            changes,
            since: seenBurst?.endTs ?? null,
            where: phaseNameOf([after, before]),
          });
      } catch {
        // History is a convenience here: a failure leaves the board as it is.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [mapId, doc]);

  // What arrives live while the board is open has been seen: once edits settle, remember the
  // log's end again, so the next visit does not list them as news.
  useEffect(() => {
    const api = new HistoryApi(mapId);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const known = lastSeenSeq(mapId) ?? 0;
        api.lastSeq(known).then(
          (last) => rememberSeen(mapId, last),
          () => {}, // offline: the next visit lists a little more, nothing is lost
        );
      }, SEEN_SETTLE_MS);
    };
    doc.on("update", onUpdate);
    return () => {
      clearTimeout(timer);
      doc.off("update", onUpdate);
    };
  }, [mapId, doc]);

  const css = useMemo(() => (since ? highlightCss(since.changes, ".board-page ") : ""), [since]);
  if (!since) return null;
  return (
    <section
      className="changed-since"
      data-testid="board.changed-since"
      aria-label="Changed since your last visit"
    >
      <style>{css}</style>
      <div className="changed-since-head">
        <History size={16} aria-hidden="true" />
        <h2>Since your last visit</h2>
        <button
          type="button"
          className="icon-btn"
          aria-label="Dismiss"
          onClick={() => setSince(null)}
        >
          <X size={14} />
        </button>
      </div>
      <p className="changed-since-summary">
        {summarize(since.changes)}
        {since.since !== null && ` since ${formatWhen(since.since)}`} ·{" "}
        {plural(since.changes.length, "change")}
      </p>
      <ChangeList changes={since.changes} empty="" limit={30} context={{ where: since.where }} />
      <button
        type="button"
        className="btn btn--ghost"
        onClick={() => navigate(`/maps/${mapId}/history`)}
      >
        <History size={14} /> Open the history
      </button>
    </section>
  );
}
