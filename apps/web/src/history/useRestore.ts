/**
 * Restores from the history view: forward edits on the live map made here, in the browser,
 * with the local origin. They sync and merge like any edit, and the Undo in the notice reverts
 * them (an undo manager of this view's own, so it holds the restores only).
 */
import {
  createBoardUndoManager,
  LOCAL_ORIGIN,
  type RestorableKind,
  restoreEntity,
  restoreMap,
} from "@journeymap/schema";
import { useEffect, useMemo, useState } from "react";
import type * as Y from "yjs";

export interface Notice {
  readonly text: string;
  readonly undoable: boolean;
}

export interface Restore {
  /** What the last restore did (or why it did nothing); null when dismissed. */
  readonly notice: Notice | null;
  /** Makes the live map equal to `old`, a named version's document. */
  readonly restoreMap: (old: Y.Doc, versionName: string) => void;
  /** Brings one thing back in place as it is in `from`. */
  readonly restoreOne: (from: Y.Doc, kind: RestorableKind, id: string, label: string) => void;
  readonly undo: () => void;
  /** A notice with no undo. */
  readonly tell: (text: string) => void;
  readonly dismiss: () => void;
}

export function useRestore(live: Y.Doc): Restore {
  const liveUndo = useMemo(() => createBoardUndoManager(live), [live]);
  useEffect(() => () => liveUndo.destroy(), [liveUndo]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const tell = (text: string) => setNotice({ text, undoable: false });
  const restored = (text: string) => setNotice({ text, undoable: true });

  return {
    notice,
    restoreMap: (old, versionName) => {
      liveUndo.stopCapturing();
      const writes = restoreMap(live, old, { origin: LOCAL_ORIGIN }, { undo: liveUndo });
      if (writes === 0) tell(`The map already matches “${versionName}”.`);
      else restored(`Restored “${versionName}” as a new edit on the live map.`);
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
