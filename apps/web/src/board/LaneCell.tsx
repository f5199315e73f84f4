import {
  type Card,
  type CardKind,
  cellRootName,
  type Lane,
  type Touchpoint,
} from "@journeymap/schema";
import { Plus } from "lucide-react";
import { lazy, memo, Suspense, useContext, useState } from "react";
import { useCommandRegistry } from "../commands/useCommands.ts";
import { useJourneyMap, useMapSession } from "../sync/useJourneyMap.ts";
import { useReadOnly } from "../ui/ReadOnlyContext.ts";
import { RichText } from "../ui/RichText.tsx";
import { ProviderContext } from "./ProviderContext.ts";
import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CardItem } from "./CardItem.tsx";
import { addCardLabel, CARD_NOUN } from "./cardNouns.ts";
import { ChannelPills } from "./ChannelListEditor.tsx";
import { ADD_CARD_COMMAND } from "./commands/cardCommands.ts";
import { dragId } from "./dragIds.ts";
import { TypedLaneCell } from "./TypedLaneCell.tsx";
import { useTypeAhead } from "./useTypeAhead.ts";
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
  const readOnly = useReadOnly();
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
      {!readOnly && (
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
      )}
    </div>
  );
}

const CellEditor = lazy(() => import("./CellEditor.tsx"));

function TextCell({ lane, touchpoint }: { lane: Lane; touchpoint: Touchpoint }) {
  const cell = useJourneyMap((m) => m.cells.get(cellRootName(lane.id, touchpoint.id)));
  const { editor, readOnly } = useMapSession();
  const provider = useContext(ProviderContext);
  const [editing, setEditing] = useState(false);
  const typedAhead = useTypeAhead(editing);
  const label = `${lane.name} at ${touchpoint.name}`;
  if (editing) {
    return (
      <Suspense fallback={<div className="cell-text">{cell?.text}</div>}>
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
  const shown = cell?.text.trim() ? cell.content : null;
  if (readOnly)
    return shown ? (
      <RichText content={shown} className={className} />
    ) : (
      <span className="cell-empty">—</span>
    );
  return (
    <button
      type="button"
      className={`cell-button ${className}`}
      data-testid="board.cell"
      aria-label={`Edit ${label}`}
      onClick={() => setEditing(true)}
    >
      {shown ? <RichText content={shown} links="text" /> : <span className="cell-empty">—</span>}
    </button>
  );
}

/** One cell of a non-curve lane: text, channel pills, cards or a typed value, by the lane. */
export const LaneCell = memo(function LaneCell({
  lane,
  touchpoint,
}: {
  lane: Lane;
  touchpoint: Touchpoint;
}) {
  switch (lane.kind) {
    case "channels":
      return <ChannelPills channels={touchpoint.channels} />;
    case "painPoints":
      return <CardList lane={lane} touchpoint={touchpoint} kind="painPoint" />;
    case "opportunities":
      return <CardList lane={lane} touchpoint={touchpoint} kind="opportunity" />;
    case "emotions":
      return null;
    default:
      return lane.type === "text" ? (
        <TextCell lane={lane} touchpoint={touchpoint} />
      ) : (
        <TypedLaneCell lane={lane} touchpoint={touchpoint} />
      );
  }
});
