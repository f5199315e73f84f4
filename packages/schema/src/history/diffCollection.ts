/**
 * The diff of one collection of the read model, driven by a small description of the entity:
 * the same added / changed / removed (/ moved) rules for all of them, in that order. Ordered
 * collections (phases, steps, lanes, personas, cards) are keyed by id; emotion points and
 * cells by their place on the board.
 */
import { type EntityKind, entityKey } from "../elementRef/elementRef.ts";
import type { JourneyMap } from "../read/JourneyMap.ts";
import { type ChangedEntity, type ChangeKind, type MapChange, mapChange } from "./changes.ts";
import { movedIds } from "./movedIds.ts";

interface Keyed {
  readonly id: string;
}

/** One difference found in an item present in both states. */
export interface Edit {
  readonly change: ChangeKind;
  readonly detail?: string;
}

export interface CollectionDiff<T extends Keyed> {
  /** Also the prefix of the board target: `phase:<id>`, `card:<id>`… */
  readonly entity: ChangedEntity & EntityKind;
  readonly items: (map: JourneyMap) => readonly T[];
  readonly label: (item: T) => string;
  /** What differs in an item present in both states, in the order it is reported. */
  readonly edits: (was: T, now: T) => readonly (Edit | null)[];
  /** Report reordering as "moved"; an item whose parent changed has moved too. */
  readonly moves?: {
    readonly parentOf?: (item: T) => string;
    readonly detail?: (was: T, now: T) => string | undefined;
  };
}

export const quote = (s: string) => `“${s}”`;

/** "renamed “A” → “B”", or nothing when the name is the same. */
export function renamed(was: string, now: string): Edit | null {
  return was === now ? null : { change: "renamed", detail: `${quote(was)} → ${quote(now)}` };
}

export function edited(differs: boolean, detail?: string): Edit | null {
  if (!differs) return null;
  return detail === undefined ? { change: "edited" } : { change: "edited", detail };
}

/**
 * A link to something outside the map (a sub-journey, a library persona or opportunity) set,
 * replaced or cleared: named apart from "edited" so history can say what was linked.
 */
export function linked(was: string | null, now: string | null): Edit | null {
  if (was === now) return null;
  return now === null
    ? { change: "unlinked", detail: was ?? "" }
    : { change: "linked", detail: now };
}

/** Whether any of the listed fields differ. */
export function differ<T>(was: T, now: T, fields: readonly (keyof T)[]): boolean {
  return fields.some((field) => was[field] !== now[field]);
}

function byId<T extends Keyed>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

export function diffCollection<T extends Keyed>(
  spec: CollectionDiff<T>,
  before: JourneyMap,
  after: JourneyMap,
): MapChange[] {
  const was = spec.items(before);
  const now = spec.items(after);
  const wasById = byId(was);
  const nowById = byId(now);
  const change = (item: T, kind: ChangeKind, detail?: string) =>
    mapChange(
      spec.entity,
      kind,
      item.id,
      spec.label(item),
      entityKey(spec.entity, item.id),
      detail,
    );

  const out: MapChange[] = [];
  for (const item of now) {
    const old = wasById.get(item.id);
    if (!old) out.push(change(item, "added"));
    else if (old !== item) {
      for (const edit of spec.edits(old, item)) {
        if (edit) out.push(change(item, edit.change, edit.detail));
      }
    }
  }
  for (const item of was) if (!nowById.has(item.id)) out.push(change(item, "removed"));
  if (!spec.moves) return out;

  const { parentOf, detail } = spec.moves;
  const moved = movedIds(
    was.map((item) => item.id),
    now.map((item) => item.id),
  );
  if (parentOf) {
    for (const item of now) {
      const old = wasById.get(item.id);
      if (old && parentOf(old) !== parentOf(item)) moved.add(item.id);
    }
  }
  for (const id of moved) {
    const item = nowById.get(id)!;
    out.push(change(item, "moved", detail?.(wasById.get(id)!, item)));
  }
  return out;
}

/**
 * Emotion points and cells have no id of their own: they are keyed by their place (persona or
 * lane × step), and a place that appears is "added", one that goes is "removed".
 */
export interface PlaceDiff<T> {
  readonly entity: "emotion" | "cell";
  /** The board target of a place: pointKey or cellKey. */
  readonly target: (key: string) => string;
  readonly label: (item: T) => string;
  readonly edit: (was: T, now: T) => Edit | null;
  /** Said of a point that appears or goes. */
  readonly detail?: (item: T) => string;
}

export function diffPlaces<T>(
  spec: PlaceDiff<T>,
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
): MapChange[] {
  const change = (key: string, item: T, kind: ChangeKind, detail?: string) =>
    mapChange(spec.entity, kind, key, spec.label(item), spec.target(key), detail);
  const out: MapChange[] = [];
  for (const [key, now] of after) {
    const was = before.get(key);
    if (was === undefined) {
      out.push(change(key, now, "added", spec.detail?.(now)));
      continue;
    }
    const edit = spec.edit(was, now);
    if (edit) out.push(change(key, now, edit.change, edit.detail));
  }
  for (const [key, was] of before) {
    if (!after.has(key)) out.push(change(key, was, "removed", spec.detail?.(was)));
  }
  return out;
}
