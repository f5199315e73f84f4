/**
 * Rebuilds a map at any sequence number in the browser, fast enough to scrub: the log is
 * fetched in chunks of CHUNK rows aligned with the server's history checkpoints, so a seek is
 * "state at the chunk's start (one request, served from the server's checkpoint cache) + the
 * chunk's rows (one request)". Decoding a chunk start is the most expensive part of a move
 * (35–140 ms for the 50,000-edit benchmark map, whose states are mostly tombstones), applying
 * rows the cheapest (7–25 ms per 1,000), so a move up to FORWARD_REACH rows ahead of the
 * current document, or of one of the few documents earlier moves left behind, applies rows to
 * it instead; any other move decodes the nearest chunk start and applies the rows after it.
 *
 * The server may answer a chunk start lean (`start`, leanState.ts: without the deleted content
 * the next rows do not name; 1 ms to decode instead of 40–70 on that map), exact only up to the
 * row it names: a document built from one is never brought past that row.
 *
 * Documents only ever move forward, by logged rows, so each is exactly the log replayed to its
 * row (issue 16, R1). Stepping back by undoing rows (Y.UndoManager) was tried and is not exact:
 * undo re-creates what a row deleted as new items and gives up on a map key someone else
 * overwrote since, so after concurrent edits a step back showed a map that never existed.
 *
 * No React and no fetch here: the source is injected, so the player is tested with rows
 * produced by real documents.
 */
import { type AheadOptions, CHUNK, HistoryChunks, type HistorySource } from "./HistoryChunks.ts";
import type { RowFrame } from "./rowFrames.ts";
import * as Y from "yjs";

/**
 * How far ahead of a document it has a move applies rows instead of decoding a chunk start:
 * 2,000 rows cost about what one decode of a late state costs on the benchmark map
 * (bench/src/history/historyJumpParts.ts).
 */
export const FORWARD_REACH = 4 * CHUNK;
/**
 * Documents kept besides the current one, left behind by moves (about 12 MB each in memory for
 * the benchmark map at 50,000 edits): a later move up to FORWARD_REACH rows after one resumes it.
 */
const KEPT_DOCS = 3;
/** The origin of logged rows applied by the player. */
const ROW_ORIGIN = "history";

/** A document exact at `seq`, which rows may bring up to `through`. */
interface Held {
  readonly doc: Y.Doc;
  readonly seq: number;
  readonly through: number;
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

/**
 * Shown a document (read it, do not keep it) at `seq`, the moment just before the row a move
 * ends on: the history view keeps that moment's content for a step back (ReplayCore).
 */
export type BeforeLast = (doc: Y.Doc, seq: number) => void;

export interface Position {
  readonly doc: Y.Doc;
  readonly seq: number;
  /** True when `doc` is another document than the last seek's (moved back or far). */
  readonly rebuilt: boolean;
}

export class HistoryPlayer {
  private readonly chunks: HistoryChunks;
  private queue: Promise<unknown> = Promise.resolve();
  /** False until the first seek: opening asks for that one moment's state, nothing more. */
  private opened = false;
  /** Exact documents of earlier moments, most recently used last. */
  private kept: Held[] = [];
  /** Seeks asked and not settled yet, and seeks ever asked: a preparation gives way to them. */
  private pending = 0;
  private asked = 0;
  private preparing = false;
  doc: Y.Doc;
  seq: number;
  /** The last row rows may bring the current document to (it may come from a lean start). */
  private through = Number.POSITIVE_INFINITY;

  /** Starts at `seq` with `doc` already holding that state (e.g. a copy of the live map). */
  constructor(source: HistorySource, doc: Y.Doc = new Y.Doc(), seq = 0) {
    this.chunks = new HistoryChunks(source);
    this.doc = doc;
    this.seq = seq;
  }

  /** Makes `held` the current document; the one it replaces is kept. */
  private replace(held: Held): Position {
    if (this.doc !== held.doc) this.keep({ doc: this.doc, seq: this.seq, through: this.through });
    this.doc = held.doc;
    this.seq = held.seq;
    this.through = held.through;
    return { doc: held.doc, seq: held.seq, rebuilt: true };
  }

  private keep(held: Held): void {
    this.kept.push(held);
    if (this.kept.length > KEPT_DOCS) this.kept.shift();
  }

  /** A document at chunk start `chunk` that rows may bring to `target`. */
  private async startDoc(chunk: number, target: number): Promise<Held> {
    let start = await this.chunks.start(chunk);
    const seq = chunk * CHUNK;
    // A lean start that does not reach (the server's reach is shorter than this move): full.
    if (start.through !== null && start.through < target) {
      start = { state: await this.chunks.state(seq), through: null };
    }
    const doc = new Y.Doc();
    Y.applyUpdate(doc, start.state, ROW_ORIGIN);
    return { doc, seq, through: start.through ?? Number.POSITIVE_INFINITY };
  }

  /**
   * Moves to the state after row `target`. Seeks run one after another, in call order. When
   * the way there passes `visit.seq` (at most a chunk before the target), the document is
   * shown to `visit.see` at that moment. When the move applies rows, `beforeLast` is shown the
   * document just before the target's own row, outside any transaction.
   */
  seek(target: number, visit?: Visit, beforeLast?: BeforeLast): Promise<Position> {
    this.asked++;
    this.pending++;
    const run = this.queue
      .then(() => this.seekNow(target, visit, beforeLast))
      .finally(() => {
        this.pending--;
      });
    this.queue = run.catch(() => {});
    return run;
  }

