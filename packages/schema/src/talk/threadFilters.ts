/** Pure views over threads for the comments panel: filters and unread markers. */
import type { Thread } from "./Talk.ts";

export interface ThreadFilter {
  readonly status: "open" | "resolved" | "all";
  /** Only threads this person wrote in or was mentioned in; null for everyone. */
  readonly person: string | null;
}

export function involves(thread: Thread, person: string): boolean {
  const p = person.toLowerCase();
  return (
    thread.author.toLowerCase() === p ||
    thread.comments.some(
      (c) => c.author.toLowerCase() === p || c.mentions.some((m) => m.toLowerCase() === p),
    )
  );
}

export function filterThreads(threads: readonly Thread[], filter: ThreadFilter): Thread[] {
  return threads.filter(
    (t) =>
      (filter.status === "all" || (filter.status === "open") === (t.resolved === null)) &&
      (filter.person === null || involves(t, filter.person)),
  );
}

/** Everyone who wrote or was mentioned, for the person filter and for @ suggestions. */
export function peopleIn(threads: readonly Thread[]): string[] {
  const names = new Set<string>();
  for (const t of threads)
    for (const c of t.comments) {
      if (c.author) names.add(c.author);
      for (const m of c.mentions) names.add(m);
    }
  return [...names].sort((a, b) => a.localeCompare(b));
}

/**
 * Unread: comments by someone else newer than what this reader last saw of the thread.
 * `seen` maps thread id → the lastActivity the reader had seen (kept per browser).
 */
export function unreadCount(
  thread: Thread,
  me: string,
  seen: Readonly<Record<string, number>>,
): number {
  const since = seen[thread.id] ?? 0;
  return thread.comments.filter((c) => c.createdAt > since && c.author !== me).length;
}
