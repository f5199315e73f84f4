/**
 * Revocations cross instances: a link revoked through one instance must end its connections on
 * every instance within a second. With Redis each revocation is published on one channel that
 * every instance subscribes to; without it there is one instance and the signal stays local.
 * The revoking instance acts on its own revocation at once, without a round trip through Redis.
 *
 * A revocation made while Redis is down waits in the publisher's queue and is sent when Redis
 * returns; one that another instance missed while it was cut off is caught by LinkGuard's
 * recheck (on reconnection, and periodically).
 */
import { Redis as IORedis } from "ioredis";
import { z } from "zod";
import type { Logger } from "../logger.ts";

export interface Revocations {
  /** Tells every instance, this one first, that a link was revoked. */
  announce(linkId: string): void;
  close(): Promise<void>;
}

export type OnRevoked = (linkId: string) => void;

const Message = z.object({ linkId: z.string().min(1).max(64) }).strict();

/** One instance: the signal never leaves the process. */
export function localRevocations(onRevoked: OnRevoked): Revocations {
  return { announce: onRevoked, close: async () => {} };
}

export function redisRevocations(
  url: string,
  prefix: string,
  onRevoked: OnRevoked,
  log: Logger,
): Revocations {
  // `#` keeps the channel apart from the Redis extension's document channels (`<prefix>:<doc>`).
  const channel = `${prefix}#revoked`;
  // No retry cap: a revocation published during an outage is sent when Redis returns.
  const pub = new IORedis(url, { maxRetriesPerRequest: null });
  const sub = new IORedis(url);
  for (const client of [pub, sub]) {
    // ioredis reports every failed reconnection; the scale-out health (ScaleOut.ts) logs outages.
    client.on("error", () => {});
  }
  sub.subscribe(channel).catch((error: unknown) => {
    log.error({ err: error }, "subscribing to revocations failed");
  });
  sub.on("message", (from: string, text: string) => {
    if (from !== channel) return;
    let parsed: z.infer<typeof Message>;
    try {
      parsed = Message.parse(JSON.parse(text));
    } catch {
      log.warn({ channel }, "ignoring a malformed revocation message");
      return;
    }
    onRevoked(parsed.linkId);
  });
  return {
    announce(linkId) {
      onRevoked(linkId);
      pub.publish(channel, JSON.stringify({ linkId })).catch((error: unknown) => {
        log.error({ err: error, linkId }, "publishing a revocation failed");
      });
    },
    async close() {
      pub.disconnect(false);
      sub.disconnect(false);
    },
  };
}
