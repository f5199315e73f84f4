/** The journey library's summaries as tests wait for them (the index lags an edit). */
import type { MapSummary } from "@journeymap/schema";
import type { TestServer } from "./server.ts";

/** Waits (up to a loaded machine's budget) for the map's summary to satisfy `check`. */
export async function summaryOf(
  server: TestServer,
  mapId: string,
  check: (s: MapSummary) => boolean = () => true,
): Promise<MapSummary> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [row] = await server.store.library().summaries([mapId]);
    const summary = row ? (JSON.parse(row.summary) as MapSummary) : null;
    if (summary && check(summary)) return summary;
    if (Date.now() > deadline) throw new Error(`no such summary of ${mapId}: ${row?.summary}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
