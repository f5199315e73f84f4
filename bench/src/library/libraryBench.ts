/**
 * `BENCH_ONLY=library`: the journey library (issue 19) at 500 maps, beside a baseline of 50
 * maps measured in the same run. For each size: one person, one workspace, N generated maps
 * (libraryMaps.ts) written into a fresh data folder; the real server started on it indexes them
 * from cold (timed); then, signed in over HTTP as the web app is, the median and p95 of
 * `searchLibrary` (a common word, a rare word, a prefix as typed) and of the roll-up route
 * `listLibraryCards` when the route table has it; and "edit → found": a step renamed over a
 * live provider until the store's index finds the new word (polled every 10 ms from this
 * process) and the route answers it.
 *   BENCH_LIBRARY_SAMPLES=<n>   requests per figure (default 40; BENCH_QUICK: 10)
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { mapDocumentName } from "@journeymap/protocol";
import { pathOf, ROUTES, type Route } from "@journeymap/protocol/http";
import { MapEditor, readJourneyMap } from "@journeymap/schema";
import { SqliteMapStore, storeFileIn } from "@journeymap/storage";
import { connectProvider, type ServerProcess, startServerProcess } from "@journeymap/testkit";
import WebSocket from "ws";
import { COMMON_WORD, generateMaps, PREFIX_QUERY, RARE_WORD } from "./libraryMaps.ts";

/** The baseline and the workspace the issue names; BENCH_QUICK: a smoke run's sizes. */
export const LIBRARY_SIZES = [50, 500] as const;
const QUICK_SIZES = [10, 50] as const;

/**
 * Requests are paced under the search route's rate bound (a burst of 60, then 5 a second per
 * person): the figures are latencies of one person's searches, not throughput.
 */
const PACE_MS = 210;
const EDIT_ROUNDS = 10;
/** How long the cold index of 500 maps may take on a loaded machine before the run fails. */
const INDEX_DEADLINE_MS = 600_000;

export interface Latency {
  readonly p50: number;
  readonly p95: number;
  readonly n: number;
}

export interface LibrarySizeResult {
  readonly maps: number;
  /** Server start → every map indexed (the sweep, from cold). */
  readonly indexedMs: number;
  readonly search: Readonly<Record<string, Latency & { readonly hits: number }>>;
  /** The same queries against the store's index alone, and its map listing, in this process. */
  readonly storeSearch: Readonly<Record<string, Latency>>;
  /** null: the roll-up route is not in the route table (not built yet). */
  readonly rollUp: Latency | null;
  /** Edit made → the store's index finds it; and → the route answers it. */
  readonly editToIndexed: Latency;
  readonly editToAnswered: Latency;
}

export interface LibraryBenchResult {
  readonly sizes: readonly LibrarySizeResult[];
  readonly queries: Readonly<Record<string, string>>;
}

const QUERIES = {
  "common word": COMMON_WORD,
  "rare word": RARE_WORD,
  "prefix (as typed)": PREFIX_QUERY,
} as const;

