/**
 * The board's freshness (issue 18), outside React: the last change of each thing from the
 * server's log (fetched, kept and fetched again after the map changes, at most every 2 s:
 * sync/attributionCache.ts), and what the live document says (the map, the review period,
 * owners, verifications), combined by the schema's `computeFreshness`. Verifying shows for
 * everyone within a moment: it is a live edit of the document, not a server answer.
 *
 * Computed away from edits: a change of any input (every remote keystroke changes the map) only
 * schedules one computation for the next idle moment (at most RECOMPUTE_WITHIN_MS later), and
 * subscribers are told after it, so a burst of edits costs one pass over the map, not one per
 * edit, and never a frame of the edit's own paint (issue 15, B12).
 */
import type { LastChangeTable } from "@journeymap/protocol/http";
import {
  computeFreshness,
  freshnessRoot,
  type MapFreshness,
  type MapReader,
  readFreshnessSettings,
  type ShownChange,
} from "@journeymap/schema";
import type * as Y from "yjs";
import type { AttributionCache } from "../sync/attributionCache.ts";
import { whenIdle } from "../sync/whenIdle.ts";

/** Ages are whole days: looking again every hour keeps them right on a board left open. */
const TICK_MS = 60 * 60 * 1000;
/** A verification or a new fade shows within this, even while people keep typing. */
export const RECOMPUTE_WITHIN_MS = 250;

export class FreshnessStore {
  private readonly doc: Y.Doc;
  private readonly reader: MapReader;
  private readonly table: AttributionCache<LastChangeTable>;
  private readonly now: () => number;
  private readonly listeners = new Set<() => void>();
  private changes: ReadonlyMap<string, ShownChange> = new Map();
  private changesOf: LastChangeTable | null = null;
  private computed: MapFreshness | null = null;
  /** The scheduled recomputation, if an input changed since the last one. */
  private cancelPending: (() => void) | null = null;

  constructor(
    doc: Y.Doc,
    reader: MapReader,
    table: AttributionCache<LastChangeTable>,
    now: () => number = Date.now,
  ) {
    this.doc = doc;
    this.reader = reader;
    this.table = table;
    this.now = now;
  }

  /** Starts following the map and the server; the answer stops. */
  start(): () => void {
    const changed = () => {
      this.cancelPending ??= whenIdle(() => {
        this.cancelPending = null;
        this.computed = null;
        for (const listener of this.listeners) listener();
      }, RECOMPUTE_WITHIN_MS);
    };
    const edited = () => {
      this.table.markChanged();
      this.table.request();
    };
    const root = freshnessRoot(this.doc);
    root?.observe(changed);
    const stopReader = this.reader.subscribe(changed);
    const stopTable = this.table.subscribe(changed);
    this.doc.on("update", edited);
    const tick = setInterval(changed, TICK_MS);
    this.table.request();
    return () => {
      root?.unobserve(changed);
      stopReader();
      stopTable();
      this.doc.off("update", edited);
      clearInterval(tick);
      this.cancelPending?.();
      this.cancelPending = null;
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Null until the server's table has arrived (nothing fades on a guess). Between a change and
   * its scheduled recomputation, the freshness as it was.
   */
  read = (): MapFreshness | null => {
    const table = this.table.read();
    if (!table) return null;
    if (table !== this.changesOf) {
      this.changesOf = table;
      this.changes = new Map(Object.entries(table.changes));
    }
    this.computed ??= computeFreshness(
      this.reader.read(),
      this.changes,
      readFreshnessSettings(this.doc),
      this.now(),
    );
    return this.computed;
  };
}
