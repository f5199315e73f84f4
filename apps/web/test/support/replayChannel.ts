import type { HistorySource } from "@journeymap/schema";
import type { HistoryAddress } from "../../src/history/httpHistorySource.ts";
import { serveReplay, WorkerReplay } from "../../src/history/replayPort.ts";

/**
 * The history page's replay with its worker side served over a real MessageChannel in this
 * thread (the page starts a Worker on the same code). `from`: a source the page answers the
 * worker's requests from, or an address the worker fetches from itself. `heard` sees each
 * message the worker sends the page. `close()` ends both ports.
 */
export function replayOverChannel(
  from: HistorySource | HistoryAddress,
  heard?: (message: { readonly kind: string }) => void,
): WorkerReplay {
  return new WorkerReplay(() => {
    const { port1, port2 } = new MessageChannel();
    serveReplay(port2);
    if (heard) port1.addEventListener("message", ({ data }) => heard(data));
    return Object.assign(port1, {
      terminate: () => {
        port1.close();
        port2.close();
      },
    });
  }, from);
}
