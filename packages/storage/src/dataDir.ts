/** The SQLite store in a data folder: where a server keeps it and `journeymap --data-dir` finds it. */
import path from "node:path";

export const STORE_FILE = "journeymap.sqlite";

export function storeFileIn(dataDir: string): string {
  return path.join(dataDir, STORE_FILE);
}
