import { describe, expect, it } from "vitest";
import {
  MIN_ZOOM,
  scrollKeepingPoint,
  zoomByWheel,
  zoomIn,
  zoomOut,
  zoomToFit,
  OVERVIEW_BELOW,
  OVERVIEW_LEAD,
  zoomToShow,
} from "../../src/board/zoom.ts";

describe("zoom", () => {
  it("steps through the levels and stops at the ends", () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    expect(zoomIn(1.5)).toBe(1.5);
    expect(zoomOut(0.5)).toBe(0.33);
    expect(zoomOut(0.1)).toBe(0.1);
    expect(zoomIn(0.95)).toBe(1);
    // From a fitted zoom between levels, to the next level either way.
    expect(zoomIn(0.137)).toBe(0.15);
    expect(zoomOut(0.137)).toBe(0.1);
  });
  it("fits the whole map in the window, however long, never enlarging it", () => {
    expect(zoomToFit(2000, 1000)).toBe(0.5);
    expect(zoomToFit(1200, 1000)).toBe(0.833);
    expect(zoomToFit(500, 1000)).toBe(1);
    // A 30-phase map (30 columns of 220 px after the 184 px lane names) in 1000 px.
    const thirty = zoomToFit(184 + 30 * 220 + 160, 1000);
    expect(thirty).toBeLessThan(0.5);
    expect((184 + 30 * 220 + 160) * thirty).toBeLessThanOrEqual(1000);
    expect(zoomToFit(10_000_000, 1000)).toBe(MIN_ZOOM);
  });
  it("keeps the lane names readable in the overview: the columns share what is left", () => {
    // 30 columns after 184 px of lane names in 1240 px: the names keep OVERVIEW_LEAD screen px.
    const zoom = zoomToFit(184 + 30 * 220, 1240, 184);
    expect(zoom).toBeLessThan(OVERVIEW_BELOW);
    expect(OVERVIEW_LEAD + 30 * 220 * zoom).toBeLessThanOrEqual(1240);
    expect(OVERVIEW_LEAD + 30 * 220 * zoom).toBeGreaterThan(1235);
    // A map that fits without the overview is fitted as before.
    expect(zoomToFit(2000, 1000, 184)).toBe(0.5);
    expect(zoomToFit(10_000_000, 1000, 184)).toBe(MIN_ZOOM);
  });
  it("zooms by wheel in proportion to the delta, within the bounds", () => {
    expect(zoomByWheel(1, -100)).toBeGreaterThan(1.1);
    expect(zoomByWheel(1, 100)).toBeLessThan(0.9);
    expect(zoomByWheel(1, 0)).toBe(1);
    expect(zoomByWheel(0.03, 10_000)).toBe(MIN_ZOOM);
    expect(zoomByWheel(1.4, -10_000)).toBe(1.5);
  });
  it("keeps the point under the pointer in place when zooming", () => {
    // At 100 %, board x = 500 + 300 = 800 under the pointer; at 50 % it is at 400 - 300.
    expect(scrollKeepingPoint(500, 300, 1, 0.5)).toBe(100);
    expect(scrollKeepingPoint(0, 300, 1, 2)).toBe(300);
    // Never a negative scroll.
    expect(scrollKeepingPoint(0, 300, 1, 0.5)).toBe(0);
  });
});

describe("zoom to show another's view", () => {
  it("shows all of another's steps when we are in the overview and they are not", () => {
    // Their 50 % view of a 1265 px window in our 1009 px: ours is the overview, whose lane
    // names keep OVERVIEW_LEAD screen px, so the columns get what is left.
    const theirs = 1265 / 0.5;
    const zoom = zoomToShow(theirs, 1009, 184);
    expect(zoom).toBeLessThan(OVERVIEW_BELOW);
    expect((1009 - OVERVIEW_LEAD) / zoom).toBeGreaterThanOrEqual(theirs - 184);
  });
  it("scales the presenter's viewport into ours", () => {
    // Same window, presenter at 50 %: they see 2,000 board px across 1,000 px; so must we.
    expect(zoomToShow(2000, 1000)).toBe(0.5);
    // Our window is half theirs at the same 100 %: we go to 50 %.
    expect(zoomToShow(1400, 700)).toBe(0.5);
    // They zoomed in to 150 % on a 1,200 px window (800 board px): we follow in.
    expect(zoomToShow(800, 1200)).toBe(1.5);
    expect(zoomToShow(0, 1200)).toBe(1.5);
  });
});
