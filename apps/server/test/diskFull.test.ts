/**
 * A full disk under a real server: DATA_DIR on a small tmpfs that a filler file fills up.
 * Mounting needs root (as here and in CI); elsewhere the test is skipped and says why.
 */
import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MapEditor, readJourneyMap } from "@journeymap/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { mapDocumentName } from "@journeymap/protocol";
import { startServer, type TestServer } from "./support/server.ts";
import { createMap } from "./support/maps.ts";
import { type Client, connect, until } from "./support/clients.ts";

const isRoot = process.getuid?.() === 0;
if (!isRoot) console.warn("diskFull.test.ts: skipped, mounting a tmpfs needs root");

let mountDir = "";
/** Closed before unmounting, whatever the test did: an open database keeps the mount busy. */
const cleanups: Array<() => unknown> = [];
beforeAll(() => {
  if (!isRoot) return;
  mountDir = mkdtempSync(path.join(os.tmpdir(), "journeymap-full-"));
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", mountDir]);
});
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  if (!mountDir) return;
  execFileSync("umount", [mountDir]);
  rmSync(mountDir, { recursive: true, force: true });
});

/** Writes zeros until the filesystem refuses (ENOSPC). */
function fillDisk(file: string): void {
  const fd = openSync(file, "w");
  const chunk = Buffer.alloc(16 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  } finally {
    closeSync(fd);
  }
}

async function readyStatus(server: TestServer): Promise<number> {
  return (await fetch(`${server.url}/readyz`)).status;
}

/** Resolves when the provider is told its document was closed (or its socket dropped). */
function closed(client: Client): Promise<void> {
  return new Promise((resolve) => {
    client.provider.on("close", () => resolve());
    client.provider.on("disconnect", () => resolve());
  });
}

function touchpointNames(doc: Y.Doc): string[] {
  return readJourneyMap(doc).touchpoints.map((t) => t.name);
}

async function waitFor(predicate: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("a full disk", () => {
  it.skipIf(!isRoot)(
    "H8: edits made while the disk is full are neither acknowledged nor relayed, /readyz says 503, and all are stored once space returns",
    { timeout: 60_000 },
    async () => {
      const dataDir = path.join(mountDir, "data");
      // The low-disk watermark is off: this test is about the disk really being full.
      const env = { MIN_FREE_DISK_BYTES: "0" };
      let server = await startServer({ dataDir, env });
      cleanups.push(() => server.close());
      const mapId = await createMap(server);
      const editor = await connect(server, mapDocumentName(mapId), undefined, "Editor");
      const peer = await connect(server, mapDocumentName(mapId), undefined, "Peer");
      cleanups.push(
        () => editor.destroy(),
        () => peer.destroy(),
      );
      const phaseId = readJourneyMap(editor.doc).phases[0]!.id;
      const edit = new MapEditor(editor.doc);
      edit.addTouchpoint({ phaseId, name: "before" });
      await editor.confirmed();
      await until(peer.doc, () => touchpointNames(peer.doc).includes("before"));
      const savedBefore = touchpointNames(peer.doc);
      expect(await readyStatus(server)).toBe(200);

      const filler = path.join(mountDir, "filler");
      cleanups.push(() => rmSync(filler, { force: true }));
      fillDisk(filler);
      const wasClosed = closed(editor);
      for (let i = 0; i < 10; i++) edit.addTouchpoint({ phaseId, name: `full ${i}` });
      await Promise.race([
        wasClosed,
        editor.confirmed().then(() => {
          throw new Error("an edit made while the disk was full was acknowledged");
        }),
      ]);
      expect(editor.provider.hasUnsyncedChanges).toBe(true);
      expect(await readyStatus(server)).toBe(503);
      // Give a wrongly relayed edit time to arrive: the peer must not see unsaved edits.
      await new Promise((r) => setTimeout(r, 300));
      expect(touchpointNames(peer.doc)).toEqual(savedBefore);
      // The person keeps their edits.
      expect(touchpointNames(editor.doc)).toHaveLength(savedBefore.length + 10);

      rmSync(filler);
      await editor.confirmed();
      const expected = touchpointNames(editor.doc).sort();
      await until(peer.doc, () => touchpointNames(peer.doc).length === expected.length);
      expect(touchpointNames(peer.doc).sort()).toEqual(expected);
      await waitFor(async () => (await readyStatus(server)) === 200, 10_000);
      // What the log holds now is what a process killed at this moment would come back with.
      const stored = new Y.Doc();
      for (const update of (await server.store.loadDocument(mapDocumentName(mapId))).updates)
        Y.applyUpdate(stored, update);
      expect(touchpointNames(stored).sort()).toEqual(expected);

      editor.destroy();
      peer.destroy();
      await server.close();
      server = await startServer({ dataDir, env });
      const again = await connect(server, mapDocumentName(mapId), undefined, "Again");
      cleanups.push(() => again.destroy());
      expect(touchpointNames(again.doc).sort()).toEqual(expected);
      again.destroy();
      await server.close();
    },
  );
});
