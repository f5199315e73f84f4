/**
 * Two server instances share maps through Redis and PostgreSQL: clients on either converge,
 * see each other's presence, and every update is logged exactly once. Faults of the bus (one
 * instance cut from Redis through a proxy) and revocations must cross instances too.
 */
import { MapEditor, readJourneyMap } from "@journeymap/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CLOSE, mapDocumentName, ROLE } from "@journeymap/protocol";
import { expectCanaryHealthy, startCanary } from "./support/canary.ts";
import { type StartOptions, startServer, type TestServer } from "./support/server.ts";
import { createMap, ownerToken, shareLink } from "./support/maps.ts";
import { type Client, connect, until } from "./support/clients.ts";
import { createTestDatabase, type TestDatabase } from "@journeymap/storage/testing";
import { RawClient } from "./support/RawClient.ts";
import { dropPrefix, REDIS_URL, scaleOutAvailable, uniquePrefix } from "./support/redis.ts";
import { startTcpProxy, type TcpProxy } from "./support/tcpProxy.ts";
import { loggedName } from "./support/authors.ts";

const available = await scaleOutAvailable();

describe.runIf(available)("scale-out through Redis", () => {
  // One block: its tests share one PostgreSQL database and Redis prefix (made once, costly on
  // CI) and the teardown of every instance, client and proxy they start.
  const prefix = uniquePrefix("jmtest");
  let db: TestDatabase;
  const instances: TestServer[] = [];
  const clients: Client[] = [];
  const proxies: TcpProxy[] = [];

  async function instance(env: Record<string, string> = {}, options: StartOptions = {}) {
    const server = await startServer({
      ...options,
      databaseUrl: db.url,
      env: { REDIS_URL, REDIS_PREFIX: prefix, ...env },
    });
    instances.push(server);
    return server;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const s of instances) await s.dispose();
    for (const p of proxies) await p.close();
    await db.drop();
    await dropPrefix(prefix);
  });

  it("converges clients on two instances, shares presence, and logs each update once", async () => {
    const one = await instance();
    const two = await instance();
    const mapId = await createMap(one, { title: "Across instances" });
    const a = await connect(one, mapDocumentName(mapId), undefined, "Ana");
    const b = await connect(two, mapDocumentName(mapId), undefined, "Ben");
    clients.push(a, b);
    const before = await one.store.countUpdates(mapDocumentName(mapId));

    const phases = readJourneyMap(a.doc).phases;
    new MapEditor(a.doc).updatePhase(phases[0]!.id, { name: "From one" });
    new MapEditor(b.doc).updatePhase(phases[1]!.id, { name: "From two" });
    await Promise.all([a.confirmed(), b.confirmed()]);
    await until(a.doc, () => readJourneyMap(a.doc).phases[1]?.name === "From two");
    await until(b.doc, () => readJourneyMap(b.doc).phases[0]?.name === "From one");
    expect(readJourneyMap(a.doc)).toEqual(readJourneyMap(b.doc));

    // Presence crosses instances, with the server-set name.
    a.provider.awareness!.setLocalStateField("selection", "phase-x");
    await new Promise<void>((resolve) => {
      const check = () => {
        const state = b.provider.awareness!.getStates().get(a.doc.clientID);
        if (state?.selection === "phase-x" && state.user?.name === "Ana") resolve();
      };
      b.provider.awareness!.on("change", check);
      check();
    });

    // Two edits, two rows: nothing relayed through Redis was logged a second time.
    expect(await one.store.countUpdates(mapDocumentName(mapId))).toBe(before + 2);
    const rows = await one.store.readUpdates(mapDocumentName(mapId), before + 1, before + 10);
    expect(rows.map((r) => loggedName(r.author)).sort()).toEqual(["Ana", "Ben"]);
  });
  /** Resolves with `promise`, or fails naming `what` after `ms`. */
  function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
    });
    return Promise.race([promise, late]).finally(() => clearTimeout(timer));
  }

  async function readyStatus(server: { url: string }): Promise<number> {
    return (await fetch(`${server.url}/readyz`)).status;
  }

  async function eventually(ms: number, what: string, check: () => Promise<boolean>) {
    const deadline = performance.now() + ms;
    while (!(await check())) {
      if (performance.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function revoke(server: { url: string }, mapId: string, linkId: string) {
    const res = await fetch(`${server.url}/api/maps/${mapId}/links/${linkId}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${ownerToken(mapId)}` },
    });
    expect(res.status).toBe(204);
  }

  it("H10: an instance cut from Redis is not ready, and resyncs its documents when Redis returns", {
    timeout: 60_000,
  }, async () => {
    const target = new URL(REDIS_URL);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
    proxies.push(proxy);
    const cutOff = await instance({ REDIS_URL: `redis://127.0.0.1:${proxy.port}` });
    const steady = await instance();
    const mapId = await createMap(steady, { title: "Through an outage" });
    const a = await connect(cutOff, mapDocumentName(mapId), undefined, "Ana");
    const b = await connect(steady, mapDocumentName(mapId), undefined, "Ben");
    clients.push(a, b);
    expect(await readyStatus(cutOff)).toBe(200);

    proxy.cut();
    await eventually(5000, "503 while cut", async () => (await readyStatus(cutOff)) === 503);
    expect(await readyStatus(steady)).toBe(200);
    const phases = readJourneyMap(a.doc).phases;
    new MapEditor(a.doc).updatePhase(phases[0]!.id, { name: "Cut off" });
    new MapEditor(b.doc).updatePhase(phases[1]!.id, { name: "Steady" });
    // Both are saved and acknowledged by their own instance, and neither crossed.
    await Promise.all([a.confirmed(), b.confirmed()]);
    expect(readJourneyMap(a.doc).phases[1]?.name).not.toBe("Steady");
    expect(readJourneyMap(b.doc).phases[0]?.name).not.toBe("Cut off");

    proxy.restore();
    // No further edit: the reconnected instance resyncs on its own.
    await within(
      10_000,
      "convergence after Redis returns",
      Promise.all([
        until(a.doc, () => readJourneyMap(a.doc).phases[1]?.name === "Steady"),
        until(b.doc, () => readJourneyMap(b.doc).phases[0]?.name === "Cut off"),
      ]),
    );
    expect(readJourneyMap(a.doc)).toEqual(readJourneyMap(b.doc));
    await eventually(5000, "ready again", async () => (await readyStatus(cutOff)) === 200);
  });

  it("H13: revoking a link on one instance closes its connections on the other within a second", {
    timeout: 60_000,
  }, async () => {
    const one = await instance();
    const two = await instance();
    const mapId = await createMap(one, { title: "Revoked elsewhere" });
    const { token, link } = await shareLink(one, mapId, ROLE.editor);
    const victim = await connect(two, mapDocumentName(mapId), token, "Victim");
    clients.push(victim);
    const raw = await RawClient.open(two.wsUrl);
    await raw.authenticate(mapDocumentName(mapId), token);
    await raw.handshake(mapDocumentName(mapId));
    const reason = new Promise<string>((resolve) =>
      victim.provider.on("close", ({ event }: { event: { reason: string } }) =>
        resolve(event.reason),
      ),
    );

    const start = performance.now();
    await revoke(one, mapId, link.id);
    const closed = await within(1000, "socket closed on the other instance", raw.closed);
    expect(closed.code).toBe(CLOSE.linkRevoked.code);
    expect(closed.reason).toBe(CLOSE.linkRevoked.reason);
    expect(await within(1000, "provider closed", reason)).toBe(CLOSE.linkRevoked.reason);
    expect(performance.now() - start).toBeLessThan(1000);
    await expect(connect(two, mapDocumentName(mapId), token)).rejects.toThrow(
      /authentication failed/,
    );
  });

  it("H13: a revoked link's queued writes on another instance are not saved once it knows", {
    timeout: 60_000,
  }, async () => {
    const one = await instance();
    // A burst far above the default, so the flood is still queued when the revocation lands.
    const two = await instance({}, { limits: { messageBurst: 10_000 } });
    const canary = await startCanary(two);
    const mapId = await createMap(one, { title: "Writes in flight" });
    const { token, link } = await shareLink(one, mapId, ROLE.editor);
    const raw = await RawClient.open(`${two.wsUrl}?name=Flood`);
    await raw.authenticate(mapDocumentName(mapId), token);
    await raw.handshake(mapDocumentName(mapId));
    // The server appends these one by one, each awaiting PostgreSQL: most are still queued
    // when the revocation arrives.
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 3000; i++) doc.getMap("probe").set("n", i);
    for (const u of updates) raw.sendUpdate(mapDocumentName(mapId), u);

    await revoke(one, mapId, link.id);
    const closed = await within(1000, "socket closed", raw.closed);
    expect(closed.code).toBe(CLOSE.linkRevoked.code);
    const knownAt = Date.now();
    expectCanaryHealthy(await canary.stop());
    // A window for anything still queued on the server to (wrongly) reach the log.
    await new Promise((r) => setTimeout(r, 500));
    const total = await one.store.countUpdates(mapDocumentName(mapId));
    const rows = await one.store.readUpdates(mapDocumentName(mapId), 1, total);
    const flood = rows.filter((r) => loggedName(r.author) === "Flood");
    expect(flood.length).toBeLessThan(updates.length);
    for (const row of flood) expect(row.ts).toBeLessThanOrEqual(knownAt);
  });
});
