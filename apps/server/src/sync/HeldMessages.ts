/**
 * Write before ack, on the way out: what tells anyone of a document's update (its
 * acknowledgement, its relay, a state sent to a joining client) waits until every append of
 * that document started before it has committed, and is dropped if one of them failed.
 *
 * A queue per document instead of a promise per message: under fan-out and busy sockets, one
 * group commit settles dozens of appends at once; chaining a promise per append and a
 * `then` per held message cost a microtask hop each, and every released message went out in
 * its own socket write. Here the settled appends only mark progress, and one release after
 * the microtasks have run sends what is due, document by document in order, inside one
 * `batch` call (the gate corks each socket for it, so a socket's acknowledgements and relays
 * of one commit leave in one write).
 */

/** Where a held message goes: the gate's socket, sending only if it is still open. */
export interface HeldTarget<T> {
  send(message: T): void;
}

interface Held<T> {
  /** Appends of the document started before the message was held: all must commit first. */
  readonly upto: number;
  readonly target: HeldTarget<T>;
  readonly message: T;
}

interface DocumentHold<T> {
  /** Appends started so far. */
  started: number;
  /** Appends settled so far, in any order (index → committed). */
  readonly settled: Map<number, boolean>;
  /** Appends 0 … committed-1 have all committed. */
  committed: number;
  /** An append failed: nothing held at or after it is ever sent. */
  failedAt: number;
  readonly waiting: Held<T>[];
}

export interface HeldMessagesOptions {
  /** Runs `release` after the current microtasks (process.nextTick in the server). */
  readonly defer?: (release: () => void) => void;
  /** Wraps one release, so the sends inside it can be written together (socket corking). */
  readonly batch?: (send: () => void) => void;
}

export class HeldMessages<T> {
  private readonly documents = new Map<string, DocumentHold<T>>();
  private readonly due = new Set<string>();
  private scheduled = false;
  private readonly defer: (release: () => void) => void;
  private readonly batch: (send: () => void) => void;

  constructor(options: HeldMessagesOptions = {}) {
    this.defer = options.defer ?? ((release) => process.nextTick(release));
    this.batch = options.batch ?? ((send) => send());
  }

  /** An append of `document` started: its messages from now on wait for it. */
  hold(document: string, appended: Promise<unknown>): void {
    let hold = this.documents.get(document);
    if (!hold) {
      hold = {
        started: 0,
        settled: new Map(),
        committed: 0,
        failedAt: Number.POSITIVE_INFINITY,
        waiting: [],
      };
      this.documents.set(document, hold);
    }
    const index = hold.started++;
    const held = hold;
    appended.then(
      () => this.settle(document, held, index, true),
      () => this.settle(document, held, index, false),
    );
  }

  /** Whether a message of `document` must wait (an append or an earlier message is pending). */
  isHolding(document: string): boolean {
    return this.documents.has(document);
  }

  /** Holds `message` until the appends of `document` started so far have committed. */
  push(document: string, target: HeldTarget<T>, message: T): void {
    const hold = this.documents.get(document);
    if (!hold) {
      target.send(message);
      return;
    }
    hold.waiting.push({ upto: hold.started, target, message });
  }

  /** Documents with an append not yet settled or a message not yet released. */
  get size(): number {
    return this.documents.size;
  }

  private settle(document: string, hold: DocumentHold<T>, index: number, ok: boolean): void {
    if (!ok) hold.failedAt = Math.min(hold.failedAt, index);
    hold.settled.set(index, ok);
    while (hold.settled.has(hold.committed)) {
      hold.settled.delete(hold.committed);
      hold.committed += 1;
    }
    this.due.add(document);
    if (this.scheduled) return;
    this.scheduled = true;
    this.defer(this.release);
  }

  private readonly release = (): void => {
    this.scheduled = false;
    const documents = [...this.due];
    this.due.clear();
    this.batch(() => {
      for (const document of documents) this.releaseDocument(document);
    });
  };

  private releaseDocument(document: string): void {
    const hold = this.documents.get(document);
    if (!hold) return;
    let sent = 0;
    for (const held of hold.waiting) {
      if (held.upto > hold.committed) break;
      // Waited for an append that failed: the document's sockets are being closed, and the
      // clients re-send what was not confirmed.
      if (held.upto <= hold.failedAt) held.target.send(held.message);
      sent += 1;
    }
    hold.waiting.splice(0, sent);
    if (hold.committed === hold.started && hold.waiting.length === 0)
      this.documents.delete(document);
  }
}
