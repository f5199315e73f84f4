/**
 * Builds the JourneyMap from per-entity records, memoising each derived part on the
 * versions of the record collections it depends on. The full reader runs it once; the
 * incremental reader runs it after every transaction, and only the parts whose inputs
 * changed are recomputed.
 *
 * Each collection has two versions: `members` changes when an entity is added, removed or
 * moved (ordering and grouping depend on it); `content` changes on any change.
 */

import { compareOrder } from "../order.ts";
import type { Card } from "../records/Card.ts";
import type { EmotionPoint } from "../records/EmotionPoint.ts";
import type { Evidence } from "../records/Evidence.ts";
import { type Lane, withoutDanglingValues } from "../records/Lane.ts";
import type { MapMeta } from "../records/MapMeta.ts";
import type { Persona } from "../records/Persona.ts";
import { type Phase, UNASSIGNED_PHASE, UNASSIGNED_PHASE_ID } from "../records/Phase.ts";
import type { Touchpoint } from "../records/Touchpoint.ts";
import type { CardDescription, Cell, JourneyMap } from "./JourneyMap.ts";
import type { CardId, PhaseId, TouchpointId } from "../ids.ts";
import { isTextLane } from "../vocabulary.ts";

export interface Collection<T> {
  readonly records: Map<string, T>;
  members: number;
  content: number;
}

export interface RecordSet {
  meta: MapMeta;
  metaVersion: number;
  personas: Collection<Persona>;
  phases: Collection<Phase>;
  touchpoints: Collection<Touchpoint>;
  lanes: Collection<Lane>;
  cards: Collection<Card>;
  evidence: Collection<Evidence>;
  /** Raw points, possibly dangling; keyed by emotionKey. */
  emotions: Collection<EmotionPoint>;
  /** Raw non-empty cells, possibly dangling; keyed by cell root name. */
  cells: Collection<Cell>;
  /** Raw non-empty card descriptions, possibly of deleted cards; keyed by root name. */
  cardDescriptions: Collection<CardDescription>;
}

export function emptyCollection<T>(): Collection<T> {
  return { records: new Map(), members: 0, content: 0 };
}

type Memo<T> = { deps: readonly number[]; value: T } | null;

function memo<T>(slot: { current: Memo<T> }, deps: readonly number[], compute: () => T): T {
  const m = slot.current;
  if (m && m.deps.length === deps.length && m.deps.every((d, i) => d === deps[i])) return m.value;
  const value = compute();
  slot.current = { deps, value };
  return value;
}

const slot = <T>(): { current: Memo<T> } => ({ current: null });

function orderIds<T extends { id: string; key: string }>(records: Map<string, T>): string[] {
  return [...records.values()].sort(compareOrder).map((r) => r.id);
}

function pick<T>(ids: readonly string[], records: Map<string, T>): T[] {
  const out: T[] = [];
  for (const id of ids) {
    const r = records.get(id);
    if (r) out.push(r);
  }
  return out;
}

interface TouchpointLayout {
  phaseOrder: string[];
  /** Touchpoint ids per shown phase id, in order. */
  byPhase: Map<string, string[]>;
}

function layoutTouchpoints(set: RecordSet, phaseOrder: string[]): TouchpointLayout {
  const byPhase = new Map<string, string[]>();
  for (const id of phaseOrder) byPhase.set(id, []);
  const orphans: string[] = [];
  const sorted = [...set.touchpoints.records.values()].sort(compareOrder);
  for (const tp of sorted) {
    const list = byPhase.get(tp.phaseId);
    if (list) list.push(tp.id);
    else orphans.push(tp.id);
  }
  if (orphans.length > 0) byPhase.set(UNASSIGNED_PHASE_ID, orphans);
  return { phaseOrder, byPhase };
}

export class Assembler {
  private readonly personas = slot<Persona[]>();
  private readonly phaseOrder = slot<string[]>();
  private readonly layout = slot<TouchpointLayout>();
  private readonly phases = slot<Phase[]>();
  private readonly touchpoints = slot<{ all: Touchpoint[]; byPhase: Map<PhaseId, Touchpoint[]> }>();
  private readonly lanes = slot<Lane[]>();
  private readonly cards = slot<{ by: Map<TouchpointId, Card[]>; orphans: Card[] }>();
  private readonly evidence = slot<{
    all: Evidence[];
    by: Map<string, Evidence[]>;
    orphans: Evidence[];
  }>();
  private readonly emotions = slot<Map<string, EmotionPoint>>();
  private readonly cells = slot<Map<string, Cell>>();
  private readonly cardDescriptions = slot<Map<CardId, CardDescription>>();
  private readonly result = slot<JourneyMap>();

