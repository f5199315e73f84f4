import * as Y from "yjs";
import {
  CARD,
  cellRootName,
  emotionKey,
  EVIDENCE,
  LANE,
  META,
  PERSONA,
  PHASE,
  POS,
  ROOT,
  TOUCHPOINT,
} from "../layout.ts";
import type { EntityRoot } from "../layout.ts";
import { CURRENT_SCHEMA_VERSION, isEmptyMap } from "../migrations/migrateMap.ts";
import { keysAfter } from "../order.ts";
import type { MapOrigin } from "../origin.ts";
import { writeRichText } from "../read/richText.ts";
import { DEMOGRAPHIC_FIELDS, PSYCHOGRAPHIC_FIELDS } from "../records/Persona.ts";
import type { MapSnapshot } from "./MapSnapshot.ts";

/** Keys in array order, per parent, so the imported order is the snapshot's order. */
function positions<T>(
  items: readonly T[],
  parentOf: (item: T) => string,
): Map<T, { parent: string; key: string }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const parent = parentOf(item);
    groups.set(parent, [...(groups.get(parent) ?? []), item]);
  }
  const out = new Map<T, { parent: string; key: string }>();
  for (const [parent, group] of groups) {
    const keys = keysAfter(null, group.length);
    for (const [i, item] of group.entries()) out.set(item, { parent, key: keys[i]! });
  }
  return out;
}

function insert(
  doc: Y.Doc,
  root: EntityRoot,
  id: string,
  fields: Record<string, unknown>,
): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  doc.getMap(ROOT[root]).set(id, map);
  return map;
}

/**
 * Writes a snapshot into an EMPTY document in one transaction, keeping ids and order.
 * The snapshot must already be valid (the format package validates files before calling
 * this). Returns false, changing nothing, if the document already holds a map.
 */
export function importSnapshot(
  doc: Y.Doc,
  snapshot: MapSnapshot,
  origin: MapOrigin = { kind: "import", source: "snapshot" },
  now: () => number = Date.now,
): boolean {
  if (!isEmptyMap(doc)) return false;
  doc.transact(() => {
    const meta = doc.getMap(ROOT.meta);
    meta.set(META.title, snapshot.title);
    meta.set(META.description, snapshot.description);
    meta.set(META.schemaVersion, CURRENT_SCHEMA_VERSION);
    meta.set(META.createdAt, now());

    const personaPos = positions(snapshot.personas, () => "");
    for (const p of snapshot.personas) {
      const fields: Record<string, unknown> = {
        [PERSONA.name]: p.name,
        [PERSONA.role]: p.role,
        [PERSONA.quote]: p.quote,
        [PERSONA.colour]: p.colour,
        [POS]: personaPos.get(p),
      };
      for (const f of DEMOGRAPHIC_FIELDS) fields[PERSONA[f]] = p.demographics[f];
      for (const f of PSYCHOGRAPHIC_FIELDS) fields[PERSONA[f]] = p.psychographics[f];
      insert(doc, "personas", p.id, fields);
    }
    const phasePos = positions(snapshot.phases, () => "");
    for (const p of snapshot.phases) {
      insert(doc, "phases", p.id, {
        [PHASE.name]: p.name,
        [PHASE.colour]: p.colour,
        [PHASE.description]: p.description,
        [POS]: phasePos.get(p),
      });
    }
    const tpPos = positions(snapshot.touchpoints, (t) => t.phaseId);
    for (const t of snapshot.touchpoints) {
      const description = new Y.XmlFragment();
      insert(doc, "touchpoints", t.id, {
        [TOUCHPOINT.name]: t.name,
        [TOUCHPOINT.channel]: t.channel,
        [TOUCHPOINT.action]: t.action,
        [TOUCHPOINT.team]: t.team,
        [TOUCHPOINT.description]: description,
        [POS]: tpPos.get(t),
      });
      writeRichText(description, t.description);
    }
    const lanePos = positions(snapshot.lanes, () => "");
    for (const l of snapshot.lanes) {
      insert(doc, "lanes", l.id, {
        [LANE.kind]: l.kind,
        [LANE.name]: l.name,
        [LANE.hidden]: l.hidden,
        [POS]: lanePos.get(l),
      });
    }
    for (const c of snapshot.cells) {
      writeRichText(doc.getXmlFragment(cellRootName(c.laneId, c.touchpointId)), c.content);
    }
    const emotions = doc.getMap(ROOT.emotions);
    for (const e of snapshot.emotions) {
      emotions.set(emotionKey(e.personaId, e.touchpointId), { score: e.score, note: e.note });
    }
    const cardPos = positions(snapshot.cards, (c) => c.touchpointId);
    for (const c of snapshot.cards) {
      insert(doc, "cards", c.id, {
        [CARD.kind]: c.kind,
        [CARD.title]: c.title,
        [CARD.detail]: c.detail,
        [CARD.rating]: c.rating,
        [CARD.status]: c.status,
        [CARD.owner]: c.owner,
        [POS]: cardPos.get(c),
      });
    }
    for (const e of snapshot.evidence) {
      insert(doc, "evidence", e.id, {
        [EVIDENCE.target]: e.target ? { kind: e.target.kind, id: e.target.id } : null,
        [EVIDENCE.kind]: e.kind,
        [EVIDENCE.text]: e.text,
        [EVIDENCE.source]: e.source,
        [EVIDENCE.url]: e.url,
        [EVIDENCE.contributor]: e.contributor,
        [EVIDENCE.team]: e.team,
        [EVIDENCE.sentiment]: e.sentiment,
        [EVIDENCE.createdAt]: e.createdAt,
      });
    }
  }, origin);
  return true;
}
