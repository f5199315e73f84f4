import { describe, expect, it } from "vitest";
import { canEdit, canSync, canTalk, isRole, opensReadOnly, ROLES } from "../src/roles.ts";

describe("roles", () => {
  it("decide who edits, talks, syncs and opens the map read-only", () => {
    const which = (rule: (role: (typeof ROLES)[number]) => boolean) => ROLES.filter(rule);
    expect(which(canEdit)).toEqual(["owner", "editor"]);
    expect(which(canTalk)).toEqual(["owner", "editor", "commenter"]);
    expect(which(canSync)).toEqual(["owner", "editor", "commenter", "viewer"]);
    expect(which(opensReadOnly)).toEqual(["commenter", "viewer"]);
  });

  it("recognise only the five role names", () => {
    expect(ROLES.every(isRole)).toBe(true);
    expect([undefined, "api", "Owner", 1].some(isRole)).toBe(false);
  });
});
