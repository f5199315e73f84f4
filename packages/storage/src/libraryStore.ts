/**
 * The journey library's index (issue 19): one summary per map (schema's `MapSummary` as JSON),
 * rewritten by the server shortly after each change, so views across hundreds of maps read rows
 * instead of documents. `seq` is the map log's last row the summary had seen and `version` the
 * summary format's, so a server finds at start what it must index again.
 */
export interface StoredSummary {
  readonly mapId: string;
  /** The summary as JSON (parsed by the reader, which knows its type). */
  readonly summary: string;
  readonly seq: number;
  readonly version: number;
  readonly updatedAt: number;
}

export interface SummaryMark {
  readonly seq: number;
  readonly version: number;
  readonly updatedAt: number;
}

export interface LibraryStore {
  /** Writes (or replaces) a map's summary. */
  putSummary(summary: StoredSummary): Promise<void>;
  /** The summaries of these maps that exist, in no particular order. */
  summaries(mapIds: readonly string[]): Promise<StoredSummary[]>;
  /** Where each indexed map's summary stands (no summary bodies): to find stale ones. */
  summaryMarks(): Promise<Map<string, SummaryMark>>;
}
