/** The worker-thread entry of importPool.ts: piscina calls the default export per task. */
import { type ImportResult, type ImportTask, readImport } from "./readImport.ts";

export default function run(task: ImportTask): ImportResult {
  return readImport(task);
}
