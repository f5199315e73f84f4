/**
 * Backup and restore end to end, as an operator runs them: the real server as a process, the
 * real `journeymap` CLI as a process, real providers. A busy map (two people's edits, a named
 * version, a share link, a comment thread and an evidence submission) is backed up, the store
 * wiped (a new data folder; a new PostgreSQL database), restored, and a server started on it:
 * the map keeps its id, its history replays every edit with its author, its version is listed
 * and restorable, the link sent out before still opens it, and comments and inbox are there.
 * A backup taken while a client keeps editing restores to a whole prefix of the edits.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { mapDocumentName, ROLE, talkDocumentName } from "@journeymap/protocol";
import { HistoryEntryList, InboxItemList, VersionList } from "@journeymap/protocol/http";
import { LOCAL_ORIGIN, MapEditor, readJourneyMap, readTalk, startThread } from "@journeymap/schema";
import { createTestDatabase, postgresAvailable } from "@journeymap/storage/testing";
import {
  connectProvider,
  createMapOverHttp,
  REPO_ROOT,
  type ServerProcess,
  shareLinkOverHttp,
  startServerProcess,
} from "@journeymap/testkit";
import { afterAll, describe, expect, it } from "vitest";
import { openAsGuest } from "./support/guests.ts";

const CLI_MAIN = path.join(REPO_ROOT, "apps/cli/src/main.ts");
/** Two server starts, a backup and a restore as processes, on a loaded 2-core machine. */
const TEST_TIMEOUT_MS = 600_000;
/** Starting the server takes ~30 s when the machine runs other suites beside this one. */
const START_DEADLINE_MS = 150_000;
/** Between one confirmed edit and the next: about 10–20 edits a second. */
const EDIT_PACE_MS = 50;
/** Both servers of a PostgreSQL run sign with it, as scaled-out production instances do. */
const SIGNING_SECRET = "backup-test-signing-secret-0123456789abcdef";

const pgAvailable = await postgresAvailable();
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
}, 60_000);

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs the CLI as a child process; resolves with its exit code and output. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI_MAIN, ...args], {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, out: e.stdout ?? "", err: e.stderr ?? "" };
  }
}

async function startServer(env: Record<string, string>, dataDir?: string): Promise<ServerProcess> {
  const server = await startServerProcess({
    env,
    startDeadlineMs: START_DEADLINE_MS,
    ...(dataDir ? { dataDir } : {}),
  });
  cleanups.push(() => server.dispose());
  return server;
}

