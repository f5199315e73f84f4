import { elementKey, type PhaseId, type Touchpoint, type TouchpointId } from "@journeymap/schema";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { Trash2, Users } from "lucide-react";
import { type CSSProperties, type KeyboardEvent, memo } from "react";
import { SubJourneyChip } from "../hierarchy/SubJourneyChip.tsx";
import { useEditor } from "../sync/useJourneyMap.ts";
import { InlineText } from "../ui/InlineText.tsx";
import { useReadOnly } from "../ui/ReadOnlyContext.ts";
import { ChannelListEditor } from "./ChannelListEditor.tsx";
import { DragHandle } from "./DragHandle.tsx";
import { dragId } from "./dragIds.ts";
import { useFreshName } from "./useFreshName.ts";
import "./TouchpointCard.css";

export interface TouchpointCardProps {
  readonly touchpoint: Touchpoint;
  readonly onMove: (id: TouchpointId, phaseId: PhaseId, step: -1 | 1) => void;
}

/** One step of the journey: its name, channels, the customer's action and the owning team. */
export const TouchpointCard = memo(function TouchpointCard({
  touchpoint,
  onMove,
}: TouchpointCardProps) {
  const editor = useEditor();
  const readOnly = useReadOnly();
  const ref = { kind: "touchpoint", id: touchpoint.id } as const;
  const sortable = useSortable({ id: dragId(ref) });
  const autoEdit = useFreshName(ref);
  const style: CSSProperties = {
    transform: CSS.Translate.toString(sortable.transform),
    transition: sortable.transition,
  };
  const handleKey = (event: KeyboardEvent) => {
    if (event.altKey && (event.key === "ArrowLeft" || event.key === "ArrowRight")) {
      event.preventDefault();
      onMove(touchpoint.id, touchpoint.phaseId, event.key === "ArrowLeft" ? -1 : 1);
    }
  };
  return (
    <article
      ref={sortable.setNodeRef}
      style={style}
      className={`touchpoint hover-host ${sortable.isDragging ? "is-dragging" : ""}`}
      data-testid="board.touchpoint"
      data-touchpoint-id={touchpoint.id}
      data-presence={elementKey(ref)}
      aria-label={`Step ${touchpoint.name}`}
      onKeyDown={handleKey}
    >
      <div className="touchpoint-top">
        <DragHandle
          sortable={sortable}
          label={`Reorder step ${touchpoint.name} (or Alt+Arrow keys)`}
        />
        <ChannelListEditor
          channels={touchpoint.channels}
          owner={`step ${touchpoint.name}`}
          testId="board.step-channels"
          onChange={(channels) => editor.updateTouchpoint(touchpoint.id, { channels })}
        />
        {!readOnly && (
          <span className="touchpoint-tools hover-tool">
            <button
              type="button"
              className="icon-btn icon-btn--danger"
              aria-label={`Delete step ${touchpoint.name}`}
              data-testid="board.touchpoint-delete"
              onClick={() => editor.deleteTouchpoint(touchpoint.id)}
            >
              <Trash2 size={14} />
            </button>
          </span>
        )}
      </div>
      <InlineText
        className="touchpoint-name"
        value={touchpoint.name}
        label="Step name"
        testId="board.touchpoint-name"
        autoEdit={autoEdit}
        onCommit={(name) => editor.updateTouchpoint(touchpoint.id, { name })}
      />
      <InlineText
        value={touchpoint.action}
        label="Customer action"
        placeholder="What does the customer do?"
        allowEmpty
        onCommit={(action) => editor.updateTouchpoint(touchpoint.id, { action })}
      />
      <span className="touchpoint-meta">
        <Users size={12} aria-hidden="true" />
        <InlineText
          value={touchpoint.team}
          label="Owning team"
          placeholder="Owning team"
          allowEmpty
          onCommit={(team) => editor.updateTouchpoint(touchpoint.id, { team })}
        />
      </span>
      {touchpoint.subMapId && (
        <SubJourneyChip stepId={touchpoint.id} subMapId={touchpoint.subMapId} />
      )}
    </article>
  );
});
