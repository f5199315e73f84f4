/// <reference lib="dom" />
/**
 * Code that runs inside the page for the history benchmark (passed to addInitScript or
 * evaluate, so each function is self-contained). Every interval is read from the page's own
 * `performance.now()`.
 *
 * "Painted" is the probe the board benchmark uses (bench/src/web/pageScripts.ts): a
 * requestAnimationFrame callback, then a MessageChannel task, which runs once the frame that
 * the rAF belongs to has been painted.
 */

export interface OpenWatch {
  /**
   * An element that exists once the board is rendered: the board commits in one go, and only
   * the columns in view are rendered, so the first step's name is the sign, not a count.
   */
  readonly boardSelector: string;
  /** For the history view: "Edit N of N" in the scrubber's label, with no "loading…". */
  readonly label: string | null;
  /**
   * For the history view: the moment whose changes the side panel must list before the view
   * counts as complete (the list needs the map before the edit: one more state request).
   */
  readonly changesSeq: number | null;
}

export interface OpenTiming {
  /** Navigation start → the board (and label) complete in the DOM. */
  readonly inDom: number;
  /** Navigation start → that frame painted. */
  readonly painted: number;
  /** Navigation start → the frame with the shown edit's changes listed too painted (= painted without). */
  readonly complete: number;
}

/**
 * Init script: from navigation start, checks once per frame whether the board is complete
 * (a per-frame check sees a commit in the frame that paints it, so the probe costs the page
 * almost nothing while it renders), and resolves `__opened` once that frame is painted.
 */
export function watchOpen(watch: OpenWatch): void {
  const w = globalThis as typeof globalThis & { __opened: Promise<OpenTiming> };
  w.__opened = new Promise((resolve) => {
    const boardDone = () => {
      if (!document.querySelector(watch.boardSelector)) return false;
      if (watch.label === null) return true;
      const label = document.querySelector('[data-testid="history.position"]');
      return (
        !!label &&
        label.textContent?.startsWith(watch.label) === true &&
        !label.querySelector(".scrubber-loading")
      );
    };
    const changesDone = () =>
      watch.changesSeq === null ||
      document.querySelector('[data-testid="history.edit-changes"]')?.getAttribute("data-seq") ===
        String(watch.changesSeq);
    // After a frame: a task queued from its rAF runs once that frame has been painted.
    const afterPaint = (then: (at: number) => void) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then(performance.now());
      channel.port2.postMessage(0);
    };
    let inDom = 0;
    let painted = 0;
    const frame = () => {
      if (!inDom) {
        if (!boardDone()) return void requestAnimationFrame(frame);
        inDom = performance.now();
        afterPaint((at) => {
          painted = at;
        });
      }
      if (!changesDone()) return void requestAnimationFrame(frame);
      afterPaint((at) => {
        const wait = () => (painted ? resolve({ inDom, painted, complete: at }) : setTimeout(wait));
        wait();
      });
    };
    requestAnimationFrame(frame);
  });
}

export interface ScrubTiming {
  /** Input → the frame showing the board at the target (label "Edit target of …") painted. */
  readonly board: number;
  /** Input → the frame listing the target edit's changes painted too. */
  readonly complete: number;
}

/**
 * Moves the scrubber to `target` the way a person's drag does (the range input's value set,
 * an `input` event dispatched, which React turns into onChange), and resolves with the time
 * from that event until the frame showing the board at `target` is painted (the label reads
 * "Edit target of …" and nothing is loading any more), and until the side panel lists what
 * the edit at `target` changed (one more state request: the map before that edit).
 */
export function scrubTo(target: number): Promise<ScrubTiming> {
  const range = document.querySelector<HTMLInputElement>('[data-testid="history.range"]');
  const label = document.querySelector('[data-testid="history.position"]');
  if (!range || !label) throw new Error("no history scrubber on the page");
  const boardDone = () =>
    label.textContent?.startsWith(`Edit ${target} of`) === true &&
    !label.querySelector(".scrubber-loading");
  const changesDone = () =>
    document.querySelector('[data-testid="history.edit-changes"]')?.getAttribute("data-seq") ===
    String(target);
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`no repaint at ${target} in 30 s`)), 30_000);
    const afterPaint = (then: (at: number) => void) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then(performance.now() - t0);
      channel.port2.postMessage(0);
    };
    const t0 = performance.now();
    let board = 0;
    let boardSeen = false;
    const frame = () => {
      if (!boardSeen) {
        if (!boardDone()) return void requestAnimationFrame(frame);
        boardSeen = true;
        afterPaint((at) => {
          board = at;
        });
      }
      if (!changesDone()) return void requestAnimationFrame(frame);
      afterPaint((complete) => {
        const wait = () => {
          if (!board) return void setTimeout(wait);
          clearTimeout(timeout);
          resolve({ board, complete });
        };
        wait();
      });
    };
    // React's controlled input only sees a value set through the prototype's setter.
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
    setValue?.call(range, String(target));
    range.dispatchEvent(new Event("input", { bubbles: true }));
    requestAnimationFrame(frame);
  });
}
