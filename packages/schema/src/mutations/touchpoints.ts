import * as Y from "yjs";
import type { PhaseId, TouchpointId } from "../ids.ts";
import { TOUCHPOINT } from "../layout.ts";
import {
  type ChannelEntry,
  primaryChannel,
  toChannelList,
  validChannelList,
} from "../records/channelList.ts";
import type { Fields } from "../records/fields.ts";
import { isSubMapId, readTouchpoint, type TouchpointFields } from "../records/Touchpoint.ts";
import { writePlainText } from "../read/richText.ts";
import { type Channel, CHANNELS } from "../vocabulary.ts";
import { deleteCardCascade } from "./cards.ts";
import { deleteEmotionsWhere } from "./emotions.ts";
import { addEntity, moveEntityTo, removeEntity, updateEntity } from "./entities.ts";
import { oneOf, shortText, withDefaults } from "./input.ts";
import { childrenOf, getEntity, type MutationContext, transact } from "./transact.ts";

export interface NewTouchpoint extends TouchpointFields {
  readonly phaseId: PhaseId;
  /** Position among the phase's touchpoints; appended when omitted. */
  readonly index?: number;
  /** Plain text seeded into the rich-text description (templates and imports). */
  readonly descriptionText?: string;
}

const DEFAULTS = { name: "", channel: "website", channels: ["website"], action: "", team: "" };

/**
 * The channel fields to write. A list replaces the step's channels; a single `channel` (the
 * table view's one-choice list, spreadsheet imports, older callers) replaces the first of
 * them, the step's main channel, and keeps the rest: choosing "Mobile app" for a step on
 * "Review site" moves it, it does not add a second channel. `channel` is always written
 * beside the list for readers that know only one.
 */
function channelFields(fields: TouchpointFields, current: Fields | null) {
  let list: ChannelEntry[];
  if (fields.channels !== undefined) list = validChannelList(fields.channels);
  else if (fields.channel !== undefined) {
    const first = oneOf(fields.channel, CHANNELS, "channel") as Channel;
    const others = current ? readTouchpoint("", current).channels.slice(1) : [];
    list = toChannelList([first, ...others.filter((c) => c !== first)]);
  } else return {};
  const stored = current?.get(TOUCHPOINT.channels);
  const same = Array.isArray(stored) && JSON.stringify(stored) === JSON.stringify(list);
  return {
    [TOUCHPOINT.channel]: primaryChannel(list, "custom"),
    [TOUCHPOINT.channels]: same ? undefined : list,
  };
}

/** A sub-journey link to write: a map id, or null to unlink; anything else is refused. */
function subMapField(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (!isSubMapId(value)) throw new RangeError(`Not a map id: ${JSON.stringify(value)}`);
  return value;
}

function validFields(fields: TouchpointFields, current: Fields | null = null) {
  return {
    [TOUCHPOINT.name]: shortText(fields.name),
    [TOUCHPOINT.action]: shortText(fields.action),
    [TOUCHPOINT.team]: shortText(fields.team),
    [TOUCHPOINT.subMapId]: subMapField(fields.subMapId),
    ...channelFields(fields, current),
  };
}

export function addTouchpoint(
  doc: Y.Doc,
  input: NewTouchpoint,
  ctx: MutationContext,
): TouchpointId {
  const description = new Y.XmlFragment();
  const fields = () => ({
    ...withDefaults(DEFAULTS, validFields(input)),
    // Nested types are created with their entity, never lazily (INV-D3).
    [TOUCHPOINT.description]: description,
  });
  const at = { parent: input.phaseId, index: input.index };
  // One transaction: the description's text is written with the step (nested transact joins).
  return transact(doc, ctx, () => {
    const id = addEntity(doc, "touchpoints", fields, at, ctx) as TouchpointId;
    if (input.descriptionText) writePlainText(description, input.descriptionText);
    return id;
  });
}

export function updateTouchpoint(
  doc: Y.Doc,
  id: TouchpointId,
  fields: TouchpointFields,
  ctx: MutationContext,
): boolean {
  const current = () => getEntity(doc, "touchpoints", id) ?? null;
  return updateEntity(doc, "touchpoints", id, () => validFields(fields, current()), ctx);
}

/** Moves a touchpoint to `index` within `phaseId` (which may be its current phase). */
export function moveTouchpoint(
  doc: Y.Doc,
  id: TouchpointId,
  phaseId: PhaseId,
  index: number,
  ctx: MutationContext,
): boolean {
  return moveEntityTo(doc, "touchpoints", id, phaseId, index, ctx);
}

/**
 * Deletes a touchpoint with its cards and emotion points. Evidence pointing at it (or at its
 * cards) is kept: it was contributed by others and shows as unassigned. Its cells are kept
 * too, hidden by the read model (INV-R7): someone may be typing in one right now, and undoing
 * the delete or restoring the step must bring back every word, including keystrokes that
 * crossed the delete on the wire (INV-X5). Emptying them could not: text typed into a
 * paragraph a delete removed is dropped by Yjs, and no undo brings it back.
 */
export function deleteTouchpoint(doc: Y.Doc, id: TouchpointId, ctx: MutationContext): boolean {
  return transact(doc, ctx, () => deleteTouchpointCascade(doc, id));
}

export function deleteTouchpointCascade(doc: Y.Doc, id: string): boolean {
  return removeEntity(doc, "touchpoints", id, () => {
    for (const cardId of childrenOf(doc, "cards", id)) {
      deleteCardCascade(doc, cardId);
    }
    deleteEmotionsWhere(doc, (_persona, touchpointId) => touchpointId === id);
  });
}
