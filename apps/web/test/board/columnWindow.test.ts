import { parseElementKey } from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import {
  columnOfElement,
  columnRange,
  covers,
  fitRange,
  MOMENTS_WINDOW,
  renderedColumns,
  SCROLLING_WINDOW,
  WINDOW_MIN_COLUMNS,
  WINDOW_STEP,
  visibleRange,
  type WindowGeometry,
} from "../../src/board/columnWindow.ts";

const BIG: WindowGeometry = {
  scrollLeft: 0,
  viewportWidth: 1600,
  zoom: 1,
  columnWidth: 220,
  leadingWidth: 184,
  count: 300,
  overscan: 1600,
};

/** Columns whose box [184 + i·220, 184 + (i+1)·220) intersects [from, to), at zoom 1. */
function intersecting(from: number, to: number, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const left = 184 + i * 220;
    if (left < to && left + 220 > from) out.push(i);
  }
  return out;
}

describe("column window", () => {
  it("renders every column of a small board", () => {
    expect(columnRange({ ...BIG, count: WINDOW_MIN_COLUMNS, scrollLeft: 5000 })).toEqual({
      first: 0,
      last: WINDOW_MIN_COLUMNS - 1,
    });
  });

  it("covers the viewport and the overscan on a big board, and little more", () => {
    for (const scrollLeft of [0, 1000, 12_345, 30_000, 64_000]) {
      const range = columnRange({ ...BIG, scrollLeft });
      const needed = intersecting(scrollLeft - 1600, scrollLeft + 1600 + 1600, 300);
      expect(range.first).toBeLessThanOrEqual(needed[0]!);
      expect(range.last).toBeGreaterThanOrEqual(needed[needed.length - 1]!);
      // Snapping adds less than one step on each side.
      expect(range.last - range.first + 1).toBeLessThanOrEqual(needed.length + 2 * WINDOW_STEP);
      expect(range.first % WINDOW_STEP).toBe(0);
    }
  });

  it("names exactly the columns the viewport shows, which the window always covers", () => {
    for (const scrollLeft of [0, 100, 12_345, 30_000, 64_400]) {
      const visible = visibleRange({ ...BIG, scrollLeft });
      const needed = intersecting(scrollLeft, scrollLeft + 1600, 300);
      expect(visible).toEqual({ first: needed[0], last: needed[needed.length - 1] });
      expect(covers(columnRange({ ...BIG, scrollLeft }), visible)).toBe(true);
    }
    // A window left behind by a far jump does not cover the new view.
    expect(covers(columnRange(BIG), visibleRange({ ...BIG, scrollLeft: 30_000 }))).toBe(false);
    expect(covers({ first: 0, last: 10 }, { first: 5, last: 4 })).toBe(true);
  });

  it("renders half the columns for the history's board, still covering what it shows (issue 16, R7)", () => {
    // The history page at 1600 px: a board about 1,240 px wide at 85 %.
    const history = { ...BIG, viewportWidth: 1240, zoom: 0.85, count: 60 };
    const spec = (s: typeof SCROLLING_WINDOW) => ({
      overscan: s.overscan(history.viewportWidth),
      step: s.step,
    });
    for (const scrollLeft of [0, 900, 4_000, 10_000]) {
      const at = { ...history, scrollLeft };
      const live = columnRange({ ...at, ...spec(SCROLLING_WINDOW) });
      const moments = columnRange({ ...at, ...spec(MOMENTS_WINDOW) });
      const width = (r: { first: number; last: number }) => r.last - r.first + 1;
      expect(covers(moments, visibleRange(at)), `at ${scrollLeft}`).toBe(true);
      // About 7 columns show: the live board's window holds 16–33, the history's at most 17.
      expect(width(live), `at ${scrollLeft}`).toBeGreaterThanOrEqual(16);
      expect(width(moments), `at ${scrollLeft}`).toBeLessThan(width(live));
      expect(width(moments), `at ${scrollLeft}`).toBeLessThanOrEqual(17);
    }
    expect(columnRange({ ...history, ...spec(MOMENTS_WINDOW) })).toEqual({ first: 0, last: 7 });
  });

  it("stays inside the board at both ends", () => {
    expect(columnRange({ ...BIG, scrollLeft: 0 }).first).toBe(0);
    expect(columnRange({ ...BIG, scrollLeft: 10_000_000 })).toEqual({ first: 299, last: 299 });
    expect(columnRange({ ...BIG, scrollLeft: 66_000 - 1600 }).last).toBe(299);
  });

  it("scales with zoom: at 50 % twice as many columns fit", () => {
    const full = columnRange({ ...BIG, scrollLeft: 20_000, overscan: 0 });
    const half = columnRange({ ...BIG, scrollLeft: 10_000, zoom: 0.5, overscan: 0 });
    // Both cover their viewport (in board pixels: scrollLeft / zoom, 1600 / zoom wide), and
    // the one at 50 % spans twice the board.
    const fullNeeded = intersecting(20_000, 21_600, 300);
    const halfNeeded = intersecting(20_000, 23_200, 300);
    expect(full.first).toBeLessThanOrEqual(fullNeeded[0]!);
    expect(full.last).toBeGreaterThanOrEqual(fullNeeded[fullNeeded.length - 1]!);
    expect(half.first).toBeLessThanOrEqual(halfNeeded[0]!);
    expect(half.last).toBeGreaterThanOrEqual(halfNeeded[halfNeeded.length - 1]!);
    expect(half.last - half.first).toBeGreaterThan(full.last - full.first);
    // The same board position is in both.
    expect(half.first).toBeLessThanOrEqual(full.first);
  });

  it("moves only in whole steps while scrolling", () => {
    let changes = 0;
    let previous = columnRange(BIG);
    for (let scrollLeft = 0; scrollLeft <= 22_000; scrollLeft += 10) {
      const next = columnRange({ ...BIG, scrollLeft });
      if (next.first !== previous.first || next.last !== previous.last) changes++;
      previous = next;
    }
    // 22,000 px is 100 columns: about one change per step, not one per scroll event.
    expect(changes).toBeLessThanOrEqual(100 / WINDOW_STEP + 2);
    expect(changes).toBeGreaterThan(0);
  });

  it("adds pinned columns outside the window, in order and once", () => {
    expect(renderedColumns({ first: 10, last: 13 }, [2, 12, 250, 2, -1])).toEqual([
      2, 10, 11, 12, 13, 250,
    ]);
    expect(renderedColumns({ first: 0, last: 2 }, [])).toEqual([0, 1, 2]);
  });

  it("finds the column of every kind of presence key", () => {
    const columnOf = (id: string) => ({ a: 0, b: 7 })[id] ?? -1;
    const cardStep = (id: string) => (id === "c1" ? "b" : undefined);
    const phaseStart = (id: string) => (id === "p1" ? 3 : -1);
    const of = (key: string) => {
      const ref = parseElementKey(key);
      return ref ? columnOfElement(ref, columnOf, cardStep, phaseStart) : -1;
    };
    expect(of("touchpoint:b")).toBe(7);
    expect(of("cell:cell/lane-actions/b")).toBe(7);
    expect(of("point:persona-1/a")).toBe(0);
    expect(of("card:c1")).toBe(7);
    expect(of("card:missing")).toBe(-1);
    expect(of("phase:p1")).toBe(3);
    expect(of("lane:x")).toBe(-1);
    expect(of("nonsense")).toBe(-1);
  });

  it("never names a column the board no longer has", () => {
    // A six-column board whose last phase was just removed (undo): the window still says 0..5.
    expect(fitRange({ first: 0, last: 5 }, 5)).toEqual({ first: 0, last: 4 });
    expect(fitRange({ first: 290, last: 299 }, 250)).toEqual({ first: 249, last: 249 });
    expect(fitRange({ first: 10, last: 40 }, 200)).toEqual({ first: 10, last: 40 });
    expect(fitRange({ first: 0, last: 0 }, 0)).toEqual({ first: 0, last: -1 });
    expect(renderedColumns(fitRange({ first: 0, last: 0 }, 0), [])).toEqual([]);
  });
});
