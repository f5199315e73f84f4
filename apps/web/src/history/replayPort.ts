/**
 * The history replay across a message port: the page keeps the display document, the worker
 * runs `ReplayCore` (decoding states, applying rows, mirroring). The page asks the worker for
 * moments and applies the updates it answers with to the display, in order.
 *
 * The states and rows come from one of two places. Given the map's address (the browser), the
 * page tells the worker first thing and the worker fetches them itself: asking the page made
 * each request wait for the page's main thread, busy rendering while someone drags the
 * scrubber, once to be sent and once more for its answer. Given a `HistorySource` (tests), the
 * worker asks the page for each and the page answers from it.
 */
import { type HistorySource, type RowFrame, replayStart } from "@journeymap/schema";
import * as Y from "yjs";
import { type HistoryAddress, httpHistorySource } from "./httpHistorySource.ts";
import { type Arrival, type MapVisit, REST_MS, ReplayCore } from "./replayCore.ts";

/** A Worker, the worker's global scope, or one end of a MessageChannel. */
export interface ReplayPort {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** What the page starts: a Worker (or, in tests, a port served in the same thread). */
export interface ReplayWorker extends ReplayPort {
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate?: () => void;
}

type ToWorker =
  | ({ readonly kind: "source" } & HistoryAddress)
  | { readonly kind: "seek"; readonly id: number; readonly target: number; readonly visit?: number }
  | { readonly kind: "answer"; readonly id: number; readonly value: Uint8Array | RowFrame[] }
  | { readonly kind: "refused"; readonly id: number; readonly message: string };

type FromWorker =
  | { readonly kind: "arrived"; readonly id: number; readonly arrival: Arrival }
  | { readonly kind: "failed"; readonly id: number; readonly message: string }
  | { readonly kind: "state"; readonly id: number; readonly seq: number }
  | { readonly kind: "rows"; readonly id: number; readonly from: number; readonly to: number };

/**
 * How long the view must go without a move before the worker fetches the log ahead. Begun as
 * soon as the first moment was painted, it slowed the open itself (measured until the shown
 * edit's changes are listed: 1.46 s median instead of 1.15 on the benchmark map, same VM), and
 * the jumps made while it ran (170–200 ms instead of 110–140 with three chunks at a time).
 */
export const AHEAD_QUIET_MS = 1000;

/** The origin of the replay's updates on the display document. */
export const REPLAY_ORIGIN = Symbol("history replay");

/** Pending answers by request id. */
class Requests<T> {
  private readonly waiting = new Map<
    number,
    { resolve: (value: T) => void; reject: (e: Error) => void }
  >();
  private last = 0;

  open(send: (id: number) => void): Promise<T> {
    const id = ++this.last;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      send(id);
    });
  }

  settle(id: number, outcome: { value: T } | { error: Error }): void {
    const pending = this.waiting.get(id);
    if (!pending) return;
    this.waiting.delete(id);
    if ("value" in outcome) pending.resolve(outcome.value);
    else pending.reject(outcome.error);
  }

  failAll(error: Error): void {
    for (const id of [...this.waiting.keys()]) this.settle(id, { error });
  }
}

/**
 * The worker's side: runs the replay, fetching what it needs from the server once told the
 * map's address, asking the page for it until then (or always, when the page never tells).
 */
export function serveReplay(port: ReplayPort): void {
  const asked = new Requests<Uint8Array | RowFrame[]>();
  const post = (message: FromWorker) => port.postMessage(message);
  const asking: HistorySource = {
    state: (seq) => asked.open((id) => post({ kind: "state", id, seq })) as Promise<Uint8Array>,
    rows: (from, to) =>
      asked.open((id) => post({ kind: "rows", id, from, to })) as Promise<RowFrame[]>,
  };
  let source = asking;
  const core = new ReplayCore({
    state: (seq) => source.state(seq),
    // Lean chunk starts come only from the server itself (the page's answers are full states).
    start: (seq) => replayStart(source, seq),
    startAhead: (seq) => source.startAhead?.(seq) ?? replayStart(source, seq),
    rows: (from, to) => source.rows(from, to),
  });
  // After each answer, unless another move comes first: prepare a step back (ReplayCore.rest).
  let resting: ReturnType<typeof setTimeout> | undefined;
  const rest = () => {
    clearTimeout(resting);
    resting = setTimeout(() => void core.rest(), REST_MS);
  };
  // Once no move has been asked for AHEAD_QUIET_MS after an answer, and only from the server
  // (the page's answers, in tests, come from a source already in memory): fetch the log ahead.
  let quiet: ReturnType<typeof setTimeout> | undefined;
  const fetchAheadWhenQuiet = () => {
    clearTimeout(quiet);
    if (source !== asking) quiet = setTimeout(() => void core.fetchAhead(), AHEAD_QUIET_MS);
  };
  port.onmessage = ({ data }: MessageEvent<ToWorker>) => {
    if (data.kind === "source") source = httpHistorySource(data);
    else if (data.kind === "answer") asked.settle(data.id, { value: data.value });
    else if (data.kind === "refused") asked.settle(data.id, { error: new Error(data.message) });
    else {
      clearTimeout(resting);
      clearTimeout(quiet);
      core.seek(data.target, data.visit).then(
        (arrival) => {
          post({ kind: "arrived", id: data.id, arrival });
          rest();
          fetchAheadWhenQuiet();
        },
        (e: Error) => post({ kind: "failed", id: data.id, message: e.message }),
      );
    }
  };
}

