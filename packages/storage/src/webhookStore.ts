/**
 * Outgoing webhooks: the subscriptions (a map's or a workspace's) and the delivery queue, which
 * is also the delivery log. A delivery stays `pending` until a 2xx answer (`delivered`) or its
 * last attempt (`failed`); its `nextAttemptAt` is when it is due, and claiming it moves that
 * time forward (a lease), so a process killed mid-delivery leaves it due again after the
 * lease, and two instances never send it at once.
 */

export interface WebhookRecord {
  readonly id: string;
  /** Exactly one of the two is set: the hook's map, or its workspace. */
  readonly mapId: string | null;
  readonly workspaceId: string | null;
  readonly url: string;
  /** The signing secret (Standard Webhooks, `whsec_…`): sent nowhere but at creation. */
  readonly secret: string;
  readonly events: readonly string[];
  readonly description: string;
  readonly enabled: boolean;
  readonly createdAt: number;
  readonly createdBy: string;
}

export type WebhookPatch = Partial<
  Pick<WebhookRecord, "url" | "events" | "description" | "enabled">
>;

export type DeliveryState = "pending" | "delivered" | "failed";

export interface DeliveryRecord {
  readonly id: string;
  readonly hookId: string;
  readonly mapId: string;
  readonly event: string;
  /** The JSON body, exactly as signed and sent. */
  readonly payload: string;
  readonly status: DeliveryState;
  readonly attempts: number;
  /** When it is due (pending), else null. */
  readonly nextAttemptAt: number | null;
  readonly responseCode: number | null;
  readonly error: string | null;
  readonly durationMs: number | null;
  readonly createdAt: number;
}

/** What one attempt came to. */
export interface AttemptResult {
  readonly status: DeliveryState;
  readonly attempts: number;
  readonly nextAttemptAt: number | null;
  readonly responseCode: number | null;
  readonly error: string | null;
  readonly durationMs: number | null;
}

export interface WebhookStore {
  createWebhook(hook: WebhookRecord): Promise<void>;
  /** The hooks of a map or of a workspace, oldest first. */
  listWebhooks(owner: { mapId: string } | { workspaceId: string }): Promise<WebhookRecord[]>;
  getWebhook(id: string): Promise<WebhookRecord | null>;
  /** The hook after the change, or null when there is none. */
  updateWebhook(id: string, patch: WebhookPatch): Promise<WebhookRecord | null>;
  /** Deletes the hook and its deliveries; false when there was none. */
  deleteWebhook(id: string): Promise<boolean>;
  /** Enabled hooks of the map and of its workspace subscribed to `event`. */
  hooksFor(mapId: string, workspaceId: string | null, event: string): Promise<WebhookRecord[]>;
  enqueueDeliveries(deliveries: readonly DeliveryRecord[]): Promise<void>;
  /**
   * Up to `limit` pending deliveries due at `now`, oldest due first, each leased until
   * `leaseUntil` (its nextAttemptAt) so nobody else claims it meanwhile.
   */
  claimDueDeliveries(now: number, leaseUntil: number, limit: number): Promise<DeliveryRecord[]>;
  recordAttempt(id: string, result: AttemptResult): Promise<void>;
  /** Makes a claimed delivery due again at `at`, without counting an attempt. */
  releaseDelivery(id: string, at: number): Promise<void>;
  getDelivery(id: string): Promise<DeliveryRecord | null>;
  /** The hook's deliveries, newest first. */
  listDeliveries(hookId: string, limit: number): Promise<DeliveryRecord[]>;
  /** Drops the hook's finished deliveries beyond the newest `keep`. */
  pruneDeliveries(hookId: string, keep: number): Promise<void>;
  /** When the next pending delivery is due, or null when none is. */
  nextDueAt(): Promise<number | null>;
}
