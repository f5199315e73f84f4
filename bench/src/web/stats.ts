/** Summary statistics of repeated samples (nearest-rank percentiles: no interpolation). */

export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error("percentile of no samples");
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/** A run of frames: rAF timestamps turned into frame times, frames per second and jank. */
export interface FrameStats {
  readonly frames: number;
  readonly seconds: number;
  readonly fps: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  /** Frames that took longer than 1.5 refresh intervals (at least one vsync was missed). */
  readonly longFrames: number;
}

export function frameStats(timestamps: readonly number[], refreshMs = 1000 / 60): FrameStats {
  if (timestamps.length < 2) throw new Error("need at least two frames");
  const deltas: number[] = [];
  for (let i = 1; i < timestamps.length; i++) deltas.push(timestamps[i]! - timestamps[i - 1]!);
  const s = summarize(deltas);
  const seconds = (timestamps[timestamps.length - 1]! - timestamps[0]!) / 1000;
  return {
    frames: deltas.length,
    seconds,
    fps: deltas.length / seconds,
    medianMs: s.median,
    p95Ms: s.p95,
    maxMs: s.max,
    longFrames: deltas.filter((d) => d > refreshMs * 1.5).length,
  };
}
