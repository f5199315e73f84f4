import { History } from "lucide-react";
import { navigate } from "../router.ts";

/** The board header's way into the history view. */
export function HistoryButton({ mapId }: { mapId: string }) {
  const href = `/maps/${mapId}/history`;
  return (
    <a
      className="btn btn--ghost"
      href={href}
      data-testid="board.history"
      title="Replay how the map came to be, named versions, restore"
      onClick={(e) => {
        e.preventDefault();
        navigate(href);
      }}
    >
      <History size={15} /> History
    </a>
  );
}
