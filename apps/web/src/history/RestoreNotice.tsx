import { readRestoreRecord, type RestoreRecord, watchRestoreRecord } from "@journeymap/schema";
import { History, X } from "lucide-react";
import { useEffect, useState } from "react";
import { navigate } from "../router.ts";
import { useMapSession } from "../sync/useJourneyMap.ts";
import {
  rememberRestoreSeen,
  restoreSentence,
  seenRestore,
  shouldAnnounce,
} from "./restoreAnnouncement.ts";
import "./RestoreNotice.css";

/**
 * On the board: "Ana restored “Before the workshop” · See what changed", once per restore and
 * browser, whether the restore arrives while the map is open or was made while it was closed.
 */
export function RestoreNotice({ mapId }: { mapId: string }) {
  const { doc } = useMapSession();
  const [shown, setShown] = useState<RestoreRecord | null>(null);
  useEffect(() => {
    const consider = (record: RestoreRecord | null) => {
      if (!shouldAnnounce(record, seenRestore(mapId), Date.now())) return;
      // Shown is seen: a reload does not show it again.
      rememberRestoreSeen(mapId, record.id);
      setShown(record);
    };
    consider(readRestoreRecord(doc));
    return watchRestoreRecord(doc, consider);
  }, [doc, mapId]);
  if (!shown) return null;
  const history = `/maps/${mapId}/history`;
  return (
    <div className="notice restore-notice" role="status" data-testid="board.restore-notice">
      <History size={15} aria-hidden="true" />
      <span>
        <strong>{restoreSentence(shown)}</strong> for everyone on this map.
      </span>
      <a
        className="btn"
        href={history}
        onClick={(e) => {
          e.preventDefault();
          navigate(history);
        }}
      >
        See what changed
      </a>
      <button
        type="button"
        className="icon-btn"
        aria-label="Dismiss"
        onClick={() => setShown(null)}
      >
        <X size={15} />
      </button>
    </div>
  );
}
