/**
 * Who may manage webhooks, and where they may send (SSRF). A map's hooks are its owners'
 * (owner link, or a signed-in owner); a workspace's are its admins'. URLs must be http(s) and,
 * unless WEBHOOKS_ALLOW_PRIVATE is set, reach public addresses only: refused when saved, and
 * again when connecting (a name that resolves to loopback). Also: the back-off's bounds.
 */
import { ROLE, WORKSPACE_ROLE } from "@journeymap/protocol";
import type { CreatedWebhook, Webhook } from "@journeymap/protocol/http";
import { describe, expect, it } from "vitest";
import { isPublicAddress, refuseWebhookUrl } from "../src/webhooks/addressPolicy.ts";
import { DEFAULT_RETRY_POLICY, retryDelayMs } from "../src/webhooks/backoff.ts";
import { sendWebhook } from "../src/webhooks/sendWebhook.ts";
import { apiLink, createMap, ownerToken, shareLink } from "./support/maps.ts";
import { createMapIn, createWorkspace, join, PEOPLE_ENV, signUp } from "./support/people.ts";
import { serverForTest } from "./support/server.ts";
import { startReceiver } from "./support/webhookReceiver.ts";

const TEST_TIMEOUT_MS = 60_000;
const EVENTS = ["evidence.submitted"];

