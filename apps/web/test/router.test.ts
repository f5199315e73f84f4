import { describe, expect, it } from "vitest";
import { parseRoute } from "../src/router.ts";

describe("routes", () => {
  it("parses the map list, boards and unknown paths", () => {
    expect(parseRoute("/")).toEqual({ page: "maps" });
    expect(parseRoute("/maps/abc_DEF-123")).toEqual({ page: "board", mapId: "abc_DEF-123" });
    expect(parseRoute("/maps/abc/")).toEqual({ page: "board", mapId: "abc" });
    expect(parseRoute("/maps/abc/present")).toEqual({ page: "present", mapId: "abc" });
    expect(parseRoute("/maps/../etc")).toEqual({ page: "notFound" });
    expect(parseRoute("/nope")).toEqual({ page: "notFound" });
  });
});
