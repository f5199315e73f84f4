/**
 * A cell of a typed custom lane: a 1–5 rating, a number with the lane's unit, a link or a
 * list of channels. Each control writes one value through the schema, which validates it
 * (a bad value is refused with a message and nothing is written).
 */
import {
  type Lane,
  type LaneValue,
  RATING_MAX,
  RATING_MIN,
  type Touchpoint,
  toLink,
} from "@journeymap/schema";
import { ExternalLink, Pencil, Star } from "lucide-react";
import { type KeyboardEvent, useState } from "react";
import { useEditor } from "../sync/useJourneyMap.ts";
import { MetricLaneCell } from "../metrics/MetricLaneCell.tsx";
import { useReadOnly } from "../ui/ReadOnlyContext.ts";
import { ChannelListEditor } from "./ChannelListEditor.tsx";
import { shortLink } from "./laneValueText.ts";
import "./TypedLaneCell.css";

interface CellProps {
  readonly lane: Lane;
  readonly touchpoint: Touchpoint;
  readonly value: LaneValue | undefined;
  readonly label: string;
  readonly write: (value: LaneValue | null) => string | null;
}

function RatingCell({ value, label, write }: CellProps) {
  const readOnly = useReadOnly();
  const rating = typeof value === "number" ? value : 0;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a compact row of 1–5 rating buttons
    <span className="lane-rating" role="group" aria-label={label} data-value={rating || undefined}>
      {Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, k) => {
        const n = k + RATING_MIN;
        return (
          <button
            key={n}
            type="button"
            className={`lane-rating__star ${n <= rating ? "is-on" : ""}`}
            aria-label={`${n} of ${RATING_MAX}`}
            aria-pressed={n === rating}
            title={n === rating ? "Click again to clear" : `${n} of ${RATING_MAX}`}
            disabled={readOnly}
            // Choosing the current rating again clears it.
            onClick={() => write(n === rating ? null : n)}
          >
            <Star size={14} aria-hidden="true" />
          </button>
        );
      })}
    </span>
  );
}

/** Commits on Enter or leaving the field; Escape puts the stored value back. */
function commitKeys(event: KeyboardEvent<HTMLInputElement>, reset: () => void) {
  if (event.key === "Enter") event.currentTarget.blur();
  else if (event.key === "Escape") {
    reset();
    event.currentTarget.blur();
  }
}

function NumberCell({ lane, value, label, write }: CellProps) {
  const readOnly = useReadOnly();
  const stored = typeof value === "number" ? String(value) : "";
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const text = draft.trim();
    const problem = text === "" ? write(null) : write(Number(text.replace(",", ".")));
    setError(problem);
    if (problem === null) setDraft(null);
  };
  return (
    <span className="lane-number">
      <input
        className="lane-number__input"
        type="text"
        inputMode="decimal"
        aria-label={lane.unit ? `${label}, in ${lane.unit}` : label}
        aria-invalid={error !== null}
        placeholder="—"
        readOnly={readOnly}
        value={draft ?? stored}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => commitKeys(e, () => setDraft(null))}
      />
      {lane.unit && <span className="lane-number__unit">{lane.unit}</span>}
      {error && (
        <span className="lane-cell-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

function LinkCell({ value, label, write }: CellProps) {
  const readOnly = useReadOnly();
  const href = typeof value === "string" ? toLink(value) : null;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const text = draft.trim();
    const problem = text === "" ? write(null) : write(text);
    setError(problem);
    if (problem === null) setDraft(null);
  };
  if (draft === null && href) {
    return (
      <span className="lane-link">
        {/* A link people add to the map opens in a new tab that cannot reach back into this one. */}
        <a href={href} target="_blank" rel="noopener noreferrer nofollow" title={href}>
          <ExternalLink size={12} aria-hidden="true" />
          <span className="lane-link__text">{shortLink(href)}</span>
        </a>
        {!readOnly && (
          <button
            type="button"
            className="icon-btn lane-link__edit hover-tool"
            aria-label={`Edit ${label}`}
            onClick={() => setDraft(href)}
          >
            <Pencil size={12} aria-hidden="true" />
          </button>
        )}
      </span>
    );
  }
  if (readOnly) return <span className="cell-empty">—</span>;
  return (
    <span className="lane-link">
      <input
        className="lane-link__input"
        type="url"
        aria-label={label}
        aria-invalid={error !== null}
        placeholder="https://…"
        value={draft ?? ""}
        onFocus={() => setDraft((d) => d ?? "")}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) =>
          commitKeys(e, () => {
            setDraft(null);
            setError(null);
          })
        }
      />
      {error && (
        <span className="lane-cell-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

function ChannelsCell({ touchpoint, lane, value, write }: CellProps) {
  const list = Array.isArray(value) ? (value as readonly string[]) : [];
  return (
    <ChannelListEditor
      channels={list}
      owner={`${lane.name} at ${touchpoint.name}`}
      onChange={(channels) => write(channels.length > 0 ? channels : null)}
    />
  );
}

const CELLS = {
  rating: RatingCell,
  number: NumberCell,
  link: LinkCell,
  channels: ChannelsCell,
  metric: MetricLaneCell,
} as const;

export function TypedLaneCell({ lane, touchpoint }: { lane: Lane; touchpoint: Touchpoint }) {
  const editor = useEditor();
  if (lane.type === "text") return null;
  const Cell = CELLS[lane.type];
  const write = (value: LaneValue | null): string | null => {
    try {
      editor.setLaneValue(lane.id, touchpoint.id, value);
      return null;
    } catch (error) {
      if (error instanceof RangeError) return error.message;
      throw error;
    }
  };
  return (
    <div className={`lane-value lane-value--${lane.type}`} data-testid="board.lane-value">
      <Cell
        lane={lane}
        touchpoint={touchpoint}
        value={lane.values.get(touchpoint.id)}
        label={`${lane.name} at ${touchpoint.name}`}
        write={write}
      />
    </div>
  );
}
