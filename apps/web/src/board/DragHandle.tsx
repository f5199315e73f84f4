import type { useSortable } from "@dnd-kit/sortable";
import { GripVertical } from "lucide-react";
import { useReadOnly } from "../ui/ReadOnlyContext.ts";
import "./DragHandle.css";

/**
 * The grip that drags a sortable phase, step, lane or card (dnd-kit's keyboard sensor too).
 * None on a board that may only be looked at (see ReadOnlyContext).
 */
export function DragHandle({
  sortable,
  label,
  size = 14,
  className,
}: {
  sortable: ReturnType<typeof useSortable>;
  label: string;
  size?: number;
  /** Added to `icon-btn drag-handle`. */
  className?: string;
}) {
  if (useReadOnly()) return null;
  return (
    <button
      type="button"
      className={className ? `icon-btn drag-handle ${className}` : "icon-btn drag-handle"}
      aria-label={label}
      {...sortable.attributes}
      {...sortable.listeners}
    >
      <GripVertical size={size} />
    </button>
  );
}
