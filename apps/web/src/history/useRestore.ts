/**
 * Restores from the history view: forward edits on the live map made here, in the browser,
 * with the local origin. They sync and merge like any edit, and the Undo in the notice reverts
 * them (an undo manager of this view's own, so it holds the restores only). A whole-map
 * restore also writes its record (schema's restoreRecord.ts) in the same edit, so every board
 * on the map says who restored what, and the history can undo it after a reload.
 */
import {
  createBoardUndoManager,
  LOCAL_ORIGIN,
  type RestorableKind,
  restoreEntity,
  randomId,
  restoreMap,
} from "@journeymap/schema";
import { useEffect, useMemo, useState } from "react";
import type * as Y from "yjs";
import { knownPerson } from "../account/accountStore.ts";
import { displayName } from "../sync/tokens.ts";
import { rememberRestoreSeen } from "./restoreAnnouncement.ts";

export interface Notice {
  readonly text: string;
  readonly undoable: boolean;
}

export interface Restore {
  /** What the last restore did (or why it did nothing); null when dismissed. */
  readonly notice: Notice | null;
  /**
   * Makes the live map equal to `old`: a named version's document ("restore"), or the map
   * just before a restore ("undo"). `afterSeq`: the last logged row known before restoring.
   */
  readonly restoreMap: (
    old: Y.Doc,
    versionName: string,
    afterSeq: number,
    kind?: "restore" | "undo",
  ) => void;
  /** Brings one thing back in place as it is in `from`. */
  readonly restoreOne: (from: Y.Doc, kind: RestorableKind, id: string, label: string) => void;
  readonly undo: () => void;
  /** A notice with no undo. */
  readonly tell: (text: string) => void;
  readonly dismiss: () => void;
}

/** How the person restoring is named to the others. */
function restorerName(): string {
  return knownPerson()?.name || displayName() || "Someone";
}

export function useRestore(live: Y.Doc, mapId: string): Restore {
  const liveUndo = useMemo(() => createBoardUndoManager(live), [live]);
  useEffect(() => () => liveUndo.destroy(), [liveUndo]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const tell = (text: string) => setNotice({ text, undoable: false });
  const restored = (text: string) => setNotice({ text, undoable: true });

  return {
    notice,
    restoreMap: (old, versionName, afterSeq, kind = "restore") => {
      liveUndo.stopCapturing();
      const record = {
        id: randomId(),
        kind,
        versionName,
        by: restorerName(),
        at: Date.now(),
        afterSeq,
      };
      // Our own restore is no news to us, on this board or another tab of this browser.
      rememberRestoreSeen(mapId, record.id);
      const writes = restoreMap(live, old, { origin: LOCAL_ORIGIN }, { undo: liveUndo, record });
      if (writes === 0)
        tell(
          kind === "undo"
            ? "The map is already as it was before that restore."
            : `The map already matches “${versionName}”.`,
        );
      else if (kind === "undo")
        restored(`The map is back as it was just before “${versionName}” was restored.`);
      else restored(`Restored “${versionName}” for everyone, as a new edit on the live map.`);
    },
    restoreOne: (from, kind, id, label) => {
      liveUndo.stopCapturing();
      if (restoreEntity(live, from, { kind, id }, { origin: LOCAL_ORIGIN }, { undo: liveUndo })) {
        restored(`Restored ${label} in place.`);
      }
    },
    undo: () => {
      liveUndo.undo();
      tell("Undone.");
    },
    tell,
    dismiss: () => setNotice(null),
  };
}
