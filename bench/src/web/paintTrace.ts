/**
 * `node bench/src/web/paintTrace.ts <dist> [<css> …]`: what the main thread does per frame while
 * the 30 × 300 board scrolls, for the build as it is and with each extra stylesheet given (one
 * page, variants alternated `ROUNDS` times). Per run: main-thread CPU per frame and per 1,000 px
 * (Chromium's ThreadTime: not inflated by other processes taking the cores), and a trace's
 * time per event kind (Commit, Layerize, Paint…) and painted nodes; INVAL=n lists the n most
 * frequent invalidations.
 */
import os from "node:os";
import type { Browser, Page } from "playwright-core";
import { withBigMap } from "./bigMapSession.ts";
import { injectStyle } from "./injectStyle.ts";
import { scrollEndToEnd } from "./measures.ts";

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { data?: Record<string, unknown>; name?: string };
}

const [dist, ...variantArgs] = process.argv.slice(2) as [string, ...string[]];
const variants = variantArgs.length > 0 ? variantArgs : [""];
const rounds = Number(process.env.ROUNDS ?? 1);
const seconds = Number(process.env.SECONDS ?? 4);

const add = (m: Map<string, { ms: number; n: number }>, key: string, ms: number) => {
  const row = m.get(key) ?? { ms: 0, n: 0 };
  row.ms += ms;
  row.n++;
  m.set(key, row);
};

async function measure(browser: Browser, page: Page, css: string, thread: () => Promise<number>) {
  await injectStyle(page, css);
  await new Promise((r) => setTimeout(r, 500));
  await browser.startTracing(page, {
    categories: [
      "devtools.timeline",
      "disabled-by-default-devtools.timeline",
      ...(process.env.INVAL ? ["disabled-by-default-devtools.timeline.invalidationTracking"] : []),
    ],
  });
  const t0 = await thread();
  const run = await scrollEndToEnd(page, 240, seconds);
  const cpu = (await thread()) - t0;
  const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as {
    traceEvents: TraceEvent[];
  };
  const names = new Map<string, string>();
  for (const e of trace.traceEvents)
    if (e.ph === "M" && e.name === "thread_name")
      names.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
  const byEvent = new Map<string, { ms: number; n: number }>();
  const byNode = new Map<string, { ms: number; n: number }>();
  const inval = new Map<string, { ms: number; n: number }>();
  for (const e of trace.traceEvents) {
    if (names.get(`${e.pid}:${e.tid}`) !== "CrRendererMain") continue;
    const d = e.args?.data ?? {};
    if (e.ph === "X" && e.dur !== undefined) {
      add(byEvent, e.name, e.dur / 1000);
      if (e.name === "Paint") add(byNode, String(d.nodeName ?? d.nodeId), e.dur / 1000);
    }
    if (e.name.endsWith("InvalidationTracking") && e.name.includes(process.env.INVAL_KIND ?? ""))
      add(inval, `${e.name} ${String(d.reason ?? "")} ${String(d.nodeName ?? "").slice(0, 80)}`, 0);
  }
  const perFrame = (name: string) => ((byEvent.get(name)?.ms ?? 0) / run.frames).toFixed(2);
  console.log(
    `\n[${css || "as built"}] load ${os.loadavg()[0]!.toFixed(1)}: ${run.reachedPx} px, ${run.frames} frames, ${run.fps.toFixed(1)} fps, p95 ${run.p95Ms.toFixed(1)} ms; main-thread CPU ${(cpu / run.frames).toFixed(2)} ms/frame, ${((cpu * 1000) / Math.max(1, run.reachedPx)).toFixed(0)} ms/1000 px`,
  );
  console.log(
    `  per frame (wall): Commit ${perFrame("Commit")}, Layerize ${perFrame("Layerize")}, Paint ${perFrame("Paint")}, PrePaint ${perFrame("PrePaint")}, UpdateLayoutTree ${perFrame("UpdateLayoutTree")}, Layout ${perFrame("Layout")}, FunctionCall ${perFrame("FunctionCall")}; ${["UpdateLayer", "Paint", "Layerize", "Commit"].map((k) => `${k} ×${((byEvent.get(k)?.n ?? 0) / run.frames).toFixed(2)}`).join(", ")} per frame`,
  );
  for (const [k, v] of [...byNode].sort((a, b) => b[1].ms - a[1].ms).slice(0, 4))
    console.log(`  paint ${v.ms.toFixed(0)} ms ×${v.n} ${k}`);
  for (const [k, v] of [...inval]
    .sort((a, b) => b[1].n - a[1].n)
    .slice(0, Number(process.env.INVAL ?? 0)))
    console.log(`  ${v.n} ${k}`);
}

await withBigMap(dist, async ({ browser, context, page, open }) => {
  await open();
  await new Promise((r) => setTimeout(r, 1500));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  const thread = async () => {
    const { metrics } = await cdp.send("Performance.getMetrics");
    return (metrics.find((m) => m.name === "ThreadTime")?.value ?? 0) * 1000;
  };
  for (let r = 0; r < rounds; r++)
    for (const css of variants) await measure(browser, page, css, thread);
});
