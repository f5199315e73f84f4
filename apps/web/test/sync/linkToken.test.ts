import { ROLE } from "@journeymap/protocol";
import { describe, expect, it } from "vitest";
import { chooseLinkToken } from "../../src/sync/linkToken.ts";

const owner = { token: "owner-token", role: ROLE.owner };

describe("a token from a link", () => {
  it("H14: a token that does not open the map never replaces one that does", () => {
    expect(chooseLinkToken(owner, { token: "bogus", role: null })).toBe("keep");
  });

  it("H14: a link that gives less than we hold asks before replacing it", () => {
    expect(chooseLinkToken(owner, { token: "viewer", role: ROLE.viewer })).toBe("ask");
    expect(
      chooseLinkToken({ token: "e", role: ROLE.editor }, { token: "c", role: ROLE.commenter }),
    ).toBe("ask");
  });

  it("H14: a link that gives as much or more, or the only token we have, is adopted", () => {
    expect(
      chooseLinkToken({ token: "v", role: ROLE.viewer }, { token: "e", role: ROLE.editor }),
    ).toBe("adopt");
    expect(chooseLinkToken(owner, { token: "owner-2", role: ROLE.owner })).toBe("adopt");
    expect(chooseLinkToken(null, { token: "bogus", role: null })).toBe("adopt");
    expect(
      chooseLinkToken({ token: "revoked", role: null }, { token: "v", role: ROLE.viewer }),
    ).toBe("adopt");
    expect(chooseLinkToken(owner, owner)).toBe("keep");
  });
});
