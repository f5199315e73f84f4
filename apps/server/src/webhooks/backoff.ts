/**
 * When a failed delivery is tried again: exponential back-off (base × 2^(attempt−1), capped)
 * with jitter, so receivers coming back from an outage are not hit by every sender at once.
 * The delay is drawn between half and all of the exponential step ("equal jitter"): never
 * sooner than half, so a receiver gets time to recover.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included; then the delivery is failed. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/**
 * 15 s, 30 s, 1 min… then hourly: the last of 12 attempts comes 2 to 4 h after the first,
 * long enough to ride out a receiver's deploy or an evening outage.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 12,
  baseDelayMs: 15_000,
  maxDelayMs: 60 * 60_000,
};

/** The delay after failed attempt number `attempt` (1-based); `random` in [0, 1). */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}
