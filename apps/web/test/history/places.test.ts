import { describe, expect, it } from "vitest";
import { describePlace, placesOf } from "../../src/history/places.ts";

describe("placesOf", () => {
  it("puts people marked as in the history there and everyone else on the board", () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: "Ana" }, place: "history" }],
      [2, { user: { name: "Ben" } }],
      [3, { user: { name: "Eve" }, place: { toString: () => "history" } }],
      [4, { user: { name: "Kim" }, place: "HISTORY" }],
    ]);
    expect([...placesOf(states)]).toEqual([
      [1, "history"],
      [2, "board"],
      [3, "board"],
      [4, "board"],
    ]);
  });

  it("names the place in words", () => {
    expect(describePlace("Ana", "history")).toBe("Ana, in the history");
    expect(describePlace("Ben", "board")).toBe("Ben, on the board");
  });
});
