import fc from "fast-check";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  createMapFromTemplate,
  importSnapshot,
  MapEditor,
  readJourneyMap,
  type RichTextNode,
  sequentialIds,
  snapshotMap,
  TEMPLATES,
  writeRichText,
} from "../src/index.ts";
import {
  readMapFile,
  serializeMapFile,
  threadsOfTalk,
  toMapFile,
  writeThreads,
} from "../src/format/index.ts";
import { replyToThread, resolveThread, startThread } from "../src/talk/comments.ts";
import { readTalk } from "../src/talk/readTalk.ts";
import { applyOp, comparableMap, opArb, ReplicaNetwork } from "../src/testing/index.ts";

/** Identities are the server's and are not kept in files: comments written with none. */
const said = (say: { author: string; text: string; mentions: string[] }) => ({
  ...say,
  author: { name: say.author, id: "" },
});

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
          expect(comparableMap(readJourneyMap(copy))).toEqual(comparableMap(readJourneyMap(doc)));
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

  it("INV-F1: comment threads → file → import read back the same threads", () => {
    const doc = new Y.Doc();
    createMapFromTemplate(doc, "default", { ids: sequentialIds("t") });
    const map = readJourneyMap(doc);
    const lane = map.lanes.find((l) => l.kind === "thoughts")!;
    const targets = [
      ...map.phases.map((p) => ({ kind: "phase" as const, id: p.id as string })),
      ...map.touchpoints.map((t) => ({ kind: "touchpoint" as const, id: t.id as string })),
      ...map.touchpoints.map((t) => ({ kind: "cell" as const, id: `${lane.id}/${t.id}` })),
      ...map.personas.map((p) => ({
        kind: "emotion" as const,
        id: `${p.id}/${map.touchpoints[0]!.id}`,
      })),
    ];
    const say = fc.record({
      author: fc.constantFrom("Ana", "Ben", "Chloé", ""),
      text: fc.string({ minLength: 1, maxLength: 30 }).filter((t) => t.trim() !== ""),
      mentions: fc.uniqueArray(fc.constantFrom("Ana", "Ben"), { maxLength: 2 }),
    });
    const step = fc.oneof(
      fc.record({ op: fc.constant("start" as const), target: fc.constantFrom(...targets), say }),
      fc.record({ op: fc.constant("reply" as const), thread: fc.nat(), say }),
      fc.record({
        op: fc.constant("resolve" as const),
        thread: fc.nat(),
        by: fc.constantFrom("Ana", "Ben"),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const talk = new Y.Doc();
        let clock = 1_700_000_000_000;
        const ctx = {
          origin: { kind: "local" as const },
          ids: sequentialIds("c"),
          // Equal times on purpose now and then: order then falls back to ids.
          now: () => (clock += steps.length % 3),
        };
        const threads: string[] = [];
        for (const s of steps) {
          if (s.op === "start")
            threads.push(startThread(talk, s.target, said(s.say), ctx).threadId);
          else if (threads.length === 0) continue;
          else if (s.op === "reply")
            replyToThread(talk, threads[s.thread % threads.length]!, said(s.say), ctx);
          else
            resolveThread(talk, threads[s.thread % threads.length]!, { name: s.by, id: "" }, ctx);
        }
        const text = serializeMapFile(
          toMapFile(snapshotMap(doc), new Date(0), threadsOfTalk(talk)),
        );
        const preview = readMapFile(text);
        expect(preview.errors).toEqual([]);
        const copy = new Y.Doc();
        writeThreads(copy, preview.comments ?? []);
        const before = readTalk(talk);
        const after = readTalk(copy);
        expect(after.threads).toEqual(before.threads);
        expect(after.threadsByTarget).toEqual(before.threadsByTarget);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });

  it("leaves comments out unless they are asked for, and refuses bad threads by path", () => {
    const doc = new Y.Doc();
    createMapFromTemplate(doc, "default", { ids: sequentialIds("t") });
    const plain = JSON.parse(serializeMapFile(toMapFile(snapshotMap(doc), new Date(0))));
    expect(plain).not.toHaveProperty("comments");
    expect(readMapFile(plain).comments).toBeUndefined();
    const thread = (id: string, target: { kind: string; id: string }) => ({
      id,
      target,
      author: "Ana",
      createdAt: 1,
      resolved: null,
      comments: [{ id: `${id}c`, author: "Ana", text: "Why?", mentions: [], createdAt: 1 }],
    });
    const bad = readMapFile({
      ...plain,
      comments: [
        thread("a", { kind: "phase", id: "p1" }),
        thread("a", { kind: "cell", id: "no-slash" }),
      ],
    });
    expect(bad.snapshot).toBeNull();
    expect(bad.errors.map((e) => e.path)).toEqual([
      "comments[1].target",
      "comments[1].id",
      "comments[1].comments[0].id",
    ]);
  });
});
