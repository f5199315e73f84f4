import { elementKey, PALETTE, type Phase, type PhaseId } from "@journeymap/schema";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { Palette, Plus, Trash2 } from "lucide-react";
import { type CSSProperties, type KeyboardEvent, memo, useState } from "react";
import { useCommandRegistry } from "../commands/useCommands.ts";
import { useEditor } from "../sync/useJourneyMap.ts";
import { InlineText } from "../ui/InlineText.tsx";
import { useReadOnly } from "../ui/ReadOnlyContext.ts";
import { DragHandle } from "./DragHandle.tsx";
import { PhaseFreshness } from "../freshness/PhaseFreshness.tsx";
import { useFreshName } from "./useFreshName.ts";
import { dragId } from "./dragIds.ts";
import "./colourSwatch.css";
import "./PhaseBand.css";

export interface PhaseBandProps {
  readonly phase: Phase;
  readonly column: number;
  readonly span: number;
  readonly steps: number;
  readonly onMove: (id: PhaseId, step: -1 | 1) => void;
}

/**
 * A phase: a coloured band spanning its steps' columns. Rename, recolour, reorder; adding a
 * step and deleting run the registry's commands (the context menu's too).
 */
export const PhaseBand = memo(function PhaseBand({
  phase,
  column,
  span,
  steps,
  onMove,
}: PhaseBandProps) {
  const editor = useEditor();
  const registry = useCommandRegistry();
  const readOnly = useReadOnly();
  const [colours, setColours] = useState(false);
  const ref = { kind: "phase", id: phase.id } as const;
  const sortable = useSortable({ id: dragId(ref), disabled: phase.synthetic });
  const fresh = useFreshName(ref);
  const style = {
    gridColumn: `${column + 2} / span ${span}`,
    gridRow: 1,
    "--phase-colour": phase.colour,
    transform: CSS.Translate.toString(sortable.transform),
    transition: sortable.transition,
  } as CSSProperties;

  const handleKey = (event: KeyboardEvent) => {
    if (event.altKey && (event.key === "ArrowLeft" || event.key === "ArrowRight")) {
      event.preventDefault();
      onMove(phase.id, event.key === "ArrowLeft" ? -1 : 1);
    }
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a grid-placed band; a fieldset cannot span grid columns cleanly
    <div
      ref={sortable.setNodeRef}
      style={style}
      className={`phase-band ${sortable.isDragging ? "is-dragging" : ""}`}
      data-testid="board.phase"
      data-phase-id={phase.id}
      data-presence={elementKey(ref)}
      data-synthetic={phase.synthetic}
      role="group"
      aria-label={`Phase ${phase.name}, ${steps} steps`}
      onKeyDown={handleKey}
    >
      {!phase.synthetic && (
        <DragHandle sortable={sortable} label={`Reorder phase ${phase.name} (or Alt+Arrow keys)`} />
      )}
      <span className="phase-name">
        {phase.synthetic ? (
          <span data-testid="board.phase-name" title={phase.description}>
            {phase.name}
          </span>
        ) : (
          <InlineText
            value={phase.name}
            label="Phase name"
            testId="board.phase-name"
            autoEdit={fresh}
            onCommit={(name) => editor.updatePhase(phase.id, { name })}
          />
        )}
      </span>
      <span className="phase-count" title="Steps in this phase">
        {steps}
      </span>
      {!phase.synthetic && <PhaseFreshness phaseId={phase.id} />}
      {!phase.synthetic && !readOnly && (
        <span className="phase-tools">
          <button
            type="button"
            className="icon-btn"
            aria-label={`Add a step to ${phase.name}`}
            data-testid="board.add-touchpoint"
            onClick={() => registry.run("phase.addStep", ref)}
          >
            <Plus size={14} />
          </button>
          <button
            type="button"
            className="icon-btn"
            aria-label={`Colour of ${phase.name}`}
            aria-expanded={colours}
            onClick={() => setColours(!colours)}
          >
            <Palette size={14} />
          </button>
          <button
            type="button"
            className="icon-btn icon-btn--danger"
            aria-label={`Delete phase ${phase.name}`}
            data-testid="board.phase-delete"
            onClick={() => registry.run("phase.delete", ref)}
          >
            <Trash2 size={14} />
          </button>
          {colours && (
            <span className="colour-menu" role="menu">
              {PALETTE.map((colour) => (
                <button
                  key={colour}
                  type="button"
                  role="menuitem"
                  className="colour-swatch"
                  style={{ background: colour }}
                  aria-label={`Colour ${colour}`}
                  onClick={() => {
                    editor.updatePhase(phase.id, { colour });
                    setColours(false);
                  }}
                />
              ))}
            </span>
          )}
        </span>
      )}
    </div>
  );
});
