/**
 * A share link's expiry holds for live sockets too: a socket that outlives its token is closed
 * at expiry, and nothing it sends afterwards reaches the log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AccessService } from "@journeymap/access";
import { CLOSE, mapDocumentName, ROLE } from "@journeymap/protocol";
import { LINK_SWEEP_INTERVAL_MS } from "../src/limits.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { createMap } from "./support/maps.ts";
import { type Client, connect } from "./support/clients.ts";
import { RawClient } from "./support/RawClient.ts";
import { loggedName } from "./support/authors.ts";

/** Long enough to connect on a loaded machine, short enough for a fast test. */
const LIFETIME_MS = 2000;

let server: TestServer;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.dispose();
});

async function rowsBy(mapId: string, author: string) {
  const total = await server.store.countUpdates(mapDocumentName(mapId));
  return (await server.store.readUpdates(mapDocumentName(mapId), 1, total)).filter(
    (r) => loggedName(r.author) === author,
  );
}

describe("link expiry", () => {
  it("H13: a socket that outlives its link is closed at expiry with 4401, and its late writes are not saved", {
    timeout: 30_000,
  }, async () => {
    const mapId = await createMap(server);
    // The HTTP API counts expiry in days; the service takes milliseconds.
    const access = await AccessService.create(server.store);
    const { token, link } = await access.issue(mapId, { role: ROLE.editor }, "Short", LIFETIME_MS);
    const expiresAt = link.expiresAt as number;
    const provider = await connect(server, mapDocumentName(mapId), token, "Reader");
    clients.push(provider);
    const providerClosed = new Promise<string>((resolve) =>
      provider.provider.on("close", ({ event }: { event: { reason: string } }) =>
        resolve(event.reason),
      ),
    );
    const raw = await RawClient.open(`${server.wsUrl}?name=Late`);
    await raw.authenticate(mapDocumentName(mapId), token);
    await raw.handshake(mapDocumentName(mapId));

    // Right at expiry, before any sweep can have run, the socket writes.
    await new Promise((r) => setTimeout(r, Math.max(0, expiresAt - Date.now())));
    const doc = new Y.Doc();
    doc.on("update", (u: Uint8Array) => raw.sendUpdate(mapDocumentName(mapId), u));
    doc.getMap("probe").set("late", true);

    const closed = await Promise.race([
      raw.closed,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error("still open after expiry")), LIFETIME_MS + 5000),
      ),
    ]);
    const closedAt = Date.now();
    expect(closed).toEqual(CLOSE.linkExpired);
    expect(closedAt).toBeGreaterThanOrEqual(expiresAt);
    expect(closedAt - expiresAt).toBeLessThan(LINK_SWEEP_INTERVAL_MS + 1000);
    expect(await providerClosed).toBe(CLOSE.linkExpired.reason);
    expect(raw.sawSavedAck()).toBe(false);
    expect(await rowsBy(mapId, "Late")).toEqual([]);
  });
});
