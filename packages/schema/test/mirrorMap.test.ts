import {
  builtInLaneId,
  createMapFromTemplate,
  LOCAL_ORIGIN,
  MapEditor,
  MapReader,
  mirrorMap,
  readJourneyMap,
  sequentialIds,
} from "../src/index.ts";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";

/**
 * States of one map after edits of every kind, deletes (with their cascades) and evidence
 * included: what the history view moves between, in any order.
 */
function moments(): Uint8Array[] {
  const doc = new Y.Doc();
  createMapFromTemplate(doc, "default", { ids: sequentialIds("t"), now: () => 1 });
  const editor = new MapEditor(doc, { origin: LOCAL_ORIGIN, ids: sequentialIds("e") });
  const states = [Y.encodeStateAsUpdate(doc)];
  const snap = () => states.push(Y.encodeStateAsUpdate(doc));
  const map = () => readJourneyMap(doc);
  const [first, second] = map().phases;
  const step = editor.addTouchpoint({ phaseId: first!.id, name: "Applies a coupon" });
  editor.setCellText(builtInLaneId("actions"), step, "Types the code");
  snap();
  const persona = map().personas[0]!;
  editor.setEmotion(persona.id, step, -2, "Annoyed");
  const card = editor.addCard({ kind: "painPoint", touchpointId: step, title: "Code refused" });
  editor.addEvidence({ kind: "ticket", text: "Ticket 42", target: { kind: "card", id: card } });
  snap();
  const lane = editor.addLane({ name: "Backstage" });
  editor.setCellText(lane, step, "Coupon service");
  editor.updatePhase(first!.id, { name: "Discover" });
  editor.moveTouchpoint(step, second!.id, 0);
  snap();
  editor.deletePhase(second!.id); // cascades: its steps, cards, points and cells
  editor.deleteLane(lane);
  editor.updatePersona(persona.id, { name: "Ana, first-time buyer" });
  snap();
  editor.addPersona({ name: "Ben" });
  editor.deletePersona(persona.id);
  editor.updateMeta({ title: "Checkout, after the workshop" });
  snap();
  return states;
}

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

describe("mirrorMap", () => {
  const states = moments();

  it("shows every moment exactly on one document, in any order, evidence included", () => {
    const display = new Y.Doc();
    const order = [4, 0, 2, 1, 5, 3, 0, 5, 1, 4, 2];
    for (const i of order) {
      const source = docOf(states[i]!);
      mirrorMap(display, source);
      expect(readJourneyMap(display), `moment ${i}`).toEqual(readJourneyMap(source));
      expect(mirrorMap(display, source), `moment ${i} again`).toBe(0);
    }
  });

  it("lets the incremental reader keep what did not change between two moments", () => {
    const display = new Y.Doc();
    mirrorMap(display, docOf(states[3]!));
    const reader = new MapReader(display);
    const before = reader.read();
    mirrorMap(display, docOf(states[4]!));
    const after = reader.read();
    expect(after).toEqual(readJourneyMap(docOf(states[4]!)));
    // The first phase was not touched between these moments: same object, no repaint.
    const kept = before.phases.find((p) => p.name === "Discover")!;
    expect(after.phases.find((p) => p.id === kept.id)).toBe(kept);
    reader.destroy();
  });
});