/**
 * The page's side: the display document the replayed board shows, brought to each moment by
 * the worker's updates. The worker is started on the first seek (React may make and drop
 * instances it never uses) and stopped by `close`.
 */
export class WorkerReplay {
  readonly display = new Y.Doc();
  private readonly spawn: () => ReplayWorker;
  private readonly from: HistorySource | HistoryAddress;
  private port: ReplayWorker | null = null;
  private readonly seeks = new Requests<{ doc: Y.Doc; seq: number }>();
  private readonly visits = new Map<number, MapVisit>();
  private closed = false;
  private closing: ReturnType<typeof setTimeout> | undefined;

  /** `from`: the map's address for the worker to fetch from, or a source the page answers from. */
  constructor(spawn: () => ReplayWorker, from: HistorySource | HistoryAddress) {
    this.spawn = spawn;
    this.from = from;
  }

  /** Moves the display to the state after row `target`, handing `visit` its map on the way. */
  seek(target: number, visit?: MapVisit): Promise<{ doc: Y.Doc; seq: number }> {
    if (this.closed) return Promise.reject(new Error("The history replay was closed."));
    const port = this.open();
    return this.seeks.open((id) => {
      if (visit) this.visits.set(id, visit);
      port.postMessage({ kind: "seek", id, target, visit: visit?.seq } satisfies ToWorker);
    });
  }

  /** Stops the worker at the next turn unless `keep` is called first (React remounts in between). */
  closeSoon(): void {
    clearTimeout(this.closing);
    this.closing = setTimeout(() => this.close(), 0);
  }

  keep(): void {
    clearTimeout(this.closing);
  }

  close(): void {
    this.closed = true;
    this.port?.terminate?.();
    this.port = null;
    this.seeks.failAll(new Error("The history replay was closed."));
    this.display.destroy();
  }

  private open(): ReplayPort {
    if (this.port) return this.port;
    const port = this.spawn();
    port.onmessage = ({ data }: MessageEvent<FromWorker>) => this.receive(port, data);
    // A worker that failed to load or crashed answers nothing more: fail what waits on it.
    port.onerror = (event) => {
      this.seeks.failAll(new Error(`The history replay stopped: ${event.message}`));
      this.port = null;
    };
    // First, before any seek: messages arrive in order, so the worker never asks the page.
    if (!isSource(this.from)) port.postMessage({ kind: "source", ...this.from } satisfies ToWorker);
    this.port = port;
    return port;
  }

  private receive(port: ReplayPort, data: FromWorker): void {
    if (data.kind === "state" || data.kind === "rows") {
      const source = this.from;
      const asked = !isSource(source)
        ? Promise.reject(new Error("The history replay fetches its own states and rows."))
        : data.kind === "state"
          ? source.state(data.seq)
          : source.rows(data.from, data.to);
      asked.then(
        (value) => port.postMessage({ kind: "answer", id: data.id, value } satisfies ToWorker),
        (e: Error) =>
          port.postMessage({ kind: "refused", id: data.id, message: e.message } satisfies ToWorker),
      );
      return;
    }
    const visit = this.visits.get(data.id);
    this.visits.delete(data.id);
    if (data.kind === "failed") {
      this.seeks.settle(data.id, { error: new Error(data.message) });
      return;
    }
    // Here, in message order: each update applies to the moment the previous one made.
    const { arrival } = data;
    if (arrival.delta) Y.applyUpdate(this.display, arrival.delta, REPLAY_ORIGIN);
    if (visit && arrival.visit) visit.see(arrival.visit.map);
    this.seeks.settle(data.id, { value: { doc: this.display, seq: arrival.seq } });
  }
}

function isSource(from: HistorySource | HistoryAddress): from is HistorySource {
  return "state" in from;
}
