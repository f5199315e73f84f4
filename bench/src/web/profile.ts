/**
 * Where the time goes, for a target that is missed: one run of an action on an unminified build
 * (function names kept) under
 *   - the V8 sampling profiler: self time per function,
 *   - V8 precise coverage with call counts: how often each app function ran (renders per
 *     component, since components are functions),
 *   - a Chromium trace (devtools.timeline): renderer time per event kind and thread, which shows
 *     style, layout, paint and raster work the JS profiler cannot see.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";

export interface Hotspots {
  /** Self time per function (ms), app code and React alike. */
  readonly selfTime: readonly { fn: string; ms: number }[];
  /** Calls per function of the app's own chunks during the action (React's own included). */
  readonly calls: readonly { fn: string; count: number }[];
  /** Calls of React components (capitalised functions): renders per component. */
  readonly renders: readonly { fn: string; count: number }[];
  /** Renderer trace: summed duration (ms) and count per event name and thread. */
  readonly trace: readonly { event: string; thread: string; ms: number; count: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const short = (url: string) => url.replace(/^.*\/assets\//, "").replace(/-[\w-]{8}\.js$/, ".js");

export async function profileAction(
  browser: Browser,
  page: Page,
  action: () => Promise<void>,
  top = 15,
): Promise<Hotspots> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.startPreciseCoverage", { callCount: true, detailed: false });
  await cdp.send("Profiler.takePreciseCoverage"); // resets the counters
  await browser.startTracing(page, {
    categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"],
  });
  await cdp.send("Profiler.start");
  await action();
  const { profile } = await cdp.send("Profiler.stop");
  // BENCH_PROFILE_SAVE=<folder>: the raw profile too, for a look at inclusive times.
  const keep = process.env.BENCH_PROFILE_SAVE;
  if (keep)
    writeFileSync(path.join(keep, `page-${Date.now()}.cpuprofile`), JSON.stringify(profile));
  const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as {
    traceEvents: {
      name: string;
      ph: string;
      pid: number;
      tid: number;
      dur?: number;
      args?: { name?: string };
    }[];
  };
  const { result: coverage } = await cdp.send("Profiler.takePreciseCoverage");
  await cdp.send("Profiler.stopPreciseCoverage");
  await cdp.detach();

  // Self time: each sample's leaf node gets the time to the next sample.
  const nodes = new Map<number, ProfileNode>(
    (profile.nodes as ProfileNode[]).map((n) => [n.id, n]),
  );
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const frame = nodes.get(samples[i]!)?.callFrame;
    if (!frame) continue;
    const key = frame.url
      ? `${frame.functionName || "(anonymous)"} ${short(frame.url)}:${frame.lineNumber + 1}`
      : frame.functionName;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }

  const calls: { fn: string; count: number }[] = [];
  for (const script of coverage) {
    if (!script.url.includes("/assets/")) continue;
    for (const f of script.functions) {
      const count = f.ranges[0]?.count ?? 0;
      if (count > 0 && f.functionName)
        calls.push({ fn: `${f.functionName} (${short(script.url)})`, count });
    }
  }

  // Renderer threads are named by metadata events; keep the busiest renderer (our page's).
  const threadNames = new Map<string, string>();
  for (const e of trace.traceEvents)
    if (e.ph === "M" && e.name === "thread_name")
      threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
  const byEvent = new Map<string, { event: string; thread: string; ms: number; count: number }>();
  for (const e of trace.traceEvents) {
    if (e.ph !== "X" || e.dur === undefined) continue;
    const thread = threadNames.get(`${e.pid}:${e.tid}`) ?? "";
    if (!/^(CrRendererMain|Compositor|CompositorTileWorker|VizCompositorThread)/.test(thread))
      continue;
    const key = `${e.name}|${thread}`;
    const row = byEvent.get(key) ?? { event: e.name, thread, ms: 0, count: 0 };
    row.ms += e.dur / 1000;
    row.count++;
    byEvent.set(key, row);
  }

  return {
    selfTime: [...self]
      .map(([fn, ms]) => ({ fn, ms }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
    calls: calls.sort((a, b) => b.count - a.count).slice(0, top),
    renders: calls.filter((c) => /^[A-Z]\w* \(/.test(c.fn)).slice(0, top),
    trace: [...byEvent.values()].sort((a, b) => b.ms - a.ms).slice(0, top),
  };
}
