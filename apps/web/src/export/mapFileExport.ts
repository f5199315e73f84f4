/**
 * The open Journeymap file (.json) of a map, from the local Y.Doc: what Export offers, and
 * what someone whose access ended downloads to keep their work (issue 15, B3). zod and the
 * file format load only when a file is made.
 */
import { snapshotMap } from "@journeymap/schema";
import type * as Y from "yjs";
import type { ExportedFile } from "./exportMap.ts";

/** The map in `doc` as a Journeymap file, with the comments of `talk` when given. */
export async function mapFileOf(doc: Y.Doc, talk?: Y.Doc): Promise<ExportedFile> {
  const { toMapFile, serializeMapFile, threadsOfTalk } = await import("@journeymap/schema/format");
  const { exportFileName } = await import("./exportFileNames.ts");
  const now = new Date();
  const file = toMapFile(snapshotMap(doc), now, talk ? threadsOfTalk(talk) : undefined);
  return {
    blob: new Blob([serializeMapFile(file)], { type: "application/json" }),
    fileName: exportFileName(file.map.title, talk ? "json-comments" : "json", now),
  };
}
