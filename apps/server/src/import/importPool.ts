/**
 * Uploaded files are read on a worker thread (issue 12, H2): parsing and validating up to
 * 4 MiB and seeding a map from it takes from milliseconds to about a second of CPU, and on the
 * server's loop that would stall every live editing session. One thread, a short queue and a
 * time limit bound what imports can take from the machine; quotas per address are the
 * routes' concern.
 */
import { Piscina } from "piscina";
import type { ImportResult, ImportTask } from "./readImport.ts";

/** Threads reading imports: one, so the server's loop keeps the other core. */
export const IMPORT_THREADS = 1;
/** Uploads waiting for the thread; more are answered 503 with Retry-After. */
export const IMPORT_QUEUE = 8;
/** A file taking longer than this is refused (422): the largest legal one needs ~1 s. */
export const IMPORT_TIMEOUT_MS = 20_000;
/** Seconds a refused upload is told to wait (Retry-After). */
export const IMPORT_RETRY_AFTER_S = 5;
/** An idle thread exits after this long, so an idle server holds no import thread. */
const IDLE_MS = 30_000;

/** The queue is full: try again later (503). */
export class ImportBusy extends Error {
  override name = "ImportBusy";
}
/** Reading the file took longer than IMPORT_TIMEOUT_MS (422). */
export class ImportTooSlow extends Error {
  override name = "ImportTooSlow";
}

export interface ImportPool {
  read(task: ImportTask): Promise<ImportResult>;
  close(): Promise<void>;
}

export function createImportPool(timeoutMs = IMPORT_TIMEOUT_MS): ImportPool {
  const pool = new Piscina<ImportTask, ImportResult>({
    filename: new URL("./importWorker.ts", import.meta.url).href,
    minThreads: 0,
    maxThreads: IMPORT_THREADS,
    maxQueue: IMPORT_QUEUE,
    idleTimeout: IDLE_MS,
  });
  return {
    async read(task) {
      if (pool.queueSize >= IMPORT_QUEUE) throw new ImportBusy("Too many imports at once");
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        return await pool.run(task, { signal });
      } catch (error) {
        if (signal.aborted) {
          throw new ImportTooSlow(`Reading the file took over ${timeoutMs / 1000} s`);
        }
        if ((error as Error).message === "Task queue is at limit") {
          throw new ImportBusy("Too many imports at once");
        }
        throw error;
      }
    },
    close: () => pool.close({ force: true }),
  };
}
