import { History, Undo2 } from "lucide-react";
import { restoreSentence } from "./restoreAnnouncement.ts";
import { formatWhen } from "./format.ts";
import type { LastRestore as LastRestoreState } from "./useLastRestore.ts";

/**
 * Under the history's header: the map's last whole-map restore, with a way to see its edit and,
 * for people who may edit, "Undo this restore" (issue 16, R5).
 */
export function LastRestore({ last, canEdit }: { last: LastRestoreState; canEdit: boolean }) {
  const { record } = last;
  if (!record) return null;
  return (
    <div className="notice history-notice" data-testid="history.last-restore">
      <History size={15} aria-hidden="true" />
      <span>
        {restoreSentence(record)} · {formatWhen(record.at)}
      </span>
      <button type="button" className="btn btn--ghost" onClick={last.show}>
        Show this edit
      </button>
      {canEdit && record.kind === "restore" && (
        <button
          type="button"
          className="btn"
          data-testid="history.undo-restore"
          onClick={last.undo}
        >
          <Undo2 size={14} aria-hidden="true" /> Undo this restore
        </button>
      )}
    </div>
  );
}
