/**
 * What a store opened on data written before logs were keyed by document must show, whichever
 * backend: each map listed once, its content, comments, versions, links and replayable history
 * intact, the columns accounts added at their defaults (no workspace, creator or trash), and
 * appends that go on from where the old log stopped.
 */
import { mapDocumentName, talkDocumentName } from "@journeymap/protocol";
import { readJourneyMap, readTalk } from "@journeymap/schema";
import { expect } from "vitest";
import * as Y from "yjs";
import type { MapStore } from "../src/index.ts";
import type { LegacyExpectations } from "../src/testing/index.ts";

function docOf(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

const phasesOf = (doc: Y.Doc) => readJourneyMap(doc).phases.map((p) => p.name);

export async function expectMigrated(store: MapStore, expected: LegacyExpectations): Promise<void> {
  const { map, imported, version, editorLink, threadId } = expected;
  const listed = await store.listMaps();
  expect(listed.map((m) => [m.id, m.title]).sort()).toEqual(
    [
      [map.id, map.title],
      [imported.id, imported.title],
    ].sort(),
  );

  const mapDoc = mapDocumentName(map.id);
  const loaded = await store.loadDocument(mapDoc);
  expect(loaded.checkpointSeq).toBe(4); // the checkpoint moved with its log
  expect(phasesOf(docOf(loaded.updates))).toEqual(
    expect.arrayContaining(["Live phase", "Second phase", "After the version"]),
  );
  expect(await store.logBounds(mapDoc)).toEqual({ first: 1, last: 4 });
  expect((await store.readLogEntries(mapDoc, 1, 4)).map((e) => e.author)).toEqual([
    "server",
    "Ana",
    "Ana",
    "Ana",
  ]);
  // History replays to the named version: before "After the version" was added.
  expect(await store.listVersions(map.id)).toEqual([version]);
  const atVersion = await store.readUpdates(mapDoc, 1, version.seq);
  const phasesAtVersion = phasesOf(docOf(atVersion.map((r) => r.bytes)));
  expect(phasesAtVersion).toContain("Second phase");
  expect(phasesAtVersion).not.toContain("After the version");

  const talk = readTalk(docOf((await store.loadDocument(talkDocumentName(map.id))).updates));
  expect(talk.threads.map((t) => [t.id, t.comments.length])).toEqual([[threadId, 2]]);
  expect(talk.inbox.map((i) => i.text)).toEqual(["The invoice page times out"]);
  const importedTalk = await store.loadDocument(talkDocumentName(imported.id));
  expect(readTalk(docOf(importedTalk.updates)).threads.map((t) => t.id)).toEqual([threadId]);
  expect(
    phasesOf(docOf((await store.loadDocument(mapDocumentName(imported.id))).updates)),
  ).toContain("After the version");

  // Made before accounts: no workspace (unclaimed), no creator, not trashed, nobody shared.
  for (const m of listed)
    expect(m).toMatchObject({ workspaceId: null, createdBy: null, deletedAt: null });
  expect(await store.mapPolicy(map.id)).toEqual({
    mapId: map.id,
    workspaceId: null,
    deletedAt: null,
    defaultMapRole: "editor",
    guestLinks: true,
  });
  expect(await store.listShares(map.id)).toEqual([]);
  expect(await store.getLink(editorLink.id)).toEqual({ ...editorLink, createdBy: null });
  expect((await store.listLinks(map.id)).map((l) => l.role)).toEqual([
    "owner",
    "editor",
    "contributor",
  ]);
  expect(await store.countUpdates(map.id)).toBe(0); // nothing left under a bare id

  // Appends go on where each old log stopped.
  const row = { ts: Date.now(), author: "Ana", clientIds: [], origin: "connection" } as const;
  const bytes = Y.encodeStateAsUpdate(new Y.Doc());
  expect(await store.appendUpdate({ ...row, doc: mapDoc, bytes })).toBe(5);
  expect(await store.appendUpdate({ ...row, doc: talkDocumentName(map.id), bytes })).toBe(4);
  expect(await store.appendUpdate({ ...row, doc: talkDocumentName(imported.id), bytes })).toBe(2);
}
