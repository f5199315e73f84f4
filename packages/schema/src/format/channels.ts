import { MAX_CHANNEL_NAME, MAX_CHANNELS_PER_STEP, toChannelList } from "../records/channelList.ts";
import { CHANNEL_LABELS, CHANNELS, type Channel } from "../vocabulary.ts";
import { quote } from "./untrustedText.ts";

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
const BY_NAME = new Map<string, Channel>();
for (const channel of CHANNELS) {
  BY_NAME.set(squash(channel), channel);
  BY_NAME.set(squash(CHANNEL_LABELS[channel]), channel);
}
// Words people write in spreadsheets for the same channels.
for (const [alias, channel] of [
  ["web", "website"],
  ["app", "mobileApp"],
  ["chat", "liveChat"],
  ["store", "inStore"],
  ["ads", "paidAds"],
  ["support", "supportTicket"],
  ["ticket", "supportTicket"],
  ["sales", "salesCall"],
  ["other", "custom"],
] as const) {
  BY_NAME.set(alias, channel);
}

/** A channel from an id or label written any way ("Live chat", "live-chat", "liveChat"). */
export function channelFromText(text: string): Channel | null {
  const key = squash(text);
  if (key === "") return "custom";
  return BY_NAME.get(key) ?? null;
}

/** Cells that list several channels separate them like people do in spreadsheets. */
const SEPARATORS = /[;,|\n]/;

/**
 * The channels of a spreadsheet cell ("Email; WhatsApp"): known channels by any of their
 * names, anything else as a custom channel name. A message when the list or a name is too
 * long; an empty cell is an empty list.
 */
export function channelsFromText(text: string): { channels: string[] } | { error: string } {
  const parts = text
    .split(SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const long = parts.find((part) => part.length > MAX_CHANNEL_NAME);
  if (long !== undefined) {
    return {
      error: `the channel ${quote(long, 20)} is longer than ${MAX_CHANNEL_NAME} characters`,
    };
  }
  const channels = toChannelList(parts.map((part) => channelFromText(part) ?? part));
  if (new Set(parts.map((p) => (channelFromText(p) ?? p).toLowerCase())).size > channels.length) {
    return { error: `more than ${MAX_CHANNELS_PER_STEP} channels in ${quote(text, 40)}` };
  }
  return { channels };
}

export const CHANNEL_CHOICES = CHANNELS.map((c) => CHANNEL_LABELS[c]).join(", ");
