/**
 * Where each kind of scrubber move's wall time goes in Chromium, worker against page (run by
 * hand, not by `pnpm bench`):
 *   node bench/src/history/historyMoveParts.ts [rounds=10]
 * The moves are drawn from BENCH_HISTORY_SEED (default 16), so two builds get the same ones.
 * On the stored 50,000-edit map (BENCH_HISTORY_STORE, as historyProfile.ts) served by a server
 * restarted on a copy of it (BENCH_WEB_DIST: the build to measure), the benchmark's scrub
 * sequence (historyBrowser.ts `measureScrub`: a random jump, 5 × one edit forward, ten forward,
 * the next burst, one back), and for every move, from the page's clock:
 *   - input → the seek posted to the replay worker, → its answer received (the worker's span,
 *     with the page's time answering its state and rows requests inside it);
 *   - the answer's message handler (the delta applied, and what runs synchronously with it);
 *   - answer → the board painted, → the edit's changes listed and painted (the page's span);
 *   - from a Chromium trace over all the moves: self time per event kind on the page's main
 *     thread and on the replay worker's thread, summed per move kind (script, style, layout,
 *     paint, GC…).
 * BENCH_HISTORY_WARM_MS=<ms> waits that long after the open before the moves, as `pnpm bench`'s
 * ten opens do: the server makes the map's lean chunk starts in the background once the worker
 * first asks for one (apps/server/src/history/LeanStarts.ts).
 * A build whose worker adds `took` to its arrivals (timings of its own pieces) has them listed
 * too; the shipped one does not.
 */
import { readFileSync } from "node:fs";
import { seededRandom } from "@journeymap/schema/testing";
import { benchContext } from "../web/context.ts";
import { summarize } from "../web/stats.ts";
import { openAtLastEdit, VIEWPORT } from "./historyBrowser.ts";
import { servedHistory } from "./servedHistory.ts";
import { type ScrubTiming, scrubTo } from "./historyPageScripts.ts";

const rounds = Number(process.argv[2] ?? 10);

interface LogEntry {
  readonly at: number;
  readonly dir: "to" | "from" | "handler" | "afterTask";
  readonly kind?: string;
  readonly id?: number;
  readonly ms?: number;
  readonly took?: Record<string, number | string>;
  readonly bytes?: number;
}

/** Init script: wraps Worker so that the replay's messages are timed (self-contained). */
function watchWorker(): void {
  const w = globalThis as unknown as {
    Worker: typeof Worker;
    __replayLog: unknown[];
  };
  const log: unknown[] = [];
  w.__replayLog = log;
  const Original = w.Worker;
  w.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      const post = this.postMessage.bind(this) as (m: unknown, t?: Transferable[]) => void;
      this.postMessage = ((m: { kind?: string; id?: number }, t?: Transferable[]) => {
        log.push({ at: performance.now(), dir: "to", kind: m?.kind, id: m?.id });
        post(m, t);
      }) as typeof this.postMessage;
      this.addEventListener("message", (e: MessageEvent) => {
        const d = e.data as {
          kind?: string;
          id?: number;
          arrival?: { took?: unknown; delta?: Uint8Array | null };
        };
        log.push({
          at: performance.now(),
          dir: "from",
          kind: d?.kind,
          id: d?.id,
          took: d?.arrival?.took,
          bytes: d?.arrival?.delta?.byteLength ?? 0,
        });
      });
    }
    override set onmessage(f: ((e: MessageEvent) => void) | null) {
      super.onmessage = f
        ? (e: MessageEvent) => {
            const t0 = performance.now();
            f(e);
            if ((e.data as { kind?: string })?.kind !== "arrived") return;
            const id = (e.data as { id: number }).id;
            log.push({ at: t0, dir: "handler", id, ms: performance.now() - t0 });
            const channel = new MessageChannel();
            channel.port1.onmessage = () =>
              log.push({ at: performance.now(), dir: "afterTask", id });
            channel.port2.postMessage(0);
          }
        : null;
    }
    override get onmessage() {
      return super.onmessage;
    }
  };
}

type Kind = "jump" | "row" | "rows10" | "burst" | "back";

/** A move's span in the trace (its marks), in trace microseconds. */
interface MoveWindow {
  readonly index: number;
  readonly kind: Kind;
  readonly from: number;
  readonly to: number;
}

