/**
 * The history replay as the page's worker runs it (issue 16, R7): the player (exact documents
 * built from checkpoints and logged rows) and a replica of the page's display document. Each
 * seek answers with the update that makes the display equal to the moment: `mirrorMap`'s
 * writes, only what differs from the moment shown before. The page
 * applies that update and never decodes a whole state (0.5 MB of mostly tombstones for a
 * 50,000-edit map: most of a far jump's main-thread time before).
 *
 * No worker API here, so it is tested in Node (replayPort.ts carries it over messages).
 */
import {
  type AheadOptions,
  type HistorySource,
  HistoryPlayer,
  type JourneyMap,
  mirrorMap,
  readJourneyMap,
} from "@journeymap/schema";
import * as Y from "yjs";

/** A moment to read on the way to a seek's target: its map is handed to `see`. */
export interface MapVisit {
  readonly seq: number;
  readonly see: (map: JourneyMap) => void;
}

export interface Arrival {
  readonly seq: number;
  /** The update that brings the display to this moment; null when nothing differs. */
  readonly delta: Uint8Array | null;
  /** The map at the asked visit, when the way passed it. */
  readonly visit: { readonly seq: number; readonly map: JourneyMap } | null;
  /** Whether the worker moved to another document (decoded a state or resumed a kept one). */
  readonly rebuilt: boolean;
}

/**
 * How long after a move the worker waits for the next one before it prepares a step back
 * (`rest`). The preparation decodes a chunk start (35–140 ms on the 50,000-edit benchmark map)
 * and cannot be interrupted, so it must not run between the moves of someone scrubbing: a drag
 * or a held arrow key asks for its next moment within a frame or two of the last one's paint,
 * and the benchmark's back-to-back moves follow an answer within about 100 ms (p95). Prepared
 * 30 ms after each move, steps back took 29–31 ms median instead of 49–61 there, but random
 * jumps waited for the decode and for the collector (p95 170–199 ms instead of 139–181, same
 * moves: bench/src/history/historyMoveParts.ts).
 */
export const REST_MS = 200;

export class ReplayCore {
  private readonly player: HistoryPlayer;
  /** The furthest moment asked for: the last edit when the view opened. */
  private end = 0;
  /** Seeks asked and not answered yet. */
  private pending = 0;
  /** Equal to the page's display document: it only ever receives this replica's updates. */
  private readonly replica = new Y.Doc();
  /** The replica's updates not yet posted (a seek that failed halfway leaves some). */
  private unsent: Uint8Array[] = [];
  /**
   * A second replica that receives the same updates as `replica`, later (`lag` holds those it
   * has not had yet): after a move that applied rows it can be brought to the moment just
   * before the move's last row (`behindAt`), so one step back from there mirrors the roots
   * that row changed instead of decoding a chunk start (35–140 ms on the 50,000-edit
   * benchmark map): stepping back through edits is what people do after moving forward.
   */
  private readonly behind = new Y.Doc();
  private lag: Uint8Array[] = [];
  private behindAt: BehindAt | null = null;
  /** The moment the replica shows. */
  private shown = -1;
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * The player's document the replica last equalled, and the roots of it that rows changed
   * since: a move on that document mirrors only those (a whole comparison cost 3–180 ms on the
   * 50,000-edit benchmark map, most of a small step's time in the worker).
   */
  private watched: Y.Doc | null = null;
  private readonly changedRoots = new Set<AnyType>();
  private readonly noteChanges = (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) this.changedRoots.add(rootOf(type));
  };

  constructor(source: HistorySource) {
    this.player = new HistoryPlayer(source);
    this.replica.on("update", (update: Uint8Array) => {
      this.unsent.push(update);
      this.lag.push(update);
    });
  }

  /** Moves to the state after row `target`, reading the map at `visitSeq` on the way. */
  seek(target: number, visitSeq?: number): Promise<Arrival> {
    this.end = Math.max(this.end, target);
    // One at a time: a mirror must read the player's document before the next seek moves it.
    this.pending++;
    const run = this.queue
      .then(() => this.seekNow(target, visitSeq))
      .finally(() => {
        this.pending--;
      });
    this.queue = run.catch(() => {});
    return run;
  }

  /**
   * While no move is asked: brings the second replica up to date and prepares a document for a
   * step back from the moment shown, so it costs rows instead of a decode
   * (HistoryPlayer.prepareBack). True when a document was prepared.
   */
  async rest(): Promise<boolean> {
    if (this.pending > 0) return false;
    this.catchUpIdle();
    return (await this.player.prepareBack()) !== null;
  }

  /**
   * Fetches the log's chunks up to the furthest moment asked for, between moves, so that a jump
   * anywhere costs no request (HistoryPlayer.fetchAhead). Resolves when done.
   */
  fetchAhead(options?: AheadOptions): Promise<void> {
    return this.player.fetchAhead(this.end, options);
  }

