import type { TalkTarget } from "@journeymap/schema";
import { FileText, MessageSquare } from "lucide-react";
import type { Box } from "../../board/markerGeometry.ts";
import { sentimentClass, signed } from "../inbox/labels.ts";
import type { Mark } from "./boardMarks.ts";

/** The badges of one mark, placed around its element's box: pin, evidence, sentiment, "Assumed". */
export function BoardMark({
  mark: m,
  box,
  onOpenThread,
}: {
  mark: Mark;
  box: Box;
  onOpenThread: (target: TalkTarget) => void;
}) {
  // Evidence and "Assumed" sit on the element's bottom-right corner.
  const corner = {
    top: box.top + box.height - 10,
    right: `calc(100% - ${box.left + box.width - 8}px)`,
  };
  return (
    <div>
      {m.comments > 0 && m.target && (
        <button
          type="button"
          className="comment-pin"
          data-testid="board.comment-pin"
          style={{ top: box.top - 10, left: box.left + 8 }}
          aria-label={`${m.comments} open comment thread${m.comments === 1 ? "" : "s"}`}
          title="Open comments"
          onClick={() => m.target && onOpenThread(m.target)}
        >
          <MessageSquare size={11} aria-hidden="true" />
          {m.comments}
        </button>
      )}
      {m.evidence && (
        <span
          className={`evidence-badge ${sentimentClass(m.evidence.sentiment)}`}
          data-testid="board.evidence-count"
          style={corner}
          title={m.evidence.title}
        >
          <FileText size={11} aria-hidden="true" />
          {m.evidence.total}
          {m.evidence.sentiment !== null && (
            <span className="evidence-sentiment">{signed(m.evidence.sentiment)}</span>
          )}
        </span>
      )}
      {m.voice !== undefined && (
        <span
          className={`voice-chip ${sentimentClass(m.voice)}`}
          data-testid="board.evidence-sentiment"
          style={{ top: box.top + box.height / 2 - 10, left: box.left + box.width + 6 }}
          title="Mean sentiment of the evidence contributors sent for this step, beside the persona's assumed score"
        >
          Evidence {signed(m.voice)}
        </span>
      )}
      {m.assumed && (
        <span
          className="assumed-tag"
          data-testid="board.assumed"
          style={corner}
          title="No evidence backs this step yet: it is an assumption"
        >
          Assumed
        </span>
      )}
    </div>
  );
}
