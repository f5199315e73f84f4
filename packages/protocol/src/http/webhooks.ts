/**
 * Outgoing webhooks: a map's owner or a workspace's admins subscribe a URL to events; the
 * server POSTs each event as signed JSON (Standard Webhooks: webhook-id, webhook-timestamp and
 * webhook-signature headers), retries failures with back-off and keeps a log of deliveries.
 * The same six routes exist for a map and for a workspace (ROUTES spreads both sets in).
 */
import * as z from "zod/mini";
import { OWNER, SIGNED_IN } from "./access.ts";
import { described } from "./described.ts";
import { SUBSCRIBABLE_EVENTS } from "./events.ts";
import { BAD_INPUT, refusal, SIGNED_OUT, TOO_LARGE } from "./refusals.ts";
import type { Payload, Route } from "./route.ts";

export const MAX_WEBHOOK_URL = 2000;
export const MAX_WEBHOOK_DESCRIPTION = 200;
/** Hooks per map or workspace: each event is sent once per hook. */
export const MAX_WEBHOOKS_PER_SCOPE = 20;
/** Deliveries the log keeps per hook (older finished ones are dropped). */
export const WEBHOOK_LOG_SIZE = 50;
/** The signature headers (Standard Webhooks). */
export const WEBHOOK_HEADERS = {
  id: "webhook-id",
  timestamp: "webhook-timestamp",
  signature: "webhook-signature",
} as const;

export const WEBHOOK_SCOPES = ["map", "workspace"] as const;
export type WebhookScope = (typeof WEBHOOK_SCOPES)[number];

const EventList = z
  .array(z.enum(SUBSCRIBABLE_EVENTS))
  .check(z.minLength(1), z.maxLength(SUBSCRIBABLE_EVENTS.length));
const HookUrl = described(
  z.url({ protocol: /^https?$/ }).check(z.maxLength(MAX_WEBHOOK_URL)),
  "Where events are POSTed: http(s) only; private, loopback and link-local addresses are refused unless the server allows them (WEBHOOKS_ALLOW_PRIVATE).",
);
const Description = z.string().check(z.maxLength(MAX_WEBHOOK_DESCRIPTION));

export const CreateWebhookBody = z.object({
  url: HookUrl,
  events: described(EventList, "The events to send."),
  description: z.optional(Description),
});
export type CreateWebhookBody = z.input<typeof CreateWebhookBody>;

export const UpdateWebhookBody = z.object({
  url: z.optional(HookUrl),
  events: z.optional(EventList),
  description: z.optional(Description),
  enabled: z.optional(z.boolean()),
});
export type UpdateWebhookBody = z.input<typeof UpdateWebhookBody>;

export const Webhook = z.object({
  id: z.string(),
  scope: z.enum(WEBHOOK_SCOPES),
  /** The map's or the workspace's id. */
  scopeId: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  description: z.string(),
  enabled: z.boolean(),
  createdAt: z.number(),
  createdBy: z.string(),
});
export type Webhook = Payload<typeof Webhook>;
export const WebhookList = z.array(Webhook);

export const CreatedWebhook = z.object({
  webhook: Webhook,
  secret: described(
    z.string(),
    "The signing secret (whsec_…), shown this once: verify the webhook-signature header with it.",
  ),
});
export type CreatedWebhook = Payload<typeof CreatedWebhook>;

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const WebhookDelivery = z.object({
  id: described(z.string(), "Also the webhook-id header the receiver saw."),
  event: z.string(),
  status: described(
    z.enum(DELIVERY_STATUSES),
    "pending: waiting for its next attempt; delivered: a 2xx; failed: out of attempts.",
  ),
  attempts: z.int(),
  responseCode: z.nullable(z.int()),
  error: z.nullable(described(z.string(), "Why the last attempt failed (no answer, timeout…).")),
  durationMs: z.nullable(z.int()),
  createdAt: z.number(),
  nextAttemptAt: z.nullable(z.number()),
});
export type WebhookDelivery = Payload<typeof WebhookDelivery>;
export const WebhookDeliveryList = z.array(WebhookDelivery);

export const TestDelivery = z.object({ delivery: WebhookDelivery });
export type TestDelivery = Payload<typeof TestDelivery>;

const HOOK_MISSING = { 404: refusal("No such webhook here.") };

