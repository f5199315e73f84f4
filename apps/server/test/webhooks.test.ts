/**
 * Outgoing webhooks against real receivers (node:http in this process), on SQLite and on
 * PostgreSQL: a signed evidence event arrives and its signature verifies with the secret shown
 * at creation; a receiver that fails and recovers gets the same event on a retry; versions
 * named and comments mentioning someone are sent too; a pending delivery survives a restart.
 */
import { mapDocumentName, talkDocumentName } from "@journeymap/protocol";
import type { CreatedWebhook, WebhookDelivery, WebhookEnvelope } from "@journeymap/protocol/http";
import { LOCAL_ORIGIN, readJourneyMap, startThread } from "@journeymap/schema";
import {
  createTestDatabase,
  postgresAvailable,
  type TestDatabase,
} from "@journeymap/storage/testing";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "./support/clients.ts";
import { openAsGuest } from "./support/guests.ts";
import { createMap, ownerToken } from "./support/maps.ts";
import {
  removeDir,
  type StartOptions,
  serverForTest,
  startServer,
  tempDir,
} from "./support/server.ts";
import { type Received, startReceiver } from "./support/webhookReceiver.ts";

const TEST_TIMEOUT_MS = 60_000;
/** Retries within milliseconds, so a test sees several attempts. */
const FAST = {
  env: { WEBHOOKS_ALLOW_PRIVATE: "true" },
  webhooks: {
    retry: { maxAttempts: 4, baseDelayMs: 40, maxDelayMs: 200 },
    pollMs: 200,
    timeoutMs: 5_000,
  },
} satisfies StartOptions;

const pgAvailable = await postgresAvailable();
let db: TestDatabase | null = null;
beforeAll(async () => {
  if (pgAvailable) db = await createTestDatabase();
}, TEST_TIMEOUT_MS);
afterAll(async () => {
  await db?.drop();
});

const STORES = [
  { name: "SQLite", store: () => ({}) },
  ...(pgAvailable ? [{ name: "PostgreSQL", store: () => ({ databaseUrl: db!.url }) }] : []),
] as const;

