/**
 * A simulated network of replicas for convergence tests: every update a replica produces is
 * recorded; delivery to each other replica happens only when the test says so, in any order
 * and in part. Yjs must converge whatever the delivery order (updates are commutative and
 * idempotent; out-of-order structs wait in the pending store).
 */
import * as Y from "yjs";

const REMOTE = Symbol("remote");

export class ReplicaNetwork {
  readonly docs: Y.Doc[];
  /** All updates each replica produced itself, in order. */
  readonly produced: Uint8Array[][];
  /** Everything each replica has applied (its own and delivered ones), as a store would. */
  readonly stored: Uint8Array[][];
  /** Per receiving replica: the set of "from:index" updates already delivered. */
  private readonly delivered: Set<string>[];

  constructor(count: number, clientIdBase = 1) {
    this.docs = [];
    this.produced = [];
    this.delivered = [];
    this.stored = [];
    for (let i = 0; i < count; i++) {
      const doc = new Y.Doc({ gc: true });
      doc.clientID = clientIdBase + i;
      const log: Uint8Array[] = [];
      const stored: Uint8Array[] = [];
      doc.on("update", (update: Uint8Array, origin: unknown) => {
        stored.push(update);
        if (origin !== REMOTE) log.push(update);
      });
      this.stored.push(stored);
      this.docs.push(doc);
      this.produced.push(log);
      this.delivered.push(new Set());
    }
  }

  /** Updates produced elsewhere and not yet delivered to `to`. */
  pending(to: number): Array<{ id: string; update: Uint8Array }> {
    const out: Array<{ id: string; update: Uint8Array }> = [];
    this.produced.forEach((log, from) => {
      if (from === to) return;
      log.forEach((update, i) => {
        const id = `${from}:${i}`;
        if (!this.delivered[to]!.has(id)) out.push({ id, update });
      });
    });
    return out;
  }

  /** Delivers the chosen pending updates to `to`, in the given order. */
  deliver(to: number, chosen: Array<{ id: string; update: Uint8Array }>): void {
    for (const { id, update } of chosen) {
      Y.applyUpdate(this.docs[to]!, update, REMOTE);
      this.delivered[to]!.add(id);
    }
  }

  /** Delivers everything everywhere (repeated until no replica has anything pending). */
  settle(): void {
    for (let round = 0; round < 3; round++) {
      for (let to = 0; to < this.docs.length; to++) this.deliver(to, this.pending(to));
    }
  }

  /** A fresh document rebuilt, one row at a time, from every update a replica has stored. */
  rebuild(replica: number): Y.Doc {
    const doc = new Y.Doc();
    for (const update of this.stored[replica]!) Y.applyUpdate(doc, update);
    return doc;
  }
}
