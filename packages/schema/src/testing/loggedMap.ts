/**
 * A map seeded from the default template whose every transaction is a logged row, as on the
 * server, with two people's editors: what history tests replay and compare with.
 */
import * as Y from "yjs";
import { createMapFromTemplate, LOCAL_ORIGIN, sequentialIds } from "../index.ts";
import { MapEditor } from "../MapEditor.ts";
import type { JourneyMap } from "../read/JourneyMap.ts";
import { readJourneyMap } from "../read/readJourneyMap.ts";

export function loggedMap() {
  const live = new Y.Doc();
  const rows: Uint8Array[] = [];
  live.on("update", (u: Uint8Array) => rows.push(u));
  createMapFromTemplate(live, "default", { ids: sequentialIds("t"), now: () => 1 });
  const ana = new MapEditor(live, { origin: LOCAL_ORIGIN, ids: sequentialIds("a") });
  const ben = new MapEditor(live, { origin: LOCAL_ORIGIN, ids: sequentialIds("b") });
  /** The map after row `seq`, replayed from the rows. */
  const mapAt = async (seq: number): Promise<JourneyMap> => {
    const doc = new Y.Doc();
    for (const row of rows.slice(0, seq)) Y.applyUpdate(doc, row);
    return readJourneyMap(doc);
  };
  return { live, rows, ana, ben, mapAt };
}
