/**
 * The server's events: their names and payloads, shared by whoever emits them (the server's
 * event bus, apps/server/src/events/), webhooks that carry them out, and receivers that read
 * them. A feature adds its event here, with the schema of its `data`; nothing else spells
 * these names.
 */
import * as z from "zod/mini";
import { described } from "./described.ts";
import type { Payload } from "./route.ts";

export const EVENT = {
  evidenceSubmitted: "evidence.submitted",
  versionNamed: "version.named",
  commentMentioned: "comment.mentioned",
  /** An item's last change or verification became older than the map's review period (hourly check). */
  itemStale: "item.stale",
  /** A recorded metric value made a step start or stop meeting its target. */
  metricTargetCrossed: "metric.target_crossed",
  /** Only sent by "Send test event"; never emitted by the map. */
  webhookTest: "webhook.test",
} as const;
export type EventName = (typeof EVENT)[keyof typeof EVENT];

/** Events a webhook may subscribe to (the test event reaches every hook on request). */
export const SUBSCRIBABLE_EVENTS = [
  EVENT.evidenceSubmitted,
  EVENT.versionNamed,
  EVENT.commentMentioned,
  EVENT.itemStale,
  EVENT.metricTargetCrossed,
] as const;
export type SubscribableEvent = (typeof SUBSCRIBABLE_EVENTS)[number];

const text = z.string();

export const EvidenceSubmittedData = z.object({
  itemId: text,
  text: described(text, "The evidence (quote, ticket, note…)."),
  kind: text,
  source: text,
  url: text,
  touchpointId: z.nullable(text),
  contributor: text,
  via: described(text, "form, api or csv."),
});

export const VersionNamedData = z.object({
  versionId: text,
  name: text,
  seq: z.int(),
  createdBy: described(text, "Who named it."),
});

export const CommentMentionedData = z.object({
  threadId: text,
  commentId: text,
  author: text,
  text: text,
  mentions: described(z.array(text), "The names mentioned with @ (as the comment stores them)."),
});

export const ItemStaleData = z.object({
  itemId: text,
  itemKind: described(text, "What the item is: touchpoint, card, evidence…"),
  title: text,
  lastReviewedAt: z.nullable(z.number()),
});

export const MetricTargetCrossedData = z.object({
  metricId: text,
  name: text,
  value: z.number(),
  target: z.number(),
  direction: z.enum(["above", "below"]),
});

export const WebhookTestData = z.object({ message: text });

/** Each event's `data`. */
export const EVENT_DATA = {
  [EVENT.evidenceSubmitted]: EvidenceSubmittedData,
  [EVENT.versionNamed]: VersionNamedData,
  [EVENT.commentMentioned]: CommentMentionedData,
  [EVENT.itemStale]: ItemStaleData,
  [EVENT.metricTargetCrossed]: MetricTargetCrossedData,
  [EVENT.webhookTest]: WebhookTestData,
} as const satisfies Record<EventName, z.ZodMiniType>;

export type EventData<E extends EventName> = z.output<(typeof EVENT_DATA)[E]>;

/** What happened on which map; every event concerns one map. */
export interface MapEvent<E extends EventName = EventName> {
  readonly type: E;
  readonly mapId: string;
  readonly data: EventData<E>;
}

/** The JSON body a webhook receives. */
export const WebhookEnvelope = z.object({
  id: described(text, "The delivery's event id (also the webhook-id header): de-duplicate on it."),
  type: z.enum(Object.values(EVENT) as [EventName, ...EventName[]]),
  timestamp: described(text, "When it happened (ISO 8601)."),
  mapId: text,
  workspaceId: z.nullable(text),
  data: described(z.record(z.string(), z.unknown()), "The event's payload (see each event)."),
});
export type WebhookEnvelope = Payload<typeof WebhookEnvelope>;
