/**
 * Removal is effective on every instance: two servers on one PostgreSQL database and one Redis,
 * a person's board open on the second, removed from the workspace through the first: the board
 * closes within a second, and neither instance lets them back in.
 */
import { mapDocumentName, WORKSPACE_ROLE } from "@journeymap/protocol";
import { createTestDatabase, type TestDatabase } from "@journeymap/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "./support/clients.ts";
import { connectAs, createWorkspace, join, PEOPLE_ENV, signUp } from "./support/people.ts";
import { expectClosedBy } from "./support/liveAccess.ts";
import { dropPrefix, REDIS_URL, scaleOutAvailable, uniquePrefix } from "./support/redis.ts";
import { startServer, type TestServer } from "./support/server.ts";

const available = await scaleOutAvailable();

describe.runIf(available)("accounts across instances", () => {
  const prefix = uniquePrefix("jmacct");
  let db: TestDatabase;
  let one: TestServer;
  let two: TestServer;
  const clients: Client[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { ...PEOPLE_ENV, REDIS_URL, REDIS_PREFIX: prefix };
    one = await startServer({ databaseUrl: db.url, env });
    two = await startServer({ databaseUrl: db.url, env });
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await one?.dispose();
    await two?.dispose();
    await db?.drop();
    await dropPrefix(prefix);
  });

  it("closes a removed member's board on the other instance within a second", {
    timeout: 60_000,
  }, async () => {
    const ana = await signUp(one, "Ana");
    const bob = await signUp(one, "Bob");
    const workspaceId = await createWorkspace(ana, "Acme");
    await join(ana, workspaceId, bob, WORKSPACE_ROLE.member);
    const created = await ana.call<{ id: string }>("POST", "/api/maps", {
      title: "Across instances",
      workspaceId,
    });
    expect(created.status).toBe(201);
    const document = mapDocumentName(created.body.id);

    // Bob's session (made on one) opens the map on two.
    const board = await connectAs(two, bob, document);
    clients.push(board);
    expect(board.provider.authorizedScope).toBe("read-write");
    await expectClosedBy(board, "accessRemoved", () =>
      ana.call("POST", "/api/auth/organization/remove-member", {
        memberIdOrEmail: bob.email,
        organizationId: workspaceId,
      }),
    );

    for (const server of [one, two])
      await expect(connectAs(server, bob, document)).rejects.toThrow(/authentication failed/);
  });
});
