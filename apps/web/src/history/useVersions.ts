/**
 * Named versions of the map: the list, naming a moment, comparing a version with now (the
 * comparison follows the live map) and restoring a version or one thing from it.
 */
import { diffMaps, type MapChange, type RestorableKind, readJourneyMap } from "@journeymap/schema";
import { useCallback, useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { displayName } from "../sync/tokens.ts";
import { askToConfirm } from "../ui/confirmRequests.ts";
import type { HistoryApi, Version } from "./HistoryApi.ts";
import { docAt } from "./replayedDoc.ts";
import type { Restore } from "./useRestore.ts";
import type { Comparison } from "./VersionsPanel.tsx";

export interface VersionsOptions {
  readonly api: HistoryApi;
  readonly live: Y.Doc;
  /** The live map has synced: comparing with now waits for it. */
  readonly liveReady: boolean;
  readonly restore: Restore;
  /** The last logged row the view knows of (the timeline's): where a restore's record starts. */
  readonly knownSeq: number;
  readonly onError: (message: string) => void;
}

export interface Versions {
  readonly versions: readonly Version[];
  readonly comparison: Comparison | null;
  readonly create: (name: string, seq: number) => void;
  readonly rename: (version: Version, name: string) => void;
  readonly remove: (version: Version) => void;
  readonly compare: (version: Version) => void;
  readonly restore: (version: Version) => void;
  readonly restoreOne: (version: Version, change: MapChange) => void;
}

export function useVersions({
  api,
  live,
  liveReady,
  restore,
  knownSeq,
  onError,
}: VersionsOptions): Versions {
  const [versions, setVersions] = useState<Version[]>([]);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const compared = useRef(new Map<string, Y.Doc>());
  const reportError = useRef(onError);
  reportError.current = onError;
  const failed = (e: Error) => reportError.current(e.message);

  const load = useCallback(
    () => api.versions().then(setVersions, (e: Error) => reportError.current(e.message)),
    [api],
  );
  useEffect(() => {
    void load();
  }, [load]);

  // A comparison follows the live map (e.g. after restoring one thing from it).
  useEffect(() => {
    if (!comparison) return;
    const update = () => {
      const old = compared.current.get(comparison.version.id);
      if (old)
        setComparison({
          version: comparison.version,
          changes: diffMaps(readJourneyMap(old), readJourneyMap(live)),
        });
    };
    live.on("update", update);
    return () => live.off("update", update);
  }, [comparison, live]);

  const compare = async (version: Version) => {
    if (!liveReady) {
      restore.tell("Still connecting to the live map: compare again in a moment.");
      return;
    }
    try {
      const old = await docAt(api, version.seq);
      compared.current.set(version.id, old);
      setComparison({ version, changes: diffMaps(readJourneyMap(old), readJourneyMap(live)) });
    } catch (e) {
      failed(e as Error);
    }
  };

  const restoreVersion = async (version: Version) => {
    // It changes everyone's board at once: ask first (issue 16, R5).
    const yes = await askToConfirm({
      title: `Restore “${version.name}” for everyone?`,
      body:
        "Everyone on this map sees it as it was at this version, at once. Nothing is lost: the " +
        "restore is a new edit in the history, and “Undo this restore” there brings back the map as it is now.",
      confirmLabel: "Restore for everyone",
    });
    if (!yes) return;
    try {
      const [old, afterSeq] = await Promise.all([docAt(api, version.seq), api.lastSeq(knownSeq)]);
      restore.restoreMap(old, version.name, afterSeq);
      setComparison(null);
    } catch (e) {
      failed(e as Error);
    }
  };

  return {
    versions,
    comparison,
    create: (name, seq) => void api.createVersion(name, seq, displayName()).then(load, failed),
    rename: (version, name) => void api.renameVersion(version.id, name).then(load, failed),
    remove: (version) => void api.deleteVersion(version.id).then(load, failed),
    compare: (version) => void compare(version),
    restore: (version) => void restoreVersion(version),
    restoreOne: (version, change) => {
      const old = compared.current.get(version.id);
      if (old)
        restore.restoreOne(old, change.entity as RestorableKind, change.id, `“${change.label}”`);
    },
  };
}
