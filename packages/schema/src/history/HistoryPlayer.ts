/**
 * Rebuilds a map at any sequence number in the browser, fast enough to scrub: the log is
 * fetched in chunks of CHUNK rows aligned with the server's history checkpoints, so a seek is
 * "state at the chunk's start (one request, served from the server's checkpoint cache) + the
 * chunk's rows (one request)". Moving forward within reach applies only the rows in between
 * to the same document, so the incremental reader repaints only what changed; moving back
 * over those rows undoes them; moving far rebuilds a fresh document from the nearest chunk
 * start.
 *
 * No React and no fetch here: the source is injected, so the player is tested with rows
 * produced by real documents.
 */
import type { RowFrame } from "./rowFrames.ts";
import * as Y from "yjs";

export const CHUNK = 500;
/** Chunks of rows (and their start states) kept in memory. */
const CACHED_CHUNKS = 12;
/** Rows that can be stepped back by undoing them, at most (older ones need a rebuild). */
const MAX_TRAIL = 2 * CHUNK;
/** The origin of logged rows applied by the player: the only transactions its undo tracks. */
const ROW_ORIGIN = Symbol("history row");

export interface HistorySource {
  /** The exact state after row `seq` (a chunk start, or the moment the player opens at). */
  state(seq: number): Promise<Uint8Array>;
  /** Rows from..to inclusive (may be fewer than asked: the player pages on). */
  rows(from: number, to: number): Promise<RowFrame[]>;
}

/**
 * A moment to look at on the way to a seek's target (the history view reads the map just before
 * the shown edit there, instead of asking the server for that state and decoding it again).
 */
export interface Visit {
  readonly seq: number;
  /** Called synchronously with the document exactly at `seq`: read it, do not keep it. */
  readonly see: (doc: Y.Doc) => void;
}

export interface Position {
  readonly doc: Y.Doc;
  readonly seq: number;
  /** True when `doc` is a new document (moved back or far). */
  readonly rebuilt: boolean;
}

export class HistoryPlayer {
  private readonly source: HistorySource;
  private readonly chunks = new Map<number, Promise<RowFrame[]>>();
  private readonly starts = new Map<number, Promise<Uint8Array>>();
  private queue: Promise<unknown> = Promise.resolve();
  /** False until the first seek: opening asks for that one moment's state, nothing more. */
  private opened = false;
  /**
   * Stepping back without a rebuild: rows applied one by one to the current document are
   * undone (Y.UndoManager restores what they deleted and removes what they added, so the
   * content is exactly the earlier moment's), and redone when moving forward again. `trail`
   * says, for the rows before `seq`, whether each left an undo step; `undone` the same for the
   * rows after it that were undone (the last undone last).
   */
  private undo: Y.UndoManager;
  private trail: boolean[] = [];
  private undone: boolean[] = [];
  /**
   * True once anything was undone on this document: undo and redo re-create what rows deleted
   * as new items, so logged rows can no longer be applied exactly on top (a later row that
   * overwrites a value would lose to the re-created copy). Moving past the undone rows then
   * rebuilds.
   */
  private diverged = false;
  doc: Y.Doc;
  seq: number;

  /** Starts at `seq` with `doc` already holding that state (e.g. a copy of the live map). */
  constructor(source: HistorySource, doc: Y.Doc = new Y.Doc(), seq = 0) {
    this.source = source;
    this.doc = doc;
    this.seq = seq;
    this.undo = this.undoFor(doc);
  }

  private undoFor(doc: Y.Doc): Y.UndoManager {
    return new Y.UndoManager(doc, { trackedOrigins: new Set([ROW_ORIGIN]), captureTimeout: 0 });
  }

  /** A new current document at `seq`, with nothing to undo. */
  private replace(doc: Y.Doc, seq: number): Position {
    this.undo.destroy();
    this.doc = doc;
    this.seq = seq;
    this.undo = this.undoFor(doc);
    this.trail = [];
    this.undone = [];
    this.diverged = false;
    return { doc, seq, rebuilt: true };
  }

  private cached<T>(cache: Map<number, Promise<T>>, key: number, load: () => Promise<T>) {
    let hit = cache.get(key);
    if (hit) {
      cache.delete(key); // re-insert: most recently used last
    } else {
      hit = load();
      hit.catch(() => cache.delete(key));
    }
    cache.set(key, hit);
    while (cache.size > CACHED_CHUNKS) cache.delete(cache.keys().next().value as number);
    return hit;
  }

  /**
   * The rows of `chunk`, at least up to row `upTo` (or the chunk's end). A chunk fetched while
   * the log was still shorter holds only the rows logged then; while the history is open,
   * others keep editing, so a later need past its last row fetches the rest and extends it
   * (reusing the short copy showed a stale map at "now", issue 16).
   */
  private async chunkRows(chunk: number, upTo: number): Promise<RowFrame[]> {
    const from = chunk * CHUNK + 1;
    const to = from + CHUNK - 1;
    const need = Math.min(upTo, to);
    const have = await this.cached(this.chunks, chunk, () => this.fetchRows(from, to, []));
    if (have.length === CHUNK || (have.at(-1)?.seq ?? from - 1) >= need) return have;
    const longer = this.fetchRows(from, to, have);
    longer.catch(() => {});
    this.chunks.set(chunk, longer);
    return longer;
  }

  /** Rows from..to after `have` (the rows already held from `from` on), paging on. */
  private async fetchRows(from: number, to: number, have: RowFrame[]): Promise<RowFrame[]> {
    const out = [...have];
    while (out.length < to - from + 1) {
      const page = await this.source.rows(from + out.length, to);
      out.push(...page);
      if (page.length === 0) break;
    }
    return out;
  }