function latency(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), n: sorted.length };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Session {
  readonly cookie: string;
  readonly userId: string;
  get(path: string): Promise<{ status: number; body: unknown; ms: number }>;
  post(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
}

/** Signs a person up (the first account of a fresh server) and keeps their session cookie. */
async function signUp(url: string): Promise<Session> {
  const headers = (cookie: string) => ({
    origin: url,
    "content-type": "application/json",
    ...(cookie ? { cookie } : {}),
  });
  const res = await fetch(`${url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: headers(""),
    body: JSON.stringify({ email: "bench@example.com", name: "Bench", password: "bench horse 1" }),
  });
  if (res.status !== 200) throw new Error(`sign-up: ${res.status} ${await res.text()}`);
  const { user } = (await res.json()) as { user: { id: string } };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
  return {
    cookie,
    userId: user.id,
    async get(p) {
      const started = performance.now();
      const answer = await fetch(`${url}${p}`, { headers: headers(cookie) });
      const body = await answer.json();
      return { status: answer.status, body, ms: performance.now() - started };
    },
    async post(p, body) {
      const answer = await fetch(`${url}${p}`, {
        method: "POST",
        headers: headers(cookie),
        body: JSON.stringify(body),
      });
      return { status: answer.status, body: await answer.json() };
    },
  };
}

/** GETs `path` `samples` times (after a few unmeasured), paced; fails on any refusal. */
async function measure(session: Session, p: string, samples: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < samples + 3; i++) {
    const { status, ms } = await session.get(p);
    if (status !== 200) throw new Error(`${p}: ${status}`);
    if (i >= 3) times.push(ms);
    await sleep(PACE_MS);
  }
  return times;
}

/** Waits until every map has its summary (the index's mark that all sinks saw it). */
async function waitIndexed(dataDir: string, count: number): Promise<void> {
  const store = new SqliteMapStore(storeFileIn(dataDir));
  try {
    const deadline = Date.now() + INDEX_DEADLINE_MS;
    while ((await store.library().summaryMarks()).size < count) {
      if (Date.now() > deadline) throw new Error(`${count} maps not indexed in time`);
      await sleep(100);
    }
  } finally {
    await store.close();
  }
}

/** Times `run` `samples` times in this process, after a few unmeasured runs. */
async function timed(samples: number, run: () => Promise<unknown>): Promise<Latency> {
  const times: number[] = [];
  for (let i = 0; i < samples + 3; i++) {
    const started = performance.now();
    await run();
    if (i >= 3) times.push(performance.now() - started);
  }
  return latency(times);
}

/**
 * The two parts of a search in the store, apart: the queries against the full-text index over
 * all the maps' ids, and the listing of the workspace's maps readableMaps asks for.
 */
async function measureStore(
  dataDir: string,
  workspaceId: string,
  ids: readonly string[],
  samples: number,
): Promise<Record<string, Latency>> {
  const store = new SqliteMapStore(storeFileIn(dataDir));
  const figures: Record<string, Latency> = {};
  try {
    for (const [name, q] of Object.entries(QUERIES))
      figures[name] = await timed(samples, () => store.search().search(ids, q, 20));
    figures["the workspace's maps (readableMaps' listing)"] = await timed(samples, () =>
      store.findMaps({
        workspaceIds: [workspaceId],
        mapIds: [],
        trashed: false,
        sort: "updated",
        limit: 5_000,
      }),
    );
  } finally {
    await store.close();
  }
  return figures;
}

/** A live provider as the signed-in person (their cookie on the upgrade, as a browser). */
function cookieSocket(cookie: string, origin: string) {
  return class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie, origin } });
    }
  };
}

async function editToFound(
  server: ServerProcess,
  session: Session,
  workspaceId: string,
  mapId: string,
): Promise<{ indexed: number[]; answered: number[] }> {
  const client = await connectProvider({
    wsUrl: server.wsUrl,
    name: mapDocumentName(mapId),
    token: "",
    webSocket: cookieSocket(session.cookie, server.url),
  });
  const store = new SqliteMapStore(storeFileIn(server.dataDir));
  const indexed: number[] = [];
  const answered: number[] = [];
  try {
    const editor = new MapEditor(client.doc);
    const step = readJourneyMap(client.doc).touchpoints[0]!;
    for (let round = 0; round < EDIT_ROUNDS; round++) {
      const word = `zephyr${round}x${Date.now().toString(36)}`;
      const started = performance.now();
      editor.updateTouchpoint(step.id, { name: `Reaches the ${word} desk` });
      while ((await store.search().search([mapId], word, 1)).length === 0) await sleep(10);
      indexed.push(performance.now() - started);
      for (;;) {
        const { status, body } = await session.get(
          `/api/workspaces/${workspaceId}/library/search?q=${word}`,
        );
        if (status !== 200) throw new Error(`search: ${status}`);
        if ((body as { hits: unknown[] }).hits.length > 0) break;
        await sleep(PACE_MS);
      }
      answered.push(performance.now() - started);
      // Past the indexer's wait, so the next edit is its own pass.
      await sleep(1_500);
    }
  } finally {
    client.destroy();
    await store.close();
  }
  return { indexed, answered };
}

async function benchSize(maps: number, samples: number): Promise<LibrarySizeResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `journeymap-library-${maps}-`));
  const server = await startServerProcess({ dataDir, env: { LOG_LEVEL: "error" } });
  try {
    const session = await signUp(server.url);
    const created = await session.post("/api/auth/organization/create", {
      name: "Bench",
      slug: `bench-${maps}-${Date.now().toString(36)}`,
    });
    if (created.status !== 200) throw new Error(`workspace: ${JSON.stringify(created.body)}`);
    const workspaceId = (created.body as { id: string }).id;
    await server.stop("SIGTERM");
    const ids = await generateMaps(dataDir, maps, workspaceId, session.userId);

    const started = performance.now();
    await server.start();
    await waitIndexed(dataDir, maps);
    const indexedMs = performance.now() - started;

    const search: Record<string, Latency & { hits: number }> = {};
    for (const [name, q] of Object.entries(QUERIES)) {
      const p = `/api/workspaces/${workspaceId}/library/search?q=${encodeURIComponent(q)}&limit=20`;
      const { body } = await session.get(p);
      search[name] = {
        ...latency(await measure(session, p, samples)),
        hits: (body as { hits: unknown[] }).hits.length,
      };
    }
    const storeSearch = await measureStore(dataDir, workspaceId, ids, samples);
    const rollUpRoute = (ROUTES as Readonly<Record<string, Route>>).listLibraryCards;
    const rollUp = rollUpRoute
      ? latency(
          await measure(session, pathOf(rollUpRoute.path as string, { workspaceId }), samples),
        )
      : null;
    const edits = await editToFound(server, session, workspaceId, ids[0]!);
    return {
      maps,
      indexedMs,
      search,
      storeSearch,
      rollUp,
      editToIndexed: latency(edits.indexed),
      editToAnswered: latency(edits.answered),
    };
  } finally {
    await server.dispose();
  }
}

export async function benchLibrary(quick: boolean): Promise<LibraryBenchResult> {
  const samples = Number(process.env.BENCH_LIBRARY_SAMPLES ?? (quick ? 10 : 40));
  const sizes: LibrarySizeResult[] = [];
  for (const maps of quick ? QUICK_SIZES : LIBRARY_SIZES)
    sizes.push(await benchSize(maps, samples));
  return { sizes, queries: QUERIES };
}
