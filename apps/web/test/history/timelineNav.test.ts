import type { Burst } from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import { burstAt, nextStop, previousStop, visibleBursts } from "../../src/history/timelineNav.ts";

const burst = (fromSeq: number, toSeq: number, author: string): Burst => ({
  fromSeq,
  toSeq,
  author,
  origin: author === "server" ? "server" : "connection",
  startTs: fromSeq,
  endTs: toSeq,
  count: toSeq - fromSeq + 1,
  bytes: 10,
});

const bursts = [burst(1, 1, "server"), burst(2, 5, "Ana"), burst(6, 6, "Ben"), burst(7, 9, "Ana")];

describe("timeline navigation", () => {
  it("finds the burst holding a row", () => {
    expect(burstAt(bursts, 4)?.author).toBe("Ana");
    expect(burstAt(bursts, 6)?.author).toBe("Ben");
    expect(burstAt(bursts, 0)).toBeNull();
  });

  it("steps burst by burst, or through one person's bursts only", () => {
    expect(nextStop(bursts, 1, null)).toBe(5);
    expect(nextStop(bursts, 5, null)).toBe(6);
    expect(nextStop(bursts, 5, "Ana")).toBe(9);
    expect(nextStop(bursts, 9, null)).toBeNull();
    expect(previousStop(bursts, 9, "Ana")).toBe(5);
    expect(previousStop(bursts, 6, null)).toBe(5);
    expect(previousStop(bursts, 1, null)).toBe(0);
    expect(visibleBursts(bursts, "Ben")).toHaveLength(1);
  });
});