async function as(token: string | null, url: string, method = "GET", body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

describe("webhook access", () => {
  it(
    "lets only a map's owners manage its hooks, and keeps another map's hooks unknown",
    async () => {
      const server = await serverForTest({ env: { WEBHOOKS_ALLOW_PRIVATE: "true" } });
      const receiver = await startReceiver();
      const mapId = await createMap(server, { title: "Owned" });
      const other = await createMap(server, { title: "Other" });
      const hooks = `${server.url}/api/maps/${mapId}/webhooks`;
      const body = { url: receiver.url, events: EVENTS };

      expect((await as(null, hooks)).status).toBe(401);
      for (const role of [ROLE.editor, ROLE.commenter, ROLE.viewer, ROLE.contributor]) {
        const { token } = await shareLink(server, mapId, role);
        expect((await as(token, hooks)).status).toBe(403);
        expect((await as(token, hooks, "POST", body)).status).toBe(403);
      }
      const api = await apiLink(server, mapId, ["map:read", "evidence:write"]);
      expect((await as(api, hooks, "POST", body)).status).toBe(403);

      const created = await as(ownerToken(mapId), hooks, "POST", body);
      expect(created.status).toBe(201);
      const { webhook } = created.body as CreatedWebhook;
      // The other map's owner cannot reach this hook through their own map.
      const foreign = `${server.url}/api/maps/${other}/webhooks/${webhook.id}`;
      expect((await as(ownerToken(other), foreign, "PATCH", { enabled: false })).status).toBe(404);
      expect((await as(ownerToken(other), foreign, "DELETE")).status).toBe(404);
      expect((await as(ownerToken(other), `${foreign}/deliveries`)).status).toBe(404);

      const mine = `${hooks}/${webhook.id}`;
      const disabled = await as(ownerToken(mapId), mine, "PATCH", { enabled: false });
      expect((disabled.body as Webhook).enabled).toBe(false);
      expect((await as(ownerToken(mapId), mine, "DELETE")).status).toBe(204);
      expect((await as(ownerToken(mapId), hooks)).body).toEqual([]);
      // A body that names no event, or an unknown one, is refused.
      expect(
        (await as(ownerToken(mapId), hooks, "POST", { url: receiver.url, events: [] })).status,
      ).toBe(400);
      expect(
        (await as(ownerToken(mapId), hooks, "POST", { url: receiver.url, events: ["map.deleted"] }))
          .status,
      ).toBe(400);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "lets a workspace's admins manage its hooks, which get its maps' events; not its members",
    async () => {
      const server = await serverForTest({
        env: { ...PEOPLE_ENV, WEBHOOKS_ALLOW_PRIVATE: "true" },
        webhooks: { pollMs: 200 },
      });
      const receiver = await startReceiver();
      const ana = await signUp(server, "Ana");
      const acme = await createWorkspace(ana, "Acme");
      const bob = await signUp(server, "Bob");
      await join(ana, acme, bob, WORKSPACE_ROLE.member);
      const path = `/api/workspaces/${acme}/webhooks`;
      const body = { url: receiver.url, events: EVENTS, description: "All of Acme" };

      expect((await as(null, `${server.url}${path}`)).status).toBe(401);
      expect((await bob.call("GET", path)).status).toBe(403);
      expect((await bob.call("POST", path, body)).status).toBe(403);
      const created = await ana.call<CreatedWebhook>("POST", path, body);
      expect(created.status).toBe(201);
      expect(created.body.webhook).toMatchObject({ scope: "workspace", scopeId: acme });

      // Evidence on any map of the workspace reaches the workspace's hook.
      const map = await createMapIn(ana, "Acme onboarding", acme);
      const submitted = await as(map.token, `${server.url}/api/maps/${map.id}/inbox`, "POST", {
        text: "Setup wizard confusing",
        contributor: "Support",
      });
      expect(submitted.status).toBe(201);
      const [request] = await receiver.waitFor(1);
      expect(JSON.parse(request!.body)).toMatchObject({
        type: "evidence.submitted",
        mapId: map.id,
        workspaceId: acme,
      });

      // The test button sends webhook.test now.
      const test = await ana.call<{ delivery: { event: string } }>(
        "POST",
        `${path}/${created.body.webhook.id}/test`,
      );
      expect(test.status).toBe(202);
      expect(test.body.delivery.event).toBe("webhook.test");
      const [, tested] = await receiver.waitFor(2);
      expect(JSON.parse(tested!.body)).toMatchObject({ type: "webhook.test", workspaceId: acme });
      expect((await bob.call("POST", `${path}/${created.body.webhook.id}/test`)).status).toBe(403);
    },
    TEST_TIMEOUT_MS,
  );
});

describe("webhook addresses (SSRF)", () => {
  it(
    "refuses private, loopback, link-local and non-http URLs unless private ones are allowed",
    async () => {
      const server = await serverForTest();
      const mapId = await createMap(server, { title: "SSRF" });
      const hooks = `${server.url}/api/maps/${mapId}/webhooks`;
      for (const url of [
        "http://127.0.0.1:9/hook",
        "http://localhost/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/hook",
        "http://10.1.2.3/hook",
        "http://192.168.0.10/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "ftp://example.com/hook",
        "http://user:pw@example.com/hook",
      ]) {
        const refused = await as(ownerToken(mapId), hooks, "POST", { url, events: EVENTS });
        expect(refused.status, url).toBe(400);
      }
      expect(await refuseWebhookUrl("http://127.0.0.1:9/hook", true)).toBeNull();
    },
    TEST_TIMEOUT_MS,
  );

  it("refuses to connect to a name that resolves to loopback, and to a loopback literal", async () => {
    const receiver = await startReceiver();
    const port = new URL(receiver.url).port;
    const out = {
      secret: `whsec_${Buffer.alloc(32, 7).toString("base64")}`,
      id: "msg_1",
      body: "{}",
    };
    const options = { timeoutMs: 5_000, allowPrivate: false, now: Date.now };
    const byName = await sendWebhook({ ...out, url: `http://localhost:${port}/hook` }, options);
    expect(byName).toMatchObject({ ok: false, status: null });
    const byAddress = await sendWebhook({ ...out, url: receiver.url }, options);
    expect(byAddress.ok).toBe(false);
    expect(receiver.received).toHaveLength(0);
    // Allowed, the same request goes through.
    expect(
      await sendWebhook({ ...out, url: receiver.url }, { ...options, allowPrivate: true }),
    ).toMatchObject({
      ok: true,
      status: 200,
    });
  });

  it("tells public addresses from the rest", () => {
    for (const a of ["93.184.216.34", "2606:4700::1111", "8.8.8.8"])
      expect(isPublicAddress(a), a).toBe(true);
    for (const a of [
      "127.0.0.1",
      "10.0.0.1",
      "172.16.5.5",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "::ffff:10.0.0.1",
      "not an ip",
    ])
      expect(isPublicAddress(a), a).toBe(false);
  });
});

describe("retry back-off", () => {
  it("doubles each time between half and all of the step, capped", () => {
    const policy = { maxAttempts: 10, baseDelayMs: 1000, maxDelayMs: 8000 };
    expect(retryDelayMs(policy, 1, () => 0)).toBe(500);
    expect(retryDelayMs(policy, 1, () => 0.999_999)).toBe(1000);
    expect(retryDelayMs(policy, 3, () => 0)).toBe(2000);
    expect(retryDelayMs(policy, 10, () => 0.999_999)).toBe(8000);
    // The default spreads its attempts over 2 to 4 hours.
    const span = (random: () => number) =>
      Array.from({ length: DEFAULT_RETRY_POLICY.maxAttempts - 1 }, (_, i) =>
        retryDelayMs(DEFAULT_RETRY_POLICY, i + 1, random),
      ).reduce((a, b) => a + b, 0);
    const HOUR_MS = 3_600_000;
    expect(span(() => 0)).toBeGreaterThanOrEqual(2 * HOUR_MS);
    expect(span(() => 0.999_999)).toBeLessThanOrEqual(4.1 * HOUR_MS);
  });
});