interface Move {
  readonly kind: Kind;
  readonly index: number;
  readonly timing: ScrubTiming;
  readonly t0: number;
  readonly log: LogEntry[];
  readonly fetches: { start: number; ttfb: number; end: number }[];
}

const { m, browser, stop } = await servedHistory();
try {
  const { seq: last, stops } = m;
  const context = await benchContext(browser, VIEWPORT);
  await context.addInitScript(watchWorker);
  await context.addInitScript({ content: `globalThis.__scrubTo = ${scrubTo.toString()};` });
  const page = await context.newPage();
  await openAtLastEdit(page, m);
  await new Promise((r) => setTimeout(r, Number(process.env.BENCH_HISTORY_WARM_MS ?? 0)));
  const to = (target: number, index: number) =>
    page.evaluate(
      async ([t, i]) => {
        const g = globalThis as unknown as {
          __replayLog: unknown[];
          __scrubTo: (t: number) => Promise<ScrubTiming>;
        };
        g.__replayLog.length = 0;
        performance.clearResourceTimings();
        performance.mark(`jm-move-${i}`);
        const t0 = performance.now();
        const timing = await g.__scrubTo(t);
        performance.mark(`jm-move-${i}-end`);
        // The message-task probe of the last answer lands after the paint probe at the latest.
        await new Promise((r) => setTimeout(r, 0));
        const fetches = performance
          .getEntriesByType("resource")
          .filter((e) => /\/(state|updates)\?/.test(e.name))
          .map((e) => {
            const r = e as PerformanceResourceTiming;
            return {
              start: r.startTime,
              ttfb: r.responseStart - r.startTime,
              end: r.responseEnd - r.startTime,
            };
          });
        return { timing, t0, log: [...g.__replayLog] as LogEntry[], fetches };
      },
      [target, index] as const,
    );
  const moves: Move[] = [];
  let index = 0;
  const move = async (kind: Kind | null, target: number) => {
    const r = await to(target, index);
    if (kind) moves.push({ kind, index, ...r });
    index++;
  };
  // Warm-up, as measureScrub.
  for (const t of [last - 1, Math.floor(last / 2), Math.floor(last / 2) + 1]) await move(null, t);
  let at = Math.floor(last / 2) + 1;
  // Seeded (BENCH_HISTORY_SEED, default 16): two builds compared get the same moves.
  const draw = seededRandom(Number(process.env.BENCH_HISTORY_SEED ?? 16));
  const random = (lo: number, hi: number) => lo + draw(hi - lo + 1);
  await browser.startTracing(page, {
    categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing"],
  });
  for (let r = 0; r < rounds; r++) {
    let target = random(1, last - 300);
    while (target === at) target = random(1, last - 300);
    await move("jump", target);
    at = target;
    for (let k = 0; k < 5; k++) await move("row", ++at);
    at += 10;
    await move("rows10", at);
    const next = stops.find((s) => s > at);
    if (next !== undefined && next <= last) {
      await move("burst", next);
      at = next;
    }
    await move("back", --at);
  }
  const traceJson = JSON.parse((await browser.stopTracing()).toString("utf8")) as {
    traceEvents: TraceEvent[];
  };
  await context.close();
  report(moves, traceJson.traceEvents);
} finally {
  await stop();
}

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

