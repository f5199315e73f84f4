/**
 * Webhooks as the API sees them: a map's or a workspace's hooks, created with a secret shown
 * once, changed, deleted, their delivery log and a test event; and, subscribed to the event
 * bus, every event of a map queued once per enabled hook of the map or its workspace that
 * wants it. Who may do what is the routes' business (http/webhookRoutes.ts).
 */
import { randomBytes, randomUUID } from "node:crypto";
import {
  EVENT,
  type MapEvent,
  MAX_WEBHOOKS_PER_SCOPE,
  type UpdateWebhookBody,
  type Webhook,
  type WebhookDelivery,
  type WebhookEnvelope,
  WEBHOOK_LOG_SIZE,
} from "@journeymap/protocol/http";
import type { DeliveryRecord, MapStore, WebhookRecord, WebhookStore } from "@journeymap/storage";
import { refuseWebhookUrl } from "./addressPolicy.ts";
import type { WebhookDispatcher } from "./WebhookDispatcher.ts";
import { ServiceRefusal } from "../ServiceRefusal.ts";

/** A hook's owner: a map, or a workspace. */
export type HookOwner = { readonly mapId: string } | { readonly workspaceId: string };

export class WebhookRefusal extends ServiceRefusal<400 | 404 | 409> {
  override name = "WebhookRefusal";
}

export interface NewHook {
  readonly url: string;
  readonly events: readonly string[];
  readonly description?: string | undefined;
}

export class WebhookService {
  private readonly hooks: WebhookStore;
  private readonly maps: Pick<MapStore, "mapPolicy">;
  private readonly dispatcher: WebhookDispatcher;
  private readonly allowPrivate: boolean;
  private readonly now: () => number;

  constructor(options: {
    hooks: WebhookStore;
    maps: Pick<MapStore, "mapPolicy">;
    dispatcher: WebhookDispatcher;
    allowPrivate: boolean;
    now: () => number;
  }) {
    this.hooks = options.hooks;
    this.maps = options.maps;
    this.dispatcher = options.dispatcher;
    this.allowPrivate = options.allowPrivate;
    this.now = options.now;
  }

  async list(owner: HookOwner): Promise<Webhook[]> {
    return (await this.hooks.listWebhooks(owner)).map(shown);
  }

  async create(
    owner: HookOwner,
    input: NewHook,
    createdBy: string,
  ): Promise<{ webhook: Webhook; secret: string }> {
    await this.checkUrl(input.url);
    if ((await this.hooks.listWebhooks(owner)).length >= MAX_WEBHOOKS_PER_SCOPE)
      throw new WebhookRefusal(409, `At most ${MAX_WEBHOOKS_PER_SCOPE} webhooks here`);
    const hook: WebhookRecord = {
      id: randomUUID(),
      mapId: "mapId" in owner ? owner.mapId : null,
      workspaceId: "workspaceId" in owner ? owner.workspaceId : null,
      url: input.url,
      secret: `whsec_${randomBytes(32).toString("base64")}`,
      events: [...new Set(input.events)],
      description: input.description ?? "",
      enabled: true,
      createdAt: this.now(),
      createdBy,
    };
    await this.hooks.createWebhook(hook);
    return { webhook: shown(hook), secret: hook.secret };
  }

  async update(owner: HookOwner, id: string, patch: UpdateWebhookBody): Promise<Webhook> {
    await this.owned(owner, id);
    if (patch.url !== undefined) await this.checkUrl(patch.url);
    const events = patch.events ? { events: [...new Set(patch.events)] } : {};
    const after = await this.hooks.updateWebhook(id, { ...patch, ...events });
    if (!after) throw new WebhookRefusal(404, "No such webhook here");
    return shown(after);
  }

  async remove(owner: HookOwner, id: string): Promise<void> {
    await this.owned(owner, id);
    await this.hooks.deleteWebhook(id);
  }

  async deliveries(owner: HookOwner, id: string): Promise<WebhookDelivery[]> {
    await this.owned(owner, id);
    return (await this.hooks.listDeliveries(id, WEBHOOK_LOG_SIZE)).map(deliveryShown);
  }

  /** Queues a webhook.test event for the hook (a disabled hook logs it as failed). */
  async test(owner: HookOwner, id: string): Promise<WebhookDelivery> {
    const hook = await this.owned(owner, id);
    const mapId = hook.mapId ?? "";
    const [delivery] = await this.enqueue(
      [hook],
      {
        type: EVENT.webhookTest,
        mapId,
        data: { message: "A test event from Journeymap: this webhook works." },
      },
      hook.workspaceId,
    );
    this.dispatcher.wake();
    return deliveryShown(delivery as DeliveryRecord);
  }

  /** The event bus's listener: queues the event for every hook that wants it. */
  readonly onEvent = async (event: MapEvent): Promise<void> => {
    const workspaceId = (await this.maps.mapPolicy(event.mapId))?.workspaceId ?? null;
    const hooks = await this.hooks.hooksFor(event.mapId, workspaceId, event.type);
    if (hooks.length === 0) return;
    await this.enqueue(hooks, event, workspaceId);
    this.dispatcher.wake();
  };

  private async enqueue(
    hooks: readonly WebhookRecord[],
    event: MapEvent,
    workspaceId: string | null,
  ): Promise<DeliveryRecord[]> {
    const at = this.now();
    const deliveries = hooks.map((hook): DeliveryRecord => {
      const id = `msg_${randomUUID()}`;
      const envelope: WebhookEnvelope = {
        id,
        type: event.type,
        timestamp: new Date(at).toISOString(),
        mapId: event.mapId,
        workspaceId,
        data: event.data,
      };
      return {
        id,
        hookId: hook.id,
        mapId: event.mapId,
        event: event.type,
        payload: JSON.stringify(envelope),
        status: "pending",
        attempts: 0,
        nextAttemptAt: at,
        responseCode: null,
        error: null,
        durationMs: null,
        createdAt: at,
      };
    });
    await this.hooks.enqueueDeliveries(deliveries);
    return deliveries;
  }

  /** The hook if it is the owner's, else a 404 (another map's hook is not to be known of). */
  private async owned(owner: HookOwner, id: string): Promise<WebhookRecord> {
    const hook = await this.hooks.getWebhook(id);
    const mine =
      hook !== null &&
      ("mapId" in owner ? hook.mapId === owner.mapId : hook.workspaceId === owner.workspaceId);
    if (!mine) throw new WebhookRefusal(404, "No such webhook here");
    return hook;
  }

  private async checkUrl(url: string): Promise<void> {
    const refused = await refuseWebhookUrl(url, this.allowPrivate);
    if (refused) throw new WebhookRefusal(400, refused);
  }
}

/** A hook as answered: never its secret. */
function shown(hook: WebhookRecord): Webhook {
  return {
    id: hook.id,
    scope: hook.mapId !== null ? "map" : "workspace",
    scopeId: hook.mapId ?? hook.workspaceId ?? "",
    url: hook.url,
    events: [...hook.events],
    description: hook.description,
    enabled: hook.enabled,
    createdAt: hook.createdAt,
    createdBy: hook.createdBy,
  };
}

function deliveryShown(d: DeliveryRecord): WebhookDelivery {
  return {
    id: d.id,
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    responseCode: d.responseCode,
    error: d.error,
    durationMs: d.durationMs,
    createdAt: d.createdAt,
    nextAttemptAt: d.status === "pending" ? d.nextAttemptAt : null,
  };
}
