import { describe, expect, it } from "vitest";
import { curvePath, scoreToY, sentimentColour, yToScore } from "./curve.ts";

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
