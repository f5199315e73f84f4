/**
 * `journeymap admin` for workspaces on the SQLite store folder of a real running server: what
 * the commands change is what the server then answers (/api/me, workspace settings), an
 * invitation's printed link is accepted over HTTP, and bad input changes nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RunningServer } from "@journeymap/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCapturing } from "./runCapturing.ts";
import { signIn } from "./signIn.ts";
import { serverOn } from "./testServer.ts";

const PASSWORD = "correct horse 1";

let server: RunningServer;
let url: string;
let dataDir: string;
let ana: string;
let workspaceId: string;

const admin = (argv: string[], stdin: string | null = null) =>
  runCapturing(["admin", argv[0]!, "--data-dir", dataDir, ...argv.slice(1)], {
    readStdin: async () => stdin,
  });

/** An HTTP call as the web app makes it; `T` is what the test expects back. */
async function call<T = unknown>(cookie: string, method: string, route: string, body?: unknown) {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: { cookie, origin: url, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as T };
}

async function workspacesOf(cookie: string): Promise<{ name: string; role: string }[]> {
  const me = await call<{ workspaces: { name: string; role: string }[] }>(cookie, "GET", "/api/me");
  return me.body.workspaces.map(({ name, role }: { name: string; role: string }) => ({
    name,
    role,
  }));
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "journeymap-cli-workspaces-"));
  ({ server, url } = await serverOn(dataDir));
  const signedUp = await fetch(`${url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email: "ana@example.com", password: PASSWORD, name: "Ana" }),
  });
  expect(signedUp.status).toBe(200);
  ana = (await signIn(url, "ana@example.com", PASSWORD))!;
  const created = await call<{ id: string }>(ana, "POST", "/api/auth/organization/create", {
    name: "Acme",
    slug: "acme",
  });
  expect(created.status).toBe(200);
  workspaceId = created.body.id;
  const bob = await admin(["create-user", "--email", "bob@example.com", "--name", "Bob"], PASSWORD);
  expect(bob.code).toBe(0);
}, 60_000);

afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("journeymap admin for workspaces", () => {
  it("lists workspaces, invites with a printed link that works, and lists members", async () => {
    expect(await admin(["workspaces"])).toEqual({
      code: 0,
      out: `${workspaceId}\tacme\tAcme\n`,
      err: "",
    });
    const invited = await admin([
      "invite",
      "--workspace",
      "acme",
      "--email",
      "Bob@Example.com",
      "--role",
      "member",
      "--server",
      `${url}/`,
    ]);
    expect(invited.code).toBe(0);
    const link = invited.out.split("\n")[1]!;
    expect(link).toMatch(new RegExp(`^${url}/invitations/[\\w-]+$`));
    const bob = (await signIn(url, "bob@example.com", PASSWORD))!;
    const accepted = await call(bob, "POST", "/api/auth/organization/accept-invitation", {
      invitationId: link.split("/").pop(),
    });
    expect(accepted.status).toBe(200);
    expect(await workspacesOf(bob)).toEqual([{ name: "Acme", role: "member" }]);
    expect((await admin(["members", "--workspace", "Acme"])).out).toBe(
      "ana@example.com\tAna\tadmin\nbob@example.com\tBob\tmember\n",
    );
  }, 60_000);

  it("changes a role and removes a member, as the server then answers", async () => {
    const bob = (await signIn(url, "bob@example.com", PASSWORD))!;
    const roleChange = ["set-role", "--workspace", workspaceId, "--email", "bob@example.com"];
    expect((await admin([...roleChange, "--role", "guest"])).code).toBe(0);
    expect(await workspacesOf(bob)).toEqual([{ name: "Acme", role: "guest" }]);

    const removed = await admin([
      "remove-member",
      "--workspace",
      "acme",
      "--email",
      "bob@example.com",
    ]);
    expect(removed).toEqual({ code: 0, out: "removed bob@example.com from Acme\n", err: "" });
    expect(await workspacesOf(bob)).toEqual([]);
  }, 60_000);

  it("turns guest links off and on", async () => {
    const settings = async () =>
      (await call<{ guestLinks: boolean }>(ana, "GET", `/api/workspaces/${workspaceId}/settings`))
        .body.guestLinks;
    expect(await settings()).toBe(true);
    expect((await admin(["guest-links", "--workspace", "acme", "off"])).code).toBe(0);
    expect(await settings()).toBe(false);
    expect((await admin(["guest-links", "--workspace", "acme", "on"])).out).toBe(
      "guest links are on in Acme\n",
    );
    expect(await settings()).toBe(true);
  }, 60_000);

  it("refuses bad input with a message and changes nothing", async () => {
    const lastAdmin = await admin([
      "set-role",
      "--workspace",
      "acme",
      "--email",
      "ana@example.com",
      "--role",
      "member",
    ]);
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.err).toMatch(/last admin/);
    const owner = await admin([
      "invite",
      "--workspace",
      "acme",
      "--email",
      "x@y.z",
      "--role",
      "owner",
    ]);
    expect(owner.code).toBe(2);
    expect(owner.err).toMatch(/^journeymap: --role is one of admin, member, guest/);
    const nowhere = await admin(["members", "--workspace", "nope"]);
    expect(nowhere).toMatchObject({ code: 1, err: expect.stringMatching(/no workspace nope/) });
    expect((await admin(["guest-links", "--workspace", "acme", "maybe"])).code).toBe(2);
    expect((await admin(["members"])).err).toMatch(/^journeymap: --workspace is required/);
    expect((await admin(["members", "--workspace", "acme"])).out).toBe(
      "ana@example.com\tAna\tadmin\n",
    );
  }, 60_000);
});
