import { describe, expect, it } from "vitest";
import { ZOOM_LEVELS, zoomIn, zoomOut, zoomToFit } from "../../src/board/zoom.ts";

describe("zoom", () => {
  it("steps through the levels and stops at the ends", () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    expect(zoomIn(1.5)).toBe(1.5);
    expect(zoomOut(0.5)).toBe(0.5);
    expect(zoomIn(0.95)).toBe(1);
  });
  it("fits the whole map in the window, never enlarging it", () => {
    expect(zoomToFit(2000, 1000)).toBe(0.5);
    expect(zoomToFit(1200, 1000)).toBe(0.75);
    expect(zoomToFit(500, 1000)).toBe(1);
    expect(zoomToFit(100_000, 1000)).toBe(ZOOM_LEVELS[0]);
  });
});
