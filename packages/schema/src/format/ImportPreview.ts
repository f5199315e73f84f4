import type { MapSnapshot } from "../exchange/MapSnapshot.ts";
import type { CommentThreadFile } from "./comments.ts";

export const IMPORT_KINDS = ["json", "csv", "mermaid"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One problem with an imported file, located as precisely as the format allows. */
export interface ImportIssue {
  /** JSON path ("map.touchpoints[3].channel"), or "" for the file as a whole. */
  readonly path: string;
  /** 1-based line of a Mermaid file. */
  readonly line?: number;
  /** 1-based row of a CSV file, as a spreadsheet numbers it (the header is row 1). */
  readonly row?: number;
  readonly message: string;
}

/**
 * What an import would create. `snapshot` holds what could be read (for a preview, even when
 * some rows are bad); the import proceeds only when `errors` is empty, so a bad file changes
 * nothing. `notes` say what was adjusted on the way (a migrated version, rescaled scores).
 */
export interface ImportPreview {
  readonly kind: ImportKind;
  readonly snapshot: MapSnapshot | null;
  /** The comment threads of a Journeymap file that carries them. */
  readonly comments?: readonly CommentThreadFile[];
  readonly errors: readonly ImportIssue[];
  readonly notes: readonly string[];
}

export function isImportable(
  preview: ImportPreview,
): preview is ImportPreview & { snapshot: MapSnapshot } {
  return preview.snapshot !== null && preview.errors.length === 0;
}

/** "row 3: …", "line 4: …", "map.phases[0].name: …", or the bare message for the whole file. */
export function describeIssue(issue: ImportIssue): string {
  const where =
    issue.row !== undefined
      ? `row ${issue.row}`
      : issue.line !== undefined
        ? `line ${issue.line}`
        : issue.path;
  return where ? `${where}: ${issue.message}` : issue.message;
}
