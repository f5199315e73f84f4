/**
 * Idempotency-Key answers of metric pushes, kept in memory for a day (bounded). A push sets
 * state, so a retry that misses this cache (another instance, a restart) changes nothing
 * either; the cache makes the retry also get the first answer, and catches a key reused with
 * another body.
 */
export interface Replay {
  readonly fingerprint: string;
  readonly status: number;
  readonly body: unknown;
}

/** Keys remembered (oldest dropped first) and for how long. */
export const REPLAY_LIMITS = { maxKeys: 10_000, ttlMs: 24 * 60 * 60 * 1000 } as const;

export class ReplayCache {
  private readonly entries = new Map<string, Replay & { readonly at: number }>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  get(key: string): Replay | undefined {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.at > REPLAY_LIMITS.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, replay: Replay): void {
    this.entries.delete(key);
    this.entries.set(key, { ...replay, at: this.now() });
    // Map iteration is insertion order: the first key is the oldest.
    while (this.entries.size > REPLAY_LIMITS.maxKeys) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }
}
