/** Bursts for the history tests: the server's seed, then Ana, Ben and Ana again. */
import type { Burst } from "@journeymap/schema";

export const burst = (fromSeq: number, toSeq: number, author: string): Burst => ({
  fromSeq,
  toSeq,
  author,
  origin: author === "server" ? "server" : "connection",
  startTs: fromSeq,
  endTs: toSeq,
  count: toSeq - fromSeq + 1,
  bytes: 10,
});

export const BURSTS: readonly Burst[] = [
  burst(1, 1, "server"),
  burst(2, 5, "Ana"),
  burst(6, 6, "Ben"),
  burst(7, 9, "Ana"),
];
