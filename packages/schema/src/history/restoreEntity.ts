/**
 * Restores ONE thing from an earlier state, in place, without touching anything else: a
 * phase (with the touchpoints it held), a touchpoint (with its cards, emotion points and
 * cells), a card, a lane (with its cells) or a persona (with its curve). The entity keeps its
 * id and its old position key, so it reappears where it was and evidence that still names it
 * re-attaches. Contents are only brought back where they are missing or empty now: later
 * work on things that still exist is left alone.
 */
import type * as Y from "yjs";
import { type EntityRoot, parseCellRootName, parseEmotionKey, POS, ROOT } from "../layout.ts";
import type { MutationContext } from "../mutations/transact.ts";
import { toPosition } from "../read/coerce.ts";
import { cellRootNames } from "../read/records.ts";
import { trackCells, type RestoreOptions } from "./restoreMap.ts";
import { entityOf, entityRoot, fragmentOf, restoreCell, restoreEntityMap } from "./yCopy.ts";

export const RESTORABLE_KINDS = ["phase", "touchpoint", "card", "lane", "persona"] as const;
export type RestorableKind = (typeof RESTORABLE_KINDS)[number];

export interface RestoreTarget {
  readonly kind: RestorableKind;
  readonly id: string;
}

const ROOT_OF: Record<RestorableKind, EntityRoot> = {
  phase: "phases",
  touchpoint: "touchpoints",
  card: "cards",
  lane: "lanes",
  persona: "personas",
};

/** Ids of `root` entities in `doc` whose position's parent is `parent`. */
function childIds(doc: Y.Doc, root: EntityRoot, parent: string): string[] {
  const out: string[] = [];
  entityRoot(doc, root).forEach((_value, id) => {
    const map = entityOf(doc, root, id);
    if (map && toPosition(map.get(POS)).parent === parent) out.push(id);
  });
  return out;
}

function isEmptyCell(doc: Y.Doc, name: string): boolean {
  return (fragmentOf(doc, name)?.length ?? 0) === 0;
}

interface Plan {
  entities: Array<[EntityRoot, string]>;
  emotions: string[];
  cells: string[];
}

function addTouchpoint(plan: Plan, live: Y.Doc, old: Y.Doc, id: string): void {
  plan.entities.push(["touchpoints", id]);
  for (const card of childIds(old, "cards", id)) {
    if (!entityOf(live, "cards", card)) plan.entities.push(["cards", card]);
  }
  const liveEmotions = live.getMap(ROOT.emotions);
  old.getMap(ROOT.emotions).forEach((_v, key) => {
    if (parseEmotionKey(key)?.touchpointId === id && !liveEmotions.has(key))
      plan.emotions.push(key);
  });
  for (const name of cellRootNames(old)) {
    if (parseCellRootName(name)?.touchpointId === id && isEmptyCell(live, name))
      plan.cells.push(name);
  }
}

/** What restoring the target writes: the entity itself plus its missing contents. */
function planFor(live: Y.Doc, old: Y.Doc, target: RestoreTarget): Plan {
  const plan: Plan = { entities: [], emotions: [], cells: [] };
  switch (target.kind) {
    case "touchpoint":
      addTouchpoint(plan, live, old, target.id);
      break;
    case "phase":
      plan.entities.push(["phases", target.id]);
      for (const tp of childIds(old, "touchpoints", target.id)) {
        if (!entityOf(live, "touchpoints", tp)) addTouchpoint(plan, live, old, tp);
      }
      break;
    case "lane":
      plan.entities.push(["lanes", target.id]);
      for (const name of cellRootNames(old)) {
        if (parseCellRootName(name)?.laneId === target.id && isEmptyCell(live, name))
          plan.cells.push(name);
      }
      break;
    case "persona": {
      plan.entities.push(["personas", target.id]);
      const liveEmotions = live.getMap(ROOT.emotions);
      old.getMap(ROOT.emotions).forEach((_v, key) => {
        if (parseEmotionKey(key)?.personaId === target.id && !liveEmotions.has(key))
          plan.emotions.push(key);
      });
      break;
    }
    case "card":
      plan.entities.push(["cards", target.id]);
      break;
  }
  return plan;
}

/** Whether the target exists in the old state (only then can it be restored). */
export function canRestore(old: Y.Doc, target: RestoreTarget): boolean {
  return entityOf(old, ROOT_OF[target.kind], target.id) !== null;
}

/**
 * Brings the target back as it was in `old`. Returns false (and writes nothing) when it did
 * not exist in `old`; true otherwise, even when it already matched.
 */
export function restoreEntity(
  live: Y.Doc,
  old: Y.Doc,
  target: RestoreTarget,
  ctx: MutationContext,
  options: RestoreOptions = {},
): boolean {
  if (!canRestore(old, target)) return false;
  const plan = planFor(live, old, target);
  trackCells(live, plan.cells, options.undo);
  live.transact(() => {
    for (const [root, id] of plan.entities) restoreEntityMap(live, old, root, id);
    const from = old.getMap(ROOT.emotions);
    const to = live.getMap(ROOT.emotions);
    for (const key of plan.emotions) to.set(key, from.get(key));
    for (const name of plan.cells) restoreCell(live, old, name);
  }, ctx.origin);
  return true;
}
