import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BURST_GAP_MS, countEdits } from "../../src/sync/editCounter.ts";

/** A document with two cells (root fragments), a map of steps and a map of plain values. */
function fixture() {
  const doc = new Y.Doc();
  let clock = 0;
  const seen: number[] = [];
  const counter = countEdits(
    doc,
    (n) => seen.push(n),
    () => clock,
  );
  const tick = (ms: number) => {
    clock += ms;
  };
  /** Types `text` into a cell one keystroke per transaction, as the editor does. */
  const type = (cell: string, text: string) => {
    const fragment = doc.getXmlFragment(cell);
    if (fragment.length === 0) fragment.insert(0, [new Y.XmlElement("paragraph")]);
    const paragraph = fragment.get(0) as Y.XmlElement;
    if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
    const run = paragraph.get(0) as Y.XmlText;
    for (const char of text) {
      tick(120);
      run.insert(run.length, char);
    }
  };
  return { doc, counter, seen, tick, type };
}

describe("countEdits", () => {
  it("B4: counts two typing bursts in two cells as 2 edits, not one per keystroke", () => {
    const { counter, type } = fixture();
    type("cell/a/1", "Checkout is slow");
    type("cell/b/1", "Too many fields");
    expect(counter.count()).toBe(2);
  });

  it("B4: a pause longer than a burst starts a new edit in the same cell", () => {
    const { counter, type, tick } = fixture();
    type("cell/a/1", "first");
    tick(BURST_GAP_MS + 1);
    type("cell/a/1", " second");
    expect(counter.count()).toBe(2);
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
