/**
 * Between stored Yjs updates and files, for the server and the CLI (which reads a store
 * directly): the same code path so `journeymap export --data-dir` and GET /export agree.
 */
import * as Y from "yjs";
import type { MapSnapshot } from "../exchange/MapSnapshot.ts";
import { importSnapshot } from "../exchange/importSnapshot.ts";
import { snapshotMap } from "../exchange/snapshotMap.ts";
import { migrateMap } from "../migrations/migrateMap.ts";
import { threadsFromUpdates } from "./comments.ts";
import type { MapFile } from "./mapFileSchema.ts";
import { toMapFile } from "./writeMapFile.ts";

/**
 * The file for a map's stored updates (checkpoint + log), migrated in a scratch document;
 * with the talk document's updates, its comment threads too.
 */
export function mapFileFromUpdates(
  updates: readonly Uint8Array[],
  exportedAt: Date,
  talkUpdates?: readonly Uint8Array[],
): MapFile {
  const doc = new Y.Doc();
  try {
    for (const update of updates) Y.applyUpdate(doc, update);
    migrateMap(doc);
    const comments = talkUpdates ? threadsFromUpdates(talkUpdates) : undefined;
    return toMapFile(snapshotMap(doc), exportedAt, comments);
  } finally {
    doc.destroy();
  }
}

/** The seed update of a new map holding the snapshot (stored as the map's first row). */
export function seedFromSnapshot(snapshot: MapSnapshot, source: string, now: number): Uint8Array {
  const doc = new Y.Doc();
  try {
    importSnapshot(doc, snapshot, { kind: "import", source }, () => now);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
