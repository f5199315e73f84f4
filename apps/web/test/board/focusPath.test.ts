import { describe, expect, it } from "vitest";
import { focusPath } from "../../src/board/focusPath.ts";

describe("links that open a map at an element (issue 19)", () => {
  it("names board elements in ?focus=, and nothing for the map itself or talk rows", () => {
    expect(focusPath("map-1", "touchpoint:t1")).toBe("/maps/map-1?focus=touchpoint%3At1");
    expect(focusPath("map-1", "cell:cell/l1/t1")).toBe("/maps/map-1?focus=cell%3Acell%2Fl1%2Ft1");
    expect(focusPath("map-1", "meta")).toBe("/maps/map-1");
    expect(focusPath("map-1", "thread:x")).toBe("/maps/map-1");
    expect(focusPath("map-1", null)).toBe("/maps/map-1");
  });
});
