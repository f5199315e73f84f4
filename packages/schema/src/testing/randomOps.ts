/**
 * Random operations over replicas, shared by the convergence fuzzer and the format
 * round-trip test: fast-check generates abstract ops; `applyOp` interprets one against a
 * replica's current read model (picking entities by index), so every op is meaningful.
 */
import fc from "fast-check";
import {
  CARD_STATUSES,
  CHANNELS,
  type JourneyMap,
  LANE_TYPES,
  type Lane,
  type LaneId,
  type LaneValue,
  type PhaseId,
} from "../index.ts";
import type { MapEditor } from "../MapEditor.ts";
import { recordMetrics } from "../metrics/recordMetrics.ts";
import { LOCAL_ORIGIN } from "../origin.ts";
import { readJourneyMap } from "../read/readJourneyMap.ts";
import type { ReplicaNetwork } from "./ReplicaNetwork.ts";

export const OPS = [
  "addPhase",
  "renamePhase",
  "movePhase",
  "deletePhase",
  "addTouchpoint",
  "updateTouchpoint",
  "moveTouchpoint",
  "deleteTouchpoint",
  "addPersona",
  "updatePersona",
  "movePersona",
  "deletePersona",
  "setEmotion",
  "clearEmotion",
  "addLane",
  "moveLane",
  "hideLane",
  "deleteLane",
  "setCell",
  "retypeLane",
  "setLaneValue",
  "setChannels",
  "describeCard",
  "addCard",
  "updateCard",
  "moveCard",
  "deleteCard",
  "addEvidence",
  "retargetEvidence",
  "deleteEvidence",
  "updateMeta",
  "deliver",
  "deliver",
] as const;

export type Op = {
  replica: number;
  op: (typeof OPS)[number];
  a: number;
  b: number;
  c: number;
  text: string;
};

export function opArb(replicas: number): fc.Arbitrary<Op> {
  return fc.record({
    replica: fc.nat(replicas - 1),
    op: fc.constantFrom(...OPS),
    a: fc.nat(1000),
    b: fc.nat(1000),
    c: fc.integer({ min: -5, max: 5 }),
    text: fc.string({ maxLength: 6 }),
  });
}

const pick = <T>(list: readonly T[], n: number): T | undefined =>
  list.length === 0 ? undefined : list[n % list.length];

/** A value a typed lane accepts, drawn from the op's numbers; null for text lanes. */
function laneValueFor(lane: Lane, op: Op): LaneValue | null {
  switch (lane.type) {
    case "rating":
      return (Math.abs(op.c) % 5) + 1;
    case "number":
      return op.c * 1.5;
    case "link":
      return `https://example.com/${op.b}`;
    case "channels":
      return [pick(CHANNELS, op.b)!, `Custom ${op.a % 3}`];
    case "text":
    case "metric":
      return null;
  }
}

/** Entities seen by applyOp, so fuzzers can check they produced real data. */
export const stats = { entitiesSeen: 0 };

