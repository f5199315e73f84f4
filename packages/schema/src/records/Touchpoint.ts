import * as Y from "yjs";
import type { PhaseId, TouchpointId } from "../ids.ts";
import { TOUCHPOINT } from "../layout.ts";
import { toOneOf, toPosition, toText } from "../read/coerce.ts";
import { plainTextOf } from "../read/richText.ts";
import { CHANNELS, type Channel } from "../vocabulary.ts";
import { type ChannelEntry, primaryChannel, toChannelList } from "./channelList.ts";
import type { Fields } from "./fields.ts";

export interface Touchpoint {
  readonly id: TouchpointId;
  /** The phase as stored; may name a phase that no longer exists (see the read model). */
  readonly phaseId: PhaseId;
  readonly key: string;
  readonly name: string;
  /** The first channel's kind ("custom" for a named channel): for one-channel views. */
  readonly channel: Channel;
  /** Every channel of the step, in order: built-in ids and custom names (channelList.ts). */
  readonly channels: readonly ChannelEntry[];
  /** What the customer does at this step, in a short sentence. */
  readonly action: string;
  /** The team that owns this step. */
  readonly team: string;
  /** Plain text of the rich-text description (the fragment itself is for the editor). */
  readonly descriptionText: string;
  /**
   * The map this step stands for, a sub-journey (issue 19); null without one. Only an id is
   * stored: whether the reader may open that map is the server's question, not the document's.
   */
  readonly subMapId: string | null;
}

export type TouchpointFields = Partial<Pick<Touchpoint, "name" | "channel" | "action" | "team">> & {
  /** Channel ids or names, in order; replaces the list (see validChannelList). */
  readonly channels?: readonly string[];
  /** Links the step to a sub-journey map; null unlinks it. */
  readonly subMapId?: string | null;
};

export const TOUCHPOINT_DEFAULT_NAME = "Untitled step";

/** A map id as the protocol's document names allow it (`documentNames.ts` in protocol). */
const SUB_MAP_ID = /^[A-Za-z0-9_-]{8,64}$/;

export function isSubMapId(value: unknown): value is string {
  return typeof value === "string" && SUB_MAP_ID.test(value);
}

/** The stored sub-journey link, or null when absent or not a map id. */
export function toSubMapId(value: unknown): string | null {
  return isSubMapId(value) ? value : null;
}

export function readTouchpoint(id: string, fields: Fields): Touchpoint {
  const pos = toPosition(fields.get(TOUCHPOINT.pos));
  const description = fields.get(TOUCHPOINT.description);
  const channel = toOneOf(fields.get(TOUCHPOINT.channel), CHANNELS, "custom");
  // Before schema v3 a step had one `channel`; such a step reads as a list of that one.
  const stored = fields.get(TOUCHPOINT.channels);
  const channels = Array.isArray(stored) ? toChannelList(stored) : [channel];
  return {
    id: id as TouchpointId,
    phaseId: pos.parent as PhaseId,
    key: pos.key,
    name: toText(fields.get(TOUCHPOINT.name)).trim() || TOUCHPOINT_DEFAULT_NAME,
    channel: primaryChannel(channels, channel),
    channels,
    action: toText(fields.get(TOUCHPOINT.action)),
    team: toText(fields.get(TOUCHPOINT.team)),
    descriptionText: description instanceof Y.XmlFragment ? plainTextOf(description) : "",
    subMapId: toSubMapId(fields.get(TOUCHPOINT.subMapId)),
  };
}