  private async seekNow(target: number, visitSeq?: number): Promise<Arrival> {
    const behindAt = this.behindAt;
    this.behindAt = null;
    if (behindAt?.seq === target && target === this.shown - 1 && visitSeq === undefined) {
      this.stepBack(behindAt);
    } else {
      let visit: Arrival["visit"] = null;
      // One step forward that applies no row (the player's document was left there by a step
      // back): the second replica, caught up, shows the moment before.
      const last: { before: Omit<BehindAt, "roots"> | null } = {
        before: this.shown === target - 1 ? { seq: this.shown, upTo: this.lag.length } : null,
      };
      const at = await this.player
        .seek(
          target,
          visitSeq === undefined
            ? undefined
            : {
                seq: visitSeq,
                see: (doc) => (visit = { seq: visitSeq, map: readJourneyMap(doc) }),
              },
          (doc, seq) => {
            this.mirror(doc);
            last.before = { seq, upTo: this.lag.length };
          },
        )
        .catch((e: unknown) => {
          // The replica may have moved halfway (its updates go with the next arrival): the
          // moment it shows is unknown, so the next move compares everything.
          this.shown = -1;
          this.unwatch();
          throw e;
        });
      const roots = this.mirror(at.doc);
      this.behindAt = last.before && { ...last.before, roots };
      this.shown = at.seq;
      return this.arrival(at.seq, visit, at.rebuilt);
    }
    return this.arrival(target, null, false);
  }

  /**
   * Posts what the replica received since the last arrival. The second replica catches up
   * right after, while the page renders: a move's updates cost it a millisecond or two, and
   * left for a rest they pile up while someone scrubs.
   */
  private arrival(seq: number, visit: Arrival["visit"], rebuilt: boolean): Arrival {
    setTimeout(() => {
      if (this.pending === 0) this.catchUpIdle();
    });
    const updates = this.unsent;
    this.unsent = [];
    const delta =
      updates.length === 0 ? null : updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    return { seq, delta, visit, rebuilt };
  }

  /**
   * Makes the replica equal to `doc` (only the roots rows changed since, on the document it
   * last equalled). Returns the names of the roots compared, or undefined for all of them.
   */
  private mirror(doc: Y.Doc): ReadonlySet<string> | undefined {
    const only = doc === this.watched ? this.changedNames() : undefined;
    mirrorMap(this.replica, doc, only);
    this.watch(doc);
    return only;
  }

  /**
   * One step back to the moment the second replica was left at: it catches up to there and the
   * replica mirrors it, comparing only the roots the last row changed. The player's document
   * stays one row ahead of the replica: those roots are noted as changed for the next move.
   */
  private stepBack(at: BehindAt): void {
    this.catchUp(at.upTo);
    mirrorMap(this.replica, this.behind, at.roots);
    this.shown = at.seq;
    if (!at.roots) {
      this.unwatch();
      return;
    }
    for (const name of at.roots) {
      const type = this.watched?.share.get(name);
      if (type) this.changedRoots.add(type);
    }
  }

  /** Brings the second replica as far as a step back may need: all the way when none can come. */
  private catchUpIdle(): void {
    this.catchUp(this.behindAt?.upTo ?? this.lag.length);
  }

  /** Applies the first `count` updates the second replica lacks. */
  private catchUp(count: number): void {
    if (count === 0) return;
    const updates = this.lag.splice(0, count);
    this.behind.transact(() => {
      for (const update of updates) Y.applyUpdate(this.behind, update);
    });
    if (this.behindAt) this.behindAt = { ...this.behindAt, upTo: this.behindAt.upTo - count };
  }

  /**
   * The names of the roots changed since the last mirror, or undefined (compare everything) when
   * one is no longer the document's: reading a root first as a map or fragment replaces its
   * untyped stand-in, which a transaction may have noted before.
   */
  private changedNames(): Set<string> | undefined {
    const names = new Set<string>();
    if (this.changedRoots.size === 0) return names;
    for (const [name, type] of this.watched!.share) {
      if (this.changedRoots.has(type)) names.add(name);
    }
    return names.size === this.changedRoots.size ? names : undefined;
  }

  /** Notes the roots that rows change on `doc` from now on (the replica equals it now). */
  private watch(doc: Y.Doc): void {
    this.changedRoots.clear();
    if (doc === this.watched) return;
    this.unwatch();
    doc.on("afterTransaction", this.noteChanges);
    this.watched = doc;
  }

  /** The next move compares everything. */
  private unwatch(): void {
    this.watched?.off("afterTransaction", this.noteChanges);
    this.watched = null;
  }
}

/**
 * Where the second replica can be brought for a step back: to moment `seq` by the first `upTo`
 * updates it lacks; the replica differs from that moment only in `roots` (all when undefined).
 */
interface BehindAt {
  readonly seq: number;
  readonly upTo: number;
  readonly roots: ReadonlySet<string> | undefined;
}

/** Any shared type (Yjs types its transactions' changed keys this way). */
// biome-ignore lint/suspicious/noExplicitAny: the parameter Yjs itself uses for untyped types
type AnyType = Y.AbstractType<Y.YEvent<any>>;

function rootOf(type: AnyType): AnyType {
  let root = type;
  while (root._item !== null) root = root._item.parent as AnyType;
  return root;
}
