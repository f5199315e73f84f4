import { describe, expect, it } from "vitest";
import * as nav from "../../src/history/timelineNav.ts";
import { BURSTS as bursts } from "../support/burstFixture.ts";

describe("timeline navigation", () => {
  it("finds the burst holding a row", () => {
    expect(nav.burstAt(bursts, 4)?.author).toBe("Ana");
    expect(nav.burstAt(bursts, 6)?.author).toBe("Ben");
    expect(nav.burstAt(bursts, 0)).toBeNull();
  });

  it("steps burst by burst, or through one person's bursts only", () => {
    expect(nav.nextStop(bursts, 1, null)).toBe(5);
    expect(nav.nextStop(bursts, 5, null)).toBe(6);
    expect(nav.nextStop(bursts, 5, "Ana")).toBe(9);
    expect(nav.nextStop(bursts, 9, null)).toBeNull();
    expect(nav.previousStop(bursts, 9, "Ana")).toBe(5);
    expect(nav.previousStop(bursts, 6, null)).toBe(5);
    expect(nav.previousStop(bursts, 1, null)).toBe(0);
    expect(nav.visibleBursts(bursts, "Ben")).toHaveLength(1);
  });

  // Issue 16, R3: the buttons jumped from edit 3 to the end of the burst with no way to go
  // edit by edit.
  it("steps edit by edit, inside a burst too, and skips other people's edits under a filter", () => {
    expect(nav.nextEdit(bursts, 3, null)).toBe(4);
    expect(nav.nextEdit(bursts, 5, null)).toBe(6);
    expect(nav.nextEdit(bursts, 5, "Ana")).toBe(7);
    expect(nav.nextEdit(bursts, 9, null)).toBeNull();
    expect(nav.previousEdit(bursts, 4, null)).toBe(3);
    expect(nav.previousEdit(bursts, 7, "Ana")).toBe(5);
    expect(nav.previousEdit(bursts, 2, "Ana")).toBe(0);
    expect(nav.previousEdit(bursts, 1, null)).toBe(0);
  });
});
