import { describe, expect, it } from "vitest";
import { initials } from "../../src/ui/initials.ts";

describe("initials", () => {
  it("takes the first letters of up to two words", () => {
    expect(initials("maya  chen lee")).toBe("MC");
    expect(initials("Ana")).toBe("A");
    expect(initials("  ")).toBe("");
  });

  it("uses letters only, skipping punctuation (B11)", () => {
    expect(initials("Ana (PM)")).toBe("AP");
    expect(initials("— Bob")).toBe("B");
    expect(initials("élodie roux")).toBe("ÉR");
  });
});
