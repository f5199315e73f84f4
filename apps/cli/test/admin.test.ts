/**
 * `journeymap admin` on the store folder of a real running server: the people it creates sign
 * in over HTTP, a reset replaces the password and closes sessions, and bad input exits
 * non-zero with a message and changes nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RunningServer } from "@journeymap/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCapturing } from "./runCapturing.ts";
import { signIn as signInTo } from "./signIn.ts";
import { serverOn } from "./testServer.ts";

let server: RunningServer;
let url: string;
let dataDir: string;

const admin = (argv: string[], stdin: string | null = null) =>
  runCapturing(["admin", ...argv], { readStdin: async () => stdin });

/** Signs in over HTTP as the web app does; the session cookie, or null when refused. */
const signIn = (email: string, password: string) => signInTo(url, email, password);

async function me(cookie: string): Promise<number> {
  return (await fetch(`${url}/api/me`, { headers: { cookie } })).status;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "journeymap-cli-admin-"));
  ({ server, url } = await serverOn(dataDir));
}, 30_000);

afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("journeymap admin", () => {
  it("creates an admin with a generated password shown once, who signs in on the server", async () => {
    const created = await admin([
      "create-user",
      "--data-dir",
      dataDir,
      "--email",
      "Ana@Example.com",
      "--name",
      "Ana Lima",
      "--admin",
    ]);
    expect(created).toMatchObject({ code: 0, err: "" });
    expect(created.out).toMatch(/^created ana@example\.com\tAna Lima\t\(admin\)\n/);
    const password = /password: (\S+)\n/.exec(created.out)?.[1] ?? "";
    expect(password).toHaveLength(24);
    const cookie = await signIn("ana@example.com", password);
    expect(cookie).not.toBeNull();
    const res = await fetch(`${url}/api/me`, { headers: { cookie: cookie! } });
    expect(await res.json()).toMatchObject({ user: { name: "Ana Lima", admin: true } });
  });

  it("takes a piped password, and prints none", async () => {
    const created = await admin(
      ["create-user", "--data-dir", dataDir, "--email", "bob@example.com", "--name", "Bob"],
      "a piped password 1\n",
    );
    expect(created.code).toBe(0);
    expect(created.out).toBe("created bob@example.com\tBob\n");
    expect(await signIn("bob@example.com", "a piped password 1")).not.toBeNull();
  });

  it("resets a password: the old one and every session stop working", async () => {
    const cookie = (await signIn("bob@example.com", "a piped password 1"))!;
    expect(await me(cookie)).toBe(200);
    const reset = await admin(
      ["reset-password", "--data-dir", dataDir, "--email", "BOB@example.com"],
      "another password 2",
    );
    expect(reset).toMatchObject({ code: 0, err: "" });
    expect(await me(cookie)).toBe(401);
    expect(await signIn("bob@example.com", "a piped password 1")).toBeNull();
    expect(await signIn("bob@example.com", "another password 2")).not.toBeNull();
  });

  it("lists everyone by email", async () => {
    const listed = await admin(["list-users", "--data-dir", dataDir]);
    expect(listed).toEqual({
      code: 0,
      out: "ana@example.com\tAna Lima\t(admin)\nbob@example.com\tBob\n",
      err: "",
    });
  });

  it("refuses bad input with a message and changes nothing", async () => {
    const twice = await admin(
      ["create-user", "--data-dir", dataDir, "--email", "bob@example.com", "--name", "Bob 2"],
      "yet another password",
    );
    expect(twice.code).toBe(1);
    expect(twice.err).toMatch(/^journeymap: .*exists/i);
    const short = await admin(
      ["create-user", "--data-dir", dataDir, "--email", "cy@example.com", "--name", "Cy"],
      "short",
    );
    expect(short.code).toBe(1);
    expect(short.err).toMatch(/password/i);
    const unknown = await admin(["reset-password", "--data-dir", dataDir, "--email", "x@y.z"]);
    expect(unknown).toMatchObject({
      code: 1,
      err: "journeymap: no account with the email x@y.z\n",
    });
    expect((await admin(["create-user", "--data-dir", dataDir])).err).toMatch(
      /^journeymap: --email is required/,
    );
    expect((await admin(["list-users", "--data-dir", path.join(dataDir, "nope")])).code).toBe(2);
    expect((await admin(["promote"])).err).toMatch(/^journeymap: admin commands: create-user/);
    const listed = await admin(["list-users", "--data-dir", dataDir]);
    expect(listed.out.split("\n").filter(Boolean)).toHaveLength(2);
  });
});