export function applyOp(net: ReplicaNetwork, editors: MapEditor[], op: Op): void {
  const doc = net.docs[op.replica]!;
  const ed = editors[op.replica]!;
  const map: JourneyMap = readJourneyMap(doc);
  const phase = pick(
    map.phases.filter((p) => !p.synthetic),
    op.a,
  );
  const tp = pick(map.touchpoints, op.a);
  const persona = pick(map.personas, op.b);
  const lane = pick(map.lanes, op.a);
  const cards = [...map.cardsByTouchpoint.values()].flat().concat(map.unassignedCards);
  const card = pick(cards, op.a);
  const ev = pick(map.evidence, op.a);
  switch (op.op) {
    case "addPhase":
      ed.addPhase({ name: op.text, index: op.b % (map.phases.length + 1) });
      break;
    case "renamePhase":
      if (phase) ed.updatePhase(phase.id, { name: op.text });
      break;
    case "movePhase":
      if (phase) ed.movePhase(phase.id, op.b % map.phases.length);
      break;
    case "deletePhase":
      if (phase) ed.deletePhase(phase.id);
      break;
    case "addTouchpoint": {
      const target = pick(
        map.phases.filter((p) => !p.synthetic),
        op.b,
      );
      if (target) ed.addTouchpoint({ phaseId: target.id, name: op.text, index: op.c + 5 });
      break;
    }
    case "updateTouchpoint":
      if (tp) ed.updateTouchpoint(tp.id, { name: op.text, channel: pick(CHANNELS, op.b)! });
      break;
    case "moveTouchpoint": {
      const target = pick(map.phases, op.b);
      if (tp && target) ed.moveTouchpoint(tp.id, target.id as PhaseId, op.c + 5);
      break;
    }
    case "deleteTouchpoint":
      if (tp) ed.deleteTouchpoint(tp.id);
      break;
    case "addPersona":
      ed.addPersona({ name: op.text });
      break;
    case "updatePersona":
      if (persona) ed.updatePersona(persona.id, { goals: op.text });
      break;
    case "movePersona":
      if (persona) ed.movePersona(persona.id, op.a % 3);
      break;
    case "deletePersona":
      if (persona) ed.deletePersona(persona.id);
      break;
    case "setEmotion":
      if (persona && tp) ed.setEmotion(persona.id, tp.id, op.c, op.text);
      break;
    case "clearEmotion":
      if (persona && tp) ed.clearEmotion(persona.id, tp.id);
      break;
    case "addLane":
      ed.addLane({ name: op.text, index: op.b % 8 });
      break;
    case "moveLane":
      if (lane) ed.moveLane(lane.id, op.b % map.lanes.length);
      break;
    case "hideLane":
      if (lane) ed.updateLane(lane.id, { hidden: op.c > 0 });
      break;
    case "deleteLane":
      if (lane) ed.deleteLane(lane.id);
      break;
    case "setCell": {
      const textLane = pick(
        map.lanes.filter((l) => ["actions", "thoughts", "text"].includes(l.kind)),
        op.b,
      );
      if (textLane && tp) ed.setCellText(textLane.id as LaneId, tp.id, op.text);
      break;
    }
    case "retypeLane": {
      const custom = pick(
        map.lanes.filter((l) => l.kind === "text"),
        op.b,
      );
      if (custom) ed.updateLane(custom.id, { type: pick(LANE_TYPES, op.a)!, unit: op.text });
      break;
    }
    case "setLaneValue": {
      const typed = pick(
        map.lanes.filter((l) => l.type !== "text"),
        op.b,
      );
      const value = typed ? laneValueFor(typed, op) : null;
      if (typed?.type === "metric" && tp && op.c !== 0) {
        // A dated value (a few days, so concurrent pushes hit the same and other points).
        const at = `2026-12-0${(Math.abs(op.a) % 5) + 1}`;
        recordMetrics(
          doc,
          [{ laneId: typed.id, touchpointId: tp.id, value: Math.abs(op.c) % 100, at }],
          {
            origin: LOCAL_ORIGIN,
          },
        );
      } else if (typed && tp) ed.setLaneValue(typed.id, tp.id, op.c === 0 ? null : value);
      break;
    }
    case "setChannels":
      if (tp) ed.updateTouchpoint(tp.id, { channels: [`Chat ${op.b % 4}`, pick(CHANNELS, op.a)!] });
      break;
    case "describeCard":
      if (card) ed.setCardDescriptionText(card.id, op.text);
      break;
    case "addCard":
      if (tp)
        ed.addCard({
          kind: op.c > 0 ? "painPoint" : "opportunity",
          touchpointId: tp.id,
          title: op.text,
        });
      break;
    case "updateCard":
      if (card) ed.updateCard(card.id, { rating: op.c, status: pick(CARD_STATUSES, op.b)! });
      break;
    case "moveCard": {
      const target = pick(map.touchpoints, op.b);
      if (card && target) ed.moveCard(card.id, target.id, op.c + 5);
      break;
    }
    case "deleteCard":
      if (card) ed.deleteCard(card.id);
      break;
    case "addEvidence":
      if (tp)
        ed.addEvidence({
          target: { kind: "touchpoint", id: tp.id },
          text: op.text,
          sentiment: op.c,
        });
      break;
    case "retargetEvidence":
      if (ev && card) ed.retargetEvidence(ev.id, { kind: "card", id: card.id });
      break;
    case "deleteEvidence":
      if (ev) ed.deleteEvidence(ev.id);
      break;
    case "updateMeta":
      ed.updateMeta({ title: op.text });
      break;
    case "deliver": {
      // Deliver a random part of what is pending, in a random order.
      const pending = net.pending(op.replica);
      const chosen = pending.filter((_, i) => ((op.a >> (i % 10)) + op.b + i) % 3 !== 0);
      chosen.sort((x, y) => ((x.update.length * op.b + op.a) % 7) - ((y.update.length * op.b) % 7));
      net.deliver(op.replica, chosen);
      break;
    }
  }
  stats.entitiesSeen += map.touchpoints.length + cards.length + map.phases.length;
}
