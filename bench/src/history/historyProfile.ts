/**
 * Where a history scrub's time goes, before changing anything (run by hand, not by `pnpm bench`):
 *   node bench/src/history/historyProfile.ts [updates=50000]
 * Builds the map once and keeps its store in BENCH_HISTORY_STORE (default
 * /tmp/jm-history-bench-stores; a later run reuses it), then serves a copy of it from a restarted
 * server running under `--cpu-prof`, opens the history in Chromium on an unminified build, and
 * profiles random jumps and burst steps in the page (the board benchmark's profileAction). Prints
 * the page's hotspots, then the server's self time per function from its CPU profile.
 */
import { benchContext } from "../web/context.ts";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { launchChromium } from "@journeymap/testkit";
import { hotspotTables } from "../web/report.ts";
import { profileAction } from "../web/profile.ts";
import { buildWeb, startWebServer } from "../web/server.ts";
import { historyStore } from "./historyBench.ts";
import { browserMap, openAtLastEdit, VIEWPORT } from "./historyBrowser.ts";
import { scrubTo } from "./historyPageScripts.ts";

const updates = Number(process.argv[2] ?? 50_000);
// The built map is kept (and reused by later runs) unless told otherwise.
process.env.BENCH_HISTORY_STORE ??= "/tmp/jm-history-bench-stores";
const { mapId, token, dataDir } = await historyStore(updates);
const profDir = mkdtempSync(path.join(os.tmpdir(), "jm-history-profile-cpu-"));
const dist =
  process.env.BENCH_WEB_DIST ??
  buildWeb(mkdtempSync(path.join(os.tmpdir(), "jm-hp-dist-")), { minify: false });
// BENCH_PROFILE_SERVER=0: the page only (a profiled server may not start in time on a
// machine loaded far beyond its cores).
const server = await startWebServer(dist, {
  dataDir,
  nodeArgs:
    process.env.BENCH_PROFILE_SERVER === "0" ? [] : ["--cpu-prof", `--cpu-prof-dir=${profDir}`],
});
const browser = await launchChromium();
try {
  const m = await browserMap(server.url, mapId, token);
  const { seq: last, stops } = m;
  const context = await benchContext(browser, VIEWPORT);
  const page = await context.newPage();
  await openAtLastEdit(page, m);
  const to = (target: number) => page.evaluate(scrubTo, target);
  for (const t of [last - 1, Math.floor(last / 2), Math.floor(last / 2) + 1]) await to(t);
  const random = () => 1 + Math.floor(Math.random() * (last - 300));
  const jumps: number[] = [];
  const jumpBoard: number[] = [];
  const hot = await profileAction(
    browser,
    page,
    async () => {
      for (let i = 0; i < 10; i++) {
        const t = await to(random());
        jumps.push(Math.round(t.complete));
        jumpBoard.push(Math.round(t.board));
      }
    },
    30,
  );
  console.log(`random jumps, complete: ${jumps.join(", ")} ms; board: ${jumpBoard.join(", ")} ms`);
  console.log(hotspotTables({ "Page, 10 random jumps": hot }));
  const bursts: number[] = [];
  const hotBurst = await profileAction(
    browser,
    page,
    async () => {
      for (let i = 0; i < 10; i++) {
        const start = stops[Math.floor(Math.random() * (stops.length - 2))]!;
        await to(start + 1);
        bursts.push(Math.round((await to(stops.find((s) => s > start + 1)!)).complete));
      }
    },
    30,
  );
  console.log(`next burst: ${bursts.join(", ")} ms`);
  console.log(hotspotTables({ "Page, 10 × (one edit forward, next burst)": hotBurst }));
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}

// The server's CPU profile: self time per function.
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
for (const file of readdirSync(profDir)) {
  const profile = JSON.parse(readFileSync(path.join(profDir, file), "utf8")) as {
    nodes: Node[];
    samples: number[];
    timeDeltas: number[];
  };
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const f = nodes.get(id)!.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*node_modules\//, "").replace(/^.*\/work\/main\//, "")}:${f.lineNumber + 1}`;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    total += ms;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  console.log(`\nServer ${file}: ${total.toFixed(0)} ms sampled`);
  for (const [fn, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${fn}`);
}
rmSync(dataDir, { recursive: true, force: true });
