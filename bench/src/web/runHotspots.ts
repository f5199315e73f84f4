/** `node bench/src/web/runHotspots.ts`: the board's profile alone (what BENCH_WEB_PROFILE adds). */
import { writeFileSync } from "node:fs";
import { boardHotspots } from "./hotspots.ts";
import { hotspotTables } from "./report.ts";

const report = await boardHotspots();
if (process.env.HOTSPOTS_JSON)
  writeFileSync(process.env.HOTSPOTS_JSON, JSON.stringify(report, null, 2));
console.log(hotspotTables(report));
