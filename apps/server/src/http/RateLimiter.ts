/**
 * A token bucket per key (API token link + client address): `burst` requests at once, then
 * `perMinute` on average. In memory per instance, so with N instances behind a balancer the
 * effective limit is up to N times higher; it exists to stop a runaway integration, not to
 * meter anyone.
 */
export interface RateDecision {
  readonly ok: boolean;
  /** Seconds until one more request would be allowed (when refused). */
  readonly retryAfterSeconds: number;
}

const MAX_KEYS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;
  private readonly burst: number;
  private readonly now: () => number;

  constructor(perMinute: number, burst: number, now: () => number = Date.now) {
    this.perMs = perMinute / 60_000;
    this.burst = burst;
    this.now = now;
  }

  take(key: string, cost = 1): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    if (this.buckets.size >= MAX_KEYS && !this.buckets.has(key)) this.sweep(now);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { ok: true, retryAfterSeconds: 0 };
    }
    return { ok: false, retryAfterSeconds: Math.ceil((cost - bucket.tokens) / this.perMs / 1000) };
  }

  /** Forgets buckets that have refilled (they behave exactly like new ones). */
  private sweep(now: number): void {
    for (const [key, b] of this.buckets)
      if (b.tokens + (now - b.at) * this.perMs >= this.burst) this.buckets.delete(key);
  }
}
