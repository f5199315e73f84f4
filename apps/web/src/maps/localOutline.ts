/**
 * A map's outline from the copy this browser keeps of it (y-indexeddb, written by the board),
 * for map-card thumbnails without asking the server. Loaded lazily: it brings Yjs to the map
 * list. Maps never opened here have no copy, and no database is created for them.
 */
import { readJourneyMap } from "@journeymap/schema";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { type MapOutline, outlineOfMap } from "./mapOutline.ts";

/** The database the board's provider keeps the map in (useMapConnection). */
const databaseOf = (mapId: string) => `journeymap:${mapId}`;

/** Asked each time: a map opened since the list was last shown has a copy now. */
function databases(): Promise<ReadonlySet<string>> {
  return indexedDB.databases().then(
    (list) => new Set(list.flatMap((d) => (d.name ? [d.name] : []))),
    () => new Set<string>(),
  );
}

export async function readLocalOutline(mapId: string): Promise<MapOutline | null> {
  if (!(await databases()).has(databaseOf(mapId))) return null;
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(databaseOf(mapId), doc);
  try {
    await local.whenSynced;
    const map = readJourneyMap(doc);
    return map.phases.length > 0 ? outlineOfMap(map) : null;
  } finally {
    // Closes the database; the copy stays (clearData would delete it).
    await local.destroy();
    doc.destroy();
  }
}
