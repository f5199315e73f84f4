import fc from "fast-check";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { createMapFromTemplate, MapEditor, readJourneyMap, sequentialIds } from "../src/index.ts";
import { importSnapshot } from "../src/exchange/importSnapshot.ts";
import { snapshotMap } from "../src/exchange/snapshotMap.ts";
import { applyOp, comparableMap, opArb, ReplicaNetwork } from "../src/testing/index.ts";

describe("map snapshots", () => {
  it("INV-E1: snapshot → import into an empty document reads back the same map", () => {
    fc.assert(
      fc.property(fc.array(opArb(1), { maxLength: 40 }), (ops) => {
        const net = new ReplicaNetwork(1);
        createMapFromTemplate(net.docs[0]!, "default", { ids: sequentialIds("t") });
        const editor = new MapEditor(net.docs[0]!, {
          origin: { kind: "local" },
          ids: sequentialIds("x"),
        });
        for (const op of ops) applyOp(net, [editor], op);
        const original = readJourneyMap(net.docs[0]!);
        const copy = new Y.Doc();
        expect(importSnapshot(copy, snapshotMap(net.docs[0]!))).toBe(true);
        const imported = readJourneyMap(copy);
        expect(comparableMap(imported)).toEqual(comparableMap(original));
        expect(snapshotMap(copy)).toEqual(snapshotMap(net.docs[0]!));
      }),
      { numRuns: 300 },
    );
  });

  it("INV-E1: keeps rich text with marks and attributes", () => {
    const doc = new Y.Doc();
    createMapFromTemplate(doc, "default", { ids: sequentialIds("t") });
    const map = readJourneyMap(doc);
    const fragment = new MapEditor(doc).cellFragment(map.lanes[0]!.id, map.touchpoints[0]!.id);
    doc.transact(() => {
      const p = new Y.XmlElement("heading");
      p.setAttribute("level", "2");
      const text = new Y.XmlText();
      text.insert(0, "Bold ", { bold: {} });
      text.insert(5, "link", { link: { href: "https://example.com" } });
      p.insert(0, [text]);
      fragment.insert(0, [p]);
    });
    const copy = new Y.Doc();
    importSnapshot(copy, snapshotMap(doc));
    expect(snapshotMap(copy).cells).toEqual(snapshotMap(doc).cells);
    expect(
      readJourneyMap(copy).cells.get(`cell/${map.lanes[0]!.id}/${map.touchpoints[0]!.id}`)?.text,
    ).toBe("Bold link");
  });

  it("refuses to import into a document that already holds a map", () => {
    const doc = new Y.Doc();
    createMapFromTemplate(doc, "default");
    expect(importSnapshot(doc, snapshotMap(doc))).toBe(false);
  });
});