function report(moves: Move[], events: TraceEvent[]): void {
  const kinds: Kind[] = ["jump", "row", "rows10", "burst", "back"];
  const fmt = (xs: number[]) => {
    if (xs.length === 0) return "—";
    const s = summarize(xs);
    return `${s.median.toFixed(0)} / ${s.p95.toFixed(0)}`;
  };
  console.log(`\nload average: ${readFileSync("/proc/loadavg", "utf8").trim()}`);
  console.log("\nWall time per move, page clock (median / p95 ms):");
  const rows: Record<string, Record<string, string>> = {};
  for (const kind of kinds) {
    const ms = moves.filter((m) => m.kind === kind);
    const col: Record<string, number[]> = {};
    const add = (k: string, v: number | undefined) => {
      if (v === undefined || Number.isNaN(v)) return;
      col[k] ??= [];
      col[k].push(v);
    };
    for (const m of ms) {
      const seek = m.log.find((e) => e.dir === "to" && e.kind === "seek");
      const arrived = m.log.find((e) => e.dir === "from" && e.kind === "arrived");
      const handler = m.log.find((e) => e.dir === "handler");
      const afterTask = m.log.find((e) => e.dir === "afterTask");
      add("complete", m.timing.complete);
      add("board painted", m.timing.board);
      add("input → seek posted", seek ? seek.at - m.t0 : undefined);
      add("worker span (seek → answer)", seek && arrived ? arrived.at - seek.at : undefined);
      // The page's time answering the worker's state and rows requests (inside the span).
      let requests = 0;
      let asked = 0;
      for (const e of m.log) {
        if (e.dir !== "from" || (e.kind !== "state" && e.kind !== "rows")) continue;
        asked++;
        const answer = m.log.find((a) => a.dir === "to" && a.kind === "answer" && a.id === e.id);
        if (answer) requests += answer.at - e.at;
      }
      add("… requests asked", asked);
      const firstAsk = m.log.find(
        (e) => e.dir === "from" && (e.kind === "state" || e.kind === "rows"),
      );
      const answers = m.log.filter((e) => e.dir === "to" && e.kind === "answer");
      if (seek && firstAsk) add("… seek → first request at the page", firstAsk.at - seek.at);
      if (firstAsk && answers.length)
        add("… first request → last answer posted", answers.at(-1)!.at - firstAsk.at);
      if (arrived && answers.length)
        add("… last answer → worker's answer", arrived.at - answers.at(-1)!.at);
      add("… page answering them (summed)", requests);
      add("answer handler (delta applied…)", handler?.ms);
      add("answer → task done", arrived && afterTask ? afterTask.at - arrived.at : undefined);
      add("answer → board painted", arrived ? m.t0 + m.timing.board - arrived.at : undefined);
      add("answer → complete", arrived ? m.t0 + m.timing.complete - arrived.at : undefined);
      for (const f of m.fetches) {
        add("… fetch: request → first byte", f.ttfb);
        add("… fetch: request → last byte", f.end);
      }
      add("delta KB", arrived?.bytes !== undefined ? arrived.bytes / 1024 : undefined);
      for (const [k, v] of Object.entries(arrived?.took ?? {}))
        if (typeof v === "number") add(`worker: ${k}`, v);
    }
    rows[`${kind} (n ${ms.length})`] = Object.fromEntries(
      Object.entries(col).map(([k, v]) => [k, fmt(v)]),
    );
  }
  printTable(rows);

  // Trace: self time per event name on the page's main thread and the worker's thread, per move.
  const threadNames = new Map<string, string>();
  for (const e of events)
    if (e.ph === "M" && e.name === "thread_name")
      threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
  const marks = new Map<string, number>();
  for (const e of events)
    if (
      e.name.startsWith("jm-move-") &&
      (e.ph === "R" || e.ph === "I" || e.ph === "n" || e.ph === "i")
    )
      marks.set(e.name, e.ts);
  // Our renderer: the process whose main thread carries the marks.
  const markPid = events.find((e) => e.name.startsWith("jm-move-"))?.pid;
  const windows = moves
    .map((m) => ({
      index: m.index,
      kind: m.kind,
      from: marks.get(`jm-move-${m.index}`),
      to: marks.get(`jm-move-${m.index}-end`),
    }))
    .filter((w): w is MoveWindow => !!w.from && !!w.to);
  const selfByThread = new Map<string, { ts: number; name: string; self: number }[]>();
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== "X" || e.dur === undefined || e.pid !== markPid) continue;
    const thread = threadNames.get(`${e.pid}:${e.tid}`) ?? "";
    if (thread !== "CrRendererMain" && thread !== "DedicatedWorker thread") continue;
    const list = byThread.get(thread) ?? [];
    list.push(e);
    byThread.set(thread, list);
  }
  for (const [thread, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const out: { ts: number; name: string; self: number }[] = [];
    const stack: { e: TraceEvent; self: number }[] = [];
    const close = (until: number) => {
      while (stack.length && stack.at(-1)!.e.ts + stack.at(-1)!.e.dur! <= until) {
        const top = stack.pop()!;
        out.push({ ts: top.e.ts, name: top.e.name, self: top.self });
      }
    };
    for (const e of list) {
      close(e.ts);
      const parent = stack.at(-1);
      if (parent) parent.self -= e.dur!;
      stack.push({ e, self: e.dur! });
    }
    close(Number.POSITIVE_INFINITY);
    selfByThread.set(thread, out);
  }
  slowestJumps(moves, windows, selfByThread);
  for (const [thread, list] of selfByThread) {
    console.log(
      `\nTrace, ${thread}: self time per move (ms, median over moves of each kind; top names)`,
    );
    const table: Record<string, Record<string, string>> = {};
    for (const kind of kinds) {
      const ws = windows.filter((w) => w.kind === kind);
      if (ws.length === 0) continue;
      const perName = new Map<string, number[]>();
      const totals: number[] = [];
      for (const w of ws) {
        const sums = new Map<string, number>();
        let total = 0;
        for (const s of list) {
          if (s.ts < w.from || s.ts > w.to) continue;
          sums.set(s.name, (sums.get(s.name) ?? 0) + s.self / 1000);
          total += s.self / 1000;
        }
        totals.push(total);
        for (const [name, ms] of sums) {
          const xs = perName.get(name) ?? [];
          xs.push(ms);
          perName.set(name, xs);
        }
      }
      const row: Record<string, string> = { "all (busy)": fmt(totals) };
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / ws.length;
      for (const [name, xs] of [...perName].sort((a, b) => mean(b[1]) - mean(a[1])).slice(0, 9))
        row[name] = `${mean(xs).toFixed(1)} avg`;
      table[`${kind} (n ${ws.length})`] = row;
    }
    for (const [kind, row] of Object.entries(table))
      console.log(
        `  ${kind}: ${Object.entries(row)
          .map(([k, v]) => `${k} ${v}`)
          .join("; ")}`,
      );
  }
}

