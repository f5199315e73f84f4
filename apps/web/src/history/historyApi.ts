/** The server's history API for one map, with the token this browser holds for it. */
import { type Attribution, type Burst, decodeRowFrames, type RowFrame } from "@journeymap/schema";
import { tokenFor } from "../sync/tokens.ts";

export interface Timeline {
  readonly seq: number;
  readonly bursts: readonly Burst[];
}

export interface Version {
  readonly id: string;
  readonly mapId: string;
  readonly seq: number;
  readonly name: string;
  readonly createdAt: number;
  readonly createdBy: string;
}

export interface AttributionTable {
  readonly seq: number;
  readonly targets: Readonly<Record<string, Attribution>>;
}

async function checked(res: Response): Promise<Response> {
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `Request failed (${res.status})`);
  }
  return res;
}

export class HistoryApi {
  readonly mapId: string;

  constructor(mapId: string) {
    this.mapId = mapId;
  }

  private request(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`/api/maps/${this.mapId}${path}`, {
      ...init,
      headers: {
        ...(init.body ? { "content-type": "application/json" } : {}),
        authorization: `Bearer ${tokenFor(this.mapId)}`,
      },
    }).then(checked);
  }

  timeline = (): Promise<Timeline> => this.request("/timeline").then((r) => r.json());

  /** The last logged sequence number, reading only the entries after `known` (paged). */
  lastSeq = async (known: number): Promise<number> => {
    let last = known;
    for (;;) {
      const entries = (await (await this.request(`/history?from=${last + 1}`)).json()) as Array<{
        seq: number;
      }>;
      if (entries.length === 0) return last;
      last = entries.at(-1)!.seq;
    }
  };

  /** The exact state after row `seq`, as a Yjs update. */
  state = async (seq: number): Promise<Uint8Array> =>
    new Uint8Array(await (await this.request(`/state?seq=${seq}`)).arrayBuffer());

  /** Logged rows from..to (the server may return fewer: page on). */
  rows = async (from: number, to: number): Promise<RowFrame[]> =>
    decodeRowFrames(
      new Uint8Array(await (await this.request(`/updates?from=${from}&to=${to}`)).arrayBuffer()),
    );

  attribution = (): Promise<AttributionTable> => this.request("/attribution").then((r) => r.json());

  versions = (): Promise<Version[]> => this.request("/versions").then((r) => r.json());

  createVersion = (name: string, seq: number, by: string): Promise<Version> =>
    this.request("/versions", {
      method: "POST",
      body: JSON.stringify(by ? { name, seq, by } : { name, seq }),
    }).then((r) => r.json());

  renameVersion = (id: string, name: string): Promise<unknown> =>
    this.request(`/versions/${id}`, { method: "PATCH", body: JSON.stringify({ name }) }).then((r) =>
      r.json(),
    );

  deleteVersion = async (id: string): Promise<void> => {
    await this.request(`/versions/${id}`, { method: "DELETE" });
  };
}
