/**
 * `pnpm bench`: every benchmark next to a baseline measured in the same run. Prints a
 * Markdown table (paste into docs/benchmarks.md) and writes bench/results/latest.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { benchReadModel } from "./readModel.bench.ts";

const rows = await benchReadModel();
const baseline = rows.find((r) => r.name.includes("baseline"))!;
const editOnly = rows.find((r) => r.name.startsWith("edit only"))!;
const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

console.log(
  `\nRead model, 30 phases × 500 touchpoints (${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version})\n`,
);
console.log("| case | mean | p99 | vs full re-read |");
console.log("|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| ${r.name} | ${fmt(r.meanMs)} | ${fmt(r.p99Ms)} | ${(r.meanMs / baseline.meanMs).toFixed(3)}× |`,
  );
}
const incremental = rows.find((r) => r.name.startsWith("edit + incremental"))!;
console.log(
  `\nRead-model share of one edit: incremental ${fmt(incremental.meanMs - editOnly.meanMs)}, full ${fmt(baseline.meanMs - editOnly.meanMs)} (target < 1 ms).`,
);
mkdirSync(new URL("../results/", import.meta.url), { recursive: true });
writeFileSync(
  new URL("../results/latest.json", import.meta.url),
  JSON.stringify(
    { date: new Date().toISOString(), node: process.version, readModel: rows },
    null,
    2,
  ),
);
