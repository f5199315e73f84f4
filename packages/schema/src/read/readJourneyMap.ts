import type * as Y from "yjs";
import { readMapMeta } from "../records/MapMeta.ts";
import { Assembler, emptyCollection, type RecordSet } from "./Assembler.ts";
import type { JourneyMap } from "./JourneyMap.ts";
import { readAllInto } from "./records.ts";

export function emptyRecordSet(): RecordSet {
  return {
    meta: readMapMeta({ get: () => undefined }),
    metaVersion: 0,
    personas: emptyCollection(),
    phases: emptyCollection(),
    touchpoints: emptyCollection(),
    lanes: emptyCollection(),
    cards: emptyCollection(),
    evidence: emptyCollection(),
    emotions: emptyCollection(),
    cells: emptyCollection(),
    cardDescriptions: emptyCollection(),
  };
}

/**
 * The whole read model, computed from scratch. Pure: reads the document, never writes it, and
 * never throws whatever the document holds. For live views use MapReader, which gives the
 * same result incrementally.
 */
export function readJourneyMap(doc: Y.Doc): JourneyMap {
  const set = emptyRecordSet();
  readAllInto(doc, set);
  return new Assembler().assemble(set);
}
