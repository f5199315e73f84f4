import { describe, expect, it } from "vitest";
import { mapIdOfLink, parentMapIdOf, subJourneyPath } from "../../src/hierarchy/subMapLink.ts";

describe("sub-journey links", () => {
  it("reads the map of a pasted link, path or bare id", () => {
    expect(mapIdOfLink("https://maps.example.com/maps/Abc123_-xyz#token=t.t.t")).toBe(
      "Abc123_-xyz",
    );
    expect(mapIdOfLink("  /maps/Abc123_-xyz/history ")).toBe("Abc123_-xyz");
    expect(mapIdOfLink("/maps/Abc123_-xyz?from=other1234")).toBe("Abc123_-xyz");
    expect(mapIdOfLink("Abc123_-xyz")).toBe("Abc123_-xyz");
  });

  it("refuses what names no map", () => {
    for (const text of ["", "short", "https://example.com/", "/maps/a b c", "/maps/../etc"])
      expect(mapIdOfLink(text)).toBeNull();
  });

  it("carries the parent in the sub-journey's address and reads it back", () => {
    const path = subJourneyPath("subMap_0001", "parent_0001");
    expect(path).toBe("/maps/subMap_0001?from=parent_0001");
    expect(parentMapIdOf(new URL(path, "http://x").search)).toBe("parent_0001");
    expect(parentMapIdOf("?from=../../x")).toBeNull();
    expect(parentMapIdOf("")).toBeNull();
  });
});
