/**
 * What one socket can pin or stall (issue 12, H6, H11, H12): bytes queued for documents it
 * never authenticates, awareness states and client ids, idle listeners cut off, and floods of
 * unauthenticated sockets keeping real clients out. Every attack runs next to a canary whose
 * edits must keep flowing.
 */
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOSE, mapDocumentName } from "@journeymap/protocol";
import type { Limits } from "../src/limits.ts";
import { expectCanaryHealthy, startCanary } from "./support/canary.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { createMap, ownerToken } from "./support/maps.ts";
import { connect } from "./support/clients.ts";
import { MESSAGE, RawClient, SYNC } from "./support/RawClient.ts";

const NETWORK = { timeout: 60_000 };

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The close code if the socket closed within `ms`, else null. */
async function closedWithin(client: RawClient, ms: number): Promise<number | null> {
  const result = await Promise.race([client.closed, sleep(ms).then(() => null)]);
  return result?.code ?? null;
}

/** Runs an attack beside a canary, whose edits must keep flowing during it and a moment after. */
async function besideCanary(server: TestServer, attack: () => Promise<void>): Promise<void> {
  const canary = await startCanary(server);
  await attack();
  await sleep(300);
  expectCanaryHealthy(await canary.stop());
}

async function withServer(
  limits: Partial<Limits>,
  env: Record<string, string>,
  run: (server: TestServer) => Promise<void>,
): Promise<void> {
  const server = await startServer({ limits, env });
  try {
    await run(server);
  } finally {
    await server.dispose();
  }
}

/** A raw socket that has authenticated `mapId`'s document with the owner's token. */
async function authenticated(server: TestServer, mapId: string): Promise<RawClient> {
  const client = await RawClient.open(server.wsUrl);
  await client.authenticate(mapDocumentName(mapId), ownerToken(mapId));
  await client.handshake(mapDocumentName(mapId));
  return client;
}

/** An awareness message announcing `states` (client id → JSON text of its state). */
function awareness(client: RawClient, documentName: string, states: [number, string][]) {
  return client.frame(documentName, MESSAGE.awareness, (e) => {
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, states.length);
    for (const [clientId, json] of states) {
      encoding.writeVarUint(update, clientId);
      encoding.writeVarUint(update, 1);
      encoding.writeVarString(update, json);
    }
    encoding.writeVarUint8Array(e, encoding.toUint8Array(update));
  });
}

describe("H6: memory one socket can pin", () => {
  let server: TestServer;
  let mapId: string;

  beforeAll(async () => {
    server = await startServer({
      limits: { authTimeoutMs: 800, maxUnauthenticatedBytes: 64 * 1024 },
    });
    mapId = await createMap(server);
  });

  afterAll(async () => {
    await server.dispose();
  });

  it(
    "H6: bytes queued for a document the socket never authenticates close it at the cap (4411)",
    NETWORK,
    () =>
      besideCanary(server, async () => {
        const attacker = await authenticated(server, mapId);
        const other = mapDocumentName(await createMap(server));
        const filler = new Uint8Array(10 * 1024).fill(7);
        for (let i = 0; i < 8; i++) {
          attacker.send(
            attacker.frame(other, MESSAGE.sync, (e) => {
              encoding.writeVarUint(e, SYNC.update);
              encoding.writeVarUint8Array(e, filler);
            }),
          );
        }
        expect(await closedWithin(attacker, 3000)).toBe(CLOSE.unauthenticatedBacklog.code);
      }),
  );

  it(
    "H6: a document never authenticated closes the socket at the deadline, even after another was (4408)",
    NETWORK,
    async () => {
      const attacker = await authenticated(server, mapId);
      const other = mapDocumentName(await createMap(server));
      attacker.send(
        attacker.frame(other, MESSAGE.sync, (e) => {
          encoding.writeVarUint(e, SYNC.step1);
          encoding.writeVarUint8Array(e, new Uint8Array([0]));
        }),
      );
      // The deadline is 800 ms; the sweep runs every 200 ms.
      expect(await closedWithin(attacker, 3000)).toBe(CLOSE.authTimeout.code);
    },
  );

  it("H6: an awareness state over the cap closes the socket (4431)", NETWORK, () =>
    besideCanary(server, async () => {
      const attacker = await authenticated(server, mapId);
      const big = JSON.stringify({ pad: "x".repeat(20 * 1024) });
      attacker.send(awareness(attacker, mapDocumentName(mapId), [[4242, big]]));
      expect(await closedWithin(attacker, 3000)).toBe(CLOSE.awarenessTooLarge.code);
    }),
  );

  it(
    "H6: one connection may announce only a few awareness client ids (4432)",
    NETWORK,
    async () => {
      const attacker = await authenticated(server, mapId);
      for (let id = 1; id <= 30; id++) {
        attacker.send(awareness(attacker, mapDocumentName(mapId), [[100 + id, '{"n":1}']]));
      }
      expect(await closedWithin(attacker, 3000)).toBe(CLOSE.tooManyClientIds.code);
    },
  );

  it(
    "H6: a real provider's presence stays one client id however often it changes",
    NETWORK,
    async () => {
      const shared = mapDocumentName(await createMap(server));
      const a = await connect(server, shared, undefined, "Ann");
      const b = await connect(server, shared, undefined, "Bob");
      try {
        const awarenessA = a.provider.awareness;
        const awarenessB = b.provider.awareness;
        if (!awarenessA || !awarenessB) throw new Error("providers have awareness");
        for (let x = 1; x <= 10; x++) {
          awarenessA.setLocalStateField("pointer", { x, y: 0 });
          const deadline = Date.now() + 10_000;
          while ((awarenessB.getStates().get(a.doc.clientID)?.pointer as { x?: number })?.x !== x) {
            if (Date.now() > deadline) throw new Error(`pointer ${x} never arrived`);
            await sleep(10);
          }
        }
        // Only the two real clients: no id per message, and A was not closed for announcing many.
        expect([...awarenessB.getStates().keys()].sort()).toEqual(
          [a.doc.clientID, b.doc.clientID].sort(),
        );
        expect(a.provider.isAuthenticated).toBe(true);
      } finally {
        a.destroy();
        b.destroy();
      }
    },
  );
});

