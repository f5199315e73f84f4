import { describe, expect, it } from "vitest";
import { pageColumns } from "../../src/export/pdfMapPages.ts";

/** What an A4 landscape page leaves for the map below its title and legend, in points. */
const A4_AREA = { width: 762, height: 450 };
const A3_AREA = { width: 1110, height: 690 };
const sliceWidth = (columns: number) => 2 * 32 + 184 + columns * 220;

describe("pageColumns", () => {
  it("gives a map with no steps one page (it used to loop forever and hang the tab)", () => {
    expect(pageColumns(0, A4_AREA, 881)).toEqual([[0, 0]]);
  });

  it("spreads columns evenly over the pages (5/4/4, not 5/5/3) and covers each once", () => {
    const ranges = pageColumns(13, A4_AREA, 400);
    expect(ranges.length).toBeGreaterThan(1);
    expect(ranges[0]?.[0]).toBe(0);
    expect(ranges.at(-1)?.[1]).toBe(13);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]?.[0]).toBe(ranges[i - 1]?.[1]);
    const sizes = ranges.map(([from, to]) => to - from);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it("fills the page with a tall map instead of leaving a third of it empty (A4 used 4 steps)", () => {
    for (const area of [A4_AREA, A3_AREA]) {
      const ranges = pageColumns(12, area, 881);
      for (const [from, to] of ranges) {
        const width = sliceWidth(to - from);
        const scale = Math.min(area.width / width, area.height / 881);
        expect(width * scale).toBeGreaterThan(0.9 * area.width);
        expect(881 * scale).toBeGreaterThan(0.85 * area.height);
      }
    }
  });

  it("keeps a short map legible rather than squeezing it onto one page", () => {
    const ranges = pageColumns(12, A3_AREA, 300);
    const widest = Math.max(...ranges.map(([from, to]) => to - from));
    expect(A3_AREA.width / sliceWidth(widest)).toBeGreaterThanOrEqual(0.58 * 0.9);
  });
});
