/** The history API for one map, with the token this browser holds for it. */
import { decodeRowFrames, type RowFrame } from "@journeymap/schema";
import { callApi } from "../api/apiClient.ts";
import { tokenFor } from "../sync/tokens.ts";

export type { AttributionTable, Timeline, Version } from "@journeymap/protocol/http";

export class HistoryApi {
  readonly mapId: string;

  constructor(mapId: string) {
    this.mapId = mapId;
  }

  /** The map's id and this browser's token for it: what every call of this API sends. */
  private get on() {
    return { params: { mapId: this.mapId }, token: tokenFor(this.mapId) };
  }

  timeline = () => callApi("getTimeline", this.on);

  /** The last logged sequence number, reading only the entries after `known` (paged). */
  lastSeq = async (known: number): Promise<number> => {
    let last = known;
    for (;;) {
      const entries = await callApi("listHistory", { ...this.on, query: { from: last + 1 } });
      if (entries.length === 0) return last;
      last = entries.at(-1)!.seq;
    }
  };

  /** The exact state after row `seq`, as a Yjs update. */
  state = (seq: number): Promise<Uint8Array> => callApi("getState", { ...this.on, query: { seq } });

  /** Logged rows from..to (the server may return fewer: page on). */
  rows = async (from: number, to: number): Promise<RowFrame[]> =>
    decodeRowFrames(await callApi("getUpdates", { ...this.on, query: { from, to } }));

  attribution = () => callApi("getAttribution", this.on);

  versions = () => callApi("listVersions", this.on);

  createVersion = (name: string, seq: number, by: string) =>
    callApi("createVersion", { ...this.on, body: by ? { name, seq, by } : { name, seq } });

  renameVersion = (id: string, name: string) =>
    callApi("renameVersion", {
      params: { mapId: this.mapId, versionId: id },
      token: tokenFor(this.mapId),
      body: { name },
    });

  deleteVersion = async (id: string): Promise<void> => {
    await callApi("deleteVersion", {
      params: { mapId: this.mapId, versionId: id },
      token: tokenFor(this.mapId),
    });
  };
}
