/**
 * The two history routes the replay reads (states and rows), fetched where the replay runs:
 * in its worker, so a request neither waits for the page's main thread (busy rendering while
 * someone drags the scrubber) to send it nor to hand its answer back (replayPort.ts).
 *
 * Plain `fetch`, not `callApi`: that loads the protocol's route table and its schemas (zod),
 * which the worker, started when the history view opens, would have to load first. Both
 * answers are bytes, with nothing to parse but the row frames.
 */
import { decodeRowFrames, type HistorySource, type ReplayStart } from "@journeymap/schema";

/** Where a map's history is read, with this browser's token for it ("" when it holds none). */
export interface HistoryAddress {
  readonly mapId: string;
  readonly token: string;
  /** The server's origin; "" (the default) is the page's own, as in the browser. */
  readonly base?: string;
}

export function httpHistorySource({ mapId, token, base = "" }: HistoryAddress): HistorySource {
  // The protocol's routes getState ("/api/maps/{mapId}/state") and getUpdates
  // ("/api/maps/{mapId}/updates"), written out: its `pathOf` is exported only with the route
  // table. Cookies of the same origin go with fetch's defaults; the token is for share links.
  const map = `${base}/api/maps/${encodeURIComponent(mapId)}`;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const answer = async (path: string): Promise<Response> => {
    const res = await fetch(`${map}${path}`, { headers });
    if (!res.ok) throw new Error(await refusal(res));
    return res;
  };
  const get = async (path: string): Promise<Uint8Array> =>
    new Uint8Array(await (await answer(path)).arrayBuffer());
  return {
    state: (seq) => get(`/state?seq=${seq}`),
    start: async (seq) => replayStartOf(await answer(`/state?seq=${seq}&lean=1`)),
    // 204 while the server makes the lean start: asked again later (HistoryChunks.fetchAhead).
    startAhead: async (seq) => {
      const res = await answer(`/state?seq=${seq}&lean=1&full=0`);
      return res.status === 204 ? null : replayStartOf(res);
    },
    rows: async (from, to) => decodeRowFrames(await get(`/updates?from=${from}&to=${to}`)),
  };
}

async function replayStartOf(res: Response): Promise<ReplayStart> {
  // The protocol's THROUGH_HEADER, written out like the routes above.
  const through = res.headers.get("x-journeymap-through");
  return {
    state: new Uint8Array(await res.arrayBuffer()),
    through: through === null ? null : Number(through),
  };
}

/** The server's own message (`{ "error": … }`), else the status: what `ApiError` says. */
async function refusal(res: Response): Promise<string> {
  const body: unknown = await res.json().catch(() => null);
  const error = typeof body === "object" && body !== null && "error" in body ? body.error : null;
  return typeof error === "string" ? error : `Request failed (${res.status})`;
}
