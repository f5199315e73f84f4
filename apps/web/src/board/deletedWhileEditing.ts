/**
 * Which container went away under the cell someone is typing in (issue 15, B1): the lane, the
 * step's whole phase, or the step. Pure: the read model before and after one transaction.
 */
import { elementKey, type JourneyMap, type RefOf, type RestoreTarget } from "@journeymap/schema";

export interface DeletedContainer {
  readonly target: RestoreTarget & { readonly kind: "phase" | "touchpoint" | "lane" };
  /** Its element key, as the person who deleted it announces it in presence. */
  readonly key: string;
  /** Its name on the board before the delete. */
  readonly name: string;
}

/** What the notice calls each kind ("Ana deleted this phase"). */
export const CONTAINER_NOUN = { phase: "phase", touchpoint: "step", lane: "lane" } as const;

function container(
  kind: DeletedContainer["target"]["kind"],
  id: string,
  name: string,
): DeletedContainer {
  return { target: { kind, id }, key: elementKey({ kind, id } as RefOf<typeof kind>), name };
}

/**
 * The container of `cell` that `after` no longer shows and `before` did, the largest first:
 * a lane, else the phase that held the step, else the step. Null when the cell is still shown
 * (or was not shown before either).
 */
export function deletedContainerOf(
  before: JourneyMap,
  after: JourneyMap,
  cell: RefOf<"cell">,
): DeletedContainer | null {
  const lane = before.lanes.find((l) => l.id === cell.laneId);
  const step = before.touchpoints.find((t) => t.id === cell.touchpointId);
  if (!lane || !step) return null;
  if (!after.lanes.some((l) => l.id === lane.id)) return container("lane", lane.id, lane.name);
  if (after.touchpoints.some((t) => t.id === step.id)) return null;
  const phase = before.phases.find((p) => p.id === step.phaseId);
  if (phase && !phase.synthetic && !after.phases.some((p) => p.id === phase.id)) {
    return container("phase", phase.id, phase.name);
  }
  return container("touchpoint", step.id, step.name);
}
