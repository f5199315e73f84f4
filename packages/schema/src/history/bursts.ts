/**
 * Groups the update log into bursts for the history timeline: consecutive rows by the same
 * author with no pause longer than BURST_GAP_MS. Times are server receipt times, so work done
 * offline arrives as one burst at the moment it was synced, not when it was typed.
 */
export const BURST_GAP_MS = 60_000;

export interface LogEntry {
  readonly seq: number;
  readonly ts: number;
  readonly author: string;
  readonly origin: string;
  readonly bytes: number;
}

export interface Burst {
  readonly fromSeq: number;
  readonly toSeq: number;
  readonly startTs: number;
  readonly endTs: number;
  readonly author: string;
  /** "server" for seeding and migrations; "connection" for people. */
  readonly origin: string;
  readonly count: number;
  readonly bytes: number;
}

export function groupBursts(entries: readonly LogEntry[], gapMs = BURST_GAP_MS): Burst[] {
  const out: Burst[] = [];
  let current: {
    fromSeq: number;
    toSeq: number;
    startTs: number;
    endTs: number;
    author: string;
    origin: string;
    count: number;
    bytes: number;
  } | null = null;
  for (const e of entries) {
    if (
      current &&
      current.author === e.author &&
      current.origin === e.origin &&
      e.ts - current.endTs <= gapMs
    ) {
      current.toSeq = e.seq;
      current.endTs = e.ts;
      current.count++;
      current.bytes += e.bytes;
      continue;
    }
    if (current) out.push(current);
    current = {
      fromSeq: e.seq,
      toSeq: e.seq,
      startTs: e.ts,
      endTs: e.ts,
      author: e.author,
      origin: e.origin,
      count: 1,
      bytes: e.bytes,
    };
  }
  if (current) out.push(current);
  return out;
}

/**
 * `bursts` (grouped from the log up to some row) followed by `added` (grouped from the rows
 * after it): the same as grouping the whole log at once, so a long log's timeline can be kept
 * and extended with the rows logged since, instead of grouped again from row 1 on every call.
 */
export function appendBursts(
  bursts: readonly Burst[],
  added: readonly Burst[],
  gapMs = BURST_GAP_MS,
): Burst[] {
  const last = bursts.at(-1);
  const first = added[0];
  if (
    !last ||
    !first ||
    last.author !== first.author ||
    last.origin !== first.origin ||
    first.startTs - last.endTs > gapMs
  ) {
    return [...bursts, ...added];
  }
  const joined: Burst = {
    ...last,
    toSeq: first.toSeq,
    endTs: first.endTs,
    count: last.count + first.count,
    bytes: last.bytes + first.bytes,
  };
  return [...bursts.slice(0, -1), joined, ...added.slice(1)];
}

/** The people (not the server) who wrote in these bursts, in order of first appearance. */
export function authorsOf(bursts: readonly Burst[]): string[] {
  const seen = new Set<string>();
  for (const b of bursts) if (b.origin !== "server") seen.add(b.author);
  return [...seen];
}
