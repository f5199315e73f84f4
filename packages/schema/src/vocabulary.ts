/** The fixed vocabularies of a journey map: one emotion scale, channels, lane kinds, statuses. */

/** One emotion scale for the whole product: integers from -3 (very negative) to +3 (very positive). */
export const EMOTION_MIN = -3;
export const EMOTION_MAX = 3;
export const EMOTION_LABELS: Readonly<Record<number, string>> = {
  [-3]: "Very negative",
  [-2]: "Negative",
  [-1]: "Slightly negative",
  0: "Neutral",
  1: "Slightly positive",
  2: "Positive",
  3: "Very positive",
};

/** A score as people write it: "+2", "0", "−3" (a real minus sign, as screen readers read it). */
export function formatScore(score: number): string {
  if (score > 0) return `+${score}`;
  if (score < 0) return `\u2212${-score}`;
  return "0";
}

export const CHANNELS = [
  "website",
  "mobileApp",
  "email",
  "social",
  "paidAds",
  "reviewSite",
  "liveChat",
  "phone",
  "inStore",
  "salesCall",
  "supportTicket",
  "custom",
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  website: "Website",
  mobileApp: "Mobile app",
  email: "Email",
  social: "Social",
  paidAds: "Paid ads",
  reviewSite: "Review site",
  liveChat: "Live chat",
  phone: "Phone",
  inStore: "In store",
  salesCall: "Sales call",
  supportTicket: "Support ticket",
  custom: "Other",
};

/** Built-in lanes in their usual order; "text" lanes are user-made. */
export const BUILT_IN_LANE_KINDS = [
  "actions",
  "channels",
  "thoughts",
  "emotions",
  "painPoints",
  "opportunities",
] as const;
export const LANE_KINDS = [...BUILT_IN_LANE_KINDS, "text"] as const;
export type LaneKind = (typeof LANE_KINDS)[number];
export type BuiltInLaneKind = (typeof BUILT_IN_LANE_KINDS)[number];

export const LANE_KIND_LABELS: Readonly<Record<LaneKind, string>> = {
  actions: "Actions",
  channels: "Touchpoints & channels",
  thoughts: "Thoughts",
  emotions: "Emotions",
  painPoints: "Pain points",
  opportunities: "Opportunities",
  text: "Notes",
};

/**
 * What a custom ("text" kind) lane's cells hold: rich text, a 1–5 rating, a number with a
 * unit, a list of channels or a link. Built-in lanes keep their own behaviour.
 */
export const LANE_TYPES = ["text", "rating", "number", "channels", "link", "metric"] as const;
export type LaneType = (typeof LANE_TYPES)[number];

export const LANE_TYPE_LABELS: Readonly<Record<LaneType, string>> = {
  text: "Text",
  rating: "Rating (1–5)",
  number: "Number",
  channels: "Channels",
  link: "Link",
  metric: "Metric",
};

/** Lanes whose cells are rich text fragments (cell/<lane>/<touchpoint>). */
export function isTextLane(kind: LaneKind): boolean {
  return kind === "actions" || kind === "thoughts" || kind === "text";
}

export const CARD_KINDS = ["painPoint", "opportunity"] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export const CARD_STATUSES = ["open", "inProgress", "done", "dismissed"] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/** Severity (pain points) and impact (opportunities) share one 1–5 rating. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

export const EVIDENCE_KINDS = ["quote", "ticket", "callNote", "metric", "other"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Colour-blind-safe categorical palette (Okabe-Ito) for personas and phases. */
export const PALETTE = [
  "#0072b2",
  "#e69f00",
  "#009e73",
  "#cc79a7",
  "#56b4e9",
  "#d55e00",
  "#f0e442",
  "#666666",
] as const;

export function paletteColour(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length] as string;
}
