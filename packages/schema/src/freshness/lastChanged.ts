/**
 * When each thing of a map was last changed, and by whom, from the update log (issue 18): the
 * log already says who wrote each row and when, so nothing is recorded on each edit.
 *
 * Retention compacts old rows into one row (author "retention", the time of the last old
 * row), which would make everything older look changed then, by nobody. So before compacting,
 * retention keeps a **summary**: the last change of every thing up to the compaction point
 * (`LastChangedSummary`). Replaying a compacted log with its summary gives the same answer as
 * replaying the full log (INV-F1): a row at or before the summary's point takes each touched
 * thing's time from the summary. The next compaction summarises from the compacted row with
 * the previous summary, so summaries chain.
 */
import * as Y from "yjs";
import { entityKey } from "../elementRef/elementRef.ts";
import { touchedTargets } from "../history/AttributionIndex.ts";
import { parseCardDescriptionRootName } from "../layout.ts";
import { rootOf } from "../read/rootTypes.ts";

/** A change: when the server received it (ms) and who made it (the log's author). */
export interface Change {
  readonly seq: number;
  readonly ts: number;
  readonly author: string;
}

/** The last change of every thing up to row `uptoSeq`, kept when rows up to it are compacted. */
export interface LastChangedSummary {
  readonly uptoSeq: number;
  readonly targets: Readonly<Record<string, Change>>;
}

export class LastChangedIndex {
  private readonly doc = new Y.Doc();
  private readonly changed = new Map<string, Change>();
  private readonly summary: LastChangedSummary | null;
  /** The last row applied; feed rows after it. */
  seq = 0;

  constructor(summary: LastChangedSummary | null = null) {
    this.summary = summary;
    if (summary)
      for (const [target, change] of Object.entries(summary.targets))
        this.changed.set(target, change);
  }

  /** Applies one logged row (rows in sequence order). */
  apply(update: Uint8Array, change: Change): void {
    const summarised = this.summary !== null && change.seq <= this.summary.uptoSeq;
    const handler = (transaction: Y.Transaction) => {
      for (const target of changedTargets(this.doc, transaction)) {
        // A compacted row touches everything it holds: the summary knows the real change.
        const known = summarised ? this.summary?.targets[target] : undefined;
        this.changed.set(target, known ?? change);
      }
    };
    this.doc.on("afterTransaction", handler);
    try {
      Y.applyUpdate(this.doc, update);
    } finally {
      this.doc.off("afterTransaction", handler);
    }
    this.seq = change.seq;
  }

  /** The map as replayed so far (the server reads its settings and structure from it). */
  get state(): Y.Doc {
    return this.doc;
  }

  get(target: string): Change | null {
    return this.changed.get(target) ?? null;
  }

  /** Every thing's last change, including things deleted since. */
  entries(): Array<[string, Change]> {
    return [...this.changed];
  }

  /** The summary to keep when compacting up to the last row applied. */
  toSummary(): LastChangedSummary {
    return { uptoSeq: this.seq, targets: Object.fromEntries(this.changed) };
  }

  destroy(): void {
    this.doc.destroy();
  }
}

/** What a transaction changed, a card's description counting as a change of the card. */
function changedTargets(doc: Y.Doc, transaction: Y.Transaction): Set<string> {
  const out = touchedTargets(doc, transaction);
  // Roots a replica never asked for by name are untyped here: match them by name.
  const roots = new Set<unknown>();
  for (const type of transaction.changed.keys()) roots.add(rootOf(type).root);
  for (const [name, shared] of doc.share) {
    if (!roots.has(shared)) continue;
    const cardId = parseCardDescriptionRootName(name);
    if (cardId) out.add(entityKey("card", cardId));
  }
  return out;
}

/** Reads a stored summary as untrusted data (null when it is not one). */
export function readLastChangedSummary(value: unknown): LastChangedSummary | null {
  if (typeof value !== "object" || value === null) return null;
  const { uptoSeq, targets } = value as { uptoSeq?: unknown; targets?: unknown };
  if (!Number.isSafeInteger(uptoSeq) || typeof targets !== "object" || targets === null)
    return null;
  const out: Record<string, Change> = {};
  for (const [target, raw] of Object.entries(targets)) {
    const { seq, ts, author } = (raw ?? {}) as Partial<Change>;
    if (Number.isSafeInteger(seq) && Number.isFinite(ts) && typeof author === "string") {
      out[target] = { seq: seq as number, ts: ts as number, author };
    }
  }
  return { uptoSeq: uptoSeq as number, targets: out };
}
