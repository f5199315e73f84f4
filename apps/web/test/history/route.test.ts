import { describe, expect, it } from "vitest";
import { parseRoute } from "../../src/router.ts";

describe("history route", () => {
  it("parses /maps/:id/history and leaves the board route alone", () => {
    expect(parseRoute("/maps/abc_1/history")).toEqual({ page: "history", mapId: "abc_1" });
    expect(parseRoute("/maps/abc_1/history/")).toEqual({ page: "history", mapId: "abc_1" });
    expect(parseRoute("/maps/abc_1")).toEqual({ page: "board", mapId: "abc_1" });
    expect(parseRoute("/maps/a/b/history")).toEqual({ page: "notFound" });
  });
});
