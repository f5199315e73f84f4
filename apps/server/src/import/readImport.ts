/**
 * The whole of reading an uploaded file, as one pure function so it can run on a worker
 * thread (importPool.ts): detecting its kind, parsing and validating it, and for an import
 * the Y updates that seed the new map and its talk document. Seeding a CSV or Mermaid import
 * replays the template path and grows faster than the row count, so it belongs here too.
 */
import {
  detectImportKind,
  type ImportKind,
  type ImportPreview,
  isImportable,
  previewImport,
  seedFromSnapshot,
  talkSeedFromThreads,
} from "@journeymap/schema/format";

export interface ImportTask {
  readonly text: string;
  /** From ?kind=; detected from the file name and text when absent. */
  readonly kind?: ImportKind;
  readonly fileName?: string;
  readonly title?: string;
  /** When set, an importable file is also turned into seed updates created at this time. */
  readonly seedAt?: number;
}

export interface ImportResult {
  readonly preview: ImportPreview;
  /** The map's seed, when asked for and the file is importable. */
  readonly seed?: Uint8Array;
  /** The talk document's seed, when the file carries comment threads. */
  readonly talkSeed?: Uint8Array;
}

export function readImport({ text, kind, fileName, title, seedAt }: ImportTask): ImportResult {
  const preview = previewImport(
    text,
    kind ?? detectImportKind(text, fileName),
    title ? { title } : {},
  );
  if (seedAt === undefined || !isImportable(preview)) return { preview };
  const seed = seedFromSnapshot(preview.snapshot, preview.kind, seedAt);
  const threads = preview.comments ?? [];
  return threads.length > 0
    ? { preview, seed, talkSeed: talkSeedFromThreads(threads) }
    : { preview, seed };
}
