/**
 * The three-way merge of a branch back into its original (docs/SPEC.md, INV-B*): base is the
 * original at the branch moment, ours the original now, theirs the branch now, compared slot
 * by slot by element id (./slots.ts), never by position.
 *
 *  - theirs equals base, or equals ours: nothing to bring (so merging twice changes nothing);
 *  - ours equals base: a clean change, brought over when picked;
 *  - otherwise both sides changed the slot differently: a conflict, shown with both values;
 *    it is written only when the person chose the branch's value, never silently.
 *
 * An entity deleted on one side and edited on the other is one conflict on the entity (bring
 * it back / delete it, or keep it as it is here). An entity the branch added is one change
 * (the whole entity), and what belongs to it (its curve points, cells) requires it.
 */
import type * as Y from "yjs";
import type { ElementRef } from "../elementRef/elementRef.ts";
import type { CardId, LaneId, PersonaId, PhaseId, TouchpointId } from "../ids.ts";
import {
  parseCardDescriptionRootName,
  parseCellRootName,
  parseEmotionKey,
  parseLaneValueKey,
  POS,
  ROOT,
} from "../layout.ts";
import { toPosition } from "../read/coerce.ts";
import {
  entityIn,
  MERGE_META,
  MERGE_ROOTS,
  type MergeRoot,
  type Slot,
  safeMap,
  slotId,
  slotValue,
  textRootNames,
  valueKey,
} from "./slots.ts";

export type MergeChangeKind = "added" | "removed" | "changed";

/**
 * `bothChanged`: both sides wrote different values; `deletedHere`: the original deleted what
 * the branch edited; `deletedThere`: the branch deleted what the original edited.
 */
export type ConflictKind = "bothChanged" | "deletedHere" | "deletedThere";

/** Which parts of the board a change belongs to, for picking (a phase, a step, a curve…). */
export interface MergeScope {
  /** The step's phase on either side (a moved step belongs to both). */
  readonly phaseIds: readonly string[];
  readonly touchpointId?: string;
  readonly cardId?: string;
  readonly personaId?: string;
  readonly laneId?: string;
}

export interface MergeChange {
  /** The slot's id: stable across plans, so a pick survives recomputing the plan. */
  readonly id: string;
  readonly slot: Slot;
  /** What the branch did to the slot, relative to the base. */
  readonly kind: MergeChangeKind;
  readonly conflict: ConflictKind | null;
  readonly element: ElementRef;
  readonly scope: MergeScope;
  /** Changes that must come with this one (the branch's new phase of a new step…). */
  readonly requires: readonly string[];
  /** The raw values (absent: undefined), for display. */
  readonly base: unknown;
  readonly ours: unknown;
  readonly theirs: unknown;
}

export interface MergePlan {
  readonly changes: readonly MergeChange[];
  readonly byId: ReadonlyMap<string, MergeChange>;
}

interface Sides {
  readonly base: Y.Doc;
  readonly ours: Y.Doc;
  readonly theirs: Y.Doc;
}

/** Most changes a plan lists: a bound on work and answer size for hostile documents. */
export const MAX_MERGE_CHANGES = 20_000;

export function planMerge(base: Y.Doc, ours: Y.Doc, theirs: Y.Doc): MergePlan {
  const sides: Sides = { base, ours, theirs };
  const raw: Array<Omit<MergeChange, "element" | "scope" | "requires">> = [];
  const push = (slot: Slot, kind: MergeChangeKind, conflict: ConflictKind | null) => {
    if (raw.length >= MAX_MERGE_CHANGES) return;
    raw.push({
      id: slotId(slot),
      slot,
      kind,
      conflict,
      base: slotValue(base, slot),
      ours: slotValue(ours, slot),
      theirs: slotValue(theirs, slot),
    });
  };
  const threeWay = (slot: Slot, baseAbsent = false) => {
    const b = baseAbsent ? "" : valueKey(slotValue(base, slot));
    const o = valueKey(slotValue(ours, slot));
    const t = valueKey(slotValue(theirs, slot));
    if (t === b || t === o) return;
    const kind: MergeChangeKind = b === "" ? "added" : t === "" ? "removed" : "changed";
    push(slot, kind, o === b ? null : "bothChanged");
  };

  for (const key of MERGE_META) threeWay({ kind: "meta", key });
  for (const root of MERGE_ROOTS) planEntities(sides, root, push, threeWay);
  const emotionKeys = unionKeys(sides, (doc) => [...(safeMap(doc, ROOT.emotions)?.keys() ?? [])]);
  for (const key of emotionKeys) threeWay({ kind: "emotion", key });
  for (const name of unionKeys(sides, textRootNames)) threeWay({ kind: "text", name });

  const places = new Places(sides);
  const added = new Set(
    raw.filter((c) => c.slot.kind === "entity" && c.kind === "added").map((c) => c.id),
  );
  const changes = raw.map((c): MergeChange => {
    const { element, scope, refs } = places.locate(c.slot);
    const requires = refs.filter((id) => id !== c.id && added.has(id));
    return { ...c, element, scope, requires };
  });
  return { changes, byId: new Map(changes.map((c) => [c.id, c])) };
}

function unionKeys(sides: Sides, keysOf: (doc: Y.Doc) => Iterable<string>): string[] {
  return [...new Set([...keysOf(sides.base), ...keysOf(sides.ours), ...keysOf(sides.theirs)])];
}

