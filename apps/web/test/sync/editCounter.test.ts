import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Awareness } from "y-protocols/awareness";
import { cellRef } from "@journeymap/schema";
import { countEdits } from "../../src/sync/editCounter.ts";
import { presenceWriter } from "../../src/sync/presence/presenceWriter.ts";
import { watchOwnSelection } from "../../src/sync/presence/watchOwnSelection.ts";

/** A document with two cells (root fragments), a map of steps and a map of plain values. */
function fixture() {
  const doc = new Y.Doc();
  const seen: number[] = [];
  const counter = countEdits(doc, (n) => seen.push(n));
  /** Types `text` into a cell one keystroke per transaction, as the editor does. */
  const type = (cell: string, text: string) => {
    const fragment = doc.getXmlFragment(cell);
    if (fragment.length === 0) fragment.insert(0, [new Y.XmlElement("paragraph")]);
    const paragraph = fragment.get(0) as Y.XmlElement;
    if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
    const run = paragraph.get(0) as Y.XmlText;
    for (const char of text) run.insert(run.length, char);
  };
  return { doc, counter, seen, type };
}

describe("countEdits", () => {
  it("B4: counts two typing bursts in two cells as 2 edits, not one per keystroke", () => {
    const { counter, type } = fixture();
    type("cell/a/1", "Checkout is slow");
    type("cell/b/1", "Too many fields");
    expect(counter.count()).toBe(2);
  });

  it("B4: two visits to one cell are two edits, however fast they come", () => {
    const { counter, type } = fixture();
    type("cell/a/1", "first");
    counter.breakEdit();
    type("cell/a/1", " second");
    expect(counter.count()).toBe(2);
  });

  it("B4: a pause within one visit is not a new edit (time plays no part)", async () => {
    const { counter, type } = fixture();
    type("cell/a/1", "first");
    await new Promise((r) => setTimeout(r, 50));
    type("cell/a/1", " second");
    expect(counter.count()).toBe(1);
  });

  it("B4: opening and closing a cell's editor (our presence) ends an edit", () => {
    const { doc, counter, type } = fixture();
    const awareness = new Awareness(doc);
    watchOwnSelection(awareness, counter.breakEdit);
    const publish = presenceWriter(awareness);
    const cell = cellRef("lane-actions", "t1")!;
    publish.select({ ref: cell, editing: true });
    type("cell/lane-actions/t1", "Checkout");
    publish.stopEditing();
    publish.select({ ref: cell, editing: true });
    type("cell/lane-actions/t1", " is slow");
    expect(counter.count()).toBe(2);
    // Pointer moves are not a change of selection: typing on is the same edit.
    publish.pointer({ x: 1, y: 2 });
    type("cell/lane-actions/t1", "!");
    expect(counter.count()).toBe(2);
    awareness.destroy();
  });

  it("B4: edits to different steps or different plain values are separate edits", () => {
    const { doc, counter } = fixture();
    const steps = doc.getMap<Y.Map<unknown>>("touchpoints");
    doc.transact(() => {
      const a = new Y.Map<unknown>();
      const b = new Y.Map<unknown>();
      steps.set("a", a);
      steps.set("b", b);
    }, null);
    steps.get("a")!.set("name", "A");
    steps.get("b")!.set("name", "B");
    const emotions = doc.getMap("emotions");
    emotions.set("p/a", 1);
    emotions.set("p/b", 2);
    expect(counter.count()).toBe(5);
  });

  it("B4: remote updates, migrations and templates are not edits; reset starts from zero", () => {
    const { doc, counter, seen, type } = fixture();
    const remote = new Y.Doc();
    remote.getMap("meta").set("title", "From someone else");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), "provider");
    doc.transact(() => doc.getMap("meta").set("schemaVersion", 2), { kind: "migration" });
    doc.transact(() => doc.getMap("lanes").set("x", 1), { kind: "template" });
    expect(counter.count()).toBe(0);
    type("cell/a/1", "hello");
    expect(counter.count()).toBe(1);
    counter.reset();
    expect(counter.count()).toBe(0);
    expect(seen).toEqual([1, 0]);
    counter.stop();
    type("cell/b/1", "after stop");
    expect(counter.count()).toBe(0);
  });
});
