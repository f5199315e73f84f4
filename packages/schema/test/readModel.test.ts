import fc from "fast-check";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  cellRootName,
  EMOTION_MAX,
  EMOTION_MIN,
  emotionKey,
  MapEditor,
  MapReader,
  readJourneyMap,
  UNASSIGNED_PHASE_ID,
  type PhaseId,
} from "../src/index.ts";
import { seededMap } from "./support/seededMap.ts";

describe("read model repairs untrusted content", () => {
  it("INV-R4: clamps scores, fills missing names, fixes colours and kinds", () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      const phase = new Y.Map<unknown>();
      phase.set("name", 42);
      phase.set("colour", "red");
      phase.set("pos", { parent: "", key: "a0" });
      doc.getMap("phases").set("phase1", phase);
      const tp = new Y.Map<unknown>();
      tp.set("name", "   ");
      tp.set("channel", "carrier-pigeon");
      tp.set("pos", { parent: "phase1", key: "a0" });
      doc.getMap("touchpoints").set("tp1", tp);
      const persona = new Y.Map<unknown>();
      persona.set("pos", "nonsense");
      doc.getMap("personas").set("p1", persona);
      doc.getMap("emotions").set(emotionKey("p1", "tp1"), { score: 999, note: 7 });
      const lane = new Y.Map<unknown>();
      lane.set("kind", "hologram");
      doc.getMap("lanes").set("l1", lane);
    });
    const map = readJourneyMap(doc);
    expect(map.phases[0]).toMatchObject({ name: "42", synthetic: false });
    expect(map.phases[0]?.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(map.touchpoints[0]).toMatchObject({ name: "Untitled step", channel: "custom" });
    expect(map.personas[0]?.name).toBe("Unnamed persona");
    expect(map.emotions.get(emotionKey("p1", "tp1"))).toMatchObject({ score: 3, note: "7" });
    expect(map.lanes[0]).toMatchObject({ kind: "text", name: "Notes" });
  });

  it("INV-R4: ignores entities that are not maps and ids that are not ids", () => {
    const doc = new Y.Doc();
    doc.getMap("phases").set("ok", new Y.Map());
    doc.getMap("phases").set("not-a-map", "hello");
    doc.getMap("phases").set("bad/id", new Y.Map());
    doc.getMap("emotions").set("nokey", { score: 1 });
    expect(readJourneyMap(doc).phases.map((p) => p.id)).toEqual(["ok"]);
    expect(readJourneyMap(doc).emotions.size).toBe(0);
  });

  it("INV-R5: never throws when a root name is defined as the wrong type", () => {
    const doc = new Y.Doc();
    doc.getArray("phases").insert(0, [1, 2, 3]);
    doc.getMap(cellRootName("lane-actions", "tp1")).set("x", 1);
    doc.getText("meta").insert(0, "hi");
    expect(() => readJourneyMap(doc)).not.toThrow();
    expect(readJourneyMap(doc).phases).toEqual([]);
    expect(() => new MapReader(doc).read()).not.toThrow();
  });

  it("INV-R5: never throws on arbitrary field values, and output stays in range", () => {
    const roots = ["personas", "phases", "touchpoints", "lanes", "cards", "evidence"] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...roots),
            fc.constantFrom("a", "b", "c"),
            fc.constantFrom(
              "name",
              "pos",
              "kind",
              "colour",
              "channel",
              "rating",
              "status",
              "target",
              "sentiment",
              "createdAt",
              "hidden",
              "title",
            ),
            fc.jsonValue(),
          ),
          { maxLength: 30 },
        ),
        fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.jsonValue()), { maxLength: 10 }),
        (fields, emotions) => {
          const doc = new Y.Doc();
          for (const [root, id, field, value] of fields) {
            const m = doc.getMap<Y.Map<unknown>>(root);
            if (!m.has(id)) m.set(id, new Y.Map());
            m.get(id)!.set(field, value);
          }
          for (const [key, value] of emotions) doc.getMap("emotions").set(`${key}/a`, value);
          const map = readJourneyMap(doc);
          for (const c of map.cardsByTouchpoint.values()) {
            for (const card of c) expect(card.rating).toBeGreaterThanOrEqual(1);
          }
          for (const p of map.emotions.values()) {
            expect(p.score).toBeGreaterThanOrEqual(EMOTION_MIN);
            expect(p.score).toBeLessThanOrEqual(EMOTION_MAX);
          }
          for (const p of map.phases) expect(p.name.length).toBeGreaterThan(0);
          expect(new MapReader(doc).read()).toEqual(map);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("dangling references", () => {
  it("INV-R1: a touchpoint whose phase is gone is shown in the Unassigned phase", () => {
    const { doc, editor } = seededMap();
    const phaseId = readJourneyMap(doc).phases[0]!.id;
    // Simulate the concurrent case: the phase disappears without its touchpoints' cascade.
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    new MapEditor(remote).deletePhase(phaseId);
    const added = editor.addTouchpoint({ phaseId, name: "Added while deleted" });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
    const map = readJourneyMap(doc);
    expect(map.phases.at(-1)?.id).toBe(UNASSIGNED_PHASE_ID);
    expect(map.touchpointsByPhase.get(UNASSIGNED_PHASE_ID)?.map((t) => t.id)).toEqual([added]);
    expect(map.touchpoints.find((t) => t.id === added)?.phaseId).toBe(UNASSIGNED_PHASE_ID);
  });

  it("INV-R2: a card whose touchpoint is gone is listed as unassigned", () => {
    const { doc, editor } = seededMap();
    const tp = readJourneyMap(doc).touchpoints[0]!;
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    new MapEditor(remote).deleteTouchpoint(tp.id);
    const card = editor.addCard({ kind: "painPoint", touchpointId: tp.id, title: "Slow page" });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
    const map = readJourneyMap(doc);
    expect(map.unassignedCards.map((c) => c.id)).toEqual([card]);
  });

  it("INV-R3: evidence on a deleted touchpoint is kept as unassigned", () => {
    const { doc, editor } = seededMap();
    const tp = readJourneyMap(doc).touchpoints[0]!;
    const ev = editor.addEvidence({ target: { kind: "touchpoint", id: tp.id }, text: "Quote" });
    expect(
      readJourneyMap(doc)
        .evidenceByTarget.get(tp.id)
        ?.map((e) => e.id),
    ).toEqual([ev]);
    editor.deleteTouchpoint(tp.id);
    expect(readJourneyMap(doc).unassignedEvidence.map((e) => e.id)).toEqual([ev]);
  });

  it("INV-R1: moving an unassigned touchpoint into a phase brings it back", () => {
    const { doc, editor } = seededMap();
    const phases = readJourneyMap(doc).phases;
    const tp = editor.addTouchpoint({ phaseId: "ghost" as PhaseId, name: "Lost" });
    expect(readJourneyMap(doc).touchpointsByPhase.get(UNASSIGNED_PHASE_ID)).toHaveLength(1);
    editor.moveTouchpoint(tp, phases[2]!.id, 0);
    const map = readJourneyMap(doc);
    expect(map.phases.at(-1)?.synthetic).toBe(false);
    expect(map.touchpointsByPhase.get(phases[2]!.id)?.[0]?.id).toBe(tp);
  });
});
