import type { CardId } from "@journeymap/schema";
import { Info } from "lucide-react";
import { useState } from "react";
import { AttributionLine } from "./AttributionLine.tsx";

/**
 * A card's "who added and changed this" (issue 16, R6): a small button shown on hover or
 * focus; pointing at it or focusing it shows the line, which is fetched only then.
 */
export function CardAttribution({ id, title }: { id: CardId; title: string }) {
  const [open, setOpen] = useState(false);
  const show = () => setOpen(true);
  const hide = () => setOpen(false);
  return (
    <span className="card-attribution">
      <button
        type="button"
        className="icon-btn hover-tool"
        aria-label={`Who added and changed ${title}`}
        aria-expanded={open}
        data-testid="board.card-attribution"
        onPointerEnter={show}
        onPointerLeave={hide}
        onFocus={show}
        onBlur={hide}
        onClick={() => setOpen((o) => !o)}
      >
        <Info size={12} aria-hidden="true" />
      </button>
      {open && (
        <span className="card-attribution-popup popover-panel" role="tooltip">
          <AttributionLine target={{ kind: "card", id }} />
        </span>
      )}
    </span>
  );
}
