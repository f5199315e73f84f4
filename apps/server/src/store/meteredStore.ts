import type { Metrics } from "../Metrics.ts";
import type { MapStore, UpdateRow } from "@journeymap/storage";

/** The same store, with append latency and counts recorded. */
export function meteredStore(store: MapStore, metrics: Metrics): MapStore {
  const append = store.appendUpdate.bind(store);
  return Object.assign(Object.create(store) as MapStore, {
    async appendUpdate(row: UpdateRow): Promise<number> {
      const stop = metrics.storeWriteSeconds.startTimer();
      try {
        const seq = await append(row);
        metrics.updates.inc({ origin: row.origin });
        return seq;
      } finally {
        stop();
      }
    },
  });
}
