/**
 * The board's freshness (issue 18), outside React: the last change of each thing from the
 * server's log (fetched, kept and fetched again after the map changes, at most every 2 s:
 * sync/attributionCache.ts), and what the live document says (the map, the review period,
 * owners, verifications), combined by the schema's `computeFreshness`. Verifying shows at
 * once for everyone: it is a live edit of the document, not a server answer.
 *
 * Computed when read after an input changed, so one read serves every subscriber.
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

/** Ages are whole days: looking again every hour keeps them right on a board left open. */
const TICK_MS = 60 * 60 * 1000;

export class FreshnessStore {
  private readonly doc: Y.Doc;
  private readonly reader: MapReader;
  private readonly table: AttributionCache<LastChangeTable>;
  private readonly now: () => number;
  private readonly listeners = new Set<() => void>();
  private changes: ReadonlyMap<string, ShownChange> = new Map();
  private changesOf: LastChangeTable | null = null;
  private computed: MapFreshness | null = null;

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
      this.computed = null;
      for (const listener of this.listeners) listener();
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
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Null until the server's table has arrived (nothing fades on a guess). */
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
