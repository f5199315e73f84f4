import { describe, expect, it } from "vitest";
import { hrefWithView, parseView } from "../../src/views/viewParam.ts";

describe("view parameter", () => {
  it("reads known views and falls back to the board", () => {
    expect(parseView("?view=table")).toBe("table");
    expect(parseView("?view=insights&x=1")).toBe("insights");
    expect(parseView("")).toBe("board");
    expect(parseView("?view=TABLE")).toBe("board");
    expect(parseView("?view=<script>")).toBe("board");
  });

  it("writes the view next to other parameters and keeps the fragment", () => {
    const at = { pathname: "/maps/m1", search: "?x=1", hash: "#token=abc" };
    expect(hrefWithView(at, "table")).toBe("/maps/m1?x=1&view=table#token=abc");
    expect(hrefWithView({ ...at, search: "?view=table" }, "insights")).toBe(
      "/maps/m1?view=insights#token=abc",
    );
  });

  it("leaves the board out of the address", () => {
    expect(hrefWithView({ pathname: "/maps/m1", search: "?view=table", hash: "" }, "board")).toBe(
      "/maps/m1",
    );
  });
});
