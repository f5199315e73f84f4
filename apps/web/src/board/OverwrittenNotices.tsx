import { X } from "lucide-react";
import type { Awareness } from "y-protocols/awareness";
import { useJourneyMap, useMapSession } from "../sync/useJourneyMap.ts";
import { describeOverwrite, putMineBack } from "./overwriteNotice.ts";
import { useOverwriteNotices } from "./useOverwriteNotices.ts";
import "./OverwrittenNotices.css";

/**
 * Quiet notices over the board when someone's change replaced mine (issue 15, B2): who, what,
 * and "Put mine back", which writes my value again as an ordinary, undoable edit.
 */
export function OverwrittenNotices({ awareness }: { awareness: Awareness | null }) {
  const { doc, editor, readOnly } = useMapSession();
  const map = useJourneyMap((m) => m);
  const { notices, dismiss } = useOverwriteNotices(doc, awareness, !readOnly);
  const shown = notices.flatMap((n) => {
    const words = describeOverwrite(map, n.overwrite, n.who);
    return words ? [{ ...n, ...words }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <div className="overwritten-notices" data-testid="board.overwritten">
      {shown.map((n) => (
        <div key={n.id} className="overwritten-notice" role="status">
          <span className="overwritten-text">{n.text}</span>
          {n.canPutBack && (
            <button
              type="button"
              className="btn"
              onClick={() => {
                putMineBack(editor, map, n.overwrite);
                dismiss(n.id);
              }}
            >
              Put mine back
            </button>
          )}
          <button
            type="button"
            className="icon-btn"
            aria-label="Dismiss"
            onClick={() => dismiss(n.id)}
          >
            <X size={14} aria-hidden="true" />
          </button>
        </div>
      ))}
    </div>
  );
}
