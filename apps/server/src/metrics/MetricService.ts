/**
 * Metric values from outside the board (the API and CSV imports): rows are resolved against
 * the live map and checked whole, then written in one edit through LiveDocuments, so people
 * see them at once and the log names the origin (`server`, author "Metrics (api)"). A value
 * that makes a step start or stop meeting its target emits metric.target_crossed.
 */
import { mapDocumentName } from "@journeymap/protocol";
import type { MetricWriteResult } from "@journeymap/protocol/http";
import {
  type MetricCrossing,
  type MetricRow,
  readJourneyMap,
  recordMetrics,
  resolveMetricRows,
} from "@journeymap/schema";
import type * as Y from "yjs";
import type { EventBus } from "../events/EventBus.ts";
import type { LiveDocuments } from "../sync/LiveDocuments.ts";
import { targetCrossed } from "./targetCrossed.ts";

const ORIGIN = { kind: "server", reason: "metrics" } as const;

export interface MetricWriteOptions {
  readonly dryRun: boolean;
  /** 2 for a CSV file (its header is row 1), 1 for an API list. */
  readonly firstRow: number;
  /** Who the log names: "api", "csv", "board". */
  readonly via: string;
  readonly ignoredColumns?: readonly string[];
}

export class MetricService {
  private readonly live: LiveDocuments;
  private readonly events: EventBus | undefined;

  constructor(live: LiveDocuments, events?: EventBus) {
    this.live = live;
    this.events = events;
  }

  async write(
    mapId: string,
    rows: readonly MetricRow[],
    options: MetricWriteOptions,
  ): Promise<MetricWriteResult> {
    const name = mapDocumentName(mapId);
    const base = { dryRun: options.dryRun, ignoredColumns: [...(options.ignoredColumns ?? [])] };
    const resolve = (doc: Y.Doc) => resolveMetricRows(readJourneyMap(doc), rows, options.firstRow);
    const preview = await this.live.read(name, resolve);
    const rowResults = (r: ReturnType<typeof resolve>) =>
      [
        ...r.writes.map((w) => ({
          row: w.row,
          ok: true,
          laneId: w.laneId,
          touchpointId: w.touchpointId,
        })),
        ...r.errors.map((e) => ({ row: e.row, ok: false, error: e.message })),
      ].sort((a, b) => a.row - b.row);
    if (options.dryRun || preview.errors.length > 0) {
      return { ...base, written: 0, changed: false, rows: rowResults(preview) };
    }
    // Resolved again inside the write: the map may have changed since the preview read.
    const outcome = await this.live.write(name, { author: `Metrics (${options.via})` }, (doc) => {
      const resolved = resolve(doc);
      if (resolved.errors.length > 0) return { resolved, result: null, map: null };
      const result = recordMetrics(doc, resolved.writes, { origin: ORIGIN });
      return { resolved, result, map: readJourneyMap(doc) };
    });
    if (!outcome.result || !outcome.map) {
      return { ...base, written: 0, changed: false, rows: rowResults(outcome.resolved) };
    }
    this.announce(mapId, outcome.result.crossings, outcome.map);
    return {
      ...base,
      written: outcome.resolved.writes.length,
      changed: outcome.result.changed,
      rows: rowResults(outcome.resolved),
    };
  }

  private announce(
    mapId: string,
    crossings: readonly MetricCrossing[],
    map: ReturnType<typeof readJourneyMap>,
  ): void {
    for (const crossing of crossings) {
      void this.events?.emit("metric.target_crossed", mapId, targetCrossed(crossing, map));
    }
  }
}
