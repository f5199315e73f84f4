import { describe, expect, it } from "vitest";
import { pageColumns } from "../../src/export/buildPdf.ts";

const A4_LANDSCAPE = 842;

describe("pageColumns", () => {
  it("gives a map with no steps one page (it used to loop forever and hang the tab)", () => {
    expect(pageColumns(0, A4_LANDSCAPE)).toEqual([[0, 0]]);
  });

  it("spreads columns evenly over the pages (5/4/4, not 5/5/3) and covers each once", () => {
    const ranges = pageColumns(13, A4_LANDSCAPE);
    expect(ranges[0]?.[0]).toBe(0);
    expect(ranges.at(-1)?.[1]).toBe(13);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]?.[0]).toBe(ranges[i - 1]?.[1]);
    const sizes = ranges.map(([from, to]) => to - from);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
});
