/**
 * Reads individual records out of the document: one entity, one emotion point, one cell.
 * Shared by the full reader and the incremental reader so both produce identical records.
 */
import type * as Y from "yjs";
import {
  type EntityRoot,
  parseCardDescriptionRootName,
  parseCellRootName,
  parseEmotionKey,
  ROOT,
} from "../layout.ts";
import { type CardId, isValidId, type LaneId, type TouchpointId } from "../ids.ts";
import { readCard } from "../records/Card.ts";
import { type EmotionPoint, readEmotion } from "../records/EmotionPoint.ts";
import { readEvidence } from "../records/Evidence.ts";
import { asFields, type Fields } from "../records/fields.ts";
import { readLane } from "../records/Lane.ts";
import { type MapMeta, readMapMeta } from "../records/MapMeta.ts";
import { readPersona } from "../records/Persona.ts";
import { readPhase } from "../records/Phase.ts";
import { readTouchpoint } from "../records/Touchpoint.ts";
import type { CardDescription, Cell } from "./JourneyMap.ts";
import type { RecordSet } from "./Assembler.ts";
import { plainTextOf, readRichText } from "./richText.ts";
import { rootMap } from "./rootTypes.ts";

export const ENTITY_READERS = {
  personas: readPersona,
  phases: readPhase,
  touchpoints: readTouchpoint,
  lanes: readLane,
  cards: readCard,
  evidence: readEvidence,
} as const satisfies Record<EntityRoot, (id: string, fields: Fields) => unknown>;

export type EntityRecord<R extends EntityRoot> = ReturnType<(typeof ENTITY_READERS)[R]>;

export function readEntity<R extends EntityRoot>(
  root: R,
  id: string,
  value: unknown,
): EntityRecord<R> | null {
  if (!isValidId(id)) return null;
  const fields = asFields(value);
  if (!fields) return null;
  try {
    return ENTITY_READERS[root](id, fields) as EntityRecord<R>;
  } catch {
    // The readers are total over plain values; this guards against hostile Y structures.
    return null;
  }
}

const NO_FIELDS: Fields = { get: () => undefined };

export function readMeta(doc: Y.Doc): MapMeta {
  return readMapMeta(rootMap(doc, ROOT.meta) ?? NO_FIELDS);
}

export function readEmotionEntry(key: string, value: unknown): EmotionPoint | null {
  const parts = parseEmotionKey(key);
  if (!parts || !isValidId(parts.personaId) || !isValidId(parts.touchpointId)) return null;
  return readEmotion(parts.personaId, parts.touchpointId, value);
}

/** The rich text of a non-empty root fragment, or null (empty, or the name is another type). */
function readRootText(doc: Y.Doc, name: string) {
  let fragment: Y.XmlFragment;
  try {
    fragment = doc.getXmlFragment(name);
  } catch {
    return null; // the name was defined as another type: not rich text of ours
  }
  if (fragment.length === 0) return null;
  return { text: plainTextOf(fragment), content: readRichText(fragment) };
}

/** The cell stored under a root name, or null when it is empty, malformed or not a fragment. */
export function readCell(doc: Y.Doc, name: string): Cell | null {
  const parts = parseCellRootName(name);
  if (!parts || !isValidId(parts.laneId) || !isValidId(parts.touchpointId)) return null;
  const rich = readRootText(doc, name);
  if (!rich) return null;
  return {
    laneId: parts.laneId as LaneId,
    touchpointId: parts.touchpointId as TouchpointId,
    ...rich,
  };
}

/** The description stored under a root name, or null when empty, malformed or not a fragment. */
export function readCardDescription(doc: Y.Doc, name: string): CardDescription | null {
  const cardId = parseCardDescriptionRootName(name);
  if (cardId === null || !isValidId(cardId)) return null;
  const rich = readRootText(doc, name);
  return rich ? { cardId: cardId as CardId, ...rich } : null;
}

export function cellRootNames(doc: Y.Doc): string[] {
  const names: string[] = [];
  for (const name of doc.share.keys()) if (parseCellRootName(name)) names.push(name);
  return names;
}

export function readAllInto(doc: Y.Doc, set: RecordSet): void {
  set.meta = readMeta(doc);
  for (const root of Object.keys(ENTITY_READERS) as EntityRoot[]) {
    const records = set[root].records as Map<string, unknown>;
    rootMap(doc, ROOT[root])?.forEach((value, id) => {
      const record = readEntity(root, id, value);
      if (record) records.set(id, record);
    });
  }
  rootMap(doc, ROOT.emotions)?.forEach((value, key) => {
    const point = readEmotionEntry(key, value);
    if (point) set.emotions.records.set(key, point);
  });
  for (const name of cellRootNames(doc)) {
    const cell = readCell(doc, name);
    if (cell) set.cells.records.set(name, cell);
  }
  for (const name of doc.share.keys()) {
    const description = readCardDescription(doc, name);
    if (description) set.cardDescriptions.records.set(name, description);
  }
}