  /**
   * For while the scrubber rests: makes a step back from the moment shown cost rows instead of
   * a decode. Decodes the start of the chunk holding the moment before the current one into a
   * spare document, kept like a document an earlier move left, unless one already brings a
   * step back there with at most a chunk of rows (the current document cannot: documents only
   * move forward). Does nothing while a seek is asked or running, and gives up when one is
   * asked before the start state is there (the decode itself cannot be interrupted: 35–140 ms
   * on the 50,000-edit benchmark map). Resolves with the prepared document, or null.
   */
  async prepareBack(): Promise<Y.Doc | null> {
    if (this.pending > 0 || this.preparing || !this.opened) return null;
    const asked = this.asked;
    const before = this.seq - 1;
    const chunk = Math.floor(before / CHUNK);
    // Chunk 0 starts from an empty document: a step back there decodes nothing.
    if (chunk < 1) return null;
    if (this.kept.some((k) => k.seq <= before && before - k.seq <= CHUNK && before <= k.through)) {
      return null;
    }
    this.preparing = true;
    try {
      await this.chunks.start(chunk);
      // A seek asked meanwhile goes first (and may need no spare).
      if (this.asked !== asked) return null;
      const held = await this.startDoc(chunk, before);
      if (this.asked !== asked) return null;
      this.keep(held);
      return held.doc;
    } catch {
      return null; // asked again by the next seek that needs it
    } finally {
      this.preparing = false;
    }
  }

  /**
   * Fetches the log's chunks (rows and starts) ahead of need, up to row `end`, nearest the
   * current moment first, between seeks (HistoryChunks.fetchAhead): a random jump then costs
   * no request. Resolves when done.
   */
  fetchAhead(end: number, options?: AheadOptions): Promise<void> {
    return this.chunks.fetchAhead(end, this.seq, () => this.settled(), options);
  }

  /** Resolves once no seek is asked or running. */
  private async settled(): Promise<void> {
    while (this.pending > 0) await this.queue;
  }

  private async seekNow(target: number, visit?: Visit, beforeLast?: BeforeLast): Promise<Position> {
    const firstChunk = rebuildFrom(target, visit);
    if (!this.opened && this.seq === 0 && target > 0 && firstChunk === null) {
      // Opening (usually at the last edit, rarely a chunk start): one request whose answer
      // the server builds from its newest checkpoint, instead of a chunk start plus its rows.
      // With a moment to visit on the way, the rebuild below (two requests) passes it.
      this.opened = true;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await this.chunks.state(target), ROW_ORIGIN);
      return this.replace({ doc, seq: target, through: Number.POSITIVE_INFINITY });
    }
    this.opened = true;
    // The document closest before the target that rows bring there: the current one or a kept one.
    let from: Held | null = null;
    const current = { doc: this.doc, seq: this.seq, through: this.through };
    for (const candidate of [...this.kept, current]) {
      if (!reaches(candidate.seq, target, visit) || target > candidate.through) continue;
      // A document left behind (or prepared) is taken only if its way passes the visit: a
      // rebuild would pass it, and the view would otherwise load that moment's state itself.
      if (candidate !== current && !passes(candidate.seq, target, visit)) continue;
      if (!from || candidate.seq > from.seq) from = candidate;
    }
    if (from) {
      // Fetched before anything changes: a failed fetch leaves the player where it was.
      const rows = await this.chunks.between(from.seq, target);
      const rebuilt = from.doc !== this.doc;
      if (rebuilt) {
        this.kept.splice(this.kept.indexOf(from), 1);
        this.replace(from);
      }
      this.applyRows(this.doc, from.seq, rows, visit, beforeLast);
      this.seq = target;
      return { doc: this.doc, seq: target, rebuilt };
    }
    const chunk = firstChunk ?? Math.floor(target / CHUNK);
    const [start, rows] = await Promise.all([
      this.startDoc(chunk, target),
      this.chunks.between(chunk * CHUNK, target),
    ]);
    // The start state, then the rows one by one: merging them all into one update first cost
    // more CPU than applying them (Y.mergeUpdates grows faster than the number of rows).
    this.applyRows(start.doc, start.seq, rows, visit, beforeLast);
    return this.replace({ ...start, seq: target });
  }

  /**
   * Applies `rows` (those after `from`) to `doc` in one transaction, so a reader sees one change;
   * `visit` is shown the document when it passes its row. With `beforeLast`, the last row gets a
   * transaction of its own and `beforeLast` sees the document just before it.
   */
  private applyRows(
    doc: Y.Doc,
    from: number,
    rows: RowFrame[],
    visit?: Visit,
    beforeLast?: BeforeLast,
  ): void {
    const last = beforeLast ? rows.at(-1) : undefined;
    const apply = (row: RowFrame) => {
      Y.applyUpdate(doc, row.bytes, ROW_ORIGIN);
      if (row.seq === visit?.seq) visit.see(doc);
    };
    const split = last ? rows.length - 1 : rows.length;
    doc.transact(() => {
      if (visit?.seq === from) visit.see(doc);
      for (let i = 0; i < split; i++) apply(rows[i]!);
    }, ROW_ORIGIN);
    if (!last || !beforeLast) return;
    beforeLast(doc, rows[split - 1]?.seq ?? from);
    doc.transact(() => apply(last), ROW_ORIGIN);
  }
}

/**
 * Whether a document exact at `from` is brought to `target` by applying rows: at most
 * FORWARD_REACH ahead, and, beyond one chunk, passing the visit when there is one (a rebuild
 * would pass it; within a chunk the view has usually kept that map already).
 */
function reaches(from: number, target: number, visit: Visit | undefined): boolean {
  if (target < from || target - from > FORWARD_REACH) return false;
  return target - from <= CHUNK || !visit || visit.seq >= from || visit.seq >= target;
}

/** Whether applying rows from `from` to `target` passes the visit (or there is none to pass). */
function passes(from: number, target: number, visit: Visit | undefined): boolean {
  return !visit || visit.seq >= from || visit.seq >= target;
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
