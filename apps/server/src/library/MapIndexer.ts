/**
 * Keeps the journey library's index current (issue 19): shortly after a map or its talk document
 * changes, every sink (the summary, the search index…) re-indexes it from the live document;
 * at start and every few seconds after, maps whose index is missing, older than their last edit
 * or of an older index version are indexed from the store. Views across hundreds of maps then
 * read the sinks' rows, never documents.
 *
 * "Shortly": a change is indexed INDEX_QUIET_MS after the map goes quiet, and at most
 * INDEX_MAX_WAIT_MS after it was made, so a search finds an edit within a second even while
 * someone keeps typing. Indexing reads the document once per sink pass, not per update.
 */
import type { Extension, onChangePayload, onLoadDocumentPayload } from "@hocuspocus/server";
import { mapDocumentName, parseDocumentName, talkDocumentName } from "@journeymap/protocol";
import { type JourneyMap, readJourneyMap, summarizeMap } from "@journeymap/schema";
import type { MapStore } from "@journeymap/storage";
import * as Y from "yjs";
import type { Logger } from "../logger.ts";

export const INDEX_QUIET_MS = 250;
export const INDEX_MAX_WAIT_MS = 800;
/** How often maps changed outside a live document (created, imported, restored) are looked for. */
export const INDEX_SWEEP_MS = 5_000;
/**
 * The index's version: bump it when any sink indexes differently, and every map is indexed
 * again at the next start.
 */
export const LIBRARY_INDEX_VERSION = 2;

/** One consumer of the index: writes its own rows from a map's documents. */
export interface LibrarySink {
  readonly name: string;
  /** The map document (as of now) and its read model. */
  indexMap(mapId: string, doc: Y.Doc, map: JourneyMap): Promise<void>;
  /** The map's talk document (comments, the evidence inbox). */
  indexTalk?(mapId: string, doc: Y.Doc): Promise<void>;
}

type Kind = "map" | "talk";

interface Pending {
  timer: ReturnType<typeof setTimeout>;
  firstAt: number;
  doc: Y.Doc;
}

export class MapIndexer implements Extension {
  readonly extensionName = "journeymap-library-index";
  private readonly store: MapStore;
  private readonly sinks: LibrarySink[] = [];
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly pending = new Map<string, Pending>();
  /** One pass at a time per document, so two passes never write one map's rows out of order. */
  private readonly running = new Map<string, Promise<void>>();
  private sweepTimer: ReturnType<typeof setInterval> | null = null;
  private sweeping: Promise<void> | null = null;
  /** Maps asked to be indexed again (requestIndex), and the pass working through them. */
  private readonly requested = new Set<string>();
  private requesting: Promise<void> | null = null;
  private stopped = false;

  constructor(store: MapStore, log: Logger, now: () => number = Date.now) {
    this.store = store;
    this.log = log;
    this.now = now;
  }

  /** Adds a sink; call before `start`. */
  add(sink: LibrarySink): this {
    this.sinks.push(sink);
    return this;
  }

  /** Indexes what is stale now, then keeps sweeping. */
  start(): void {
    void this.sweep();
    this.sweepTimer = setInterval(() => void this.sweep(), INDEX_SWEEP_MS);
    this.sweepTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    for (const [name, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(name);
    }
    await this.sweeping;
    await this.requesting;
    await Promise.allSettled(this.running.values());
  }

  async onChange({ documentName, document }: onChangePayload): Promise<void> {
    this.schedule(documentName, document);
  }

  async afterLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    // A map opened after changes nobody indexed (made by an import, or before a crash).
    const parsed = parseDocumentName(documentName);
    if (parsed?.kind !== "map") return;
    const mark = (await this.store.library().summaryMarks()).get(parsed.mapId);
    if (mark === undefined || mark.version !== LIBRARY_INDEX_VERSION)
      this.schedule(documentName, document);
  }

  /** Indexes every pending change now (tests, shutdown). */
  async flush(): Promise<void> {
    for (const [name, p] of [...this.pending]) {
      clearTimeout(p.timer);
      this.pending.delete(name);
      await this.run(name, p.doc);
    }
    await Promise.allSettled(this.running.values());
  }