  assemble(set: RecordSet): JourneyMap {
    const { personas: pe, phases: ph, touchpoints: tp, lanes: la, cards: ca } = set;
    const { evidence: ev, emotions: em, cells: ce, cardDescriptions: cd } = set;

    const personas = memo(this.personas, [pe.content], () =>
      [...pe.records.values()].sort(compareOrder),
    );
    const phaseOrder = memo(this.phaseOrder, [ph.members], () => orderIds(ph.records));
    const layout = memo(this.layout, [ph.members, tp.members], () =>
      layoutTouchpoints(set, phaseOrder),
    );
    const phases = memo(this.phases, [ph.content, tp.members], () => {
      const list = pick(phaseOrder, ph.records);
      if (layout.byPhase.has(UNASSIGNED_PHASE_ID)) list.push(UNASSIGNED_PHASE);
      return list;
    });
    const touchpoints = memo(this.touchpoints, [ph.members, tp.content], () => {
      const all: Touchpoint[] = [];
      const byPhase = new Map<PhaseId, Touchpoint[]>();
      for (const [phaseId, ids] of layout.byPhase) {
        const list = pick(ids, tp.records).map((t) =>
          t.phaseId === phaseId ? t : { ...t, phaseId: phaseId as PhaseId },
        );
        byPhase.set(phaseId as PhaseId, list);
        all.push(...list);
      }
      return { all, byPhase };
    });
    const lanes = memo(this.lanes, [la.content, tp.members], () =>
      [...la.records.values()]
        .sort(compareOrder)
        .map((lane) => withoutDanglingValues(lane, (id) => tp.records.has(id))),
    );
    const cards = memo(this.cards, [ca.content, tp.members], () => {
      const by = new Map<TouchpointId, Card[]>();
      const orphans: Card[] = [];
      for (const card of [...ca.records.values()].sort(compareOrder)) {
        if (!tp.records.has(card.touchpointId)) {
          orphans.push(card);
          continue;
        }
        const list = by.get(card.touchpointId);
        if (list) list.push(card);
        else by.set(card.touchpointId, [card]);
      }
      return { by, orphans };
    });
    const evidence = memo(this.evidence, [ev.content, tp.members, ca.members], () => {
      const all = [...ev.records.values()].sort(
        (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      const by = new Map<string, Evidence[]>();
      const orphans: Evidence[] = [];
      for (const item of all) {
        const t = item.target;
        const exists =
          t !== null && (t.kind === "touchpoint" ? tp.records.has(t.id) : ca.records.has(t.id));
        if (!exists || t === null) {
          orphans.push(item);
          continue;
        }
        const list = by.get(t.id);
        if (list) list.push(item);
        else by.set(t.id, [item]);
      }
      return { all, by, orphans };
    });
    const emotions = memo(this.emotions, [em.content, pe.members, tp.members], () => {
      const out = new Map<string, EmotionPoint>();
      for (const [key, point] of em.records) {
        if (pe.records.has(point.personaId) && tp.records.has(point.touchpointId)) {
          out.set(key, point);
        }
      }
      return out;
    });
    const cells = memo(this.cells, [ce.content, la.content, tp.members], () => {
      const out = new Map<string, Cell>();
      for (const [name, cell] of ce.records) {
        const lane = la.records.get(cell.laneId);
        if (lane && isTextLane(lane.kind) && tp.records.has(cell.touchpointId)) {
          out.set(name, cell);
        }
      }
      return out;
    });

    const cardDescriptions = memo(this.cardDescriptions, [cd.content, ca.members], () => {
      const out = new Map<CardId, CardDescription>();
      const sorted = [...cd.records.values()].sort((a, b) => (a.cardId < b.cardId ? -1 : 1));
      for (const description of sorted) {
        if (ca.records.has(description.cardId)) out.set(description.cardId, description);
      }
      return out;
    });

    const parts = [
      set.meta,
      personas,
      phases,
      touchpoints,
      lanes,
      cards,
      evidence,
      emotions,
      cells,
      cardDescriptions,
    ];
    const deps = parts.map((p) => identityVersion(p));
    return memo(this.result, deps, () => ({
      meta: set.meta,
      personas,
      phases,
      touchpoints: touchpoints.all,
      touchpointsByPhase: touchpoints.byPhase,
      lanes,
      emotions,
      cardsByTouchpoint: cards.by,
      unassignedCards: cards.orphans,
      evidence: evidence.all,
      evidenceByTarget: evidence.by,
      unassignedEvidence: evidence.orphans,
      cells,
      cardDescriptions,
    }));
  }
}

// Numbers standing for object identities, so the final memo can compare parts by reference.
const identities = new WeakMap<object, number>();
let nextIdentity = 1;
function identityVersion(value: object): number {
  let n = identities.get(value);
  if (n === undefined) {
    n = nextIdentity++;
    identities.set(value, n);
  }
  return n;
}
