/** One paced-ingest run per server kind (profiling aid): node src/sync/pacedOnce.ts [count]. */
import { pacedIngest } from "./syncBench.ts";

const count = Number(process.argv[2] ?? 3000);
for (const kind of ["journeymap", "stock", "reference"] as const) {
  console.log(kind, Math.round(await pacedIngest(kind, count)), "updates/s");
}
