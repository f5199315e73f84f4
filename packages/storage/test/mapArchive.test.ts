/**
 * Map archives on both backends and across them: a map archived from one store and restored in
 * a fresh one keeps its id, every log row (seq, time, author, bytes), checkpoints, links,
 * versions, shares, its branch row, votes with their ballots and workspace settings; a snapshot is of one moment while others write; a
 * restore refuses a map that exists unless told to replace it, and every column that does not
 * fit. The file codec refuses cut-off, tampered and foreign archives.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { mapDocumentName, ROLE, talkDocumentName } from "@journeymap/protocol";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  ArchiveError,
  type ArchiveStore,
  decodeMapArchive,
  encodeMapArchive,
  type MapArchive,
  MapExistsError,
  type MapStore,
  PostgresMapStore,
  SqliteMapStore,
  storeFileIn,
} from "../src/index.ts";
import { createTestDatabase, postgresAvailable, testMap } from "../src/testing/index.ts";

type Store = MapStore & ArchiveStore;
interface Opened {
  readonly store: Store;
  /** Another connection to the same store, as a server beside the CLI has. */
  other(): Promise<Store>;
  dispose(): Promise<void>;
}

const available = await postgresAvailable();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function openSqlite(): Promise<Opened> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "journeymap-archive-"));
  const store = new SqliteMapStore(storeFileIn(dir));
  const others: Store[] = [];
  return {
    store,
    other: async () => {
      const other = new SqliteMapStore(storeFileIn(dir));
      others.push(other);
      return other;
    },
    dispose: async () => {
      for (const s of [store, ...others]) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(): Promise<Opened> {
  const db = await createTestDatabase();
  const store = await PostgresMapStore.open(db.url);
  const others: Store[] = [];
  return {
    store,
    other: async () => {
      const other = await PostgresMapStore.open(db.url);
      others.push(other);
      return other;
    },
    dispose: async () => {
      for (const s of [store, ...others]) await s.close();
      await db.drop();
    },
  };
}

const BACKENDS = [
  { name: "SQLite", open: openSqlite, run: true },
  { name: "PostgreSQL", open: openPostgres, run: available },
] as const;

async function opened(open: () => Promise<Opened>): Promise<Store> {
  const o = await open();
  cleanups.push(o.dispose);
  return o.store;
}

const MAP = "busy-map-0001";
const T0 = 1_700_000_000_000;

/** An edit of the map by `author`: a phase name, as a Yjs update on top of `doc`. */
function edit(doc: Y.Doc, key: string, value: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getMap("phases").set(key, value);
  return Y.encodeStateAsUpdate(doc, before);
}

/** A map with what a busy map has: two people's edits, a checkpoint, comments, a version, links, a share. */
async function seedBusyMap(store: Store): Promise<Y.Doc> {
  const doc = new Y.Doc();
  await store.createMap({
    ...testMap(MAP, "Busy", T0, edit(doc, "seed", "Awareness")),
    workspaceId: "ws-1",
    createdBy: "user-ana",
  });
  for (let i = 0; i < 6; i++) {
    await store.appendUpdate({
      doc: mapDocumentName(MAP),
      ts: T0 + 1000 * (i + 1),
      author: i % 2 === 0 ? "user-ana" : "guest:ben",
      clientIds: [doc.clientID],
      origin: "connection",
      bytes: edit(doc, `p${i}`, `Phase ${i}`),
    });
  }
  await store.writeCheckpoint(mapDocumentName(MAP), 4, Y.encodeStateAsUpdate(doc), T0 + 4500);
  const talk = new Y.Doc();
  const before = Y.encodeStateVector(talk);
  talk.getMap("threads").set("t1", "A comment");
  await store.appendUpdate({
    doc: talkDocumentName(MAP),
    ts: T0 + 9000,
    author: "guest:ben",
    clientIds: [talk.clientID],
    origin: "connection",
    bytes: Y.encodeStateAsUpdate(talk, before),
  });
  await store.createVersion({
    id: "version-1",
    mapId: MAP,
    seq: 3,
    name: "Before the workshop",
    createdAt: T0 + 3500,
    createdBy: "user-ana",
  });
  const link = { mapId: MAP, label: "Team", expiresAt: null, createdBy: "user-ana" };
  await store.createLink({
    ...link,
    id: "link-edit",
    role: ROLE.editor,
    createdAt: T0 + 10,
    revokedAt: null,
  });
  await store.createLink({
    ...link,
    id: "link-gone",
    role: ROLE.viewer,
    createdAt: T0 + 11,
    revokedAt: T0 + 12,
  });
  await store.putShare({
    id: "share-1",
    mapId: MAP,
    userId: null,
    email: "cleo@example.test",
    role: ROLE.commenter,
    createdBy: "user-ana",
    createdAt: T0 + 20,
  });
  await store.putWorkspaceSettings({
    workspaceId: "ws-1",
    defaultMapRole: ROLE.viewer,
    guestLinks: false,
  });
  // It is a branch of another map, and held a live vote with two ballots.
  await store.branches().createBranch({
    id: MAP,
    sourceMapId: SOURCE,
    sourceSeq: 9,
    name: "To-be",
    createdAt: T0 + 30,
    createdBy: "Ana",
    archivedAt: null,
  });
  await store.votes().createVote({
    id: "vote-1",
    mapId: MAP,
    personaId: "persona-1",
    mode: "hidden",
    state: "open",
    target: { kind: "phase", id: "p1" },
    steps: ["s1", "s2"],
    startedBy: "Ana",
    startedById: "user-ana",
    startedAt: T0 + 40,
  });
  for (const [voterId, guest] of [
    ["user-ana", false],
    ["guest:ben", true],
  ] as const)
    await store
      .votes()
      .putBallot(
        MAP,
        "vote-1",
        { voterId, name: voterId, guest, scores: { s1: -2, s2: 1 }, updatedAt: T0 + 50 },
        10,
      );
  return doc;
}

/** The map the busy map was branched from. */
const SOURCE = "source-map-0001";

async function archiveOf(store: Store, mapId = MAP): Promise<MapArchive> {
  const archive = await store.withSnapshot((reader) => reader.readMapArchive(mapId));
  if (!archive) throw new Error(`no map ${mapId}`);
  return archive;
}

/** Everything a restore must bring back, as the store answers it. */
async function everything(store: Store) {
  const docs = [mapDocumentName(MAP), talkDocumentName(MAP)];
  return {
    map: (await store.getMaps([MAP])).map(({ updatedAt: _, ...m }) => m),
    links: await store.listLinks(MAP),
    versions: await store.listVersions(MAP),
    shares: await store.listShares(MAP),
    settings: await store.getWorkspaceSettings("ws-1"),
    branch: await store.branches().getBranch(MAP),
    vote: await store.votes().getVote(MAP, "vote-1"),
    ballots: await store.votes().listBallots("vote-1"),
    logs: await Promise.all(docs.map((doc) => store.readUpdates(doc, 0, 1e9))),
    loaded: await Promise.all(
      docs.map(async (doc) => (await store.loadDocument(doc)).checkpointSeq),
    ),
  };
}

for (const from of BACKENDS) {
  for (const to of BACKENDS) {
    describe.runIf(from.run && to.run)(`map archive ${from.name} → ${to.name}`, () => {
      it("restores the map with its id, full log, checkpoint, links, versions, shares and settings", async () => {
        const source = await opened(from.open);
        const doc = await seedBusyMap(source);
        const file = encodeMapArchive(await archiveOf(source), {
          createdAt: T0,
          source: source.kind,
        });

        const target = await opened(to.open);
        await target.restoreMapArchive(decodeMapArchive(file), { replace: false });

        expect(await everything(target)).toEqual(await everything(source));
        const restored = new Y.Doc();
        for (const u of (await target.loadDocument(mapDocumentName(MAP))).updates)
          Y.applyUpdate(restored, u);
        expect(restored.getMap("phases").toJSON()).toEqual(doc.getMap("phases").toJSON());
        // The log goes on where it stopped: the next edit is row 8, not a clash or a gap.
        const next = await target.appendUpdate({
          doc: mapDocumentName(MAP),
          ts: T0 + 99_000,
          author: "user-ana",
          clientIds: [],
          origin: "connection",
          bytes: edit(doc, "after", "After"),
        });
        expect(next).toBe(8);
        expect((await target.getMaps([MAP]))[0]?.updatedBy).toBe("user-ana");
      });
    });
  }
}

for (const backend of BACKENDS) {
  describe.runIf(backend.run)(`map archive on ${backend.name}`, () => {
    it("carries the map's branch row, votes and ballots; purging the map removes them", async () => {
      const store = await opened(backend.open);
      await seedBusyMap(store);
      // A branch of the busy map: its row is that map's, and stays when the busy map goes.
      await store.branches().createBranch({
        id: "branch-of-busy",
        sourceMapId: MAP,
        sourceSeq: 3,
        name: "Later",
        createdAt: T0 + 60,
        createdBy: "Ana",
        archivedAt: null,
      });
      const { records } = await archiveOf(store);
      expect(records.map_branches.map((r) => [r.id, r.source_map_id])).toEqual([[MAP, SOURCE]]);
      expect(records.votes.map((r) => r.id)).toEqual(["vote-1"]);
      expect(records.vote_ballots.map((r) => r.voter_id).sort()).toEqual(["guest:ben", "user-ana"]);

      await store.purgeMap(MAP);
      expect(await store.branches().getBranch(MAP)).toBeNull();
      expect(await store.votes().getVote(MAP, "vote-1")).toBeNull();
      expect(await store.votes().listBallots("vote-1")).toEqual([]);
      expect((await store.branches().getBranch("branch-of-busy"))?.sourceMapId).toBe(MAP);
    });

    it("refuses ballots of a vote the archive does not hold", async () => {
      const store = await opened(backend.open);
      await seedBusyMap(store);
      const archive = await archiveOf(store);
      const orphan = { ...archive, records: { ...archive.records, votes: [] } };
      const target = await opened(backend.open);
      await expect(target.restoreMapArchive(orphan, { replace: false })).rejects.toThrow(
        /ballot of a vote not in the archive/,
      );
    });

    it("refuses a map that exists, and replaces it whole when told to", async () => {
      const store = await opened(backend.open);
      await seedBusyMap(store);
      const archive = await archiveOf(store);
      await expect(store.restoreMapArchive(archive, { replace: false })).rejects.toBeInstanceOf(
        MapExistsError,
      );
      await store.createLink({
        id: "link-later",
        mapId: MAP,
        role: ROLE.viewer,
        label: "Made after the archive",
        createdAt: T0 + 50,
        expiresAt: null,
        revokedAt: null,
        createdBy: null,
      });
      await store.appendUpdate({
        doc: mapDocumentName(MAP),
        ts: T0 + 60_000,
        author: "guest:ben",
        clientIds: [],
        origin: "connection",
        bytes: edit(new Y.Doc(), "late", "Late"),
      });
      await store.restoreMapArchive(archive, { replace: true });
      expect((await store.listLinks(MAP)).map((l) => l.id)).toEqual([
        "owner-busy-map-0001",
        "link-edit",
        "link-gone",
      ]);
      expect(await store.countUpdates(mapDocumentName(MAP))).toBe(7);
    });

    it("reads every map of one moment while another connection keeps writing", async () => {
      const o = await backend.open();
      cleanups.push(o.dispose);
      await seedBusyMap(o.store);
      const writer = await o.other();
      const seen = await o.store.withSnapshot(async (reader) => {
        const ids = await reader.listMapIds();
        await writer.appendUpdate({
          doc: mapDocumentName(MAP),
          ts: T0 + 70_000,
          author: "guest:ben",
          clientIds: [],
          origin: "connection",
          bytes: edit(new Y.Doc(), "during", "During"),
        });
        await writer.createMap(testMap("made-during-1", "During", T0, edit(new Y.Doc(), "x", "y")));
        return { ids, archive: await reader.readMapArchive(MAP), again: await reader.listMapIds() };
      });
      expect(seen.ids).toEqual([MAP]);
      expect(seen.again).toEqual([MAP]);
      expect(seen.archive?.updates.filter((u) => u.doc === mapDocumentName(MAP))).toHaveLength(7);
      expect(await o.store.countUpdates(mapDocumentName(MAP))).toBe(8);
    });

    it("carries a column it does not know when empty and refuses it when it holds a value", async () => {
      const store = await opened(backend.open);
      await seedBusyMap(store);
      const archive = await archiveOf(store);
      await store.purgeMap(MAP);
      const withColumn = (value: string | null): MapArchive => ({
        ...archive,
        records: {
          ...archive.records,
          links: archive.records.links.map((row) => ({ ...row, future_column: value })),
        },
      });
      await expect(store.restoreMapArchive(withColumn("x"), { replace: false })).rejects.toThrow(
        /links\.future_column, which this store lacks/,
      );
      expect(await store.hasMap(MAP)).toBe(false);
      await store.restoreMapArchive(withColumn(null), { replace: false });
      expect(await store.listLinks(MAP)).toHaveLength(3);
    });
  });
}

describe("map archive file", () => {
  const archive = async () => {
    const store = await opened(openSqlite);
    await seedBusyMap(store);
    return encodeMapArchive(await archiveOf(store), { createdAt: T0, source: "sqlite" });
  };

  it("reads back what it wrote", async () => {
    const text = await archive();
    expect(encodeMapArchive(decodeMapArchive(text), { createdAt: T0, source: "sqlite" })).toBe(
      text,
    );
  });

  it("refuses a cut-off, tampered, foreign or newer archive, naming the problem", async () => {
    const text = await archive();
    const lines = text.trimEnd().split("\n");
    const refused = (t: string) => () => decodeMapArchive(t);
    expect(refused(`${lines.slice(0, -3).join("\n")}\n`)).toThrow(/cut short/);
    expect(refused(`${lines.slice(0, -2).concat(lines.slice(-1)).join("\n")}\n`)).toThrow(
      /end line counts/,
    );
    expect(refused('{"kind":"journeymap-map","format":1}\n')).toThrow(
      /not a Journeymap map archive/,
    );
    expect(refused(text.replace('"format":1', '"format":2'))).toThrow(
      /format 2: this Journeymap reads format 1/,
    );
    expect(refused(text.replace(`"map_id":"${MAP}"`, '"map_id":"someone-elses"'))).toThrow(
      ArchiveError,
    );
    expect(refused(text.replace('"origin":"connection"', '"origin":"telepathy"'))).toThrow(
      /line \d+: origin/,
    );
    const badSeq = lines.map((l) =>
      l.includes('"seq":5,') && l.includes('"kind":"update"')
        ? l.replace('"seq":5,', '"seq":2,')
        : l,
    );
    expect(refused(`${badSeq.join("\n")}\n`)).toThrow(/out of order/);
  });
});
