import { describe, expect, it } from "vitest";
import { issueToken, verifyToken } from "../src/auth/tokens.ts";

const secret = new Uint8Array(32).fill(7);
const other = new Uint8Array(32).fill(8);

describe("share tokens", () => {
  const claims = {
    kind: "share",
    mapId: "map12345",
    linkId: "link1",
    role: "editor",
    expiresAt: 2000,
  } as const;

  it("round-trips claims", () => {
    expect(verifyToken(issueToken(claims, secret), secret, 1000)).toEqual(claims);
  });

  it("rejects tampered, foreign, expired and malformed tokens", () => {
    const token = issueToken(claims, secret);
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
      secret,
    );
    expect(verifyToken(api, secret, 0)).toMatchObject({ kind: "api", actions: ["evidence:write"] });
  });
});
