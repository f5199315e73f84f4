import { describe, expect, it } from "vitest";
import { readPeers } from "../../src/sync/presence/presenceState.ts";

const user = { name: "Ana", colour: "#2563eb" };
const viewportOf = (viewport: unknown) =>
  readPeers(new Map([[2, { user, viewport }]]), 1)[0]?.viewport;

describe("a peer's viewport", () => {
  it("carries its size in board pixels when both are sane (follow mode scales it)", () => {
    expect(viewportOf({ left: 10, top: 20, width: 1200, height: 700 })).toEqual({
      left: 10,
      top: 20,
      width: 1200,
      height: 700,
    });
  });
  it("drops a size that is missing, partial, zero or not a number (older clients)", () => {
    expect(viewportOf({ left: 1, top: 2 })).toEqual({ left: 1, top: 2 });
    expect(viewportOf({ left: 1, top: 2, width: 900 })).toEqual({ left: 1, top: 2 });
    expect(viewportOf({ left: 1, top: 2, width: 0, height: 5 })).toEqual({ left: 1, top: 2 });
    expect(viewportOf({ left: 1, top: 2, width: "9", height: Infinity })).toEqual({
      left: 1,
      top: 2,
    });
    expect(viewportOf({ top: 2 })).toBeNull();
  });
});