  private chunkStart(chunk: number): Promise<Uint8Array> {
    if (chunk === 0) return Promise.resolve(Y.encodeStateAsUpdate(new Y.Doc()));
    return this.cached(this.starts, chunk, () => this.source.state(chunk * CHUNK));
  }

  /** Rows after `from` up to `to`, from the cached chunks. */
  private async rowsBetween(from: number, to: number): Promise<RowFrame[]> {
    const out: RowFrame[] = [];
    for (let chunk = Math.floor(from / CHUNK); chunk * CHUNK < to; chunk++) {
      for (const row of await this.chunkRows(chunk, to)) {
        if (row.seq > from && row.seq <= to) out.push(row);
      }
    }
    return out;
  }

  /**
   * Moves to the state after row `target`. Seeks run one after another, in call order. When
   * the way there passes `visit.seq` (at most a chunk before the target), the document is
   * shown to `visit.see` at that moment.
   */
  seek(target: number, visit?: Visit): Promise<Position> {
    const run = this.queue.then(() => this.seekNow(target, visit));
    this.queue = run.catch(() => {});
    return run;
  }

  private async seekNow(target: number, visit?: Visit): Promise<Position> {
    const firstChunk = rebuildFrom(target, visit);
    if (!this.opened && this.seq === 0 && target > 0 && firstChunk === null) {
      // Opening (usually at the last edit, rarely a chunk start): one request whose answer
      // the server builds from its newest checkpoint, instead of a chunk start plus its rows.
      // With a moment to visit on the way, the rebuild below (two requests) passes it.
      this.opened = true;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await this.source.state(target), "history");
      return this.replace(doc, target);
    }
    this.opened = true;
    const undoable = (seq: number) => seq < this.seq && this.seq - seq <= this.trail.length;
    if (undoable(target)) {
      // Back to the visit too when it is earlier and undoable, then forward again to the target.
      const lowest = visit && visit.seq < target && undoable(visit.seq) ? visit.seq : target;
      while (this.seq > lowest) {
        const step = this.trail.pop()!;
        if (step) this.undo.undo();
        this.diverged = true;
        this.undone.push(step);
        this.seq--;
        if (this.seq === visit?.seq) visit.see(this.doc);
      }
      this.redoTo(target);
      return { doc: this.doc, seq: target, rebuilt: false };
    }
    const forward =
      target >= this.seq && target - this.seq <= (this.diverged ? this.undone.length : CHUNK);
    if (forward) {
      // Rows are fetched before anything changes, so a failed fetch leaves the document as is.
      const rows =
        this.seq + this.undone.length < target
          ? await this.rowsBetween(this.seq + this.undone.length, target)
          : [];
      if (this.seq === visit?.seq) visit.see(this.doc);
      this.redoTo(target, visit);
      if (this.seq < target) {
        // One transaction per row, so each can be undone on its own (the board still
        // repaints once: React renders after the whole move).
        for (const row of rows) {
          const steps = this.undo.undoStack.length;
          Y.applyUpdate(this.doc, row.bytes, ROW_ORIGIN);
          this.trail.push(this.undo.undoStack.length > steps);
          if (row.seq === visit?.seq) visit.see(this.doc);
        }
        this.undone = [];
        this.seq = target;
      }
      this.trimTrail();
      return { doc: this.doc, seq: target, rebuilt: false };
    }
    const chunk = firstChunk ?? Math.floor(target / CHUNK);
    const [start, rows] = await Promise.all([
      this.chunkStart(chunk),
      this.rowsBetween(chunk * CHUNK, target),
    ]);
    // The start state, then the rows one by one: merging them all into one update first cost
    // more CPU than applying them (Y.mergeUpdates grows faster than the number of rows).
    const doc = new Y.Doc();
    Y.applyUpdate(doc, start, "history");
    doc.transact(() => {
      if (visit?.seq === chunk * CHUNK) visit.see(doc);
      for (const row of rows) {
        Y.applyUpdate(doc, row.bytes, "history");
        if (row.seq === visit?.seq) visit.see(doc);
      }
    }, "history");
    return this.replace(doc, target);
  }

  /** Redoes undone rows up to `target` (or as many as there are), showing the visit on the way. */
  private redoTo(target: number, visit?: Visit): void {
    while (this.seq < target && this.undone.length > 0) {
      const step = this.undone.pop()!;
      if (step) this.undo.redo();
      this.trail.push(step);
      this.seq++;
      if (this.seq === visit?.seq) visit.see(this.doc);
    }
  }

  /** Keeps at most MAX_TRAIL rows undoable (the undo steps of older rows are dropped). */
  private trimTrail(): void {
    const excess = this.trail.length - MAX_TRAIL;
    if (excess <= 0) return;
    const dropped = this.trail.splice(0, excess).filter(Boolean).length;
    this.undo.undoStack.splice(0, dropped);
  }
}

/**
 * The chunk a rebuild at `target` starts from when it passes `visit` on the way: the target's
 * own, or the one before it (at most one chunk of rows more); null when it cannot pass it.
 */
function rebuildFrom(target: number, visit: Visit | undefined): number | null {
  if (!visit || visit.seq >= target) return null;
  const chunk = Math.floor(target / CHUNK);
  if (visit.seq >= chunk * CHUNK) return chunk;
  return visit.seq >= (chunk - 1) * CHUNK ? chunk - 1 : null;
}
