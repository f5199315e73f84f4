/**
 * Keeps search across maps current (issue 19): MapIndexer hands it each map and talk document
 * shortly after they change, and it replaces that document's rows in the store's full-text
 * index in one transaction, so a search never sees half a map.
 */
import { readTalk } from "@journeymap/schema";
import type { JourneyMap } from "@journeymap/schema";
import type { SearchStore } from "@journeymap/storage";
import type * as Y from "yjs";
import type { LibrarySink } from "../MapIndexer.ts";
import { mapSearchRows, talkSearchRows } from "./searchRows.ts";

export class SearchSink implements LibrarySink {
  readonly name = "search";
  private readonly search: SearchStore;

  constructor(search: SearchStore) {
    this.search = search;
  }

  async indexMap(mapId: string, _doc: Y.Doc, map: JourneyMap): Promise<void> {
    await this.search.replaceMap(mapId, "map", mapSearchRows(map));
  }

  async indexTalk(mapId: string, doc: Y.Doc): Promise<void> {
    await this.search.replaceMap(mapId, "talk", talkSearchRows(readTalk(doc)));
  }
}
