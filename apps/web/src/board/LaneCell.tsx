import {
  type Card,
  CHANNEL_LABELS,
  type CardKind,
  cellRootName,
  type Lane,
  type Touchpoint,
} from "@journeymap/schema";
import { Plus } from "lucide-react";
import { lazy, Suspense, useContext, useState } from "react";
import { useEditor, useJourneyMap, useMapSession } from "../sync/useJourneyMap.ts";
import { ProviderContext } from "./ProviderContext.ts";
import { InlineText } from "../ui/InlineText.tsx";
import { CHANNEL_ICONS } from "./channelIcons.tsx";

const NO_CARDS: readonly Card[] = [];

function CardList({ touchpoint, kind }: { touchpoint: Touchpoint; kind: CardKind }) {
  const editor = useEditor();
  const cards = useJourneyMap((m) => m.cardsByTouchpoint.get(touchpoint.id) ?? NO_CARDS);
  const shown = cards.filter((c) => c.kind === kind);
  const noun = kind === "painPoint" ? "pain point" : "opportunity";
  return (
    <>
      {shown.map((card) => (
        <div key={card.id} className={`card card--${kind}`} data-testid="board.card">
          <InlineText
            value={card.title}
            label={`${noun} title`}
            onCommit={(title) => editor.updateCard(card.id, { title })}
          />
          <div className="card-meta">
            <span
              className="rating"
              title={`${kind === "painPoint" ? "Severity" : "Impact"} ${card.rating} of 5`}
            >
              {"●".repeat(card.rating)}
              <span style={{ opacity: 0.3 }}>{"●".repeat(5 - card.rating)}</span>
            </span>
            {card.owner && <span>{card.owner}</span>}
          </div>
        </div>
      ))}
      <button
        type="button"
        className="btn btn--ghost add-card"
        aria-label={`Add a ${noun} to ${touchpoint.name}`}
        onClick={() => editor.addCard({ kind, touchpointId: touchpoint.id, title: `New ${noun}` })}
      >
        <Plus size={12} /> {noun}
      </button>
    </>
  );
}

const CellEditor = lazy(() => import("./CellEditor.tsx"));

function TextCell({ lane, touchpoint }: { lane: Lane; touchpoint: Touchpoint }) {
  const text = useJourneyMap((m) => m.cells.get(cellRootName(lane.id, touchpoint.id))?.text ?? "");
  const { editor, readOnly } = useMapSession();
  const provider = useContext(ProviderContext);
  const [editing, setEditing] = useState(false);
  const label = `${lane.name} at ${touchpoint.name}`;
  if (editing) {
    return (
      <Suspense fallback={<div className="cell-text">{text}</div>}>
        <CellEditor
          fragment={editor.cellFragment(lane.id, touchpoint.id)}
          provider={provider}
          label={label}
          onDone={() => setEditing(false)}
        />
      </Suspense>
    );
  }
  const className = `cell-text ${lane.kind === "thoughts" ? "cell-text--thought" : ""}`;
  if (readOnly)
    return text ? <div className={className}>{text}</div> : <span className="cell-empty">—</span>;
  return (
    <button
      type="button"
      className={`cell-button ${className}`}
      data-testid="board.cell"
      aria-label={`Edit ${label}`}
      onClick={() => setEditing(true)}
    >
      {text || <span className="cell-empty">—</span>}
    </button>
  );
}

/** One cell of a non-curve lane: text, channel pill or cards, by the lane's kind. */
export function LaneCell({ lane, touchpoint }: { lane: Lane; touchpoint: Touchpoint }) {
  switch (lane.kind) {
    case "channels": {
      const Icon = CHANNEL_ICONS[touchpoint.channel];
      return (
        <span className="channel-pill">
          <Icon size={12} aria-hidden="true" /> {CHANNEL_LABELS[touchpoint.channel]}
        </span>
      );
    }
    case "painPoints":
      return <CardList touchpoint={touchpoint} kind="painPoint" />;
    case "opportunities":
      return <CardList touchpoint={touchpoint} kind="opportunity" />;
    case "emotions":
      return null;
    default:
      return <TextCell lane={lane} touchpoint={touchpoint} />;
  }
}
