import { describe, expect, it } from "vitest";
import { describePlace } from "../../src/history/places.ts";

describe("places", () => {
  it("names the place in words", () => {
    expect(describePlace("Ana", "history")).toBe("Ana, in the history");
    expect(describePlace("Ben", "board")).toBe("Ben, on the board");
  });
});
