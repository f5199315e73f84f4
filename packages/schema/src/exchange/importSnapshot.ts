import * as Y from "yjs";
import {
  CARD,
  cardDescriptionRootName,
  cellRootName,
  emotionKey,
  EVIDENCE,
  LANE,
  laneValueKey,
  META,
  PERSONA,
  PHASE,
  POS,
  ROOT,
  TOUCHPOINT,
} from "../layout.ts";
import type { EntityRoot } from "../layout.ts";
import { METRIC_LANE, metricCellEntries } from "../metrics/layout.ts";
import { isMetricCell } from "../metrics/MetricCell.ts";
import { CURRENT_SCHEMA_VERSION, isEmptyMap } from "../migrations/migrateMap.ts";
import { keysAfter } from "../order.ts";
import type { MapOrigin } from "../origin.ts";
import { writeRichText } from "../read/richText.ts";
import { DEMOGRAPHIC_FIELDS, PSYCHOGRAPHIC_FIELDS } from "../records/Persona.ts";
import { isSubMapId } from "../records/Touchpoint.ts";
import type {
  CardSnapshot,
  EvidenceSnapshot,
  LaneSnapshot,
  MapSnapshot,
  PersonaSnapshot,
  PhaseSnapshot,
  TouchpointSnapshot,
} from "./MapSnapshot.ts";

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

/**
 * Inserts one collection with its fields, keeping ids and, when `parentOf` is given, the
 * snapshot's order under each parent. `then` runs on each inserted entity (rich text is
 * written into a fragment once it is in the document).
 */
function insertAll<T extends { readonly id: string }>(
  doc: Y.Doc,
  root: EntityRoot,
  items: readonly T[],
  fields: (item: T) => Record<string, unknown>,
  parentOf?: (item: T) => string,
  then?: (item: T, entity: Y.Map<unknown>) => void,
): void {
  const pos = parentOf ? positions(items, parentOf) : null;
  const entities = doc.getMap(ROOT[root]);
  for (const item of items) {
    const entity = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(fields(item))) entity.set(key, value);
    if (pos) entity.set(POS, pos.get(item));
    entities.set(item.id, entity);
    then?.(item, entity);
  }
}

const TOP = () => "";

/** The listed fields of a snapshot item under the entity's field keys, in that order. */
function fieldsOf<T, K extends keyof T & string>(
  item: T,
  layout: Readonly<Record<K, string>>,
  keys: readonly K[],
): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [layout[key], item[key]]));
}

function personaFields(p: PersonaSnapshot): Record<string, unknown> {
  const fields = fieldsOf(p, PERSONA, ["name", "role", "quote", "colour"]);
  for (const f of DEMOGRAPHIC_FIELDS) fields[PERSONA[f]] = p.demographics[f];
  for (const f of PSYCHOGRAPHIC_FIELDS) fields[PERSONA[f]] = p.psychographics[f];
  return fields;
}

const phaseFields = (p: PhaseSnapshot) => fieldsOf(p, PHASE, ["name", "colour", "description"]);
function laneFields(l: LaneSnapshot): Record<string, unknown> {
  const fields = fieldsOf(l, LANE, ["kind", "name", "hidden", "type", "unit"]);
  for (const { touchpointId, value } of l.values) {
    if (isMetricCell(value)) Object.assign(fields, metricCellEntries(touchpointId, value));
    else fields[laneValueKey(touchpointId)] = value;
  }
  if (l.preset) fields[METRIC_LANE.preset] = l.preset;
  return fields;
}

/** Nested types are created with their entity (INV-D3); the text is written once it is in. */
const touchpointFields = (t: TouchpointSnapshot) => ({
  ...fieldsOf(t, TOUCHPOINT, ["name", "channel", "channels", "action", "team"]),
  ...(t.subMapId && isSubMapId(t.subMapId) ? { [TOUCHPOINT.subMapId]: t.subMapId } : {}),
  [TOUCHPOINT.description]: new Y.XmlFragment(),
});

const cardFields = (c: CardSnapshot) =>
  fieldsOf(c, CARD, ["kind", "title", "detail", "rating", "status", "owner"]);

/** Every evidence field is stored under its own name; the target is copied. */
function evidenceFields(e: EvidenceSnapshot): Record<string, unknown> {
  const fields = fieldsOf(e, EVIDENCE, Object.keys(EVIDENCE) as (keyof typeof EVIDENCE)[]);
  fields[EVIDENCE.target] = e.target ? { kind: e.target.kind, id: e.target.id } : null;
  return fields;
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

    insertAll(doc, "personas", snapshot.personas, personaFields, TOP);
    insertAll(doc, "phases", snapshot.phases, phaseFields, TOP);
    const description = (entity: Y.Map<unknown>) =>
      entity.get(TOUCHPOINT.description) as Y.XmlFragment;
    insertAll(
      doc,
      "touchpoints",
      snapshot.touchpoints,
      touchpointFields,
      (t) => t.phaseId,
      (t, entity) => writeRichText(description(entity), t.description),
    );
    insertAll(doc, "lanes", snapshot.lanes, laneFields, TOP);
    for (const c of snapshot.cells) {
      writeRichText(doc.getXmlFragment(cellRootName(c.laneId, c.touchpointId)), c.content);
    }
    const emotions = doc.getMap(ROOT.emotions);
    for (const e of snapshot.emotions) {
      emotions.set(emotionKey(e.personaId, e.touchpointId), { score: e.score, note: e.note });
    }
    insertAll(doc, "cards", snapshot.cards, cardFields, (c) => c.touchpointId);
    for (const c of snapshot.cards) {
      if (c.description.length > 0) {
        writeRichText(doc.getXmlFragment(cardDescriptionRootName(c.id)), c.description);
      }
    }
    insertAll(doc, "evidence", snapshot.evidence, evidenceFields);
  }, origin);
  return true;
}
