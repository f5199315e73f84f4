/**
 * The history page's replay: a worker decodes states and applies rows, the page applies only
 * the updates that bring its display document to each moment (replayPort.ts).
 */
import { useEffect, useState } from "react";
import { tokenFor } from "../sync/tokens.ts";
import type { HistoryApi } from "./HistoryApi.ts";
import { WorkerReplay } from "./replayPort.ts";

const spawn = () => new Worker(new URL("./replay.worker.ts", import.meta.url), { type: "module" });

export function useReplay(api: HistoryApi): WorkerReplay {
  // The worker fetches states and rows itself (replayPort.ts). The token is settled by now:
  // the history page waits for the share link's before it shows the view.
  const [replay] = useState(
    () => new WorkerReplay(spawn, { mapId: api.mapId, token: tokenFor(api.mapId) }),
  );
  useEffect(() => {
    // React may unmount and mount again at once (StrictMode): keep the worker through that.
    replay.keep();
    return () => replay.closeSoon();
  }, [replay]);
  return replay;
}
