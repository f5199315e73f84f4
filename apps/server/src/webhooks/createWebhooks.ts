/**
 * The webhooks, wired: the store's delivery queue, its dispatcher, and the service listening
 * to the event bus. createServer starts it and stops it on shutdown.
 */
import type { MapStore } from "@journeymap/storage";
import type { EventBus } from "../events/EventBus.ts";
import type { Logger } from "../logger.ts";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./backoff.ts";
import { sendWebhook } from "./sendWebhook.ts";
import { WebhookDispatcher } from "./WebhookDispatcher.ts";
import { WebhookService } from "./WebhookService.ts";

export interface WebhookOptions {
  /** Let hooks reach private, loopback and link-local addresses (WEBHOOKS_ALLOW_PRIVATE). */
  readonly allowPrivate: boolean;
  readonly retry: RetryPolicy;
  /** Deadline of one request, connection to answer. */
  readonly timeoutMs: number;
  readonly concurrency: number;
  readonly perHook: number;
  readonly pollMs: number;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = {
  allowPrivate: false,
  retry: DEFAULT_RETRY_POLICY,
  timeoutMs: 10_000,
  concurrency: 8,
  perHook: 2,
  pollMs: 5_000,
};

export interface Webhooks {
  readonly service: WebhookService;
  stop(): Promise<void>;
}

export function createWebhooks(
  store: MapStore,
  events: EventBus,
  options: WebhookOptions,
  log: Logger,
  now: () => number = Date.now,
): Webhooks {
  const hooks = store.webhooks();
  const dispatcher = new WebhookDispatcher(
    hooks,
    (out) =>
      sendWebhook(out, { timeoutMs: options.timeoutMs, allowPrivate: options.allowPrivate, now }),
    {
      retry: options.retry,
      concurrency: options.concurrency,
      perHook: options.perHook,
      // A claimed delivery outlives its request's deadline before anyone else may take it.
      leaseMs: options.timeoutMs * 3,
      pollMs: options.pollMs,
      now,
      random: Math.random,
    },
    log,
  );
  const service = new WebhookService({
    hooks,
    maps: store,
    dispatcher,
    allowPrivate: options.allowPrivate,
    now,
  });
  const unsubscribe = events.on(service.onEvent);
  dispatcher.start();
  return {
    service,
    stop: async () => {
      unsubscribe();
      await dispatcher.stop();
    },
  };
}