async function getJson(server: ServerProcess, route: string, token: string): Promise<unknown> {
  const res = await fetch(`${server.url}${route}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`GET ${route}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function post(server: ServerProcess, route: string, token: string, body: unknown) {
  const res = await fetch(`${server.url}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${route}: ${res.status} ${await res.text()}`);
  return res.json();
}

interface BusyMap {
  readonly id: string;
  /** A viewer link sent out before the backup. */
  readonly viewerToken: string;
}

/** A map as a team leaves it after a workshop. */
async function makeBusyMap(server: ServerProcess): Promise<BusyMap> {
  const map = await createMapOverHttp(server.url, { title: "Checkout journey" });
  const editor = await shareLinkOverHttp(server.url, map, { role: ROLE.editor, label: "Team" });
  const viewer = await shareLinkOverHttp(server.url, map, { role: ROLE.viewer, label: "Client" });
  const contributor = await shareLinkOverHttp(server.url, map, { role: ROLE.contributor });
  const open = (token: string, name: string) =>
    connectProvider({
      wsUrl: server.wsUrl,
      name: mapDocumentName(map.id),
      token,
      displayName: name,
    });
  const ana = await open(map.token, "Ana");
  const ben = await open(editor.token, "Ben");
  let discussed: string;
  try {
    for (let i = 0; i < 3; i++) {
      new MapEditor(ana.doc).addPhase({ name: `Ana's phase ${i}` });
      await ana.confirmed();
      new MapEditor(ben.doc).addPhase({ name: `Ben's phase ${i}` });
      await ben.confirmed();
    }
    await post(server, `/api/maps/${map.id}/versions`, map.token, { name: "After the workshop" });
    discussed = new MapEditor(ben.doc).addPhase({ name: "After the version" });
    await ben.confirmed();
  } finally {
    ana.destroy();
    ben.destroy();
  }
  const talk = await openAsGuest(
    server,
    talkDocumentName(map.id),
    editor.token,
    "Ben",
    "b".repeat(48),
  );
  try {
    startThread(
      talk.doc,
      { kind: "phase", id: discussed },
      { author: await talk.identity, text: "Is the payment step too long?" },
      { origin: LOCAL_ORIGIN },
    );
    await talk.confirmed();
  } finally {
    talk.destroy();
  }
  await post(server, `/api/maps/${map.id}/inbox`, contributor.token, {
    text: "Customers abandon the cart when shipping costs appear late",
    kind: "ticket",
    source: "ZD-1001",
    contributor: "Sam from support",
  });
  return { id: map.id, viewerToken: viewer.token };
}

/** What a person sees of the map through the old viewer link: board, history, versions, talk. */
async function seenThroughLink(server: ServerProcess, map: BusyMap) {
  const token = map.viewerToken;
  const board = await connectProvider({
    wsUrl: server.wsUrl,
    name: mapDocumentName(map.id),
    token,
    displayName: "Client",
  });
  const talk = await connectProvider({
    wsUrl: server.wsUrl,
    name: talkDocumentName(map.id),
    token,
    displayName: "Client",
  });
  try {
    const history = HistoryEntryList.parse(
      await getJson(server, `/api/maps/${map.id}/history?from=1&to=100000`, token),
    );
    const versions = VersionList.parse(
      await getJson(server, `/api/maps/${map.id}/versions`, token),
    );
    // Restorable: the version's moment replays from the log.
    const states = await Promise.all(
      versions.map(async (v) => {
        const res = await fetch(`${server.url}/api/maps/${map.id}/state?seq=${v.seq}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        return { status: res.status, bytes: (await res.arrayBuffer()).byteLength > 0 };
      }),
    );
    const inbox = InboxItemList.parse(await getJson(server, `/api/maps/${map.id}/inbox`, token));
    return {
      phases: readJourneyMap(board.doc).phases.map((p) => p.name),
      history: history.map((e) => ({ seq: e.seq, ts: e.ts, author: e.author, bytes: e.bytes })),
      versions: versions.map((v) => ({ id: v.id, name: v.name, seq: v.seq })),
      states,
      threads: readTalk(talk.doc).threads.map((t) => t.comments.map((c) => [c.author, c.text])),
      inbox: inbox.map((i) => ({ text: i.text, source: i.source })),
    };
  } finally {
    board.destroy();
    talk.destroy();
  }
}

function expectBusyMapSeen(seen: Awaited<ReturnType<typeof seenThroughLink>>) {
  expect(seen.phases).toEqual(
    expect.arrayContaining(["Ana's phase 2", "Ben's phase 2", "After the version"]),
  );
  const people = seen.history.map((e) => e.author);
  expect(people.filter((a) => a === "Ana")).toHaveLength(3);
  expect(people.filter((a) => a === "Ben")).toHaveLength(4);
  expect(seen.versions.map((v) => v.name)).toEqual(["After the workshop"]);
  expect(seen.states).toEqual([{ status: 200, bytes: true }]);
  expect(seen.threads).toEqual([[["Ben", "Is the payment step too long?"]]]);
  expect(seen.inbox).toEqual([
    { text: "Customers abandon the cart when shipping costs appear late", source: "ZD-1001" },
  ]);
}

/**
 * Edits one after another, each adding phase "Edit <n>" once the previous one is confirmed,
 * until stopped. Paced, so a slow backup does not grow the map without bound.
 */
function keepEditing(server: ServerProcess, map: { id: string; token: string }) {
  let stop = false;
  let edits = 0;
  const running = (async () => {
    const client = await connectProvider({
      wsUrl: server.wsUrl,
      name: mapDocumentName(map.id),
      token: map.token,
      displayName: "Ana",
    });
    try {
      while (!stop) {
        new MapEditor(client.doc).addPhase({ name: `Edit ${edits++}` });
        await client.confirmed();
        await new Promise((resolve) => setTimeout(resolve, EDIT_PACE_MS));
      }
    } finally {
      client.destroy();
    }
  })();
  return {
    edits: () => edits,
    stop: async () => {
      stop = true;
      await running;
    },
  };
}

/** The phases "Edit <n>" a restored map holds: a whole prefix 0..k-1 when the backup was consistent. */
async function restoredEdits(server: ServerProcess, map: { id: string; token: string }) {
  const client = await connectProvider({
    wsUrl: server.wsUrl,
    name: mapDocumentName(map.id),
    token: map.token,
  });
  try {
    return readJourneyMap(client.doc)
      .phases.map((p) => /^Edit (\d+)$/.exec(p.name)?.[1])
      .filter((n) => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  } finally {
    client.destroy();
  }
}

const prefix = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A busy map, and a second map a client keeps editing while the backup is taken. */
async function busyInstance(server: ServerProcess) {
  const map = await makeBusyMap(server);
  const seen = await seenThroughLink(server, map);
  const live = await createMapOverHttp(server.url, { title: "Edited during the backup" });
  const editing = keepEditing(server, live);
  await expect.poll(() => editing.edits(), { timeout: 60_000 }).toBeGreaterThan(5);
  return { map, seen, live, editing };
}

/** The restored instance has the busy map whole and a whole prefix of the live map's edits. */
async function expectRestored(
  server: ServerProcess,
  before: Awaited<ReturnType<typeof busyInstance>>,
  editsWhenDone: number,
) {
  const seen = await seenThroughLink(server, before.map);
  expectBusyMapSeen(seen);
  expect(seen).toEqual(before.seen);
  const edits = await restoredEdits(server, before.live);
  expect(edits.length).toBeGreaterThan(0);
  expect(edits.length).toBeLessThanOrEqual(editsWhenDone);
  expect(edits).toEqual(prefix(edits.length));
}

describe("backup and restore of a SQLite instance", () => {
  it(
    "backs up while a client edits and restores into an empty folder: ids, history with authors, versions, links, comments, inbox",
    async () => {
      const server = await startServer({});
      const before = await busyInstance(server);
      const backup = path.join(tempDir("journeymap-backup-"), "instance.sqlite");
      const editsWhenStarted = before.editing.edits();
      const backedUp = await cli("backup", "--data-dir", server.dataDir, "-o", backup);
      const editsWhenDone = before.editing.edits();
      expect(editsWhenDone).toBeGreaterThan(editsWhenStarted);
      await before.editing.stop();
      expect(backedUp, backedUp.err).toMatchObject({ code: 0 });
      expect(backedUp.out).toMatch(/keep it as secret/);
      const again = await cli("backup", "--data-dir", server.dataDir, "-o", backup);
      expect(again.err).toMatch(/exists: give a new file name/);
      await server.stop();

      const wiped = tempDir("journeymap-restored-");
      const restored = await cli("restore", backup, "--data-dir", wiped);
      expect(restored, restored.err).toMatchObject({ code: 0 });
      const after = await startServer({}, wiped);
      await expectRestored(after, before, editsWhenDone);

      // The restored instance is live: a restore over it is refused while it runs, then over its maps.
      const underServer = await cli("restore", backup, "--data-dir", wiped, "--force");
      expect(underServer.code).toBe(1);
      expect(underServer.err).toMatch(/a server has .* open: stop it before restoring/);
      await after.stop();
      const overMaps = await cli("restore", backup, "--data-dir", wiped);
      expect(overMaps.code).toBe(1);
      expect(overMaps.err).toMatch(/holds 2 map\(s\).*--force/);
      const forced = await cli("restore", backup, "--data-dir", wiped, "--force");
      expect(forced, forced.err).toMatchObject({ code: 0 });
    },
    TEST_TIMEOUT_MS,
  );
});

describe.runIf(pgAvailable)("map archives of a PostgreSQL instance", () => {
  async function postgresServer() {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const server = await startServer({ DATABASE_URL: db.url, SIGNING_SECRET });
    return { db, server };
  }

  it(
    "archives every map while a client edits and restores into a new database: ids, history with authors, versions, links, comments, inbox",
    async () => {
      const { db, server } = await postgresServer();
      const before = await busyInstance(server);
      const folder = tempDir("journeymap-archives-");
      const editsWhenStarted = before.editing.edits();
      const archived = await cli("archive", "--database-url", db.url, "--all", "-o", folder);
      const editsWhenDone = before.editing.edits();
      expect(editsWhenDone).toBeGreaterThan(editsWhenStarted);
      await before.editing.stop();
      expect(archived, archived.err).toMatchObject({ code: 0 });
      await server.stop();

      const { db: wiped, server: after } = await postgresServer();
      const restored = await cli("unarchive", folder, "--database-url", wiped.url);
      expect(restored, restored.err).toMatchObject({ code: 0 });
      expect(restored.out).toContain(`restored map ${before.map.id}`);
      await expectRestored(after, before, editsWhenDone);

      const twice = await cli("unarchive", folder, "--database-url", wiped.url);
      expect(twice.code).toBe(1);
      expect(twice.err).toContain(
        `map ${before.map.id} already exists (add --replace to overwrite it)`,
      );
    },
    TEST_TIMEOUT_MS,
  );
});
