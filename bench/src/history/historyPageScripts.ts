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
}

export interface OpenTiming {
  /** Navigation start → the board (and label) complete in the DOM. */
  readonly inDom: number;
  /** Navigation start → that frame painted. */
  readonly painted: number;
}

/**
 * Init script: from navigation start, checks once per frame whether the board is complete
 * (a per-frame check sees a commit in the frame that paints it, so the probe costs the page
 * almost nothing while it renders), and resolves `__opened` once that frame is painted.
 */
export function watchOpen(watch: OpenWatch): void {
  const w = globalThis as typeof globalThis & { __opened: Promise<OpenTiming> };
  w.__opened = new Promise((resolve) => {
    const complete = () => {
      if (!document.querySelector(watch.boardSelector)) return false;
      if (watch.label === null) return true;
      const label = document.querySelector('[data-testid="history.position"]');
      return (
        !!label &&
        label.textContent?.startsWith(watch.label) === true &&
        !label.querySelector(".scrubber-loading")
      );
    };
    const frame = () => {
      if (!complete()) {
        requestAnimationFrame(frame);
        return;
      }
      const inDom = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ inDom, painted: performance.now() });
      channel.port2.postMessage(0);
    };
    requestAnimationFrame(frame);
  });
}

/**
 * Moves the scrubber to `target` the way a person's drag does (the range input's value set,
 * an `input` event dispatched, which React turns into onChange), and resolves with the time
 * from that event until the frame showing the board at `target` is painted: the label reads
 * "Edit target of …" and nothing is loading any more.
 */
export function scrubTo(target: number): Promise<number> {
  const range = document.querySelector<HTMLInputElement>('[data-testid="history.range"]');
  const label = document.querySelector('[data-testid="history.position"]');
  if (!range || !label) throw new Error("no history scrubber on the page");
  const done = () =>
    label.textContent?.startsWith(`Edit ${target} of`) === true &&
    !label.querySelector(".scrubber-loading");
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`no repaint at ${target} in 10 s`)), 10_000);
    const t0 = performance.now();
    const frame = () => {
      if (!done()) {
        requestAnimationFrame(frame);
        return;
      }
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        clearTimeout(timeout);
        resolve(performance.now() - t0);
      };
      channel.port2.postMessage(0);
    };
    // React's controlled input only sees a value set through the prototype's setter.
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
    setValue?.call(range, String(target));
    range.dispatchEvent(new Event("input", { bubbles: true }));
    requestAnimationFrame(frame);
  });
}
