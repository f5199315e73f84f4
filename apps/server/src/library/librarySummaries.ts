/** Reading the library's map summaries (written by MapIndexer) for views across maps. */
import type { MapSummary } from "@journeymap/schema";
import type { LibraryStore } from "@journeymap/storage";

/** The summaries of these maps, parsed; maps not indexed yet are left out. */
export async function readSummaries(
  library: LibraryStore,
  mapIds: readonly string[],
): Promise<Map<string, MapSummary>> {
  const rows = await library.summaries(mapIds);
  return new Map(rows.map((row) => [row.mapId, JSON.parse(row.summary) as MapSummary]));
}
