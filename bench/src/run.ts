/**
 * `pnpm bench`: every figure beside a baseline measured in the same run on the same machine.
 * Prints Markdown tables (paste into docs/benchmarks.md) and writes bench/results/latest.json.
 *   BENCH_ONLY=readModel|sync|web|history|library   run one group
 *   BENCH_QUICK=1               smaller scenarios (a smoke run, not for the docs)
 *   BENCH_SYNC_ROUNDS=N         runs per sync figure, reported as medians (default 3)
 *   BENCH_WEB_PROFILE=1         profile the board even when its targets are met
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { benchHistory } from "./history/historyBench.ts";
import { historyTables, historyTargetsMissed } from "./history/historyReport.ts";
import { benchLibrary } from "./library/libraryBench.ts";
import { libraryTable } from "./library/libraryReport.ts";
import { benchReadModel } from "./readModel.bench.ts";
import { benchSync, syncTable } from "./sync/syncRun.ts";
import { boardHotspots } from "./web/hotspots.ts";
import { hotspotTables, webTables } from "./web/report.ts";
import { benchWeb, targetsMissed } from "./web/webBench.ts";

const only = process.env.BENCH_ONLY;
const quick = process.env.BENCH_QUICK === "1";
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model,
};
const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

if (!only || only === "readModel") {
  const rows = await benchReadModel();
  results.readModel = rows;
  const baseline = rows.find((r) => r.name.includes("baseline"))!;
  const editOnly = rows.find((r) => r.name.startsWith("edit only"))!;
  console.log(`\n### Read model, 30 phases × 500 touchpoints\n`);
  console.log("| case | mean | p99 | vs full re-read |\n|---|---|---|---|");
  for (const r of rows)
    console.log(
      `| ${r.name} | ${fmt(r.meanMs)} | ${fmt(r.p99Ms)} | ${ratio(r.meanMs, baseline.meanMs)} |`,
    );
  const incremental = rows.find((r) => r.name.startsWith("edit + incremental"))!;
  console.log(
    `\nRead-model share of one edit: incremental ${fmt(incremental.meanMs - editOnly.meanMs)}, full ${fmt(baseline.meanMs - editOnly.meanMs)} (target < 1 ms).`,
  );
}

if (!only || only === "sync") {
  const rounds = Number(process.env.BENCH_SYNC_ROUNDS ?? (quick ? 1 : 3));
  const sync = await benchSync(quick, rounds);
  results.sync = sync;
  console.log(`\n### Sync servers: ours, stock Hocuspocus + SQLite, the y-websocket reference\n`);
  console.log(syncTable(sync.figures, rounds));
  console.log(`\n### Cold load after a restart (a fresh client's first sync, ours)\n`);
  console.log(`| map | Journeymap |\n|---|---|`);
  console.log(`| the last burst's map | ${fmt(sync.coldLoad.burstMapMs)} |`);
  console.log(`| 5 MB map | ${fmt(sync.coldLoad.fiveMbMs)} |`);
}

if (!only || only === "web") {
  const web = await benchWeb(quick);
  console.log(`\n### Board in Chromium ${web.chromium}\n`);
  console.log(webTables(web));
  const missed = targetsMissed(web);
  let hotspots = null;
  if (process.env.BENCH_WEB_PROFILE === "1" || (!quick && missed.length > 0)) {
    console.log(`\nProfiling (targets missed: ${missed.join(", ") || "none"})`);
    hotspots = await boardHotspots();
    console.log(hotspotTables(hotspots));
  }
  results.web = { ...web, missed, hotspots };
}

if (!only || only === "history") {
  const history = await benchHistory(quick);
  console.log(`\n### History: ${history.updates.toLocaleString("en")} logged updates\n`);
  console.log(historyTables(history));
  results.history = { ...history, missed: historyTargetsMissed(history) };
}

if (!only || only === "library") {
  const library = await benchLibrary(quick);
  console.log(`\n### Journey library: search and roll-up, 500 maps beside 50 (issue 19)\n`);
  console.log(libraryTable(library));
  results.library = library;
}

mkdirSync(new URL("../results/", import.meta.url), { recursive: true });
const latest = new URL("../results/latest.json", import.meta.url);
// One group's run keeps the other groups' last results.
const kept = only && existsSync(latest) ? JSON.parse(readFileSync(latest, "utf8")) : {};
writeFileSync(latest, JSON.stringify({ ...kept, ...results }, null, 2));
