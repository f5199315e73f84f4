/** The drag ids of the board's sortable lists (phases, steps, lanes), stable while their items are. */
import type { Lane, Phase } from "@journeymap/schema";
import type { Column } from "./columns.ts";
import { dragId } from "./dragIds.ts";
import { useStableList } from "./useColumnWindow.ts";

export function useSortableIds(
  columns: readonly Column[],
  phases: readonly Phase[],
  lanes: readonly Lane[],
) {
  // Every step, not only the rendered ones: a list that changed with the window gave every
  // rendered step a new index, and dnd-kit re-renders every `useSortable` whose context value
  // changes, so each window move (≈ 17 a second while scrolling) re-rendered all rendered
  // steps. dnd-kit's list strategies skip items without a measured rect, and only rendered
  // steps register one.
  const stepIds = useStableList(
    columns.flatMap((c) =>
      c.kind === "touchpoint" ? [dragId({ kind: "touchpoint", id: c.touchpoint.id })] : [],
    ),
  );
  const phaseIds = useStableList(
    phases.filter((p) => !p.synthetic).map((p) => dragId({ kind: "phase", id: p.id })),
  );
  const laneIds = useStableList(lanes.map((l) => dragId({ kind: "lane", id: l.id })));
  return { stepIds, phaseIds, laneIds };
}