describe("H11: idle listeners", () => {
  it(
    "H11: a client that answers pings but sends nothing after authenticating stays connected",
    NETWORK,
    async () => {
      // Hocuspocus' own backstop is twice the longer of the two timeouts: 600 ms here.
      await withServer(
        { idleTimeoutMs: 300, authTimeoutMs: 300, pingIntervalMs: 100 },
        {},
        async (server) => {
          const mapId = await createMap(server);
          const listener = await authenticated(server, mapId);
          expect(await closedWithin(listener, 2500)).toBeNull();
          listener.ws.close();
        },
      );
    },
  );
});

describe("half-open connections", () => {
  it(
    "a socket that neither sends nor answers pings is cut off within a few ping intervals",
    NETWORK,
    async () => {
      await withServer(
        { idleTimeoutMs: 60_000, authTimeoutMs: 300, pingIntervalMs: 100 },
        {},
        async (server) => {
          const mapId = await createMap(server);
          const silent = await authenticated(server, mapId);
          // Reads nothing, so answers no ping: to the server, a peer gone without a word.
          silent.ws.pause();
          await sleep(1500);
          silent.ws.resume();
          expect(await closedWithin(silent, 5000)).toBe(1006);
        },
      );
    },
  );
});

describe("H12: unauthenticated sockets", () => {
  it(
    "H12: many unauthenticated sockets from one address do not keep an authenticating client out",
    NETWORK,
    async () => {
      await withServer(
        {
          maxConnectionsPerAddress: 10,
          maxUnauthenticatedConnectionsPerAddress: 4,
          authTimeoutMs: 30_000,
        },
        {},
        async (server) => {
          const canary = await startCanary(server); // two sockets of this address
          const idle: RawClient[] = [];
          for (let i = 0; i < 8; i++) idle.push(await RawClient.open(server.wsUrl));
          const mapId = await createMap(server);
          const client = await Promise.race([
            connect(server, mapDocumentName(mapId)),
            sleep(10_000).then(() => null),
          ]);
          expect(client).not.toBeNull();
          client?.destroy();
          const codes = await Promise.all(idle.map((s) => closedWithin(s, 100)));
          // The oldest waiting sockets made room; the newest still wait.
          expect(codes.filter((c) => c === CLOSE.displaced.code).length).toBeGreaterThanOrEqual(5);
          for (const s of idle) s.ws.terminate();
          expectCanaryHealthy(await canary.stop());
        },
      );
    },
  );

  const limits = { maxUnauthenticatedConnectionsPerAddress: 2, authTimeoutMs: 30_000 };
  const from = (server: TestServer, address: string) =>
    RawClient.open(server.wsUrl, { "x-forwarded-for": address });

  it(
    "H12: with TRUST_PROXY, clients with different X-Forwarded-For are counted apart",
    NETWORK,
    async () => {
      await withServer(limits, { TRUST_PROXY: "127.0.0.1" }, async (server) => {
        const a1 = await from(server, "203.0.113.1");
        const a2 = await from(server, "203.0.113.1");
        const b1 = await from(server, "203.0.113.2");
        expect(await closedWithin(a1, 300)).toBeNull();
        const a3 = await from(server, "203.0.113.1");
        expect(await closedWithin(a1, 1000)).toBe(CLOSE.displaced.code);
        expect(await closedWithin(b1, 100)).toBeNull();
        expect(await closedWithin(a2, 100)).toBeNull();
        for (const s of [a2, a3, b1]) s.ws.terminate();
      });
    },
  );

  it("H12: without TRUST_PROXY, X-Forwarded-For is ignored", NETWORK, async () => {
    await withServer(limits, {}, async (server) => {
      const a1 = await from(server, "203.0.113.1");
      const a2 = await from(server, "203.0.113.1");
      const b1 = await from(server, "203.0.113.2");
      expect(await closedWithin(a1, 1000)).toBe(CLOSE.displaced.code);
      for (const s of [a2, b1]) s.ws.terminate();
    });
  });
});
