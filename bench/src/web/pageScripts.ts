/// <reference lib="dom" />
/**
 * Code that runs inside the page (passed to addInitScript / evaluate, so every function here is
 * self-contained: no imports, no closures over this module). All times are the page's own
 * `performance.now()`, so both ends of every interval are read from one clock.
 *
 * "Painted" is the classic after-next-paint probe: a requestAnimationFrame callback, then a
 * MessageChannel task. Chromium runs style, layout and paint right after the frame's rAF
 * callbacks in the same rendering task, so the message task runs once that frame is painted
 * and handed to the compositor.
 */

export interface WsHit {
  /** performance.now() in our listener, which runs before the provider's. */
  readonly at: number;
  readonly bytes: number;
}

export interface BenchGlobals {
  marker: Uint8Array | null;
  wsHits: WsHit[];
  wsMessages: number;
  firstWsAt: number | null;
  frames: number[];
  recording: boolean;
  longFrames: { start: number; duration: number; blockingDuration: number; scripts: string[] }[];
}

type BenchWindow = typeof globalThis & { __bench: BenchGlobals };

/**
 * Init script: taps every WebSocket so the arrival of a message carrying `marker` (the new
 * name of a remotely renamed touchpoint, which Yjs encodes as plain UTF-8) is time-stamped
 * before the provider sees it; also keeps the long-animation-frame entries (Chromium's LoAF,
 * with script attribution) for the report.
 */
export function installProbes(): void {
  const w = globalThis as BenchWindow;
  const bench: BenchGlobals = {
    marker: null,
    wsHits: [],
    wsMessages: 0,
    firstWsAt: null,
    frames: [],
    recording: false,
    longFrames: [],
  };
  w.__bench = bench;
  const contains = (haystack: Uint8Array, needle: Uint8Array) => {
    outer: for (let i = 0; i <= haystack.length - needle.length; i++) {
      for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  };
  const Native = w.WebSocket;
  class Tapped extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      // Registered in the constructor, so it runs before any listener the provider adds.
      this.addEventListener("message", (event: MessageEvent) => {
        const at = performance.now();
        bench.wsMessages++;
        bench.firstWsAt ??= at;
        const marker = bench.marker;
        if (!marker || !(event.data instanceof ArrayBuffer)) return;
        if (contains(new Uint8Array(event.data), marker))
          bench.wsHits.push({ at, bytes: event.data.byteLength });
      });
    }
  }
  w.WebSocket = Tapped;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEntry[] & unknown[]) {
        const entry = e as PerformanceEntry & {
          blockingDuration: number;
          scripts: { sourceFunctionName: string; invoker: string; duration: number }[];
        };
        bench.longFrames.push({
          start: entry.startTime,
          duration: entry.duration,
          blockingDuration: entry.blockingDuration,
          scripts: entry.scripts.map(
            (s) => `${s.invoker} ${s.sourceFunctionName} ${Math.round(s.duration)}ms`,
          ),
        });
      }
      if (bench.longFrames.length > 1000) bench.longFrames.splice(0, 500);
    }).observe({ type: "long-animation-frame", buffered: false });
  } catch {
    // LoAF is Chromium 123+; without it the report just has no long-frame attribution.
  }
}

export interface FirstRender {
  /** navigation start → DOMContentLoaded (the entry chunk has run). */
  readonly domContentLoaded: number;
  /** navigation start → first WebSocket message (the map starts arriving). */
  readonly firstMessage: number;
  /** navigation start → the last phase band is in the DOM. */
  readonly inDom: number;
  /** navigation start → that frame is painted. */
  readonly painted: number;
}

/**
 * Init script for a first load: waits for the band of `lastPhaseId` (all of the board is
 * committed by React in one go), then for the frame that paints it.
 */
export function watchFirstRender(lastPhaseId: string): void {
  const w = globalThis as BenchWindow & { __firstRender: Promise<FirstRender> };
  w.__firstRender = new Promise((resolve) => {
    const selector = `[data-testid="board.phase"][data-phase-id="${lastPhaseId}"]`;
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      const inDom = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const nav = performance.getEntriesByType("navigation")[0] as
            | PerformanceNavigationTiming
            | undefined;
          resolve({
            domContentLoaded: nav?.domContentLoadedEventEnd ?? Number.NaN,
            firstMessage: w.__bench?.firstWsAt ?? Number.NaN,
            inDom,
            painted: performance.now(),
          });
        };
        channel.port2.postMessage(0);
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

export interface RemoteEditTiming {
  /** Message arrival → the new text is in the DOM. */
  readonly toDom: number;
  /** Message arrival → the frame showing it is painted. */
  readonly toPaint: number;
  readonly messageBytes: number;
}

/**
 * Arms the page for one remote rename of `touchpointId` to `marker`; resolves (on
 * `window.__remoteEdit`) once the new name is painted. Call, then make the edit elsewhere.
 */
export function armRemoteEdit(args: { marker: string; touchpointId: string }): void {
  const w = globalThis as BenchWindow & { __remoteEdit: Promise<RemoteEditTiming> };
  const bench = w.__bench;
  bench.marker = new TextEncoder().encode(args.marker);
  bench.wsHits = [];
  const selector = `[data-touchpoint-id="${args.touchpointId}"] [data-testid="board.touchpoint-name"]`;
  const grid = document.querySelector(".board-grid");
  if (!grid) throw new Error("no board on the page");
  w.__remoteEdit = new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector)?.textContent !== args.marker) return;
      observer.disconnect();
      const inDom = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const painted = performance.now();
          const hit = bench.wsHits[0];
          bench.marker = null;
          if (!hit) return reject(new Error("the rename was painted but its message was not seen"));
          resolve({ toDom: inDom - hit.at, toPaint: painted - hit.at, messageBytes: hit.bytes });
        };
        channel.port2.postMessage(0);
      });
    });
    observer.observe(grid, { childList: true, subtree: true, characterData: true });
  });
}

/** Starts recording rAF timestamps (and long animation frames) until `stopFrames`. */
export function startFrames(): void {
  const bench = (globalThis as BenchWindow).__bench;
  bench.frames = [];
  bench.recording = true;
  const tick = (t: number) => {
    if (!bench.recording) return;
    bench.frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Stops recording; waits two frames so the last long-frame entries have been delivered. */
export async function stopFrames(): Promise<{
  frames: number[];
  longFrames: BenchGlobals["longFrames"];
}> {
  const bench = (globalThis as BenchWindow).__bench;
  bench.recording = false;
  const frames = bench.frames;
  for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
  const first = frames[0] ?? 0;
  return { frames, longFrames: bench.longFrames.filter((f) => f.start >= first) };
}
