import { describe, expect, it } from "vitest";
import { attributionText, timeAgo } from "../../src/board/attributionText.ts";

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const MIN = 60_000;

describe("attributionText", () => {
  it("R6: says who added and who last changed a thing, and how long ago", () => {
    const created = { seq: 3, ts: NOW - 3 * 24 * 60 * MIN, author: "Ana" };
    const changed = { seq: 9, ts: NOW - 5 * MIN, author: "Ben" };
    expect(attributionText({ created, changed }, NOW)).toBe(
      "Added by Ana · 3 days ago · Last changed by Ben · 5 min ago",
    );
    expect(attributionText({ created, changed: created }, NOW)).toBe("Added by Ana · 3 days ago");
    expect(attributionText({ created: { ...created, author: "server" }, changed }, NOW)).toContain(
      "Added by Journeymap",
    );
  });

  it("R6: times read as people say them", () => {
    expect(timeAgo(NOW - 10_000, NOW)).toBe("just now");
    expect(timeAgo(NOW + 10_000, NOW)).toBe("just now");
    expect(timeAgo(NOW - 61 * MIN, NOW)).toBe("1 hour ago");
    expect(timeAgo(NOW - 25 * 60 * MIN, NOW)).toBe("1 day ago");
    expect(timeAgo(Date.UTC(2026, 0, 5, 12), NOW)).toBe("on Jan 5, 2026");
  });
});
