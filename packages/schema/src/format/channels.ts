import { CHANNEL_LABELS, CHANNELS, type Channel } from "../vocabulary.ts";

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

export const CHANNEL_CHOICES = CHANNELS.map((c) => CHANNEL_LABELS[c]).join(", ");
