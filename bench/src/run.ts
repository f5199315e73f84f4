/**
 * `pnpm bench`: every figure beside a baseline measured in the same run on the same machine.
 * Prints Markdown tables (paste into docs/benchmarks.md) and writes bench/results/latest.json.
 *   BENCH_ONLY=readModel|sync|web|history   run one group
 *   BENCH_QUICK=1               smaller scenarios (a smoke run, not for the docs)
 *   BENCH_WEB_PROFILE=1         profile the board even when its targets are met
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { benchHistory } from "./history/historyBench.ts";
import { historyTables, historyTargetsMissed } from "./history/historyReport.ts";
import { benchReadModel } from "./readModel.bench.ts";
import { bigMap, burst, coldLoad, fanout, idleCost, idleMemory } from "./sync/syncBench.ts";
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
  const scenarios: Array<[number, number]> = quick
    ? [
        [2, 1],
        [50, 5],
      ]
    : [
        [2, 1],
        [50, 5],
        [200, 10],
        [500, 50],
      ];
  const seconds = quick ? 3 : 6;
  console.log(
    `\n### Fan-out: each client makes 2 edits/s; latency edit → arrival at the others (${seconds} s)\n`,
  );
  console.log(
    "| clients (maps) | Journeymap p50 / p99 | reference p50 / p99 | p99 ratio | CPU per delivered update, ratio |",
  );
  console.log("|---|---|---|---|---|");
  const fan: Record<string, unknown> = {};
  for (const [clients, maps] of scenarios) {
    const ours = await fanout("journeymap", clients, maps, seconds);
    const ref = await fanout("reference", clients, maps, seconds);
    fan[`${clients}/${maps}`] = { journeymap: ours, reference: ref };
    console.log(
      `| ${clients} (${maps}) | ${fmt(ours.p50)} / ${fmt(ours.p99)} | ${fmt(ref.p50)} / ${fmt(ref.p99)} | ${ratio(ours.p99, ref.p99)} | ${ours.cpuPerDeliveredMs.toFixed(3)} ms vs ${ref.cpuPerDeliveredMs.toFixed(3)} ms = ${ratio(ours.cpuPerDeliveredMs, ref.cpuPerDeliveredMs)} |`,
    );
  }
  results.fanout = fan;

  const idle = quick ? 50 : 200;
  const mem = {
    journeymap: await idleMemory("journeymap", idle),
    reference: await idleMemory("reference", idle),
  };
  results.idleMemory = mem;
  console.log(`\n### Memory per idle connection (${idle} clients on one map, server RSS growth)\n`);
  console.log(`| Journeymap | reference | ratio |\n|---|---|---|`);
  console.log(
    `| ${(mem.journeymap / 1024).toFixed(0)} KiB | ${(mem.reference / 1024).toFixed(0)} KiB | ${ratio(mem.journeymap, mem.reference)} |`,
  );

  // Issue 20: thousands of idle connections, one map each (memory and the CPU they cost idle).
  const idleCount = quick ? 200 : 2000;
  const idleSeconds = quick ? 10 : 30;
  const cost = {
    journeymap: await idleCost("journeymap", idleCount, idleSeconds),
    reference: await idleCost("reference", idleCount, idleSeconds),
  };
  results.idleCost = { connections: idleCount, seconds: idleSeconds, ...cost };
  console.log(`\n### ${idleCount.toLocaleString("en")} idle connections, one map each\n`);
  console.log(`| figure | Journeymap | reference | ratio |\n|---|---|---|---|`);
  const [idleOurs, idleRef] = [cost.journeymap, cost.reference];
  console.log(
    `| memory per connection (RSS growth) | ${(idleOurs.bytesPerConnection / 1024).toFixed(0)} KiB | ${(idleRef.bytesPerConnection / 1024).toFixed(0)} KiB | ${ratio(idleOurs.bytesPerConnection, idleRef.bytesPerConnection)} |`,
  );
  console.log(
    `| server CPU over ${idleSeconds} s idle | ${idleOurs.cpuPercent.toFixed(1)} % | ${idleRef.cpuPercent.toFixed(1)} % | ${ratio(idleOurs.cpuPercent, idleRef.cpuPercent)} |`,
  );

  const n = quick ? 10_000 : 100_000;
  const oursBurst = await burst("journeymap", n);
  const refBurst = await burst("reference", n);
  results.burst = { journeymap: oursBurst.rate, reference: refBurst.rate };
  console.log(
    `\n### Burst: ${n.toLocaleString("en")} small updates from one client into one map\n`,
  );
  console.log(
    `| Journeymap (each logged durably, acknowledged) | reference (in memory) | ratio |\n|---|---|---|`,
  );
  console.log(
    `| ${oursBurst.rate.toFixed(0)} updates/s | ${refBurst.rate.toFixed(0)} updates/s | ${ratio(oursBurst.rate, refBurst.rate)} |`,
  );

  // Cold loads after a restart on the same store.
  const burstServer = oursBurst.server!;
  const dataDir = burstServer.dataDir!;
  await burstServer.shutdown();
  const burstMapMs = await coldLoad(dataDir, oursBurst.map);
  const big = await bigMap(5 * 1024 * 1024);
  const fiveMbMs = await coldLoad(big.dataDir, big.map);
  results.coldLoad = { burstMapMs, fiveMbMs };
  console.log(`\n### Cold load after a restart (a fresh client's first sync)\n`);
  console.log(`| map | Journeymap | stock Hocuspocus + SQLite (issue figure) |\n|---|---|---|`);
  console.log(`| ${n.toLocaleString("en")} logged updates | ${fmt(burstMapMs)} | 39 ms |`);
  console.log(`| 5 MB map | ${fmt(fiveMbMs)} | 285 ms |`);
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

mkdirSync(new URL("../results/", import.meta.url), { recursive: true });
const latest = new URL("../results/latest.json", import.meta.url);
// One group's run keeps the other groups' last results.
const kept = only && existsSync(latest) ? JSON.parse(readFileSync(latest, "utf8")) : {};
writeFileSync(latest, JSON.stringify({ ...kept, ...results }, null, 2));
