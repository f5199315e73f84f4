/**
 * Works the persisted delivery queue (WebhookStore): claims due deliveries, sends each
 * (sendWebhook.ts), and records the outcome: delivered on a 2xx, else due again after a
 * back-off (backoff.ts) until its attempts run out. Bounded: at most `concurrency` requests in
 * flight and `perHook` per hook, so a slow receiver holds a few slots, never all of them.
 * Pending deliveries survive restarts (they are rows); one claimed by a process that died is
 * due again when its lease ends. Other instances' enqueues are seen by polling.
 */
import { WEBHOOK_LOG_SIZE } from "@journeymap/protocol/http";
import type { DeliveryRecord, WebhookRecord, WebhookStore } from "@journeymap/storage";
import type { Logger } from "../logger.ts";
import { type RetryPolicy, retryDelayMs } from "./backoff.ts";
import type { Outgoing, SendResult } from "./sendWebhook.ts";

export interface DispatcherOptions {
  readonly retry: RetryPolicy;
  /** Requests in flight at once, over all hooks. */
  readonly concurrency: number;
  /** Requests in flight at once to one hook. */
  readonly perHook: number;
  /** How long a claimed delivery is someone's: longer than a request's deadline. */
  readonly leaseMs: number;
  /** Longest wait between looks at the queue (other instances enqueue too). */
  readonly pollMs: number;
  readonly now: () => number;
  readonly random: () => number;
}

export type Send = (out: Outgoing) => Promise<SendResult>;

/** A claimed delivery whose hook is busy is due again this much later. */
const BUSY_RETRY_MS = 250;

export class WebhookDispatcher {
  private readonly store: WebhookStore;
  private readonly send: Send;
  private readonly options: DispatcherOptions;
  private readonly log: Logger;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly perHook = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private pumping: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(store: WebhookStore, send: Send, options: DispatcherOptions, log: Logger) {
    this.store = store;
    this.send = send;
    this.options = options;
    this.log = log;
  }

  start(): void {
    this.stopped = false;
    this.wake();
  }

  /** Looks at the queue now (something was enqueued). */
  wake(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump()
      .catch((error: unknown) => this.log.error({ err: error }, "webhook queue failed"))
      .finally(() => {
        this.pumping = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Stops claiming; waits for the requests in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.pumping;
    await Promise.all(this.inFlight.values());
  }

  private async pump(): Promise<void> {
    const { concurrency, leaseMs, now } = this.options;
    const free = concurrency - this.inFlight.size;
    if (free > 0) {
      const at = now();
      for (const delivery of await this.store.claimDueDeliveries(at, at + leaseMs, free))
        await this.begin(delivery);
    }
    await this.schedule();
  }

  private async begin(delivery: DeliveryRecord): Promise<void> {
    const busy = this.perHook.get(delivery.hookId) ?? 0;
    if (busy >= this.options.perHook || this.stopped) {
      await this.store.releaseDelivery(delivery.id, this.options.now() + BUSY_RETRY_MS);
      return;
    }
    this.perHook.set(delivery.hookId, busy + 1);
    const work = this.attempt(delivery)
      .catch((error: unknown) =>
        this.log.error({ err: error, deliveryId: delivery.id }, "webhook delivery failed"),
      )
      .finally(() => {
        this.inFlight.delete(delivery.id);
        const left = (this.perHook.get(delivery.hookId) ?? 1) - 1;
        if (left > 0) this.perHook.set(delivery.hookId, left);
        else this.perHook.delete(delivery.hookId);
        this.wake();
      });
    this.inFlight.set(delivery.id, work);
  }

  /** Sleeps until the next delivery is due, or the poll interval, whichever is sooner. */
  private async schedule(): Promise<void> {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const next = await this.store.nextDueAt();
    const wait =
      next === null
        ? this.options.pollMs
        : Math.min(this.options.pollMs, Math.max(0, next - this.options.now()));
    this.timer = setTimeout(() => this.wake(), wait);
    this.timer.unref();
  }

  private async attempt(delivery: DeliveryRecord): Promise<void> {
    const hook = await this.store.getWebhook(delivery.hookId);
    const attempts = delivery.attempts + 1;
    if (!hook?.enabled) {
      await this.store.recordAttempt(delivery.id, {
        status: "failed",
        attempts: delivery.attempts,
        nextAttemptAt: null,
        responseCode: null,
        error: hook ? "the webhook is disabled" : "the webhook was deleted",
        durationMs: null,
      });
      return;
    }
    const result = await this.send(outgoing(hook, delivery));
    const { retry, now, random } = this.options;
    const last = attempts >= retry.maxAttempts;
    await this.store.recordAttempt(delivery.id, {
      status: result.ok ? "delivered" : last ? "failed" : "pending",
      attempts,
      nextAttemptAt: result.ok || last ? null : now() + retryDelayMs(retry, attempts, random),
      responseCode: result.status,
      error: result.ok ? null : result.error,
      durationMs: result.durationMs,
    });
    if (!result.ok)
      this.log.info(
        { hookId: hook.id, deliveryId: delivery.id, attempts, error: result.error },
        last ? "webhook delivery failed for good" : "webhook delivery failed; will retry",
      );
    await this.store.pruneDeliveries(hook.id, WEBHOOK_LOG_SIZE);
  }
}

function outgoing(hook: WebhookRecord, delivery: DeliveryRecord): Outgoing {
  return { url: hook.url, secret: hook.secret, id: delivery.id, body: delivery.payload };
}
