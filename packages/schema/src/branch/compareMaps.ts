/**
 * Side-by-side comparison of two maps with shared ids (a map and its branch): the boards
 * aligned phase by phase and step by step by identity, each element marked added, removed,
 * moved or changed (with the fields that changed), cards under their steps and curve points
 * per persona. Pure function of two read models.
 */
import { cellRootName, emotionKey } from "../layout.ts";
import type { JourneyMap } from "../read/JourneyMap.ts";
import type { Card } from "../records/Card.ts";
import type { EmotionPoint } from "../records/EmotionPoint.ts";
import type { Phase } from "../records/Phase.ts";
import type { Touchpoint } from "../records/Touchpoint.ts";
import { alignOrder } from "./alignOrder.ts";

export type Presence = "both" | "added" | "removed";

export interface Aligned<T> {
  readonly id: string;
  readonly left: T | null;
  readonly right: T | null;
  readonly presence: Presence;
  readonly moved: boolean;
  /** Fields whose shown value differs (empty when the same or on one side only). */
  readonly changed: readonly string[];
}

export interface AlignedPoint {
  readonly personaId: string;
  readonly left: EmotionPoint | null;
  readonly right: EmotionPoint | null;
  readonly changed: boolean;
}

export interface AlignedStep extends Aligned<Touchpoint> {
  readonly cards: readonly Aligned<Card>[];
  readonly points: readonly AlignedPoint[];
  /** Lane cells (text and typed values are not compared here; see cellsChanged) that differ. */
  readonly cellsChanged: number;
}

export interface AlignedPhase extends Aligned<Phase> {
  readonly steps: readonly AlignedStep[];
}

export interface MapComparison {
  readonly phases: readonly AlignedPhase[];
  /** Counts of marked steps, cards and curve points. */
  readonly counts: {
    readonly added: number;
    readonly removed: number;
    readonly moved: number;
    readonly changed: number;
  };
}

const PHASE_FIELDS = ["name", "colour", "description"] as const;
const STEP_FIELDS = ["name", "channels", "action", "team", "descriptionText", "subMapId"] as const;
const CARD_FIELDS = [
  "kind",
  "title",
  "detail",
  "rating",
  "status",
  "owner",
  "libraryOpportunityId",
] as const;

function changedFields<T, K extends keyof T>(
  left: T | null,
  right: T | null,
  fields: readonly K[],
): K[] {
  if (!left || !right) return [];
  return fields.filter((f) => JSON.stringify(left[f]) !== JSON.stringify(right[f]));
}

function presenceOf(left: unknown, right: unknown): Presence {
  return left && right ? "both" : right ? "added" : "removed";
}

function alignList<T extends { readonly id: string }, K extends keyof T>(
  left: readonly T[],
  right: readonly T[],
  fields: readonly K[],
  movedElsewhere: (id: string) => boolean = () => false,
): Aligned<T>[] {
  const l = new Map(left.map((x) => [x.id as string, x]));
  const r = new Map(right.map((x) => [x.id as string, x]));
  const { order, moved } = alignOrder([...l.keys()], [...r.keys()]);
  return order.map((id) => {
    const a = l.get(id) ?? null;
    const b = r.get(id) ?? null;
    return {
      id,
      left: a,
      right: b,
      presence: presenceOf(a, b),
      moved: moved.has(id) || movedElsewhere(id),
      changed: changedFields(a, b, fields) as string[],
    };
  });
}

function samePoint(a: EmotionPoint | null, b: EmotionPoint | null): boolean {
  return a?.score === b?.score && (a?.note ?? "") === (b?.note ?? "");
}

export function compareMaps(left: JourneyMap, right: JourneyMap): MapComparison {
  const leftStep = new Map(left.touchpoints.map((t) => [t.id as string, t]));
  const rightStep = new Map(right.touchpoints.map((t) => [t.id as string, t]));
  const personas = [...new Set([...left.personas, ...right.personas].map((p) => p.id as string))];
  const counts = { added: 0, removed: 0, moved: 0, changed: 0 };
  const count = (a: {
    presence: Presence;
    moved: boolean;
    changed: readonly string[] | boolean;
  }) => {
    if (a.presence !== "both") counts[a.presence === "added" ? "added" : "removed"]++;
    else {
      if (a.moved) counts.moved++;
      if (a.changed === true || (Array.isArray(a.changed) && a.changed.length > 0))
        counts.changed++;
    }
  };

  const stepsOf = (
    map: JourneyMap,
    phaseId: string,
    other: Map<string, Touchpoint>,
    isLeft: boolean,
  ) =>
    (map.touchpointsByPhase.get(phaseId as Phase["id"]) ?? []).filter((t) => {
      // A step that changed phase is listed under its to-be phase only.
      const there = other.get(t.id);
      return !isLeft || !there || there.phaseId === t.phaseId;
    });

  const phases = alignList(left.phases, right.phases, PHASE_FIELDS).map((phase): AlignedPhase => {
    count(phase);
    const leftSteps = stepsOf(left, phase.id, rightStep, true);
    const rightSteps = stepsOf(right, phase.id, leftStep, false);
    const steps = alignList(leftSteps, rightSteps, STEP_FIELDS, (id) => {
      const a = leftStep.get(id);
      const b = rightStep.get(id);
      return !!a && !!b && a.phaseId !== b.phaseId;
    }).map((step): AlignedStep => {
      const a = leftStep.get(step.id) ?? null;
      const b = rightStep.get(step.id) ?? null;
      const aligned = { ...step, left: a, right: b, presence: presenceOf(a, b) };
      const cards = alignList(
        left.cardsByTouchpoint.get(step.id as Touchpoint["id"]) ?? [],
        right.cardsByTouchpoint.get(step.id as Touchpoint["id"]) ?? [],
        CARD_FIELDS,
      );
      const points = personas.flatMap((personaId): AlignedPoint[] => {
        const key = emotionKey(personaId, step.id);
        const l = a ? (left.emotions.get(key) ?? null) : null;
        const r = b ? (right.emotions.get(key) ?? null) : null;
        return l || r ? [{ personaId, left: l, right: r, changed: !samePoint(l, r) }] : [];
      });
      const cellsChanged = countCellChanges(left, right, step.id);
      count({ ...aligned, changed: aligned.changed.length > 0 || cellsChanged > 0 });
      for (const card of cards) count(card);
      for (const point of points) {
        if (point.changed)
          count({
            presence: point.left && point.right ? "both" : point.right ? "added" : "removed",
            moved: false,
            changed: true,
          });
      }
      return { ...aligned, cards, points, cellsChanged };
    });
    return { ...phase, steps };
  });
  return { phases, counts };
}

function countCellChanges(left: JourneyMap, right: JourneyMap, stepId: string): number {
  let n = 0;
  const lanes = new Set([...left.lanes, ...right.lanes].map((l) => l.id as string));
  for (const laneId of lanes) {
    const key = cellRootName(laneId, stepId);
    if ((left.cells.get(key)?.text ?? "") !== (right.cells.get(key)?.text ?? "")) n++;
  }
  return n;
}
