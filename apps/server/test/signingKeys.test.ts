/**
 * Signing keys from the environment, and their rotation: SIGNING_SECRETS lists keys by id, the
 * first signs and the others still verify; tokens name the key that signed them. Real servers
 * restarted on one data folder, as an operator would roll a key.
 */
import { createHmac } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../src/config.ts";
import { removeDir, startServer, tempDir } from "./support/server.ts";
import { createMap, ownerToken } from "./support/maps.ts";

const OLD = "old-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const NEW = "new-secret-0123456789abcdefghijklmnopqrstuvwxyz";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

function keyIdOf(token: string): unknown {
  const payload = token.split(".")[1] ?? "";
  return (JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { k?: unknown }).k;
}

/** Whether `token` opens `mapId`'s owner-only link list on a server with these keys. */
async function opens(dataDir: string, env: Record<string, string>, mapId: string, token: string) {
  const server = await startServer({ dataDir, env });
  try {
    const res = await fetch(`${server.url}/api/maps/${mapId}/links`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return res.status;
  } finally {
    await server.close();
  }
}

/** A map created on a server with these keys, and its owner token. */
async function mapOn(dataDir: string, env: Record<string, string>) {
  const server = await startServer({ dataDir, env });
  try {
    const mapId = await createMap(server);
    return { mapId, token: ownerToken(mapId) };
  } finally {
    await server.close();
  }
}

describe("signing keys", () => {
  it("H19: a token signed with an old key verifies during rotation and stops once the key is removed", async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const before = await mapOn(dataDir, { SIGNING_SECRETS: `k1:${OLD}` });
    expect(keyIdOf(before.token)).toBe("k1");

    const rotating = { SIGNING_SECRETS: `k2:${NEW},k1:${OLD}` };
    expect(await opens(dataDir, rotating, before.mapId, before.token)).toBe(200);
    const after = await mapOn(dataDir, rotating);
    expect(keyIdOf(after.token)).toBe("k2");

    const rotated = { SIGNING_SECRETS: `k2:${NEW}` };
    expect(await opens(dataDir, rotated, before.mapId, before.token)).toBe(401);
    expect(await opens(dataDir, rotated, after.mapId, after.token)).toBe(200);
  }, 60_000);

  it("H19: new tokens carry the key id; SIGNING_SECRET alone is the key 'default'", async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const single = await mapOn(dataDir, { SIGNING_SECRET: NEW });
    expect(keyIdOf(single.token)).toBe("default");
    // The same secret under its id in a rotation list keeps those tokens valid.
    const env = { SIGNING_SECRETS: `k9:${OLD},default:${NEW}` };
    expect(await opens(dataDir, env, single.mapId, single.token)).toBe(200);
  }, 60_000);

  it("H19: a token with an unknown key id is refused, even when signed with a known secret", async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const env = { SIGNING_SECRETS: `k2:${NEW}` };
    const { mapId, token } = await mapOn(dataDir, env);
    const [prefix, payload] = token.split(".") as [string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, k: "k3" })).toString("base64url");
    const signature = createHmac("sha256", NEW).update(forgedPayload).digest("base64url");
    const forged = `${prefix}.${forgedPayload}.${signature}`;
    expect(await opens(dataDir, env, mapId, forged)).toBe(401);
    expect(await opens(dataDir, env, mapId, token)).toBe(200);
  }, 60_000);

  it("H19: tokens issued before keys came from the environment keep verifying with the stored secret", async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const legacy = await mapOn(dataDir, {});
    expect(keyIdOf(legacy.token)).toBeUndefined();
    expect(await opens(dataDir, { SIGNING_SECRETS: `k2:${NEW}` }, legacy.mapId, legacy.token)).toBe(
      200,
    );
  }, 60_000);

  it("H19: refuses short secrets, repeated key ids, bad lists and both variables at once", () => {
    const base = { DATA_DIR: "/tmp" };
    for (const env of [
      { SIGNING_SECRET: "short" },
      { SIGNING_SECRETS: `k1:${OLD},k1:${NEW}` },
      { SIGNING_SECRETS: `${OLD}` },
      { SIGNING_SECRETS: `bad id:${OLD}` },
      { SIGNING_SECRETS: `k1:short` },
      { SIGNING_SECRET: NEW, SIGNING_SECRETS: `k1:${OLD}` },
    ]) {
      expect(() => readConfig({ ...base, ...env }), JSON.stringify(env)).toThrow(ConfigError);
    }
    const { signingKeys } = readConfig({ ...base, SIGNING_SECRETS: ` k2:${NEW} , k1:${OLD} ` });
    expect(signingKeys.map((k) => k.id)).toEqual(["k2", "k1"]);
    expect(readConfig(base).signingKeys).toEqual([]);
  });
});
