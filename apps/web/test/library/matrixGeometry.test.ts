import { describe, expect, it } from "vitest";
import {
  movedBy,
  placementAt,
  positionOf,
  quadrantOf,
} from "../../src/library/cards/matrixGeometry.ts";

describe("the value/effort matrix's geometry", () => {
  const rect = { left: 100, top: 50, width: 400, height: 200 };

  it("reads value upwards and effort rightwards from a pointer, and nothing outside", () => {
    expect(placementAt(rect, 100, 250)).toEqual({ value: 0, effort: 0 });
    expect(placementAt(rect, 500, 50)).toEqual({ value: 100, effort: 100 });
    expect(placementAt(rect, 200, 100)).toEqual({ value: 75, effort: 25 });
    expect(placementAt(rect, 99, 100)).toBeNull();
    expect(placementAt(rect, 200, 251)).toBeNull();
  });

  it("draws a placement back where the pointer put it", () => {
    expect(positionOf({ value: 75, effort: 25 })).toEqual({ left: "25%", top: "25%" });
  });

  it("names the quadrants: quick wins top left, money pits bottom right", () => {
    expect(quadrantOf({ value: 90, effort: 10 })).toBe("quickWins");
    expect(quadrantOf({ value: 90, effort: 90 })).toBe("bigBets");
    expect(quadrantOf({ value: 10, effort: 10 })).toBe("fillIns");
    expect(quadrantOf({ value: 10, effort: 90 })).toBe("moneyPits");
  });

  it("moves by arrow keys in steps of 5 (1 with Shift), staying on the matrix", () => {
    expect(movedBy({ value: 50, effort: 50 }, "ArrowUp", false)).toEqual({ value: 55, effort: 50 });
    expect(movedBy({ value: 50, effort: 50 }, "ArrowLeft", true)).toEqual({
      value: 50,
      effort: 49,
    });
    expect(movedBy({ value: 98, effort: 0 }, "ArrowUp", false)).toEqual({ value: 100, effort: 0 });
    expect(movedBy({ value: 0, effort: 2 }, "ArrowLeft", false)).toEqual({ value: 0, effort: 0 });
    expect(movedBy({ value: 50, effort: 50 }, "Enter", false)).toBeNull();
  });
});
