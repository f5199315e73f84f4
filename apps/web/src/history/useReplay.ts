/**
 * The history page's replay: a worker decodes states and applies rows, the page applies only
 * the updates that bring its display document to each moment (replayPort.ts).
 */
import { useEffect, useState } from "react";
import type { HistoryApi } from "./HistoryApi.ts";
import { WorkerReplay } from "./replayPort.ts";

const spawn = () => new Worker(new URL("./replay.worker.ts", import.meta.url), { type: "module" });

export function useReplay(api: HistoryApi): WorkerReplay {
  const [replay] = useState(() => new WorkerReplay(spawn, { state: api.state, rows: api.rows }));
  useEffect(() => {
    // React may unmount and mount again at once (StrictMode): keep the worker through that.
    replay.keep();
    return () => replay.closeSoon();
  }, [replay]);
  return replay;
}
