import { useSortable } from "@dnd-kit/sortable";
import { CSS as DndCss } from "@dnd-kit/utilities";
import type { Lane } from "@journeymap/schema";
import type { ReactNode } from "react";
import {
  Activity,
  Lightbulb,
  ListChecks,
  MessageSquareQuote,
  MoreHorizontal,
  Radio,
  StickyNote,
  TriangleAlert,
} from "lucide-react";
import type { CommandTarget } from "../commands/CommandRegistry.ts";
import { useEditor } from "../sync/useJourneyMap.ts";
import { InlineText } from "../ui/InlineText.tsx";
import { DragHandle } from "./DragHandle.tsx";
import { LaneTypeControls } from "./LaneTypeControls.tsx";
import { useFreshName } from "./useFreshName.ts";
import { dragId } from "./dragIds.ts";
import "./LaneHeader.css";

const LANE_ICONS = {
  actions: ListChecks,
  channels: Radio,
  thoughts: MessageSquareQuote,
  emotions: Activity,
  painPoints: TriangleAlert,
  opportunities: Lightbulb,
  text: StickyNote,
} as const;

export interface LaneHeaderProps {
  readonly lane: Lane;
  readonly row: number;
  /** Opens the lane's context menu under `anchor` (its … button). */
  readonly onMenu: (target: CommandTarget, anchor: HTMLElement) => void;
  /** Shown under the name (the emotion lane's curve legend). */
  readonly children?: ReactNode;
}

/** A lane's header in the first column: drag to reorder, rename in place, its menu. */
export function LaneHeader({ lane, row, onMenu, children }: LaneHeaderProps) {
  const editor = useEditor();
  const Icon = LANE_ICONS[lane.kind];
  const ref = { kind: "lane", id: lane.id } as const;
  const sortable = useSortable({ id: dragId(ref) });
  const fresh = useFreshName(ref);
  return (
    <div
      ref={sortable.setNodeRef}
      className={`lane-header hover-host ${sortable.isDragging ? "is-dragging" : ""}`}
      style={{
        gridRow: row,
        gridColumn: 1,
        transform: DndCss.Translate.toString(sortable.transform),
        transition: sortable.transition,
      }}
      data-lane-id={lane.id}
      data-testid="board.lane"
    >
      <DragHandle
        sortable={sortable}
        label={`Reorder lane ${lane.name}`}
        size={12}
        className="lane-handle hover-tool"
      />
      <Icon size={14} aria-hidden="true" />
      <span className="lane-name">
        <InlineText
          value={lane.name}
          label="Lane name"
          testId="board.lane-name"
          autoEdit={fresh}
          onCommit={(name) => editor.updateLane(lane.id, { name })}
        />
        {lane.kind === "emotions" && <div className="scale-labels">+3 delighted · −3 furious</div>}
        {lane.kind === "text" && <LaneTypeControls lane={lane} />}
        {children}
      </span>
      <button
        type="button"
        className="icon-btn lane-menu hover-tool"
        aria-label={`Actions for the lane ${lane.name}`}
        aria-haspopup="menu"
        data-testid="board.lane-menu"
        onClick={(e) => onMenu({ kind: "lane", id: lane.id }, e.currentTarget)}
      >
        <MoreHorizontal size={14} />
      </button>
    </div>
  );
}
