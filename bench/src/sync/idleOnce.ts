/**
 * `node src/sync/idleOnce.ts <kind> <connections> <seconds>` (from bench/): one idle-cost run of
 * one server, for profiling it alone (BENCH_SERVER_NODE_OPTIONS="--cpu-prof
 * --cpu-prof-dir=<folder>"); prints the run's figures.
 */
import { idleCost, type Kind } from "./syncBench.ts";

const [kind = "journeymap", count = "2000", seconds = "30"] = process.argv.slice(2);
console.log(JSON.stringify(await idleCost(kind as Kind, Number(count), Number(seconds))));
process.exit(0);
