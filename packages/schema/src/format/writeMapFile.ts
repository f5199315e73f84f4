import type { MapSnapshot } from "../exchange/MapSnapshot.ts";
import type { CommentThreadFile } from "./comments.ts";
import { FORMAT_NAME, FORMAT_SCHEMA_ID, FORMAT_VERSION, type MapFile } from "./mapFileSchema.ts";

/**
 * The file for a snapshot, with the map's comment threads when given. `exportedAt` is passed
 * in: time enters through a seam.
 */
export function toMapFile(
  snapshot: MapSnapshot,
  exportedAt: Date,
  comments?: readonly CommentThreadFile[],
): MapFile {
  return {
    $schema: FORMAT_SCHEMA_ID,
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    map: snapshot as MapFile["map"],
    ...(comments ? { comments: [...comments] } : {}),
  };
}

/** Pretty-printed so files diff well in version control (a stated use: backups in git). */
export function serializeMapFile(file: MapFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
