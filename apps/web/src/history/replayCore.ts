/**
 * The history replay as the page's worker runs it (issue 16, R7): the player (exact documents
 * built from checkpoints and logged rows, stepped with undo) and a replica of the page's
 * display document. Each seek answers with the update that makes the display equal to the
 * moment: `mirrorMap`'s writes, only what differs from the moment shown before. The page
 * applies that update and never decodes a whole state (0.5 MB of mostly tombstones for a
 * 50,000-edit map: most of a far jump's main-thread time before).
 *
 * No worker API here, so it is tested in Node (replayPort.ts carries it over messages).
 */
import {
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
  /** Seeks asked and not answered yet. */
  private pending = 0;
  /** Equal to the page's display document: it only ever receives this replica's updates. */
  private readonly replica = new Y.Doc();
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
  }

  /** Moves to the state after row `target`, reading the map at `visitSeq` on the way. */
  seek(target: number, visitSeq?: number): Promise<Arrival> {
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
   * While no move is asked: prepares a document for a step back from the moment shown, so it
   * costs rows instead of a decode (HistoryPlayer.prepareBack). True when one was prepared.
   */
  async rest(): Promise<boolean> {
    if (this.pending > 0) return false;
    return (await this.player.prepareBack()) !== null;
  }

  private async seekNow(target: number, visitSeq?: number): Promise<Arrival> {
    let visit: Arrival["visit"] = null;
    const at = await this.player.seek(
      target,
      visitSeq === undefined
        ? undefined
        : { seq: visitSeq, see: (doc) => (visit = { seq: visitSeq, map: readJourneyMap(doc) }) },
    );
    const updates: Uint8Array[] = [];
    const keep = (update: Uint8Array) => updates.push(update);
    this.replica.on("update", keep);
    try {
      mirrorMap(this.replica, at.doc, at.doc === this.watched ? this.changedNames() : undefined);
    } finally {
      this.replica.off("update", keep);
    }
    this.watch(at.doc);
    const delta =
      updates.length === 0 ? null : updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    return { seq: at.seq, delta, visit };
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
    this.watched?.off("afterTransaction", this.noteChanges);
    doc.on("afterTransaction", this.noteChanges);
    this.watched = doc;
  }
}

/** Any shared type (Yjs types its transactions' changed keys this way). */
// biome-ignore lint/suspicious/noExplicitAny: the parameter Yjs itself uses for untyped types
type AnyType = Y.AbstractType<Y.YEvent<any>>;

function rootOf(type: AnyType): AnyType {
  let root = type;
  while (root._item !== null) root = root._item.parent as AnyType;
  return root;
}