function fieldKeys(...entities: Array<Y.Map<unknown> | null>): string[] {
  return [...new Set(entities.flatMap((e) => (e ? [...e.keys()] : [])))];
}

function planEntities(
  sides: Sides,
  root: MergeRoot,
  push: (slot: Slot, kind: MergeChangeKind, conflict: ConflictKind | null) => void,
  threeWay: (slot: Slot, baseAbsent?: boolean) => void,
): void {
  const ids = unionKeys(sides, (doc) => [...(safeMap(doc, ROOT[root])?.keys() ?? [])]);
  for (const id of ids) {
    const b = entityIn(sides.base, root, id);
    const o = entityIn(sides.ours, root, id);
    const t = entityIn(sides.theirs, root, id);
    const entity: Slot = { kind: "entity", root, id };
    if (!t) {
      // The branch deleted it (or never had it).
      if (!b || !o) continue;
      push(entity, "removed", editedSince(b, o) ? "deletedThere" : null);
    } else if (!o) {
      if (!b) push(entity, "added", null);
      else if (editedSince(b, t)) push(entity, "changed", "deletedHere");
    } else {
      // On both sides: field by field. Without a base (added on both, or merged before),
      // any difference is a conflict.
      for (const key of fieldKeys(b, o, t)) threeWay({ kind: "field", root, id, key }, !b);
    }
  }
}

/** Whether any field differs between two versions of an entity. */
function editedSince(before: Y.Map<unknown>, after: Y.Map<unknown>): boolean {
  return fieldKeys(before, after).some(
    (key) => valueKey(before.get(key)) !== valueKey(after.get(key)),
  );
}

/** Where slots sit on the board, looked up in theirs first, then ours, then base. */
class Places {
  private readonly sides: Sides;

  constructor(sides: Sides) {
    this.sides = sides;
  }

  private parentIn(doc: Y.Doc, root: MergeRoot, id: string): string {
    return toPosition(entityIn(doc, root, id)?.get(POS)).parent;
  }

  private parents(root: MergeRoot, id: string): string[] {
    const { base, ours, theirs } = this.sides;
    const found = [theirs, ours, base].map((d) => this.parentIn(d, root, id)).filter(Boolean);
    return [...new Set(found)];
  }

  private step(touchpointId: string): { touchpointId: string; phaseIds: string[] } {
    return { touchpointId, phaseIds: this.parents("touchpoints", touchpointId) };
  }

  private card(cardId: string) {
    const touchpointId = this.parents("cards", cardId)[0] ?? "";
    return { cardId, ...this.step(touchpointId) };
  }

  locate(slot: Slot): { element: ElementRef; scope: MergeScope; refs: string[] } {
    if (slot.kind === "meta")
      return { element: { kind: "meta" }, scope: { phaseIds: [] }, refs: [] };
    if (slot.kind === "emotion") {
      const key = parseEmotionKey(slot.key);
      const personaId = key?.personaId ?? "";
      const touchpointId = key?.touchpointId ?? "";
      return {
        element: {
          kind: "emotion",
          personaId: personaId as PersonaId,
          touchpointId: touchpointId as TouchpointId,
        },
        scope: { ...this.step(touchpointId), personaId },
        refs: [`personas/${personaId}`, `touchpoints/${touchpointId}`],
      };
    }
    if (slot.kind === "text") return this.locateText(slot.name);
    const lanePoint =
      slot.kind === "field" && slot.root === "lanes" ? parseLaneValueKey(slot.key) : null;
    if (lanePoint !== null) {
      return {
        element: {
          kind: "cell",
          laneId: slot.id as LaneId,
          touchpointId: lanePoint as TouchpointId,
        },
        scope: { ...this.step(lanePoint), laneId: slot.id },
        refs: [`lanes/${slot.id}`, `touchpoints/${lanePoint}`],
      };
    }
    return this.locateEntity(slot.root, slot.id);
  }

  private locateText(name: string) {
    const cell = parseCellRootName(name);
    if (cell) {
      return {
        element: {
          kind: "cell",
          laneId: cell.laneId as LaneId,
          touchpointId: cell.touchpointId as TouchpointId,
        } as const,
        scope: { ...this.step(cell.touchpointId), laneId: cell.laneId },
        refs: [`lanes/${cell.laneId}`, `touchpoints/${cell.touchpointId}`],
      };
    }
    const cardId = parseCardDescriptionRootName(name) ?? "";
    return {
      element: { kind: "card", id: cardId as CardId } as const,
      scope: this.card(cardId),
      refs: [`cards/${cardId}`],
    };
  }

  private locateEntity(root: MergeRoot, id: string) {
    switch (root) {
      case "phases":
        return {
          element: { kind: "phase", id: id as PhaseId } as const,
          scope: { phaseIds: [id] },
          refs: [],
        };
      case "touchpoints":
        return {
          element: { kind: "touchpoint", id: id as TouchpointId } as const,
          scope: this.step(id),
          refs: this.step(id).phaseIds.map((p) => `phases/${p}`),
        };
      case "cards": {
        const scope = this.card(id);
        return {
          element: { kind: "card", id: id as CardId } as const,
          scope,
          refs: [`touchpoints/${scope.touchpointId}`],
        };
      }
      case "lanes":
        return {
          element: { kind: "lane", id: id as LaneId } as const,
          scope: { phaseIds: [], laneId: id },
          refs: [],
        };
      case "personas":
        return {
          element: { kind: "persona", id: id as PersonaId } as const,
          scope: { phaseIds: [], personaId: id },
          refs: [],
        };
    }
  }
}
