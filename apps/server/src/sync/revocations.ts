/**
 * Revocations cross instances: a link revoked through one instance, or a person whose access
 * to maps changed (removed from a workspace, a lower role, a share withdrawn), must end or
 * downgrade their live connections on every instance within a second. With Redis each one is
 * published on one channel that every instance subscribes to; without it there is one
 * instance and the signal stays local. The announcing instance acts at once, without a round
 * trip through Redis.
 *
 * A revocation made while Redis is down waits in the publisher's queue and is sent when Redis
 * returns; one that another instance missed while it was cut off is caught by the guards'
 * rechecks (LinkGuard, AccountGuard: on reconnection, and periodically).
 */
import { Redis as IORedis } from "ioredis";
import { z } from "zod";
import type { Logger } from "../logger.ts";

export interface Revocations {
  /** Tells every instance, this one first, that a link was revoked. */
  linkRevoked(linkId: string): void;
  /** Tells every instance, this one first, that a person's access to maps changed. */
  accessChanged(userId: string): void;
  close(): Promise<void>;
}

/** What each instance does with a revocation. */
export interface OnRevoked {
  link(linkId: string): void;
  person(userId: string): void;
}

const Id = z.string().min(1).max(64);
const Message = z.union([z.object({ linkId: Id }).strict(), z.object({ userId: Id }).strict()]);
type Message = z.infer<typeof Message>;

function deliver(message: Message, on: OnRevoked): void {
  if ("linkId" in message) on.link(message.linkId);
  else on.person(message.userId);
}

/** One instance: the signal never leaves the process. */
export function localRevocations(on: OnRevoked): Revocations {
  return {
    linkRevoked: on.link,
    accessChanged: on.person,
    close: async () => {},
  };
}

export function redisRevocations(
  url: string,
  prefix: string,
  on: OnRevoked,
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
    let parsed: Message;
    try {
      parsed = Message.parse(JSON.parse(text));
    } catch {
      log.warn({ channel }, "ignoring a malformed revocation message");
      return;
    }
    deliver(parsed, on);
  });
  const announce = (message: Message) => {
    deliver(message, on);
    pub.publish(channel, JSON.stringify(message)).catch((error: unknown) => {
      log.error({ err: error, ...message }, "publishing a revocation failed");
    });
  };
  return {
    linkRevoked: (linkId) => announce({ linkId }),
    accessChanged: (userId) => announce({ userId }),
    async close() {
      pub.disconnect(false);
      sub.disconnect(false);
    },
  };
}
