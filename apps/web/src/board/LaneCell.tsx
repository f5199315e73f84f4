import {
  type Card,
  CHANNEL_LABELS,
  type CardKind,
  cellRootName,
  type Lane,
  type Touchpoint,
} from "@journeymap/schema";
import { Plus } from "lucide-react";
import { lazy, memo, Suspense, useContext, useEffect, useRef, useState } from "react";
import { useCommandRegistry } from "../commands/useCommands.ts";
import { useJourneyMap, useMapSession } from "../sync/useJourneyMap.ts";
import { ProviderContext } from "./ProviderContext.ts";
import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CardItem } from "./CardItem.tsx";
import { addCardLabel, CARD_NOUN } from "./cardNouns.ts";
import { CHANNEL_ICONS } from "./channelIcons.tsx";
import { ADD_CARD_COMMAND } from "./commands/cardCommands.ts";
import { dragId } from "./dragIds.ts";
import "./LaneCell.css";

const NO_CARDS: readonly Card[] = [];

function CardList({
  lane,
  touchpoint,
  kind,
}: {
  lane: Lane;
  touchpoint: Touchpoint;
  kind: CardKind;
}) {
  const registry = useCommandRegistry();
  const cards = useJourneyMap((m) => m.cardsByTouchpoint.get(touchpoint.id) ?? NO_CARDS);
  const shown = cards.filter((c) => c.kind === kind);
  // The whole cell takes drops, so a card can be dragged into a step that has none yet.
  const { setNodeRef } = useDroppable({
    id: dragId({ kind: "cell", laneId: lane.id, touchpointId: touchpoint.id }),
  });
  return (
    <div ref={setNodeRef} className="card-list">
      <SortableContext
        items={shown.map((c) => dragId({ kind: "card", id: c.id }))}
        strategy={verticalListSortingStrategy}
      >
        {shown.map((card) => (
          <CardItem key={card.id} card={card} siblings={shown} />
        ))}
      </SortableContext>
      <button
        type="button"
        className="btn btn--ghost add-card"
        aria-label={addCardLabel(kind, touchpoint.name)}
        // The command opens the new card's title, so typing names it (B7).
        onClick={() =>
          registry.run(ADD_CARD_COMMAND[kind], { kind: "touchpoint", id: touchpoint.id })
        }
      >
        <Plus size={12} /> {CARD_NOUN[kind]}
      </button>
    </div>
  );
}

const CellEditor = lazy(() => import("./CellEditor.tsx"));

/**
 * Keeps what is typed between opening a cell and its editor taking focus (the editor chunk may
 * still be loading, and binding the cell's fragment takes a moment), so no keystroke is lost.
 * Returns the function the editor calls once focused: it hands over the text and stops.
 */
function useTypeAhead(active: boolean): () => string {
  const buffer = useRef<string[] | null>(null);
  useEffect(() => {
    if (!active) return;
    buffer.current = [];
    const keep = (event: KeyboardEvent) => {
      const typed = buffer.current;
      if (!typed || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey)
        return;
      typed.push(event.key);
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("keydown", keep, true);
    return () => {
      window.removeEventListener("keydown", keep, true);
      buffer.current = null;
    };
  }, [active]);
  return () => {
    const text = buffer.current?.join("") ?? "";
    buffer.current = null;
    return text;
  };
}

function TextCell({ lane, touchpoint }: { lane: Lane; touchpoint: Touchpoint }) {
  const text = useJourneyMap((m) => m.cells.get(cellRootName(lane.id, touchpoint.id))?.text ?? "");
  const { editor, readOnly } = useMapSession();
  const provider = useContext(ProviderContext);
  const [editing, setEditing] = useState(false);
  const typedAhead = useTypeAhead(editing);
  const label = `${lane.name} at ${touchpoint.name}`;
  if (editing) {
    return (
      <Suspense fallback={<div className="cell-text">{text}</div>}>
        <CellEditor
          fragment={editor.cellFragment(lane.id, touchpoint.id)}
          provider={provider}
          label={label}
          takeTypedAhead={typedAhead}
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
export const LaneCell = memo(function LaneCell({
  lane,
  touchpoint,
}: {
  lane: Lane;
  touchpoint: Touchpoint;
}) {
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
      return <CardList lane={lane} touchpoint={touchpoint} kind="painPoint" />;
    case "opportunities":
      return <CardList lane={lane} touchpoint={touchpoint} kind="opportunity" />;
    case "emotions":
      return null;
    default:
      return <TextCell lane={lane} touchpoint={touchpoint} />;
  }
});
