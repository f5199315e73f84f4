/**
 * What changed between two read models, per entity: added, removed, moved, renamed, edited
 * or re-scored. One pure function feeds the version comparison, "what changed since I last
 * looked" and the per-step highlight of the history view.
 *
 * "Moved" means the item changed parent, or its place relative to the other items that exist
 * in both states changed (items outside the longest run that kept its relative order), so
 * inserting one phase does not report every later phase as moved.
 */
import { emotionKey } from "../layout.ts";
import type { JourneyMap } from "../read/JourneyMap.ts";
import type { Card } from "../records/Card.ts";

export type ChangedEntity =
  | "meta"
  | "persona"
  | "phase"
  | "touchpoint"
  | "lane"
  | "card"
  | "emotion"
  | "cell";
export type ChangeKind = "added" | "removed" | "moved" | "renamed" | "edited" | "rescored";

export interface MapChange {
  readonly entity: ChangedEntity;
  readonly change: ChangeKind;
  readonly id: string;
  /** A readable name of the thing (its name now, or its last name if removed). */
  readonly label: string;
  /** e.g. "−1 → +2", "“Sign up” → “Register”", "to phase “Onboard”". */
  readonly detail?: string;
  /**
   * The board element it concerns, as in the board's `data-presence` attribute
   * (`phase:<id>`, `touchpoint:<id>`, `card:<id>`, `cell:<root>`, `point:<key>`), or
   * `lane:<id>` / `persona:<id>` / `meta`.
   */
  readonly target: string;
}

interface Keyed {
  readonly id: string;
}

/** Ids (present in both) that are not in the longest subsequence keeping its relative order. */
export function movedIds(before: readonly string[], after: readonly string[]): Set<string> {
  const afterIndex = new Map(after.map((id, i) => [id, i]));
  const common = before.filter((id) => afterIndex.has(id));
  const seq = common.map((id) => afterIndex.get(id)!);
  // Longest increasing subsequence, O(n log n), with back links to recover it.
  const tails: number[] = [];
  const tailIdx: number[] = [];
  const prev: number[] = new Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < seq[i]!) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = seq[i]!;
    tailIdx[lo] = i;
    prev[i] = lo > 0 ? tailIdx[lo - 1]! : -1;
  }
  const kept = new Set<string>();
  for (let i = tailIdx[tails.length - 1] ?? -1; i >= 0; i = prev[i]!) kept.add(common[i]!);
  return new Set(common.filter((id) => !kept.has(id)));
}

const quote = (s: string) => `“${s}”`;
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0");

function byId<T extends Keyed>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** Added and removed entries of one collection, plus a callback for those in both. */
function compare<T extends Keyed>(
  out: MapChange[],
  entity: ChangedEntity,
  before: readonly T[],
  after: readonly T[],
  label: (item: T) => string,
  target: (item: T) => string,
  both: (was: T, now: T) => void,
): void {
  const was = byId(before);
  const now = byId(after);
  for (const item of after) {
    const old = was.get(item.id);
    if (!old)
      out.push({ entity, change: "added", id: item.id, label: label(item), target: target(item) });
    else if (old !== item) both(old, item);
  }
  for (const item of before) {
    if (!now.has(item.id))
      out.push({
        entity,
        change: "removed",
        id: item.id,
        label: label(item),
        target: target(item),
      });
  }
}

function cardsInOrder(map: JourneyMap): Card[] {
  const out: Card[] = [];
  for (const tp of map.touchpoints) out.push(...(map.cardsByTouchpoint.get(tp.id) ?? []));
  out.push(...map.unassignedCards);
  return out;
}

