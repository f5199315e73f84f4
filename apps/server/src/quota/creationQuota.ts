/**
 * Map creation and import, the two open doors that store data without any link: at most
 * `perHour` per client address (TRUST_PROXY decides which address that is), and none while
 * the store has no room. 429 with Retry-After, or 507, each with a message for the person.
 */
import type { MiddlewareHandler } from "hono";
import { clientAddressOfEnv, type TrustProxy } from "../clientAddress.ts";
import { RateLimiter } from "../http/RateLimiter.ts";
import type { StoreHealth } from "./StoreHealth.ts";

export function creationQuota(
  perHour: number,
  trust: TrustProxy,
  health: StoreHealth,
  now: () => number = Date.now,
): MiddlewareHandler {
  // The whole hour may be used at once, then it refills evenly.
  const limiter = new RateLimiter(perHour / 60, perHour, now);
  return async (c, next) => {
    const room = await health.room();
    if (!room.ok) return c.json({ error: `${room.reason}; no new maps for now` }, 507);
    const address = clientAddressOfEnv(c.env, trust) ?? "unknown";
    const decision = limiter.take(address);
    if (!decision.ok) {
      c.header("Retry-After", String(decision.retryAfterSeconds));
      return c.json(
        {
          error: `At most ${perHour} new maps per hour from one address; try again in ${decision.retryAfterSeconds} s`,
        },
        429,
      );
    }
    await next();
  };
}
