import { describe, expect, it } from "vitest";
import { parseRoute, returnPath, withNext } from "../src/router.ts";

describe("routes", () => {
  it("parses the map list, boards and unknown paths", () => {
    expect(parseRoute("/")).toEqual({ page: "maps" });
    expect(parseRoute("/maps/abc_DEF-123")).toEqual({ page: "board", mapId: "abc_DEF-123" });
    expect(parseRoute("/maps/abc/")).toEqual({ page: "board", mapId: "abc" });
    expect(parseRoute("/maps/abc/present")).toEqual({ page: "present", mapId: "abc" });
    expect(parseRoute("/maps/abc/compare")).toEqual({ page: "compare", mapId: "abc" });
    expect(parseRoute("/maps/../etc")).toEqual({ page: "notFound" });
    expect(parseRoute("/nope")).toEqual({ page: "notFound" });
  });

  it("parses the sign-in pages and the admin page", () => {
    expect(parseRoute("/maps")).toEqual({ page: "maps" });
    expect(parseRoute("/sign-in")).toEqual({ page: "sign-in" });
    expect(parseRoute("/sign-up/")).toEqual({ page: "sign-up" });
    expect(parseRoute("/forgot-password")).toEqual({ page: "forgot-password" });
    expect(parseRoute("/reset-password")).toEqual({ page: "reset-password" });
    expect(parseRoute("/admin")).toEqual({ page: "admin" });
    expect(parseRoute("/sign-in/more")).toEqual({ page: "notFound" });
  });

  it("goes back only to a page of this app after signing in", () => {
    expect(returnPath("/maps/abc")).toBe("/maps/abc");
    expect(returnPath("/admin?x=1")).toBe("/admin?x=1");
    for (const elsewhere of [
      null,
      "",
      "https://evil.test/",
      "//evil.test/x",
      "/\\evil.test",
      "javascript:alert(1)",
    ])
      expect(returnPath(elsewhere)).toBe("/");
    expect(withNext("/sign-in", "/")).toBe("/sign-in");
    expect(withNext("/sign-in", "/maps/a b")).toBe("/sign-in?next=%2Fmaps%2Fa%20b");
  });
});
