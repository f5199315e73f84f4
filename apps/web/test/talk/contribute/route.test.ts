import { describe, expect, it } from "vitest";
import { parseRoute } from "../../../src/router.ts";

describe("contributor route", () => {
  it("parses /contribute/<mapId> and refuses other shapes", () => {
    expect(parseRoute("/contribute/abc_DEF-123")).toEqual({
      page: "contribute",
      mapId: "abc_DEF-123",
    });
    expect(parseRoute("/contribute/abc/")).toEqual({ page: "contribute", mapId: "abc" });
    expect(parseRoute("/contribute/../maps")).toEqual({ page: "notFound" });
    expect(parseRoute("/contribute/")).toEqual({ page: "notFound" });
  });
});
