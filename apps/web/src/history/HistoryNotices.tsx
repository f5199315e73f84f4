import { Undo2 } from "lucide-react";
import type { Notice } from "./useRestore.ts";

export interface HistoryNoticesProps {
  readonly error: string | null;
  readonly notice: Notice | null;
  readonly onUndo: () => void;
  readonly onDismiss: () => void;
}

/** Under the header: the last error, and what the last restore did (with its Undo). */
export function HistoryNotices({ error, notice, onUndo, onDismiss }: HistoryNoticesProps) {
  return (
    <>
      {error && (
        <div className="notice notice--error history-notice" role="alert">
          {error}
        </div>
      )}
      {notice && (
        <div className="notice history-notice" role="status" data-testid="history.notice">
          {notice.text}
          {notice.undoable && (
            <button type="button" className="btn" data-testid="history.undo" onClick={onUndo}>
              <Undo2 size={14} /> Undo
            </button>
          )}
          <button type="button" className="btn btn--ghost" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
