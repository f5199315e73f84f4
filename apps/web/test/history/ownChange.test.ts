import { describe, expect, it } from "vitest";
import { ownChange } from "../../src/history/lastSeen.ts";

describe("a person's own changes, left out of 'since your last visit'", () => {
  it("are those of their account when signed in, whatever name others use", () => {
    const mine = ownChange("acct-1", "");
    expect(mine({ author: "Ana Lima", authorId: "acct-1" })).toBe(true);
    expect(mine({ author: "Ana Lima", authorId: "guest:abc" })).toBe(false);
    expect(mine({ author: "Ana Lima" })).toBe(false);
    expect(mine(undefined)).toBe(false);
  });

  it("are those under the name a guest gave, and none when they gave none", () => {
    expect(ownChange(null, "Ben")({ author: "Ben", authorId: "guest:x" })).toBe(true);
    expect(ownChange(null, "Ben")({ author: "Bea" })).toBe(false);
    expect(ownChange(null, "")({ author: "" })).toBe(false);
  });
});