export function diffMaps(before: JourneyMap, after: JourneyMap): MapChange[] {
  const out: MapChange[] = [];
  const push = (c: MapChange) => out.push(c);

  if (before.meta.title !== after.meta.title) {
    push({
      entity: "meta",
      change: "renamed",
      id: "meta",
      label: after.meta.title,
      detail: `${quote(before.meta.title)} → ${quote(after.meta.title)}`,
      target: "meta",
    });
  }
  if (before.meta.description !== after.meta.description) {
    push({ entity: "meta", change: "edited", id: "meta", label: "Scenario", target: "meta" });
  }

  const phases = (m: JourneyMap) => m.phases.filter((p) => !p.synthetic);
  const phaseName = new Map<string, string>(
    [...before.phases, ...after.phases].map((p) => [p.id, p.name]),
  );
  const movedPhases = movedIds(
    phases(before).map((p) => p.id),
    phases(after).map((p) => p.id),
  );
  compare(
    out,
    "phase",
    phases(before),
    phases(after),
    (p) => p.name,
    (p) => `phase:${p.id}`,
    (was, now) => {
      const target = `phase:${now.id}`;
      if (was.name !== now.name)
        push({
          entity: "phase",
          change: "renamed",
          id: now.id,
          label: now.name,
          detail: `${quote(was.name)} → ${quote(now.name)}`,
          target,
        });
      if (was.colour !== now.colour || was.description !== now.description)
        push({ entity: "phase", change: "edited", id: now.id, label: now.name, target });
    },
  );
  for (const id of movedPhases)
    push({
      entity: "phase",
      change: "moved",
      id,
      label: phaseName.get(id) ?? id,
      target: `phase:${id}`,
    });

  const tpName = new Map<string, string>(
    [...before.touchpoints, ...after.touchpoints].map((t) => [t.id, t.name]),
  );
  const movedTps = movedIds(
    before.touchpoints.map((t) => t.id),
    after.touchpoints.map((t) => t.id),
  );
  compare(
    out,
    "touchpoint",
    before.touchpoints,
    after.touchpoints,
    (t) => t.name,
    (t) => `touchpoint:${t.id}`,
    (was, now) => {
      const target = `touchpoint:${now.id}`;
      if (was.name !== now.name)
        push({
          entity: "touchpoint",
          change: "renamed",
          id: now.id,
          label: now.name,
          detail: `${quote(was.name)} → ${quote(now.name)}`,
          target,
        });
      if (
        was.channel !== now.channel ||
        was.action !== now.action ||
        was.team !== now.team ||
        was.descriptionText !== now.descriptionText
      )
        push({ entity: "touchpoint", change: "edited", id: now.id, label: now.name, target });
      if (was.phaseId !== now.phaseId && !movedTps.has(now.id)) movedTps.add(now.id);
    },
  );
  const afterTp = byId(after.touchpoints);
  const beforeTp = byId(before.touchpoints);
  for (const id of movedTps) {
    const was = beforeTp.get(id);
    const now = afterTp.get(id);
    const detail =
      was && now && was.phaseId !== now.phaseId
        ? `to phase ${quote(phaseName.get(now.phaseId) ?? "Unassigned")}`
        : undefined;
    push({
      entity: "touchpoint",
      change: "moved",
      id,
      label: tpName.get(id) ?? id,
      target: `touchpoint:${id}`,
      ...(detail ? { detail } : {}),
    });
  }

  const lanes = (m: JourneyMap) => m.lanes;
  const laneName = new Map<string, string>(
    [...before.lanes, ...after.lanes].map((l) => [l.id, l.name]),
  );
  compare(
    out,
    "lane",
    lanes(before),
    lanes(after),
    (l) => l.name,
    (l) => `lane:${l.id}`,
    (was, now) => {
      const target = `lane:${now.id}`;
      if (was.name !== now.name)
        push({
          entity: "lane",
          change: "renamed",
          id: now.id,
          label: now.name,
          detail: `${quote(was.name)} → ${quote(now.name)}`,
          target,
        });
      if (was.hidden !== now.hidden)
        push({
          entity: "lane",
          change: "edited",
          id: now.id,
          label: now.name,
          detail: now.hidden ? "hidden" : "shown",
          target,
        });
    },
  );
  for (const id of movedIds(
    lanes(before).map((l) => l.id),
    lanes(after).map((l) => l.id),
  ))
    push({
      entity: "lane",
      change: "moved",
      id,
      label: laneName.get(id) ?? id,
      target: `lane:${id}`,
    });

  const personaName = new Map<string, string>(
    [...before.personas, ...after.personas].map((p) => [p.id, p.name]),
  );
  compare(
    out,
    "persona",
    before.personas,
    after.personas,
    (p) => p.name,
    (p) => `persona:${p.id}`,
    (was, now) => {
      const target = `persona:${now.id}`;
      if (was.name !== now.name)
        push({
          entity: "persona",
          change: "renamed",
          id: now.id,
          label: now.name,
          detail: `${quote(was.name)} → ${quote(now.name)}`,
          target,
        });
      const { name: _a, key: _b, ...wasRest } = was;
      const { name: _c, key: _d, ...nowRest } = now;
      if (JSON.stringify(wasRest) !== JSON.stringify(nowRest))
        push({ entity: "persona", change: "edited", id: now.id, label: now.name, target });
    },
  );

  const cardsBefore = cardsInOrder(before);
  const cardsAfter = cardsInOrder(after);
  const movedCards = movedIds(
    cardsBefore.map((c) => c.id),
    cardsAfter.map((c) => c.id),
  );
  const cardTitle = new Map<string, string>(
    [...cardsBefore, ...cardsAfter].map((c) => [c.id, c.title]),
  );
  compare(
    out,
    "card",
    cardsBefore,
    cardsAfter,
    (c) => c.title,
    (c) => `card:${c.id}`,
    (was, now) => {
      const target = `card:${now.id}`;
      if (was.title !== now.title)
        push({
          entity: "card",
          change: "renamed",
          id: now.id,
          label: now.title,
          detail: `${quote(was.title)} → ${quote(now.title)}`,
          target,
        });
      if (was.rating !== now.rating)
        push({
          entity: "card",
          change: "rescored",
          id: now.id,
          label: now.title,
          detail: `${was.rating} → ${now.rating}`,
          target,
        });
      if (
        was.detail !== now.detail ||
        was.status !== now.status ||
        was.owner !== now.owner ||
        was.kind !== now.kind
      )
        push({ entity: "card", change: "edited", id: now.id, label: now.title, target });
      if (was.touchpointId !== now.touchpointId) movedCards.add(now.id);
    },
  );
  for (const id of movedCards)
    push({
      entity: "card",
      change: "moved",
      id,
      label: cardTitle.get(id) ?? id,
      target: `card:${id}`,
    });

  const pointLabel = (personaId: string, touchpointId: string) =>
    `${personaName.get(personaId) ?? "Persona"} at ${quote(tpName.get(touchpointId) ?? "a step")}`;
  for (const [key, now] of after.emotions) {
    const was = before.emotions.get(key);
    const label = pointLabel(now.personaId, now.touchpointId);
    const target = `point:${emotionKey(now.personaId, now.touchpointId)}`;
    if (!was)
      push({
        entity: "emotion",
        change: "added",
        id: key,
        label,
        detail: signed(now.score),
        target,
      });
    else if (was.score !== now.score)
      push({
        entity: "emotion",
        change: "rescored",
        id: key,
        label,
        detail: `${signed(was.score)} → ${signed(now.score)}`,
        target,
      });
    else if (was.note !== now.note)
      push({ entity: "emotion", change: "edited", id: key, label, target });
  }
  for (const [key, was] of before.emotions) {
    if (!after.emotions.has(key))
      push({
        entity: "emotion",
        change: "removed",
        id: key,
        label: pointLabel(was.personaId, was.touchpointId),
        detail: signed(was.score),
        target: `point:${key}`,
      });
  }

  const cellLabel = (laneId: string, touchpointId: string) =>
    `${laneName.get(laneId) ?? "Lane"} · ${tpName.get(touchpointId) ?? "step"}`;
  for (const [name, now] of after.cells) {
    const was = before.cells.get(name);
    if (was && JSON.stringify(was.content) === JSON.stringify(now.content)) continue;
    push({
      entity: "cell",
      change: was ? "edited" : "added",
      id: name,
      label: cellLabel(now.laneId, now.touchpointId),
      target: `cell:${name}`,
    });
  }
  for (const [name, was] of before.cells) {
    if (!after.cells.has(name))
      push({
        entity: "cell",
        change: "removed",
        id: name,
        label: cellLabel(was.laneId, was.touchpointId),
        target: `cell:${name}`,
      });
  }
  return withoutCascades(out, before);
}

