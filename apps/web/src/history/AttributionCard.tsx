import { type Attribution, parseElementKey } from "@journeymap/schema";
import { RotateCcw, X } from "lucide-react";
import { GuestMark } from "../ui/GuestMark.tsx";
import { formatWhen } from "./format.ts";
import { guestOf } from "./guestOf.ts";
import "./historySections.css";
import "./AttributionCard.css";

export interface AttributionCardProps {
  /** The selected element's key, e.g. "phase:abc". */
  readonly target: string;
  readonly label: string;
  readonly attribution: Attribution | null | undefined;
  /** Offered when the thing can be restored as it is shown. */
  readonly onRestore?: () => void;
  readonly onClose: () => void;
}

const person = (author: string) => (author === "server" ? "Journeymap" : author || "Someone");

/** Who created the selected thing and who last changed it, and when. */
export function AttributionCard({
  target,
  label,
  attribution,
  onRestore,
  onClose,
}: AttributionCardProps) {
  const kind = parseElementKey(target)?.kind;
  return (
    <section
      className="history-section attribution"
      data-testid="history.attribution"
      aria-label="Selected"
    >
      <div className="attribution-head">
        <h2 className="history-section-title">{label}</h2>
        <button type="button" className="icon-btn" aria-label="Close" onClick={onClose}>
          <X size={14} />
        </button>
      </div>
      {attribution === undefined ? (
        <p className="history-empty">Looking up who did this…</p>
      ) : attribution === null ? (
        <p className="history-empty">No edits of this in the log.</p>
      ) : (
        <dl className="attribution-list">
          <dt>Created</dt>
          <dd data-testid="history.created-by">
            {person(attribution.created.author)}
            <GuestMark guest={guestOf(attribution.created)} /> ·{" "}
            {formatWhen(attribution.created.ts)} · edit {attribution.created.seq}
          </dd>
          <dt>Last changed</dt>
          <dd data-testid="history.changed-by">
            {person(attribution.changed.author)}
            <GuestMark guest={guestOf(attribution.changed)} /> ·{" "}
            {formatWhen(attribution.changed.ts)} · edit {attribution.changed.seq}
          </dd>
        </dl>
      )}
      {onRestore && (
        <button
          type="button"
          className="btn"
          data-testid="history.restore-selected"
          onClick={onRestore}
        >
          <RotateCcw size={13} /> Restore {kind === "touchpoint" ? "step" : kind} as shown here
        </button>
      )}
    </section>
  );
}
