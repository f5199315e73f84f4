import fc from "fast-check";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  createMapFromTemplate,
  importSnapshot,
  type JourneyMap,
  MapEditor,
  readJourneyMap,
  type RichTextNode,
  sequentialIds,
  snapshotMap,
  TEMPLATES,
  writeRichText,
} from "../src/index.ts";
import { readMapFile, serializeMapFile, toMapFile } from "../src/format/index.ts";
import { applyOp, opArb, ReplicaNetwork } from "../src/testing/index.ts";

/** Order keys are regenerated on import and the map's createdAt is the import time. */
function comparable(map: JourneyMap): unknown {
  return JSON.parse(
    JSON.stringify(map, function (this: Record<string, unknown>, key, value) {
      if (key === "key") return undefined;
      if (key === "createdAt" && "schemaVersion" in this) return undefined;
      return value instanceof Map ? Object.fromEntries(value) : value;
    }),
  );
}

const markArb = fc.record({
  type: fc.constantFrom("bold", "italic", "link"),
  attrs: fc.constantFrom({}, { href: "https://example.com/a?b=1" }),
});
const textArb = fc.record({
  type: fc.constant("text"),
  text: fc.string({ minLength: 1, maxLength: 8 }),
  marks: fc.uniqueArray(markArb, { selector: (m) => m.type, maxLength: 2 }),
});
const blockArb: fc.Arbitrary<RichTextNode> = fc.record({
  type: fc.constantFrom("paragraph", "heading", "blockquote"),
  attrs: fc.constantFrom({}, { level: "2" }),
  // One text run per block: adjacent runs with equal marks merge in Yjs, as in the editor.
  children: fc.array(textArb, { maxLength: 1 }),
});

function throughFile(doc: Y.Doc): Y.Doc {
  const text = serializeMapFile(toMapFile(snapshotMap(doc), new Date(0)));
  const preview = readMapFile(text);
  expect(preview.errors).toEqual([]);
  const copy = new Y.Doc();
  expect(importSnapshot(copy, preview.snapshot!)).toBe(true);
  return copy;
}

describe("the Journeymap file format", () => {
  it("INV-F1: random map → file → import reads back the same map", () => {
    fc.assert(
      fc.property(
        fc.array(opArb(1), { maxLength: 40 }),
        fc.array(fc.array(blockArb, { maxLength: 3 }), { maxLength: 3 }),
        (ops, richCells) => {
          const net = new ReplicaNetwork(1);
          const doc = net.docs[0]!;
          createMapFromTemplate(doc, "default", { ids: sequentialIds("t") });
          const editor = new MapEditor(doc, { origin: { kind: "local" }, ids: sequentialIds("x") });
          for (const op of ops) applyOp(net, [editor], op);
          const map = readJourneyMap(doc);
          const lane = map.lanes.find((l) => l.kind === "thoughts");
          richCells.forEach((content, i) => {
            const tp = map.touchpoints[i];
            if (lane && tp) {
              doc.transact(() => writeRichText(editor.cellFragment(lane.id, tp.id), content));
            }
          });
          const copy = throughFile(doc);
          expect(comparable(readJourneyMap(copy))).toEqual(comparable(readJourneyMap(doc)));
          expect(snapshotMap(copy)).toEqual(snapshotMap(doc));
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });

  it("INV-F1: every template survives the file unchanged", () => {
    for (const { id: template } of TEMPLATES) {
      const doc = new Y.Doc();
      createMapFromTemplate(doc, template, { ids: sequentialIds("t") });
      expect(snapshotMap(throughFile(doc))).toEqual(snapshotMap(doc));
    }
  });
});
