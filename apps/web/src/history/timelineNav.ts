/** Moving through the timeline burst by burst, optionally through one person's bursts only. */
import type { Burst } from "@journeymap/schema";

export function visibleBursts(bursts: readonly Burst[], author: string | null): Burst[] {
  return author === null ? [...bursts] : bursts.filter((b) => b.author === author);
}

/** The burst that contains row `seq` (the last one at or before it). */
export function burstAt(bursts: readonly Burst[], seq: number): Burst | null {
  let lo = 0;
  let hi = bursts.length - 1;
  let found: Burst | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = bursts[mid]!;
    if (b.fromSeq <= seq) {
      found = b;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Where "next" goes: the end of the next visible burst after `seq`, or null at the end. */
export function nextStop(
  bursts: readonly Burst[],
  seq: number,
  author: string | null,
): number | null {
  for (const b of visibleBursts(bursts, author)) if (b.toSeq > seq) return b.toSeq;
  return null;
}

/** Where "previous" goes: the end of the previous visible burst, or the start of the log. */
export function previousStop(bursts: readonly Burst[], seq: number, author: string | null): number {
  const visible = visibleBursts(bursts, author);
  for (let i = visible.length - 1; i >= 0; i--) {
    const b = visible[i]!;
    if (b.toSeq < seq) return b.toSeq;
  }
  return 0;
}

/** Where "next edit" goes: the next row after `seq` in a visible burst, or null at the end. */
export function nextEdit(
  bursts: readonly Burst[],
  seq: number,
  author: string | null,
): number | null {
  for (const b of visibleBursts(bursts, author))
    if (b.toSeq > seq) return Math.max(seq + 1, b.fromSeq);
  return null;
}

/** Where "previous edit" goes: the previous row before `seq` in a visible burst, or the start. */
export function previousEdit(bursts: readonly Burst[], seq: number, author: string | null): number {
  const visible = visibleBursts(bursts, author);
  for (let i = visible.length - 1; i >= 0; i--) {
    const b = visible[i]!;
    if (b.fromSeq < seq) return Math.min(seq - 1, b.toSeq);
  }
  return 0;
}
