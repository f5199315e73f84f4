/** Waiting for a live board to be closed when its person's access changes, and checking how. */
import { CLOSE, type CloseReason } from "@journeymap/protocol";
import { expect } from "vitest";
import type { Client } from "./clients.ts";

/** The bound: a person's board follows a change of their access within a second. */
export const CLOSED_WITHIN_MS = 1000;

/**
 * The next close of the provider's socket: its code, and when the provider first heard of it
 * (the document's close message, which comes as code 1000 with our reason, then the socket's).
 */
export function nextClose(client: Client): Promise<{ code: number; at: number }> {
  let first: number | null = null;
  return new Promise((resolve) =>
    client.provider.on("close", ({ event }: { event: { code: number } }) => {
      first ??= performance.now();
      if (event.code !== 1000) resolve({ code: event.code, at: first });
    }),
  );
}

/**
 * Makes `change` (a request that must succeed) and expects `board` closed for `reason` within
 * a second of its answer.
 */
export async function expectClosedBy(
  board: Client,
  reason: CloseReason,
  change: () => Promise<{ status: number }>,
): Promise<void> {
  const closed = nextClose(board);
  const answer = await change();
  const answeredAt = performance.now();
  expect(answer.status).toBe(200);
  const { code, at } = await closed;
  expect(code).toBe(CLOSE[reason].code);
  expect(at - answeredAt).toBeLessThan(CLOSED_WITHIN_MS);
}
