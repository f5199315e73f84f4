/**
 * `node src/sync/fanoutOnce.ts <kind> <clients> <maps> <seconds>` (from bench/): one fan-out
 * run of one server, for profiling it alone (with BENCH_SERVER_NODE_OPTIONS="--cpu-prof
 * --cpu-prof-dir=<folder>"); prints the run's figures.
 */
import { fanout } from "./syncBench.ts";
import type { Kind } from "./syncBench.ts";

const [kind = "journeymap", clients = "500", maps = "50", seconds = "20"] = process.argv.slice(2);
const result = await fanout(kind as Kind, Number(clients), Number(maps), Number(seconds));
console.log(JSON.stringify(result));
process.exit(0);
