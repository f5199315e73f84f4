import { describe, expect, it } from "vitest";
import {
  columnRuns,
  curvePath,
  curvePathOverRuns,
  lastPointInRuns,
  pointsForColumns,
  scoreToY,
  sentimentColour,
  yToScore,
} from "../../src/board/curve.ts";

const geometry = { height: 200, padding: 20 };

describe("emotion curve geometry", () => {
  it("maps the scale onto the lane, top positive, bottom negative", () => {
    expect(scoreToY(3, geometry)).toBe(20);
    expect(scoreToY(-3, geometry)).toBe(180);
    expect(scoreToY(0, geometry)).toBe(100);
  });

  it("snaps a dragged y to the nearest score and clamps outside the lane", () => {
    for (let s = -3; s <= 3; s++) expect(yToScore(scoreToY(s, geometry) + 5, geometry)).toBe(s);
    expect(yToScore(-50, geometry)).toBe(3);
    expect(yToScore(900, geometry)).toBe(-3);
  });

  it("draws a path only through two or more points", () => {
    expect(curvePath([{ x: 0, y: 0 }])).toBe("");
    expect(
      curvePath([
        { x: 0, y: 0 },
        { x: 10, y: 5 },
      ]),
    ).toMatch(/^M0,0/);
  });

  it("names a sentiment colour per score", () => {
    expect(sentimentColour(-2)).toBe("var(--sentiment-n2)");
    expect(sentimentColour(0)).toBe("var(--sentiment-0)");
    expect(sentimentColour(3)).toBe("var(--sentiment-p3)");
  });
});

describe("curve points for a window of columns", () => {
  const points = Array.from({ length: 40 }, (_, i) => ({
    i,
    x: i * 220 + 110,
    y: 50 + 40 * Math.sin(i * 1.7),
  }));
  // The path's cubic segments, keyed by their end point's x.
  const segments = (d: string) =>
    new Map(
      [...d.matchAll(/C([^C]+)/g)].map((m) => {
        const nums = m[1]!.split(/[ ,]/).filter(Boolean).map(Number);
        return [Math.round(nums[4]!), nums.map((n) => n.toFixed(6)).join(",")] as const;
      }),
    );

  it("draws the window's segments exactly as the whole curve does", () => {
    const whole = segments(curvePath(points));
    const sliced = pointsForColumns(points, 10, 20);
    expect(sliced[0]!.i).toBe(8);
    expect(sliced[sliced.length - 1]!.i).toBe(22);
    const part = segments(curvePath(sliced));
    // Segments ending at columns 11..20 (all segments between the window's columns).
    for (let column = 11; column <= 20; column++) {
      const x = column * 220 + 110;
      expect(part.get(x)).toBe(whole.get(x));
    }
  });

  it("keeps the ends and skips columns without points", () => {
    expect(pointsForColumns(points, 0, 3).map((p) => p.i)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(pointsForColumns(points, 38, 60).map((p) => p.i)).toEqual([36, 37, 38, 39]);
    const gappy = points.filter((p) => p.i % 3 === 0);
    expect(pointsForColumns(gappy, 10, 14).map((p) => p.i)).toEqual([6, 9, 12, 15, 18]);
    expect(pointsForColumns(points, 100, 120)).toEqual(points.slice(38));
  });

  it("splits the rendered columns into runs, merging runs the extra points would overlap", () => {
    expect(columnRuns([])).toEqual([]);
    expect(columnRuns([3, 4, 5, 6])).toEqual([[3, 6]]);
    // A pinned column far to the left of the window: two runs, not one from 2 to 33.
    expect(columnRuns([2, 28, 29, 30, 31, 32, 33])).toEqual([
      [2, 2],
      [28, 33],
    ]);
    expect(columnRuns([2, 6, 7])).toEqual([[2, 7]]);
    expect(columnRuns([2, 7, 8])).toEqual([
      [2, 2],
      [7, 8],
    ]);
  });

  it("draws nothing between a pinned column and the window", () => {
    const d = curvePathOverRuns(points, columnRuns([2, 28, 29, 30, 31, 32, 33]));
    expect(d.match(/M/g)).toHaveLength(2);
    const xs = [...d.matchAll(/-?\d+(\.\d+)?/g)]
      .map((m) => Number(m[0]))
      .filter((_, k) => k % 2 === 0);
    // Columns 0..4 (the pinned one and 2 either side) and 26..35, nothing between.
    const between = xs.filter((x) => x > 4 * 220 + 110 + 1 && x < 26 * 220 + 110 - 1);
    expect(between).toEqual([]);
    // Over each run, the same segments as the whole curve.
    const whole = segments(curvePath(points));
    const part = segments(d.split("M")[2]!.replace(/^/, "M"));
    for (let column = 29; column <= 33; column++) {
      const x = column * 220 + 110;
      expect(part.get(x)).toBe(whole.get(x));
    }
  });
});

describe("where a curve's name goes", () => {
  it("names a curve at its last point inside the drawn runs", () => {
    const points = [1, 3, 5, 9, 12].map((i) => ({ i, x: i * 10, y: 0 }));
    expect(lastPointInRuns(points, [[0, 6]])?.i).toBe(5);
    expect(
      lastPointInRuns(points, [
        [0, 2],
        [8, 10],
      ])?.i,
    ).toBe(9);
    expect(lastPointInRuns(points, [[6, 8]])).toBeUndefined();
  });
});
