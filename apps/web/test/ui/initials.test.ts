import { describe, expect, it } from "vitest";
import { initials } from "../../src/ui/initials.ts";

describe("initials", () => {
  it("takes the first letters of up to two words", () => {
    expect(initials("maya  chen lee")).toBe("MC");
    expect(initials("Ana")).toBe("A");
    expect(initials("  ")).toBe("");
  });
});
