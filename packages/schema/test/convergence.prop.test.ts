/**
 * Convergence fuzzing (docs/SPEC.md INV-C*): three replicas apply random sequences of every
 * mutation, including concurrent moves and deletes, exchange updates in random order and in
 * part, then fully. All end with identical read models, the invariants hold, and a replica
 * rebuilt from its stored updates equals the live one. Seeded: fast-check prints the seed and
 * path of any failure; rerun with FUZZ_SEED=<seed> to reproduce it.
 */
import fc from "fast-check";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  CARD_STATUSES,
  CHANNELS,
  createMapFromTemplate,
  MapEditor,
  MapReader,
  readJourneyMap,
  sequentialIds,
  type JourneyMap,
  type LaneId,
  type PhaseId,
} from "../src/index.ts";
import { checkInvariants, ReplicaNetwork } from "../src/testing/index.ts";

const REPLICAS = 3;
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const OPS = [
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

type Op = {
  replica: number;
  op: (typeof OPS)[number];
  a: number;
  b: number;
  c: number;
  text: string;
};

const opArb: fc.Arbitrary<Op> = fc.record({
  replica: fc.nat(REPLICAS - 1),
  op: fc.constantFrom(...OPS),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.integer({ min: -5, max: 5 }),
  text: fc.string({ maxLength: 6 }),
});

const pick = <T>(list: readonly T[], n: number): T | undefined =>
  list.length === 0 ? undefined : list[n % list.length];

let entitiesSeen = 0;

function apply(net: ReplicaNetwork, editors: MapEditor[], op: Op): void {
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
  entitiesSeen += map.touchpoints.length + cards.length + map.phases.length;
}

describe("convergence", () => {
  it("INV-C4: replicas converge to identical, valid read models under random concurrent ops", () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 5, maxLength: 40 }), (ops) => {
        const net = new ReplicaNetwork(REPLICAS);
        // Replica 0 creates the map; everyone starts from it, as after a first sync.
        createMapFromTemplate(net.docs[0]!, "default", { ids: sequentialIds("t"), now: () => 0 });
        net.settle();
        const editors = net.docs.map(
          (doc, i) =>
            new MapEditor(doc, {
              origin: { kind: "local" },
              ids: sequentialIds(`r${i}x`),
              now: () => i,
            }),
        );
        const readers = net.docs.map((doc) => new MapReader(doc));
        for (const op of ops) {
          apply(net, editors, op);
          checkInvariants(readers[op.replica]!.read(), net.docs[op.replica]);
        }
        net.settle();
        const maps = net.docs.map((doc) => readJourneyMap(doc));
        for (let i = 1; i < REPLICAS; i++) expect(maps[i]).toEqual(maps[0]);
        maps.forEach((m, i) => {
          checkInvariants(m, net.docs[i]);
        });
        // The incremental reader saw every transaction and agrees with a full read.
        readers.forEach((r, i) => {
          expect(r.read()).toEqual(maps[i]);
        });
        // Rebuilding a replica from its stored updates gives the live state (INV-C5).
        expect(readJourneyMap(net.rebuild(1))).toEqual(maps[1]);
        expect(Y.encodeStateVector(net.rebuild(2))).toEqual(Y.encodeStateVector(net.docs[2]!));
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    // The fuzzer must have produced real maps, not trivially empty ones.
    expect(entitiesSeen).toBeGreaterThan(RUNS * 50);
  }, 300_000);

  it("INV-C6: a touchpoint moved concurrently by two people exists exactly once", () => {
    const net = new ReplicaNetwork(2);
    createMapFromTemplate(net.docs[0]!, "default", { ids: sequentialIds("t") });
    net.settle();
    const [a, b] = net.docs.map((d) => new MapEditor(d));
    const map = readJourneyMap(net.docs[0]!);
    const tp = map.touchpoints[0]!;
    a!.moveTouchpoint(tp.id, map.phases[2]!.id, 0);
    b!.moveTouchpoint(tp.id, map.phases[4]!.id, 0);
    net.settle();
    const [ra, rb] = net.docs.map((d) => readJourneyMap(d));
    expect(ra).toEqual(rb);
    expect(ra!.touchpoints.filter((t) => t.id === tp.id)).toHaveLength(1);
    expect([map.phases[2]!.id, map.phases[4]!.id]).toContain(
      ra!.touchpoints.find((t) => t.id === tp.id)!.phaseId,
    );
  });

  it("INV-C7: two people typing into the same empty cell keep both texts", () => {
    const net = new ReplicaNetwork(2);
    createMapFromTemplate(net.docs[0]!, "default", { ids: sequentialIds("t") });
    net.settle();
    const map = readJourneyMap(net.docs[0]!);
    const lane = map.lanes.find((l) => l.kind === "thoughts")!;
    const tp = map.touchpoints.at(-1)!;
    const [a, b] = net.docs.map((d) => new MapEditor(d));
    a!.cellFragment(lane.id, tp.id).insert(0, [new Y.XmlText("from A")]);
    b!.cellFragment(lane.id, tp.id).insert(0, [new Y.XmlText("from B")]);
    net.settle();
    const text = readJourneyMap(net.docs[0]!).cells.get(`cell/${lane.id}/${tp.id}`)?.text ?? "";
    expect(text).toContain("from A");
    expect(text).toContain("from B");
    expect(readJourneyMap(net.docs[1]!)).toEqual(readJourneyMap(net.docs[0]!));
  });

  it("INV-M4: two people setting the same emotion point converge on one deterministic winner", () => {
    const winners = new Set<number>();
    for (const order of [0, 1]) {
      const net = new ReplicaNetwork(2);
      createMapFromTemplate(net.docs[0]!, "default", { ids: sequentialIds("t") });
      net.settle();
      const map = readJourneyMap(net.docs[0]!);
      const persona = map.personas[0]!;
      const tp = map.touchpoints[0]!;
      const [a, b] = net.docs.map((d) => new MapEditor(d));
      a!.setEmotion(persona.id, tp.id, -3, "A");
      b!.setEmotion(persona.id, tp.id, 2, "B");
      // Deliver in both orders: the outcome must not depend on it.
      if (order === 0) net.deliver(0, net.pending(0));
      net.settle();
      const [ra, rb] = net.docs.map((d) => readJourneyMap(d));
      expect(ra).toEqual(rb);
      const point = ra!.emotions.get(`${persona.id}/${tp.id}`)!;
      expect([-3, 2]).toContain(point.score);
      expect(point.note).toBe(point.score === -3 ? "A" : "B");
      winners.add(point.score);
    }
    expect(winners.size).toBe(1);
  });

  it("INV-C8: a persona edited on one side and deleted on the other stays deleted, with its curve", () => {
    const net = new ReplicaNetwork(2);
    createMapFromTemplate(net.docs[0]!, "default", { ids: sequentialIds("t") });
    net.settle();
    const persona = readJourneyMap(net.docs[0]!).personas[0]!;
    const tp = readJourneyMap(net.docs[0]!).touchpoints[0]!;
    const [a, b] = net.docs.map((d) => new MapEditor(d));
    a!.updatePersona(persona.id, { name: "Renamed offline", goals: "New goal" });
    a!.setEmotion(persona.id, tp.id, 3);
    b!.deletePersona(persona.id);
    net.settle();
    const [ra, rb] = net.docs.map((d) => readJourneyMap(d));
    expect(ra).toEqual(rb);
    expect(ra!.personas).toEqual([]);
    // The concurrently set point is not shown (INV-R7); its data stays for history/restore.
    expect(ra!.emotions.size).toBe(0);
    checkInvariants(ra!, net.docs[0]);
  });
});
