/**
 * Scale-out over Redis: Hocuspocus' Redis extension relays updates and awareness between
 * instances. This adds what it lacks for an outage of Redis (or of one instance's link to it):
 *
 * - Health: readiness reports the bus, so a load balancer stops sending clients to an instance
 *   whose edits would not reach the others.
 * - Resync: Redis pub/sub does not keep messages, so whatever was published while an instance
 *   was cut off is lost on both sides. When both of its connections are back it publishes a
 *   SyncStep1 (its state vector) for every document it holds; each peer answers on this
 *   instance's reply channel with what it lacks plus its own SyncStep1, which the extension
 *   answers in turn: both sides converge without waiting for the next edit.
 */
import { Redis } from "@hocuspocus/extension-redis";
import { OutgoingMessage } from "@hocuspocus/server";
import { Redis as IORedis } from "ioredis";
import type { Logger } from "../logger.ts";

/** A readiness probe waits this long (ms) for Redis to answer a PING. */
const BUS_PING_TIMEOUT_MS = 1000;

export type BusStatus = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export class ScaleOut {
  readonly extension: Redis;
  private readonly prefix: string;
  private readonly log: Logger;
  private readonly onReconnected: () => void;
  /** Set when a connection to Redis closed; cleared by the resync once both are back. */
  private lost = false;

  /** `onReconnected` runs after each resync (LinkGuard re-checks links: revocations were lost too). */
  constructor(url: string, prefix: string, log: Logger, onReconnected: () => void = () => {}) {
    this.prefix = prefix;
    this.log = log;
    this.onReconnected = onReconnected;
    this.extension = new Redis({
      createClient: () => new IORedis(url, { maxRetriesPerRequest: 3 }),
      prefix,
    });
    for (const client of [this.extension.pub, this.extension.sub]) {
      client.on("error", (error: Error) => {
        if (!this.lost) this.log.warn({ err: error.message }, "scale-out bus (Redis) error");
      });
      client.on("close", () => {
        if (!this.lost) this.log.warn("scale-out bus (Redis) disconnected");
        this.lost = true;
      });
      client.on("ready", this.handleReady);
    }
  }

  /** Whether edits made here reach the other instances now. */
  async status(): Promise<BusStatus> {
    const { pub, sub } = this.extension;
    for (const client of [pub, sub]) {
      if (client.status !== "ready") return { ok: false, reason: `Redis ${client.status}` };
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        pub.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error("timeout")), BUS_PING_TIMEOUT_MS);
        }),
      ]);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: `Redis did not answer: ${(error as Error).message}` };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.extension.onDestroy();
  }

  private readonly handleReady = (): void => {
    const { pub, sub } = this.extension;
    if (!this.lost || pub.status !== "ready" || sub.status !== "ready") return;
    this.lost = false;
    this.log.info("scale-out bus (Redis) reconnected: resyncing loaded documents");
    // ioredis re-subscribes in the same turn as `ready`, ahead of these publishes, so the
    // answers find the reply channel subscribed.
    this.resync().catch((error: unknown) =>
      this.log.error({ err: error }, "resyncing documents after a Redis outage failed"),
    );
    this.onReconnected();
  };

  private async resync(): Promise<void> {
    const { instance, pub, messagePrefix } = this.extension;
    if (!instance) return;
    const publishes: Array<Promise<unknown>> = [];
    for (const [name, document] of instance.documents) {
      const step1 = new OutgoingMessage(name).createSyncMessage().writeFirstSyncStepFor(document);
      // The extension's document channel and framing (its `pubKey` and `encodeMessage`).
      publishes.push(
        pub.publish(
          `${this.prefix}:${name}`,
          Buffer.concat([messagePrefix, Buffer.from(step1.toUint8Array())]),
        ),
      );
    }
    await Promise.all(publishes);
  }
}
