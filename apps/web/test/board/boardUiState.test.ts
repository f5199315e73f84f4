import { describe, expect, it } from "vitest";
import { parseStoredMinimap, parseStoredZoom, toggleMember } from "../../src/board/boardUiState.ts";

describe("boardUiState", () => {
  it("reads a stored zoom, falling back to 100% for nothing or nonsense", () => {
    expect(parseStoredZoom("1.25")).toBe(1.25);
    expect(parseStoredZoom(null)).toBe(1);
    expect(parseStoredZoom("abc")).toBe(1);
    expect(parseStoredZoom("0.1")).toBe(0.1);
    expect(parseStoredZoom("0.001")).toBe(1);
    expect(parseStoredZoom("3")).toBe(1);
    expect(parseStoredZoom("Infinity")).toBe(1);
  });
  it("toggles a member without touching the original set", () => {
    const start = new Set(["a"]);
    expect([...toggleMember(start, "b")].sort()).toEqual(["a", "b"]);
    expect([...toggleMember(start, "a")]).toEqual([]);
    expect([...start]).toEqual(["a"]);
  });
});

describe("minimap preference", () => {
  it("shows the minimap unless this browser folded it", () => {
    expect(parseStoredMinimap(null)).toBe(true);
    expect(parseStoredMinimap("shown")).toBe(true);
    expect(parseStoredMinimap("hidden")).toBe(false);
  });
});