async function call<T>(
  url: string,
  method: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** A hook on the map for `events`, created with the owner's token. */
async function hookOn(
  server: { url: string },
  mapId: string,
  url: string,
  events: string[],
): Promise<CreatedWebhook> {
  const created = await call<CreatedWebhook>(
    `${server.url}/api/maps/${mapId}/webhooks`,
    "POST",
    ownerToken(mapId),
    { url, events, description: "Team chat" },
  );
  expect(created.status).toBe(201);
  return created.body;
}

async function submitEvidence(server: { url: string }, mapId: string, text: string) {
  const res = await call(`${server.url}/api/maps/${mapId}/inbox`, "POST", ownerToken(mapId), {
    text,
    contributor: "Sam from support",
    kind: "ticket",
  });
  expect(res.status).toBe(201);
}

/** The envelope, after checking its Standard Webhooks signature with `secret`. */
function verified(secret: string, request: Received): WebhookEnvelope {
  return new Webhook(secret).verify(request.body, request.headers) as WebhookEnvelope;
}

async function deliveriesOf(server: { url: string }, mapId: string, hookId: string) {
  const res = await call<WebhookDelivery[]>(
    `${server.url}/api/maps/${mapId}/webhooks/${hookId}/deliveries`,
    "GET",
    ownerToken(mapId),
  );
  expect(res.status).toBe(200);
  return res.body;
}

/** Polls the delivery log until `predicate` holds (the log is written after the answer). */
async function logUntil(
  server: { url: string },
  mapId: string,
  hookId: string,
  predicate: (log: WebhookDelivery[]) => boolean,
): Promise<WebhookDelivery[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const log = await deliveriesOf(server, mapId, hookId);
    if (predicate(log)) return log;
    if (Date.now() > deadline)
      throw new Error(`delivery log never matched: ${JSON.stringify(log)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(STORES)("webhooks on $name", ({ store }) => {
  it(
    "sends a signed evidence.submitted event that verifies with the secret shown once",
    async () => {
      const server = await serverForTest({ ...FAST, ...store() });
      const receiver = await startReceiver([200]);
      const mapId = await createMap(server, { title: "Checkout journey" });
      const { webhook, secret } = await hookOn(server, mapId, receiver.url, ["evidence.submitted"]);
      expect(secret).toMatch(/^whsec_/);
      // The secret is shown once: the list never carries it.
      const listed = await call<unknown[]>(
        `${server.url}/api/maps/${mapId}/webhooks`,
        "GET",
        ownerToken(mapId),
      );
      expect(JSON.stringify(listed.body)).not.toContain(secret.slice(6));

      await submitEvidence(server, mapId, "Card declined twice at checkout");
      const [request] = await receiver.waitFor(1);
      const event = verified(secret, request!);
      expect(event).toMatchObject({
        type: "evidence.submitted",
        mapId,
        workspaceId: null,
        data: { text: "Card declined twice at checkout", contributor: "Sam from support" },
      });
      expect(request!.headers["webhook-id"]).toBe(event.id);
      // Another secret does not verify it.
      expect(() => verified(`whsec_${Buffer.alloc(32, 1).toString("base64")}`, request!)).toThrow();

      const [logged] = await logUntil(
        server,
        mapId,
        webhook.id,
        (l) => l[0]?.status === "delivered",
      );
      expect(logged).toMatchObject({
        event: "evidence.submitted",
        attempts: 1,
        responseCode: 200,
      });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "retries a receiver that fails with 500 and delivers the same event once it recovers",
    async () => {
      const server = await serverForTest({ ...FAST, ...store() });
      const receiver = await startReceiver([500, 500, 200]);
      const mapId = await createMap(server, { title: "Flaky receiver" });
      const { webhook, secret } = await hookOn(server, mapId, receiver.url, ["evidence.submitted"]);
      await submitEvidence(server, mapId, "Delivery tracking page is blank");
      const requests = await receiver.waitFor(3);
      const ids = requests.map((r) => verified(secret, r).id);
      expect(new Set(ids).size).toBe(1);
      const [logged] = await logUntil(
        server,
        mapId,
        webhook.id,
        (l) => l[0]?.status === "delivered",
      );
      expect(logged).toMatchObject({ status: "delivered", attempts: 3, responseCode: 200 });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "sends version.named and comment.mentioned to a hook that wants them, and nothing else",
    async () => {
      const server = await serverForTest({ ...FAST, ...store() });
      const receiver = await startReceiver([200]);
      const mapId = await createMap(server, { title: "Events" });
      const { secret } = await hookOn(server, mapId, receiver.url, [
        "version.named",
        "comment.mentioned",
      ]);
      // Not subscribed: evidence is not sent to this hook.
      await submitEvidence(server, mapId, "Not for this hook");
      const named = await call(
        `${server.url}/api/maps/${mapId}/versions`,
        "POST",
        ownerToken(mapId),
        {
          name: "After the workshop",
        },
      );
      expect(named.status).toBe(201);
      const [first] = await receiver.waitFor(1);
      expect(verified(secret, first!)).toMatchObject({
        type: "version.named",
        data: { name: "After the workshop" },
      });

      const board = await connect(server, mapDocumentName(mapId));
      const talk = await openAsGuest(
        server,
        talkDocumentName(mapId),
        ownerToken(mapId),
        "Olga",
        "o".repeat(48),
      );
      try {
        const me = await talk.identity;
        const phase = readJourneyMap(board.doc).phases[0];
        if (!phase) throw new Error("no phase");
        // A comment without mentions is not an event; one with a mention is.
        startThread(
          talk.doc,
          { kind: "phase", id: phase.id },
          { author: me, text: "Nobody in particular" },
          { origin: LOCAL_ORIGIN },
        );
        startThread(
          talk.doc,
          { kind: "phase", id: phase.id },
          { author: me, text: "@Ana can you check this?", mentions: ["Ana"] },
          { origin: LOCAL_ORIGIN },
        );
        await talk.confirmed();
        const [, second] = await receiver.waitFor(2);
        expect(verified(secret, second!)).toMatchObject({
          type: "comment.mentioned",
          mapId,
          data: { text: "@Ana can you check this?", mentions: ["Ana"], author: me.name },
        });
      } finally {
        board.destroy();
        talk.destroy();
      }
      expect(receiver.received.map((r) => JSON.parse(r.body).type)).toEqual([
        "version.named",
        "comment.mentioned",
      ]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "keeps a pending delivery across a restart and sends it after",
    async () => {
      const dataDir = tempDir();
      const receiver = await startReceiver([200]);
      // Nothing listens at the hook's URL yet: every attempt fails, slowly retried.
      const down = await startReceiver([200]);
      const downUrl = down.url;
      await down.close();
      const slow = {
        ...FAST.webhooks,
        retry: { maxAttempts: 4, baseDelayMs: 60_000, maxDelayMs: 60_000 },
      };
      let server = await startServer({ ...FAST, webhooks: slow, ...store(), dataDir });
      let mapId: string;
      let hookId: string;
      let secret: string;
      try {
        mapId = await createMap(server, { title: "Restart" });
        const created = await hookOn(server, mapId, downUrl, ["evidence.submitted"]);
        hookId = created.webhook.id;
        secret = created.secret;
        await submitEvidence(server, mapId, "Survives a restart");
        await logUntil(server, mapId, hookId, (l) => l[0]?.attempts === 1);
        // Point the hook at the live receiver; the delivery stays queued for a minute.
        const moved = await call(
          `${server.url}/api/maps/${mapId}/webhooks/${hookId}`,
          "PATCH",
          ownerToken(mapId),
          {
            url: receiver.url,
          },
        );
        expect(moved.status).toBe(200);
      } finally {
        await server.close();
      }
      expect(receiver.received).toHaveLength(0);
      // The restarted server retries sooner; the queued delivery is in the store.
      server = await startServer({ ...FAST, ...store(), dataDir });
      try {
        const hooks = server.store.webhooks();
        const [pending] = await hooks.listDeliveries(hookId, 10);
        expect(pending?.status).toBe("pending");
        await hooks.releaseDelivery(pending!.id, Date.now());
        const [request] = await receiver.waitFor(1);
        expect(verified(secret, request!)).toMatchObject({
          type: "evidence.submitted",
          data: { text: "Survives a restart" },
        });
      } finally {
        await server.close();
        removeDir(dataDir);
      }
    },
    TEST_TIMEOUT_MS,
  );
});
