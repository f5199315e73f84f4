/**
 * Who added and who last changed each thing, for the board (issue 16, R6), fetched lazily and
 * kept: nothing is asked until someone opens a step's menu or a card's details, one request
 * serves every step and card, and it is asked again only when the map has changed since (and
 * not more often than MIN_REFRESH_MS), so 300 steps on screen cost nothing.
 *
 * The table comes from the server's log (history's /attribution), so an edit shows once the
 * server has it; a request made while one is under way waits for that one.
 */
import type { AttributionTable } from "@journeymap/protocol/http";

/** At most one request per this long (ms), however fast the map changes. */
export const MIN_REFRESH_MS = 2000;

export interface AttributionCache<T = AttributionTable> {
  /** The table as last fetched; null before the first answer. */
  readonly read: () => T | null;
  readonly subscribe: (listener: () => void) => () => void;
  /** Fetches when nothing was fetched yet, or the map changed since and enough time passed. */
  readonly request: () => void;
  /** The map changed: the next request fetches again. */
  readonly markChanged: () => void;
}

export function createAttributionCache<T = AttributionTable>(
  fetchTable: () => Promise<T>,
  now: () => number = Date.now,
): AttributionCache<T> {
  let table: T | null = null;
  let changed = true;
  let inFlight = false;
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let waiting = false;
  const listeners = new Set<() => void>();

  const request = () => {
    if (inFlight || !changed) return;
    const wait = fetchedAt + MIN_REFRESH_MS - now();
    if (wait > 0) {
      // Asked too soon after the last answer: ask once the pause is over.
      if (waiting) return;
      waiting = true;
      setTimeout(() => {
        waiting = false;
        request();
      }, wait);
      return;
    }
    inFlight = true;
    changed = false;
    fetchTable()
      .then(
        (answer) => {
          table = answer;
          for (const listener of listeners) listener();
        },
        // A failed request (offline, server down) leaves the last table; the next ask retries.
        () => {
          changed = true;
        },
      )
      .finally(() => {
        inFlight = false;
        fetchedAt = now();
      });
  };

  return {
    read: () => table,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    request,
    markChanged: () => {
      changed = true;
    },
  };
}
