import { describe, expect, it } from "vitest";
import { issueToken, keyRing, verifyToken } from "../src/tokens.ts";

const stored = new Uint8Array(32).fill(7);
const secret = keyRing(stored);
const other = keyRing(new Uint8Array(32).fill(8));
const k1 = { id: "k1", secret: new Uint8Array(32).fill(1) };
const k2 = { id: "k2", secret: new Uint8Array(32).fill(2) };

describe("share tokens", () => {
  const claims = {
    kind: "share",
    mapId: "map12345",
    linkId: "link1",
    role: "editor",
    expiresAt: 2000,
  } as const;

  it("round-trips claims", () => {
    expect(verifyToken(issueToken(claims, secret.signing), secret, 1000)).toEqual(claims);
  });

  it("rejects tampered, foreign, expired and malformed tokens", () => {
    const token = issueToken(claims, secret.signing);
    const [p, body, sig] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({ m: "map12345", l: "link1", r: "owner", e: null }),
    ).toString("base64url");
    expect(() => verifyToken(`${p}.${forged}.${sig}`, secret, 1000)).toThrow(/signature/);
    expect(() => verifyToken(token, other, 1000)).toThrow(/signature/);
    expect(() => verifyToken(token, secret, 2000)).toThrow(/expired/);
    for (const bad of ["", "jm1", "jm1.a.b.c", `xx.${body}.${sig}`, "x".repeat(5000)]) {
      expect(() => verifyToken(bad, secret, 1000)).toThrow();
    }
  });

  it("keeps API tokens apart from share tokens, with their actions", () => {
    const api = issueToken(
      { kind: "api", mapId: "m1", linkId: "l", actions: ["evidence:write"], expiresAt: null },
      secret.signing,
    );
    expect(verifyToken(api, secret, 0)).toMatchObject({ kind: "api", actions: ["evidence:write"] });
  });

  it("H19: signs with the first configured key, verifies with every listed one, and names the key", () => {
    const rotating = keyRing(stored, [k2, k1]);
    const old = issueToken(claims, keyRing(stored, [k1]).signing);
    expect(verifyToken(old, rotating, 1000)).toEqual(claims);
    const fresh = issueToken(claims, rotating.signing);
    const payload = JSON.parse(Buffer.from(fresh.split(".")[1]!, "base64url").toString("utf8"));
    expect(payload.k).toBe("k2");
    expect(() => verifyToken(old, keyRing(stored, [k2]), 1000)).toThrow(/retired or unknown key/);
    // A token without a key id is checked with the stored secret only.
    const legacy = issueToken(claims, secret.signing);
    expect(verifyToken(legacy, rotating, 1000)).toEqual(claims);
    expect(() =>
      verifyToken(issueToken(claims, { id: null, secret: k2.secret }), rotating, 1000),
    ).toThrow(/signature/);
  });
});
