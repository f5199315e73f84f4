import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type FieldWrite, fieldWritesOf } from "../src/history/fieldWrites.ts";
import { MapEditor } from "../src/MapEditor.ts";
import { paletteColour } from "../src/vocabulary.ts";

/** The watched writes of every transaction on `doc` from now on. */
function record(doc: Y.Doc): FieldWrite[] {
  const writes: FieldWrite[] = [];
  doc.on("afterTransaction", (t: Y.Transaction) => writes.push(...fieldWritesOf(t)));
  return writes;
}

describe("fieldWritesOf", () => {
  it("names the renamed thing, its value and the write it replaced; creating writes nothing", () => {
    const doc = new Y.Doc();
    doc.clientID = 7;
    const editor = new MapEditor(doc);
    const writes = record(doc);
    const phase = editor.addPhase({ name: "Discover" });
    const step = editor.addTouchpoint({ phaseId: phase, name: "Browse" });
    expect(writes).toEqual([]);
    editor.updateTouchpoint(step, { name: "Look", action: "Reads" });
    editor.updateTouchpoint(step, { name: "Look around" });
    expect(writes.map((w) => [w.ref.kind, w.field, w.value, w.by.client])).toEqual([
      ["touchpoint", "name", "Look", 7],
      ["touchpoint", "name", "Look around", 7],
    ]);
    expect(writes[1]!.replaced).toEqual(writes[0]!.by);
  });

  it("reads positions as the read model does, and ignores fields nobody sees as a name", () => {
    const doc = new Y.Doc();
    const editor = new MapEditor(doc);
    const a = editor.addPhase({ name: "A" });
    const b = editor.addPhase({ name: "B" });
    const step = editor.addTouchpoint({ phaseId: a, name: "S" });
    const writes = record(doc);
    editor.moveTouchpoint(step, b, 0);
    editor.updatePhase(a, { colour: paletteColour(3), description: "Looking" });
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ ref: { kind: "touchpoint", id: step }, field: "pos" });
    expect((writes[0]!.value as { parent: string }).parent).toBe(b);
  });
});
