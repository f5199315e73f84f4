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
}

export type TouchpointFields = Partial<Pick<Touchpoint, "name" | "channel" | "action" | "team">> & {
  /** Channel ids or names, in order; replaces the list (see validChannelList). */
  readonly channels?: readonly string[];
};

export const TOUCHPOINT_DEFAULT_NAME = "Untitled step";

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
  };
}
