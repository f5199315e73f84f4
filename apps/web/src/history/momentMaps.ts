/**
 * Maps of the history at given moments, kept for the view's "what this edit changed": the map
 * just before the shown edit. Asking the server for that state and decoding it cost a request
 * and a whole-state decode per move (issue 16, R7), so the maps the view already has are kept:
 * every moment shown, and the moment a seek passes on its way (`visitBefore`). Only a moment
 * nobody passed is loaded.
 */
import { type Burst, type JourneyMap, readJourneyMap } from "@journeymap/schema";
import * as Y from "yjs";
import { shownEdit } from "./editChanges.ts";
import type { HistoryApi } from "./HistoryApi.ts";
import type { MapVisit } from "./replayCore.ts";
import { docAt } from "./replayedDoc.ts";

/** Maps kept: stepping back and forth over a few edits finds each one here. */
const KEPT = 32;

export class MomentMaps {
  private readonly kept = new Map<number, Promise<JourneyMap>>();
  /** The kept maps already at hand (put, or loaded), for a synchronous look. */
  private readonly ready = new Map<number, JourneyMap>();
  private readonly load: (seq: number) => Promise<JourneyMap>;

  constructor(load: (seq: number) => Promise<JourneyMap>) {
    this.load = load;
  }

  has(seq: number): boolean {
    return this.kept.has(seq);
  }

  /** The map after row `seq` if it is kept and at hand now (nothing is loaded). */
  peek(seq: number): JourneyMap | undefined {
    return this.kept.has(seq) ? this.ready.get(seq) : undefined;
  }

  /** The map after row `seq`, kept or loaded. */
  get(seq: number): Promise<JourneyMap> {
    let map = this.kept.get(seq);
    if (!map) {
      const loading = this.load(seq);
      map = loading;
      loading.then(
        (loaded) => {
          if (this.kept.get(seq) === loading) this.ready.set(seq, loaded);
        },
        () => {
          if (this.kept.get(seq) === loading) this.kept.delete(seq);
        },
      );
    }
    this.keep(seq, map);
    return map;
  }

  /** A map the view has anyway (shown, or read on the way). */
  put(seq: number, map: JourneyMap): void {
    this.keep(seq, Promise.resolve(map));
    this.ready.set(seq, map);
  }

  private keep(seq: number, map: Promise<JourneyMap>): void {
    this.kept.delete(seq); // re-inserted: most recently used last
    this.kept.set(seq, map);
    while (this.kept.size > KEPT) {
      const oldest = this.kept.keys().next().value as number;
      this.kept.delete(oldest);
      this.ready.delete(oldest);
    }
  }
}

/** Loads the map after any row from the history API (a state request and a decode). */
export function mapsFromServer(api: HistoryApi): (seq: number) => Promise<JourneyMap> {
  return async (seq) => {
    const doc = seq === 0 ? new Y.Doc() : await docAt(api, seq);
    try {
      return readJourneyMap(doc);
    } finally {
      doc.destroy();
    }
  };
}

/**
 * For a seek to `target`: read the map just before the edit shown there, if the way passes it
 * and it is not kept yet.
 */
export function visitBefore(
  maps: MomentMaps,
  bursts: readonly Burst[],
  target: number,
): MapVisit | undefined {
  const edit = shownEdit(bursts, target);
  if (!edit || maps.has(edit.beforeSeq)) return undefined;
  return { seq: edit.beforeSeq, see: (map) => maps.put(edit.beforeSeq, map) };
}
