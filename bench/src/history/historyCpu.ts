/**
 * CPU time, not wall time, per history move (run by hand, not by `pnpm bench`):
 *   node bench/src/history/historyCpu.ts [moves=10]
 * On a machine loaded far beyond its cores, wall times mostly measure the wait for a core; CPU
 * time is what a move costs. For random jumps and "next group of edits" on the stored
 * 50,000-edit map (BENCH_HISTORY_STORE, as historyProfile.ts), each until the board and the
 * edit's changes are painted: the page's main thread (Chromium's ThreadTime counter), the
 * page's whole renderer process (/proc: the main thread, the history's replay worker,
 * compositing) and the server process (/proc), from a server restarted on the store.
 * BENCH_WEB_DIST: the build.
 */
import { readdirSync, readFileSync } from "node:fs";
import { cpuSeconds } from "../sync/processes.ts";
import { benchContext } from "../web/context.ts";
import { summarize } from "../web/stats.ts";
import { openAtLastEdit, VIEWPORT } from "./historyBrowser.ts";
import { servedHistory } from "./servedHistory.ts";
import { scrubTo } from "./historyPageScripts.ts";

const moves = Number(process.argv[2] ?? 10);

/** CPU seconds of this process's Chromium renderers (other runs' browsers are not ours). */
function rendererSeconds(): number {
  const parent = new Map<number, number>();
  const renderers: number[] = [];
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--type=renderer")) {
        renderers.push(pid);
      }
    } catch {
      // gone meanwhile
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === process.pid) return true;
    }
    return false;
  };
  let seconds = 0;
  for (const pid of renderers.filter(ours)) {
    try {
      seconds += cpuSeconds(pid);
    } catch {
      // gone meanwhile
    }
  }
  return seconds;
}
const { m, browser, serverPid, stop } = await servedHistory();
try {
  const { seq: last, stops } = m;
  const context = await benchContext(browser, VIEWPORT);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const threadMs = async () => {
    const { metrics } = await cdp.send("Performance.getMetrics");
    return (metrics.find((m) => m.name === "ThreadTime")?.value ?? Number.NaN) * 1000;
  };
  await openAtLastEdit(page, m);
  const to = (target: number) => page.evaluate(scrubTo, target);
  for (const t of [last - 1, Math.floor(last / 2), Math.floor(last / 2) + 1]) await to(t);
  const measure = async (target: number) => {
    const [page0, renderer0, server0] = [
      await threadMs(),
      rendererSeconds(),
      cpuSeconds(serverPid),
    ];
    const wall = (await to(target)).complete;
    const pageMs = (await threadMs()) - page0;
    const rendererMs = (rendererSeconds() - renderer0) * 1000;
    const serverMs = (cpuSeconds(serverPid) - server0) * 1000;
    return { wall, pageMs, rendererMs, serverMs };
  };
  type Move = Awaited<ReturnType<typeof measure>>;
  const report = (name: string, xs: Move[]) => {
    const f = (pick: (x: Move) => number) => {
      const s = summarize(xs.map(pick));
      return `${s.median.toFixed(0)} / ${s.p95.toFixed(0)} ms`;
    };
    console.log(
      `| ${name} | ${xs.length} | ${f((x) => x.pageMs)} | ${f((x) => x.rendererMs)} | ${f((x) => x.serverMs)} | ${f((x) => x.wall)} |`,
    );
  };
  const jumps = [];
  const bursts = [];
  for (let i = 0; i < moves; i++) {
    const target = 1 + Math.floor(Math.random() * (last - 300));
    jumps.push(await measure(target));
    const next = stops.find((s) => s > target + 1)!;
    await to(target + 1);
    bursts.push(await measure(next));
  }
  console.log(
    "| move (median / p95) | n | page main thread CPU | page renderer process CPU | server CPU | wall |",
  );
  console.log("|---|---|---|---|---|---|");
  report("a jump to a random moment", jumps);
  report("to the end of the next burst", bursts);
  await context.close();
} finally {
  await stop();
}
