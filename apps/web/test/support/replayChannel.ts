import type { HistorySource } from "@journeymap/schema";
import { serveReplay, WorkerReplay } from "../../src/history/replayPort.ts";

/**
 * The history page's replay with its worker side served over a real MessageChannel in this
 * thread (the page starts a Worker on the same code). `close()` ends both ports.
 */
export function replayOverChannel(source: HistorySource): WorkerReplay {
  return new WorkerReplay(() => {
    const { port1, port2 } = new MessageChannel();
    serveReplay(port2);
    return Object.assign(port1, {
      terminate: () => {
        port1.close();
        port2.close();
      },
    });
  }, source);
}