/** The six routes of one scope's hooks. */
function hookRoutes<const P extends `/${string}`, const N extends string>(
  prefix: P,
  scope: N,
  access: typeof OWNER | typeof SIGNED_IN,
  who: string,
  denied: Readonly<Record<number, ReturnType<typeof refusal>>>,
) {
  // A path under an absolute prefix is absolute; TypeScript cannot see it through the template.
  const at = <S extends string>(path: S) => path as S & `/${string}`;
  const item = at(`${prefix}/{webhookId}` as const);
  return {
    list: {
      method: "GET",
      path: prefix,
      summary: `The ${scope}'s webhooks`,
      description: who,
      access,
      responses: { 200: { description: "Webhooks (no secrets).", schema: WebhookList } },
      errors: { ...denied },
    },
    create: {
      method: "POST",
      path: prefix,
      summary: `Send the ${scope}'s events to a URL, signed; the secret is shown once`,
      description: who,
      access,
      body: { schema: CreateWebhookBody },
      responses: { 201: { description: "The webhook and its secret.", schema: CreatedWebhook } },
      errors: {
        ...denied,
        ...BAD_INPUT,
        ...TOO_LARGE,
        409: refusal(`At most ${MAX_WEBHOOKS_PER_SCOPE} webhooks.`),
      },
    },
    update: {
      method: "PATCH",
      path: item,
      summary: "Enable, disable or change a webhook",
      description: who,
      access,
      body: { schema: UpdateWebhookBody },
      responses: { 200: { description: "The webhook now.", schema: Webhook } },
      errors: { ...denied, ...BAD_INPUT, ...TOO_LARGE, ...HOOK_MISSING },
    },
    remove: {
      method: "DELETE",
      path: item,
      summary: "Delete a webhook and its delivery log",
      description: who,
      access,
      responses: { 204: { description: "Deleted." } },
      errors: { ...denied, ...HOOK_MISSING },
    },
    deliveries: {
      method: "GET",
      path: at(`${item}/deliveries` as const),
      summary: `A webhook's last ${WEBHOOK_LOG_SIZE} deliveries, newest first`,
      description: who,
      access,
      responses: { 200: { description: "Deliveries.", schema: WebhookDeliveryList } },
      errors: { ...denied, ...HOOK_MISSING },
    },
    test: {
      method: "POST",
      path: at(`${item}/test` as const),
      summary: "Send a webhook.test event now (queued like any event; see the delivery log)",
      description: who,
      access,
      responses: { 202: { description: "Queued.", schema: TestDelivery } },
      errors: { ...denied, ...HOOK_MISSING, 429: refusal("A test was sent moments ago.") },
    },
  } as const satisfies Readonly<Record<string, Route>>;
}

const MAP_HOOKS = hookRoutes(
  "/api/maps/{mapId}/webhooks",
  "map",
  OWNER,
  "For the map's owners: its owner link, or a signed-in owner (workspace admin).",
  {
    401: refusal("Missing, invalid, expired or revoked token, and not signed in."),
    403: refusal("Only the map's owners."),
  },
);
const WORKSPACE_HOOKS = hookRoutes(
  "/api/workspaces/{workspaceId}/webhooks",
  "workspace",
  SIGNED_IN,
  "For the workspace's admins. Its hooks get the events of every map in the workspace.",
  { ...SIGNED_OUT, 403: refusal("Only the workspace's admins.") },
);

export const WEBHOOK_ROUTES = {
  listMapWebhooks: MAP_HOOKS.list,
  createMapWebhook: MAP_HOOKS.create,
  updateMapWebhook: MAP_HOOKS.update,
  deleteMapWebhook: MAP_HOOKS.remove,
  listMapWebhookDeliveries: MAP_HOOKS.deliveries,
  testMapWebhook: MAP_HOOKS.test,
  listWorkspaceWebhooks: WORKSPACE_HOOKS.list,
  createWorkspaceWebhook: WORKSPACE_HOOKS.create,
  updateWorkspaceWebhook: WORKSPACE_HOOKS.update,
  deleteWorkspaceWebhook: WORKSPACE_HOOKS.remove,
  listWorkspaceWebhookDeliveries: WORKSPACE_HOOKS.deliveries,
  testWorkspaceWebhook: WORKSPACE_HOOKS.test,
} as const;
