/**
 * Accounts through the real server, as browsers and attackers reach it: who is signed in and
 * how one signs in here (/api/me, /api/instance), the session cookie's flags as served, CSRF
 * refused on our routes and better-auth's, sign-in throttled whatever the address, and no
 * difference between unknown and known emails.
 */
import { FAILED_SIGN_INS_PER_EMAIL } from "@journeymap/accounts";
import { Instance, Me } from "@journeymap/protocol/http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace, PEOPLE_ENV, type Person, signUp } from "./support/people.ts";
import { startServer, type TestServer } from "./support/server.ts";

const EVIL = "http://evil.example";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ env: PEOPLE_ENV });
});
afterAll(() => server.dispose());

let nextAddress = 1;
/** A request from a browser of its own (TRUST_PROXY=loopback lets the test name its address). */
function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: server.url,
      "x-forwarded-for": `203.0.113.${nextAddress++ % 250}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

const sessionCookieOf = (response: Response) =>
  response.headers.getSetCookie().find((c) => c.includes("session_token="));

describe("who is signed in, and how people sign in here", () => {
  let ana: Person;

  it("tells a fresh instance's first visitor to create the admin, and no one is signed in", async () => {
    const instance = Instance.parse(await (await fetch(`${server.url}/api/instance`)).json());
    expect(instance).toEqual({
      needsAdmin: true,
      signUp: true,
      singleSignOn: { enabled: false, name: "" },
      smtp: false,
    });
    const me = await fetch(`${server.url}/api/me`);
    expect(me.status).toBe(401);
    expect(me.headers.get("cache-control")).toBe("no-store");
  });

  it("answers /api/me with the signed-in person, their colour and their workspaces", async () => {
    ana = await signUp(server, "Ana");
    const alone = await ana.call("GET", "/api/me");
    expect(alone.status).toBe(200);
    expect(Me.parse(alone.body)).toEqual({
      user: {
        id: ana.id,
        name: "Ana",
        email: "ana@example.com",
        color: expect.stringMatching(/^#[0-9a-f]{6}$/),
        admin: true,
      },
      workspaces: [],
    });
    const acme = await createWorkspace(ana, "Acme");
    expect((await ana.call<Me>("GET", "/api/me")).body.workspaces).toEqual([
      { id: acme, name: "Acme", role: "admin" },
    ]);
    const later = Instance.parse(await (await fetch(`${server.url}/api/instance`)).json());
    expect(later.needsAdmin).toBe(false);
  });
});

describe("the session cookie, as the server serves it", () => {
  it("is HttpOnly and SameSite=Lax, and not Secure over http", async () => {
    const response = await post("/api/auth/sign-up/email", {
      email: "cookie@example.com",
      name: "Cookie",
      password: "correct horse battery 1",
    });
    expect(response.status).toBe(200);
    const cookie = sessionCookieOf(response) ?? "";
    expect(cookie).toMatch(/^journeymap\.session_token=/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/; Secure/i);
  });

  it("is Secure, with the __Secure- prefix, when PUBLIC_URL is https", async () => {
    const publicUrl = "https://maps.example.test";
    const behindTls = await startServer({ env: { PUBLIC_URL: publicUrl } });
    try {
      const response = await fetch(`${behindTls.url}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: publicUrl },
        body: JSON.stringify({
          email: "tls@example.com",
          name: "Tls",
          password: "correct horse battery 1",
        }),
      });
      expect(response.status).toBe(200);
      const cookie = sessionCookieOf(response) ?? "";
      expect(cookie).toMatch(/^__Secure-journeymap\.session_token=/);
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
    } finally {
      await behindTls.dispose();
    }
  });
});

describe("cross-site request forgery", () => {
  let bea: Person;
  let workspaceId: string;
  beforeAll(async () => {
    bea = await signUp(server, "Bea");
    workspaceId = await createWorkspace(bea, "Bea's");
  });

  const asBea = (path: string, body: unknown, headers: Record<string, string>) =>
    post(path, body, { cookie: bea.cookie, ...headers });
  const beasMaps = async () =>
    ((await bea.call<unknown[]>("GET", `/api/maps?workspace=${workspaceId}`)).body ?? []).length;

  it("refuses a state change on our routes sent with a valid session cookie from another site", async () => {
    const before = await beasMaps();
    const forged = await asBea("/api/maps", { title: "Forged", workspaceId }, { origin: EVIL });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toEqual({ error: expect.stringMatching(/another site/) });
    // No Origin, and Fetch Metadata saying cross-site (an older browser's form post): refused.
    const noOrigin = await fetch(`${server.url}/api/maps`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: bea.cookie,
        "sec-fetch-site": "cross-site",
      },
      body: JSON.stringify({ title: "Forged too", workspaceId }),
    });
    expect(noOrigin.status).toBe(403);
    expect(await beasMaps()).toBe(before);
    // From the app's own pages it goes through.
    const own = await asBea("/api/maps", { title: "Mine", workspaceId }, { origin: server.url });
    expect(own.status).toBe(201);
    expect(await beasMaps()).toBe(before + 1);
  });

  it("refuses a cross-site sign-out, and the session stays", async () => {
    const forged = await asBea("/api/auth/sign-out", {}, { origin: EVIL });
    expect(forged.status).toBe(403);
    expect((await bea.call("GET", "/api/me")).status).toBe(200);
  });

  it("lets requests without the cookie through from anywhere: tokens are not ambient", async () => {
    const created = await post("/api/maps", { title: "By a script" }, { origin: EVIL });
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: string; token: string };
    const link = await post(
      `/api/maps/${id}/links`,
      { role: "viewer" },
      { origin: EVIL, authorization: `Bearer ${token}` },
    );
    expect(link.status).toBe(201);
  });
});

describe("guessing passwords", () => {
  const signIn = (email: string, password: string) =>
    post("/api/auth/sign-in/email", { email, password });

  it("throttles sign-in to an account after repeated failures, from whatever address", async () => {
    await signUp(server, "Cy");
    for (let i = 0; i < FAILED_SIGN_INS_PER_EMAIL.max; i++)
      expect((await signIn("cy@example.com", `wrong guess ${i}`)).status).toBe(401);
    // Each guess came from a new address; the account's limit holds them all, right or wrong.
    const throttled = await signIn("cy@example.com", "correct horse battery 1");
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(sessionCookieOf(throttled)).toBeUndefined();
  });

  it("answers an unknown email as it answers a known one with a wrong password", async () => {
    await signUp(server, "Dee");
    const known = await signIn("dee@example.com", "not her password");
    const unknown = await signIn("nobody@example.com", "not her password");
    expect(known.status).toBe(401);
    expect(unknown.status).toBe(known.status);
    expect(await unknown.text()).toBe(await known.text());
  });
});
