/**
 * A canary for attack tests: two real providers on their own map keep editing through the
 * server while an attack runs; their edits must keep flowing. The server runs in the test's
 * process, so a blocked server loop also shows as event-loop delay here: the report carries
 * both the worst edit latency (A writes, B sees it) and the worst loop stall.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { MapEditor, readJourneyMap } from "@journeymap/schema";
import { expect } from "vitest";
import { mapDocumentName } from "@journeymap/protocol";
import { connect } from "./clients.ts";
import { createMap } from "./maps.ts";

export interface CanaryReport {
  /** Edits A made while the canary ran. */
  readonly sent: number;
  /** Edits B saw arrive. */
  readonly delivered: number;
  /** Worst time from A's edit to B seeing it, including edits still in flight at the end. */
  readonly maxLatencyMs: number;
  /** Worst event-loop stall of this process (the server's loop) while the canary ran. */
  readonly maxLoopDelayMs: number;
}

export interface Canary {
  stop(): Promise<CanaryReport>;
}

/**
 * Generous bounds for a loaded 2-core CI machine running four suites at once: far below what
 * the attacks used to cause (stalls of seconds), far above scheduling noise.
 */
export const CANARY_MAX_LATENCY_MS = 2000;
export const CANARY_MAX_LOOP_DELAY_MS = 1000;

export async function startCanary(
  server: { url: string; wsUrl: string },
  intervalMs = 50,
): Promise<Canary> {
  const mapId = await createMap(server);
  const a = await connect(server, mapDocumentName(mapId), undefined, "Canary A");
  const b = await connect(server, mapDocumentName(mapId), undefined, "Canary B");
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  // sentAt[n]: when A wrote title "canary n"; B may see several at once (merged broadcasts).
  const sentAt: number[] = [];
  let delivered = 0;
  let maxLatencyMs = 0;
  const onUpdate = () => {
    const match = /^canary (\d+)$/.exec(readJourneyMap(b.doc).meta.title);
    if (!match) return;
    const seen = Number(match[1]);
    const now = performance.now();
    for (; delivered <= seen; delivered++) {
      maxLatencyMs = Math.max(maxLatencyMs, now - (sentAt[delivered] ?? now));
    }
  };
  b.doc.on("update", onUpdate);
  const send = () => {
    sentAt.push(performance.now());
    new MapEditor(a.doc).updateMeta({ title: `canary ${sentAt.length - 1}` });
  };
  const timer = setInterval(send, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      // One more edit after the attack, so the server is shown still serving others even when
      // the attack took less than one interval (CI: a quota test ended in 108 ms, none sent).
      send();
      const deadline = performance.now() + CANARY_MAX_LATENCY_MS;
      while (delivered < sentAt.length && performance.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      // Edits that never arrived count as late as the wait allowed.
      const now = performance.now();
      for (let n = delivered; n < sentAt.length; n++) {
        maxLatencyMs = Math.max(maxLatencyMs, now - (sentAt[n] ?? now));
      }
      loop.disable();
      b.doc.off("update", onUpdate);
      a.destroy();
      b.destroy();
      return {
        sent: sentAt.length,
        delivered,
        maxLatencyMs,
        maxLoopDelayMs: loop.max / 1e6,
      };
    },
  };
}

/** The canary's edits all arrived, none late, and the server's loop never stalled long. */
export function expectCanaryHealthy(report: CanaryReport): void {
  expect(report.sent).toBeGreaterThan(0);
  expect(report.delivered).toBe(report.sent);
  expect(report.maxLatencyMs).toBeLessThan(CANARY_MAX_LATENCY_MS);
  expect(report.maxLoopDelayMs).toBeLessThan(CANARY_MAX_LOOP_DELAY_MS);
}
