/**
 * A step's channels: several per step, each a built-in channel (stored as its id, e.g.
 * "liveChat") or a custom name people typed ("WhatsApp"). One rule turns any text into an
 * entry, so the read model, mutations and file formats agree: a name that matches a built-in
 * channel's id or label (any case, spacing or punctuation) becomes that channel; entries are
 * trimmed, deduplicated without regard to case, and at most MAX_CHANNELS_PER_STEP are kept.
 */
import { CHANNEL_LABELS, CHANNELS, type Channel } from "../vocabulary.ts";

/** A step lists few channels; a longer list is a sign of a tag cloud, not a journey step. */
export const MAX_CHANNELS_PER_STEP = 8;
/** Channel names are labels on a pill, not sentences. */
export const MAX_CHANNEL_NAME = 40;

/** A built-in channel id, or a custom channel name. */
export type ChannelEntry = string;

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
const BUILT_IN = new Map<string, Channel>();
for (const channel of CHANNELS) {
  BUILT_IN.set(squash(channel), channel);
  BUILT_IN.set(squash(CHANNEL_LABELS[channel]), channel);
}

export function isBuiltInChannel(entry: ChannelEntry): entry is Channel {
  return (CHANNELS as readonly string[]).includes(entry);
}

/** What people read for an entry: the built-in label or the custom name itself. */
export function channelLabel(entry: ChannelEntry): string {
  return isBuiltInChannel(entry) ? CHANNEL_LABELS[entry] : entry;
}

/** The built-in channel an entry stands for; custom names count as "custom" ("Other"). */
export function channelKind(entry: ChannelEntry): Channel {
  return isBuiltInChannel(entry) ? entry : "custom";
}

/** One name as an entry, or null when nothing is left of it. Never throws. */
export function toChannelEntry(name: string): ChannelEntry | null {
  const trimmed = name.replace(/\s+/g, " ").trim();
  if (trimmed === "") return null;
  const builtIn = BUILT_IN.get(squash(trimmed));
  if (builtIn) return builtIn;
  return squash(trimmed) === "" ? null : trimmed.slice(0, MAX_CHANNEL_NAME).trim();
}

/** Untrusted values as a valid list: non-text dropped, normalised, deduplicated, capped. */
export function toChannelList(value: unknown): ChannelEntry[] {
  if (!Array.isArray(value)) return [];
  const out: ChannelEntry[] = [];
  const seen = new Set<string>();
  for (const item of value) {
    if (out.length >= MAX_CHANNELS_PER_STEP) break;
    if (typeof item !== "string") continue;
    const entry = toChannelEntry(item);
    if (entry === null || seen.has(entry.toLowerCase())) continue;
    seen.add(entry.toLowerCase());
    out.push(entry);
  }
  return out;
}

/**
 * A list a person asked for, or a RangeError saying what is wrong (nothing is written then).
 * Duplicates are merged silently: asking twice for "Email" is not a mistake worth a message.
 */
export function validChannelList(names: readonly string[]): ChannelEntry[] {
  const entries: ChannelEntry[] = [];
  for (const name of names) {
    const entry = typeof name === "string" ? toChannelEntry(name) : null;
    if (entry === null) throw new RangeError("A channel needs a name.");
    if (name.trim().length > MAX_CHANNEL_NAME) {
      throw new RangeError(`A channel name has at most ${MAX_CHANNEL_NAME} characters.`);
    }
    entries.push(entry);
  }
  if (new Set(entries.map((e) => e.toLowerCase())).size > MAX_CHANNELS_PER_STEP) {
    throw new RangeError(`A step has at most ${MAX_CHANNELS_PER_STEP} channels.`);
  }
  return toChannelList(entries);
}

/** The single channel older readers and files know: the first entry's kind. */
export function primaryChannel(list: readonly ChannelEntry[], fallback: Channel): Channel {
  const first = list[0];
  return first === undefined ? fallback : channelKind(first);
}