  private schedule(documentName: string, doc: Y.Doc): void {
    if (this.stopped) return;
    const parsed = parseDocumentName(documentName);
    if (parsed === null) return;
    const now = this.now();
    const was = this.pending.get(documentName);
    if (was) clearTimeout(was.timer);
    const firstAt = was?.firstAt ?? now;
    const wait = Math.max(0, Math.min(INDEX_QUIET_MS, firstAt + INDEX_MAX_WAIT_MS - now));
    const timer = setTimeout(() => {
      this.pending.delete(documentName);
      void this.run(documentName, doc);
    }, wait);
    timer.unref();
    this.pending.set(documentName, { timer, firstAt, doc });
  }

  private run(documentName: string, doc: Y.Doc): Promise<void> {
    const before = this.running.get(documentName) ?? Promise.resolve();
    const next = before
      .then(() => this.indexDocument(documentName, doc))
      .catch((error: unknown) =>
        this.log.error({ err: error, documentName }, "indexing a map for the library failed"),
      )
      .finally(() => {
        if (this.running.get(documentName) === next) this.running.delete(documentName);
      });
    this.running.set(documentName, next);
    return next;
  }

  private async indexDocument(documentName: string, doc: Y.Doc): Promise<void> {
    const parsed = parseDocumentName(documentName);
    if (parsed === null) return;
    await this.indexParsed(parsed.mapId, parsed.kind, doc);
  }

  private async indexParsed(mapId: string, kind: Kind, doc: Y.Doc): Promise<void> {
    if (kind === "talk") {
      for (const sink of this.sinks) await sink.indexTalk?.(mapId, doc);
      return;
    }
    const startedAt = this.now();
    const { last } = await this.store.logBounds(mapDocumentName(mapId));
    const map = readJourneyMap(doc);
    for (const sink of this.sinks) await sink.indexMap(mapId, doc, map);
    // Written last, the summary is also the mark that every sink has seen the map as of now.
    await this.store.library().putSummary({
      mapId,
      summary: JSON.stringify(summarizeMap(map)),
      seq: last,
      version: LIBRARY_INDEX_VERSION,
      updatedAt: startedAt,
    });
  }

  /**
   * Indexes these maps from the store again, one after another in the background: for a sink
   * that acts on what it finds (a library edit's maps its propagation did not reach).
   */
  requestIndex(mapIds: readonly string[]): void {
    if (this.stopped) return;
    for (const id of mapIds) this.requested.add(id);
    this.requesting ??= this.indexRequested().finally(() => {
      this.requesting = null;
    });
  }

  private async indexRequested(): Promise<void> {
    for (const mapId of this.requested) {
      this.requested.delete(mapId);
      if (this.stopped) return;
      try {
        await this.indexStored(mapId);
      } catch (error) {
        this.log.error({ err: error, mapId }, "indexing a requested map for the library failed");
      }
    }
  }

  /** Indexes from the store every map whose index is missing, old or older than its last edit. */
  sweep(): Promise<void> {
    this.sweeping ??= this.sweepOnce().finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }

  private async sweepOnce(): Promise<void> {
    if (this.stopped) return;
    try {
      const [maps, marks] = await Promise.all([
        this.store.listMaps(),
        this.store.library().summaryMarks(),
      ]);
      for (const map of maps) {
        if (this.stopped) return;
        if (map.deletedAt !== null) continue;
        const mark = marks.get(map.id);
        const stale =
          mark === undefined ||
          mark.version !== LIBRARY_INDEX_VERSION ||
          mark.updatedAt < map.updatedAt;
        if (!stale || this.pending.has(mapDocumentName(map.id))) continue;
        await this.indexStored(map.id);
      }
    } catch (error) {
      this.log.error({ err: error }, "sweeping the library index failed");
    }
  }

  /** Indexes a map (and its talk document) from the store, not a live document. */
  private async indexStored(mapId: string): Promise<void> {
    for (const kind of ["talk", "map"] as const) {
      const name = kind === "map" ? mapDocumentName(mapId) : talkDocumentName(mapId);
      const stored = await this.store.loadDocument(name);
      const doc = new Y.Doc();
      if (stored.updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates([...stored.updates]));
      await (this.running.get(name) ?? Promise.resolve());
      await this.indexParsed(mapId, kind, doc);
      doc.destroy();
    }
  }
}
