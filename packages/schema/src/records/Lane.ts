import type { LaneId } from "../ids.ts";
import { LANE } from "../layout.ts";
import { toBool, toOneOf, toPosition, toText } from "../read/coerce.ts";
import { LANE_KIND_LABELS, LANE_KINDS, type LaneKind } from "../vocabulary.ts";
import type { Fields } from "./fields.ts";

export interface Lane {
  readonly id: LaneId;
  readonly key: string;
  readonly kind: LaneKind;
  readonly name: string;
  readonly hidden: boolean;
}

export type LaneFields = Partial<Pick<Lane, "name" | "hidden">>;

/** Built-in lanes have deterministic ids so that two clients migrating at once converge. */
export function builtInLaneId(kind: LaneKind): LaneId {
  return `lane-${kind}` as LaneId;
}

export function readLane(id: string, fields: Fields): Lane {
  // An unknown kind is shown as a text lane, so its cells stay visible and editable.
  const kind = toOneOf(fields.get(LANE.kind), LANE_KINDS, "text");
  return {
    id: id as LaneId,
    key: toPosition(fields.get(LANE.pos)).key,
    kind,
    name: toText(fields.get(LANE.name)).trim() || LANE_KIND_LABELS[kind],
    hidden: toBool(fields.get(LANE.hidden)),
  };
}