/**
 * The five slowest random jumps, one line each: where their wall time went (worker span, answer
 * → painted) and each thread's busy time, garbage collection apart: a p95 is made of these.
 */
function slowestJumps(
  moves: Move[],
  windows: MoveWindow[],
  selfByThread: Map<string, { ts: number; name: string; self: number }[]>,
): void {
  const jumps = moves.filter((m) => m.kind === "jump");
  const slowest = [...jumps].sort((a, b) => b.timing.complete - a.timing.complete).slice(0, 5);
  console.log(
    "\nSlowest random jumps (ms): complete; worker span; answer → painted; busy (GC) per thread",
  );
  for (const m of slowest) {
    const seek = m.log.find((e) => e.dir === "to" && e.kind === "seek");
    const arrived = m.log.find((e) => e.dir === "from" && e.kind === "arrived");
    const span = seek && arrived ? arrived.at - seek.at : Number.NaN;
    const painted = arrived ? m.t0 + m.timing.complete - arrived.at : Number.NaN;
    const w = windows.find((x) => x.index === m.index);
    const threads = [...selfByThread].map(([thread, list]) => {
      let busy = 0;
      let gc = 0;
      for (const s of list) {
        if (!w || s.ts < w.from || s.ts > w.to) continue;
        busy += s.self / 1000;
        if (/GC|Scavenge|MarkCompact|MinorGC|MajorGC/i.test(s.name)) gc += s.self / 1000;
      }
      return `${thread === "CrRendererMain" ? "page" : "worker"} ${busy.toFixed(0)} (${gc.toFixed(0)})`;
    });
    console.log(
      `  ${m.timing.complete.toFixed(0)}; ${span.toFixed(0)}; ${painted.toFixed(0)}; ${threads.join(", ")}`,
    );
  }
}

function printTable(rows: Record<string, Record<string, string>>): void {
  const cols = Object.keys(rows);
  const names = [...new Set(Object.values(rows).flatMap((r) => Object.keys(r)))];
  const w = Math.max(...names.map((n) => n.length));
  console.log(`${"".padEnd(w)}  ${cols.map((c) => c.padStart(16)).join("")}`);
  for (const n of names)
    console.log(`${n.padEnd(w)}  ${cols.map((c) => (rows[c]![n] ?? "").padStart(16)).join("")}`);
}
