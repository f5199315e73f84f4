/** v2: every map has the built-in lanes (with fixed ids), in their usual order. */
import * as Y from "yjs";
import { LANE, ROOT } from "../layout.ts";
import { compareOrder, keysAfter } from "../order.ts";
import { builtInLaneId } from "../records/Lane.ts";
import { toPosition } from "../read/coerce.ts";
import { BUILT_IN_LANE_KINDS, type BuiltInLaneKind, LANE_KIND_LABELS } from "../vocabulary.ts";
import type { Migration } from "./Migration.ts";

function missingKinds(doc: Y.Doc): BuiltInLaneKind[] {
  const present = new Set<unknown>();
  doc.getMap(ROOT.lanes).forEach((lane) => {
    if (lane instanceof Y.Map) present.add(lane.get(LANE.kind));
  });
  return BUILT_IN_LANE_KINDS.filter((kind) => !present.has(kind));
}

/** Creates the given built-in lanes after the existing ones. Used by templates too. */
export function insertBuiltInLanes(doc: Y.Doc, kinds: readonly BuiltInLaneKind[]): void {
  const lanes = doc.getMap<Y.Map<unknown>>(ROOT.lanes);
  const existing: { id: string; key: string }[] = [];
  lanes.forEach((lane, id) => {
    if (lane instanceof Y.Map) existing.push({ id, key: toPosition(lane.get(LANE.pos)).key });
  });
  existing.sort(compareOrder);
  const last = existing.filter((l) => l.key !== "").at(-1)?.key ?? null;
  const keys = keysAfter(last, kinds.length);
  kinds.forEach((kind, i) => {
    const lane = new Y.Map<unknown>();
    lane.set(LANE.kind, kind);
    lane.set(LANE.name, LANE_KIND_LABELS[kind]);
    lane.set(LANE.hidden, false);
    lane.set(LANE.pos, { parent: "", key: keys[i] });
    lanes.set(builtInLaneId(kind), lane);
  });
}

export const builtInLanes: Migration = {
  name: "built-in-lanes",
  version: 2,
  isNeeded: (doc) => missingKinds(doc).length > 0,
  run: (doc) => insertBuiltInLanes(doc, missingKinds(doc)),
};
