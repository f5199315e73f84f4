/** Where an import comes from (a chosen file or pasted text), checked before anything is sent. */
import { MAX_IMPORT_BYTES } from "./importSummary.ts";

/** What the file picker offers: the formats the server reads. */
export const IMPORT_ACCEPT =
  ".json,.csv,.tsv,.mmd,.mermaid,.txt,application/json,text/csv,text/plain";

/** The file name pasted text is sent under (the server guesses the format from the text). */
export const PASTED = "pasted.txt";

/** Why a file is too large to import, or null if it is small enough. */
export function tooLargeProblem(file: {
  readonly name: string;
  readonly size: number;
}): string | null {
  if (file.size <= MAX_IMPORT_BYTES) return null;
  return `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB can be imported.`;
}

/** How the preview names the source. */
export function sourceLabel(fileName: string | undefined): string | undefined {
  return fileName === PASTED ? "Pasted text" : fileName;
}
