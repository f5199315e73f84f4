/**
 * Issue 15, B1: a container (phase, step, lane) deleted while someone types in one of its cells.
 * Two replicas: Bob types into a cell the way the cell editor does (a paragraph in the cell's
 * root fragment, under the editor's own origin), Alice deletes the container with the board's
 * origin and undo manager. Undo and restore in place must bring back all of Bob's text.
 */
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  cellRootName,
  createBoardUndoManager,
  createMapFromTemplate,
  type JourneyMap,
  LOCAL_ORIGIN,
  MapEditor,
  readJourneyMap,
  removedEntities,
  sequentialIds,
} from "../src/index.ts";
import { restoreEntity, type RestoreTarget } from "../src/history/restoreEntity.ts";
import { ReplicaNetwork } from "../src/testing/index.ts";
import { copyOf } from "./support/seededMap.ts";

/** The cell editor's origin (y-prosemirror's plugin key in the app): never the board's. */
const TYPING = { kind: "typing" };

function workshop() {
  const net = new ReplicaNetwork(2);
  createMapFromTemplate(net.docs[0]!, "default", { ids: sequentialIds("t"), now: () => 1 });
  net.settle();
  const [aliceDoc, bobDoc] = net.docs as [Y.Doc, Y.Doc];
  const alice = new MapEditor(aliceDoc, { origin: LOCAL_ORIGIN, ids: sequentialIds("a") });
  const bob = new MapEditor(bobDoc, { origin: LOCAL_ORIGIN, ids: sequentialIds("b") });
  const aliceUndo = createBoardUndoManager(aliceDoc);
  const map = readJourneyMap(aliceDoc);
  const tp = map.touchpoints[0]!;
  const lane = bob.addLane({ name: "Backstage" });
  net.settle();
  const cell = cellRootName(lane, tp.id);
  /** Bob types at the end of the cell's first paragraph (creating it if needed). */
  const type = (text: string) =>
    bobDoc.transact(() => {
      const fragment = bob.cellFragment(lane, tp.id);
      let paragraph = fragment.get(0) as Y.XmlElement | undefined;
      if (!paragraph) {
        paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText()]);
        fragment.insert(0, [paragraph]);
      }
      const line = paragraph.get(0) as Y.XmlText;
      line.insert(line.length, text);
    }, TYPING);
  const cellText = (doc: Y.Doc) => readJourneyMap(doc).cells.get(cell)?.text ?? "";
  return { net, aliceDoc, bobDoc, alice, aliceUndo, map, tp, lane, cell, type, cellText };
}

type Container = "phase" | "touchpoint" | "lane";

function targetOf(w: ReturnType<typeof workshop>, kind: Container): RestoreTarget {
  const id = kind === "phase" ? w.tp.phaseId : kind === "touchpoint" ? w.tp.id : w.lane;
  return { kind, id };
}

function deleteContainer(w: ReturnType<typeof workshop>, kind: Container): void {
  const { id } = targetOf(w, kind);
  w.aliceUndo.stopCapturing(); // the delete is its own step, as when a person pauses
  if (kind === "phase") w.alice.deletePhase(id as never);
  else if (kind === "touchpoint") w.alice.deleteTouchpoint(id as never);
  else w.alice.deleteLane(id as never);
}

const visible = (map: JourneyMap, cell: string) => map.cells.has(cell);

describe("deleting a container while someone types inside it", () => {
  for (const kind of ["phase", "touchpoint", "lane"] as const) {
    it(`INV-X5: undoing a ${kind} delete brings back the text another person typed in its cells`, () => {
      const w = workshop();
      w.type("Bob types mid-");
      w.net.settle();
      deleteContainer(w, kind);
      w.net.settle();
      expect(visible(readJourneyMap(w.bobDoc), w.cell)).toBe(false);
      w.aliceUndo.undo();
      w.net.settle();
      for (const doc of [w.aliceDoc, w.bobDoc]) expect(w.cellText(doc)).toBe("Bob types mid-");
      expect(readJourneyMap(w.bobDoc)).toEqual(readJourneyMap(w.aliceDoc));
    });

    it(`INV-X5: keystrokes in flight and typed after a ${kind} delete come back with it`, () => {
      const w = workshop();
      w.type("Bob types mid-");
      w.net.settle();
      // Bob's next keystrokes cross Alice's delete on the wire, and he keeps typing after it.
      w.type("sentence");
      deleteContainer(w, kind);
      w.net.settle();
      w.type(", and more");
      w.net.settle();
      w.aliceUndo.undo();
      w.net.settle();
      const expected = "Bob types mid-sentence, and more";
      for (const doc of [w.aliceDoc, w.bobDoc]) expect(w.cellText(doc)).toBe(expected);
    });

    it(`INV-X5: restoring a deleted ${kind} in place keeps what was typed before and after the delete`, () => {
      const w = workshop();
      w.type("Before the delete");
      w.net.settle();
      const old = copyOf(w.aliceDoc);
      deleteContainer(w, kind);
      w.net.settle();
      w.type(", after it");
      w.net.settle();
      // Bob restores from his side; the old state is the one before the delete.
      expect(restoreEntity(w.bobDoc, old, targetOf(w, kind), { origin: LOCAL_ORIGIN })).toBe(true);
      w.net.settle();
      for (const doc of [w.aliceDoc, w.bobDoc]) {
        expect(w.cellText(doc)).toBe("Before the delete, after it");
      }
    });
  }

  it("INV-X5: undoing a persona delete brings back its curve, and a point set concurrently stays", () => {
    const w = workshop();
    const persona = w.map.personas[0]!;
    const [first, second] = w.map.touchpoints;
    const bob = new MapEditor(w.bobDoc, { origin: LOCAL_ORIGIN, ids: sequentialIds("c") });
    w.alice.setEmotion(persona.id, first!.id, -2);
    w.net.settle();
    bob.setEmotion(persona.id, second!.id, 3);
    w.aliceUndo.stopCapturing();
    w.alice.deletePersona(persona.id);
    w.net.settle();
    w.aliceUndo.undo();
    w.net.settle();
    for (const doc of [w.aliceDoc, w.bobDoc]) {
      const map = readJourneyMap(doc);
      expect(map.personas.map((p) => p.id)).toContain(persona.id);
      expect(map.emotions.get(`${persona.id}/${first!.id}`)?.score).toBe(-2);
      expect(map.emotions.get(`${persona.id}/${second!.id}`)?.score).toBe(3);
    }
  });

  it("removedEntities lists what a transaction deleted, by element key, for presence", () => {
    const w = workshop();
    const seen: string[][] = [];
    w.aliceDoc.on("afterTransaction", (tr: Y.Transaction) => {
      seen.push(removedEntities(w.aliceDoc, tr));
    });
    w.alice.updatePhase(w.tp.phaseId, { name: "Renamed" });
    deleteContainer(w, "phase");
    expect(seen[0]).toEqual([]);
    expect(seen[1]).toContain(`phase:${w.tp.phaseId}`);
    expect(seen[1]).toContain(`touchpoint:${w.tp.id}`);
  });
});