/**
 * Removing a phase removes its steps, and removing a step its cards, points and cells: list
 * only the thing someone removed, not everything that went with it.
 */
function withoutCascades(changes: MapChange[], before: JourneyMap): MapChange[] {
  const removed = new Set(changes.filter((c) => c.change === "removed").map((c) => c.target));
  const tpPhase = new Map<string, string>(before.touchpoints.map((t) => [t.id, t.phaseId]));
  const cardTp = new Map<string, string>(cardsInOrder(before).map((c) => [c.id, c.touchpointId]));
  const goneTp = (tp: string | undefined) =>
    tp !== undefined &&
    (removed.has(`touchpoint:${tp}`) || removed.has(`phase:${tpPhase.get(tp)}`));
  return changes.filter((c) => {
    if (c.change !== "removed") return true;
    switch (c.entity) {
      case "touchpoint":
        return !removed.has(`phase:${tpPhase.get(c.id)}`);
      case "card":
        return !goneTp(cardTp.get(c.id));
      case "emotion":
        return (
          !goneTp(before.emotions.get(c.id)?.touchpointId) &&
          !removed.has(`persona:${before.emotions.get(c.id)?.personaId}`)
        );
      case "cell": {
        const cell = before.cells.get(c.id);
        return !goneTp(cell?.touchpointId) && !removed.has(`lane:${cell?.laneId}`);
      }
      default:
        return true;
    }
  });
}

/** Counts per change kind, for summaries ("3 added, 1 removed"). */
export function countChanges(changes: readonly MapChange[]): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = {
    added: 0,
    removed: 0,
    moved: 0,
    renamed: 0,
    edited: 0,
    rescored: 0,
  };
  for (const c of changes) counts[c.change]++;
  return counts;
}
