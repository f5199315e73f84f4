import {
  createMapFromTemplate,
  MapEditor,
  readJourneyMap,
  sequentialIds,
  type Talk,
  type TalkTarget,
  type Template,
} from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { boardColumns } from "../../../src/board/columns.ts";
import { buildMarks, markLookups, marksInView } from "../../../src/talk/comments/boardMarks.ts";

const TEMPLATE: Template = {
  id: "t",
  name: "T",
  summary: "",
  title: "Trial",
  scenario: "",
  personas: [{ name: "Ana" }],
  phases: [
    {
      name: "Discover",
      touchpoints: [
        {
          name: "Reads a review",
          channel: "reviewSite",
          action: "Compares",
          emotions: [1],
          painPoints: [{ title: "Pricing hidden", rating: 4 }],
        },
        { name: "Asks a friend", channel: "email", action: "Asks" },
      ],
    },
    { name: "Buy", touchpoints: [{ name: "Pays", channel: "website", action: "Pays" }] },
  ],
};

function sample() {
  const doc = new Y.Doc();
  createMapFromTemplate(doc, TEMPLATE, { ids: sequentialIds("t"), now: () => 1 });
  return { doc, editor: new MapEditor(doc), read: () => readJourneyMap(doc) };
}

type Thread = Talk["threads"][number];
const thread = (id: string, target: TalkTarget, resolved = false): Thread => ({
  id,
  target,
  author: "Ana",
  authorId: "",
  createdAt: 1,
  resolved: resolved ? { by: "Ana", byId: "", at: 2 } : null,
  comments: [],
  lastActivity: 1,
});

describe("board marks", () => {
  it("pins open threads, counting them per element, and skips resolved ones", () => {
    const { read } = sample();
    const map = read();
    const [first] = map.touchpoints;
    if (!first) throw new Error("template changed");
    const target: TalkTarget = { kind: "touchpoint", id: first.id };
    const marks = buildMarks(
      [thread("a", target), thread("b", target), thread("c", target, true)],
      map,
      false,
    );
    const pin = marks.find((m) => m.ref.kind === "touchpoint" && m.ref.id === first.id);
    expect(pin).toMatchObject({ comments: 2, target, measured: false, assumed: false });
  });

  it("counts evidence on steps and pain points, with the contributors' sentiment beside the curve", () => {
    const { editor, read } = sample();
    const before = read();
    const [first] = before.touchpoints;
    const pain = first && before.cardsByTouchpoint.get(first.id)?.[0];
    if (!first || !pain) throw new Error("template changed");
    editor.addEvidence({
      kind: "ticket",
      text: "t",
      sentiment: -2,
      target: { kind: "card", id: pain.id },
    });
    const marks = buildMarks([], read(), false);
    const step = marks.find((m) => m.ref.kind === "touchpoint" && m.ref.id === first.id);
    expect(step?.evidence).toMatchObject({ total: 1, sentiment: -2 });
    expect(step?.evidence?.title).toContain("contributors' mean sentiment");
    const card = marks.find((m) => m.ref.kind === "card" && m.ref.id === pain.id);
    expect(card).toMatchObject({ measured: true, evidence: { total: 1 } });
    const voice = marks.find((m) => m.voice !== undefined);
    expect(voice).toMatchObject({ measured: true, voice: -2, key: `voice:${step?.key}` });
    expect(voice?.selector).toContain(first.id);
    expect(marks.some((m) => m.assumed)).toBe(false);
  });

  it("marks the steps no evidence backs as assumed only with the evidence layer on", () => {
    const { read } = sample();
    const map = read();
    expect(buildMarks([], map, false)).toEqual([]);
    const assumed = buildMarks([], map, true);
    expect(assumed.map((m) => m.ref)).toEqual(
      map.touchpoints.map((t) => ({ kind: "touchpoint", id: t.id })),
    );
    expect(assumed.every((m) => m.assumed)).toBe(true);
  });

  it("keeps the marks whose column is rendered, a phase's while any of its columns is", () => {
    const { read } = sample();
    const map = read();
    const [discover, buy] = map.phases;
    if (!discover || !buy) throw new Error("template changed");
    const marks = [
      ...buildMarks([], map, true),
      ...buildMarks(
        [
          thread("p", { kind: "phase", id: discover.id }),
          thread("q", { kind: "phase", id: buy.id }),
        ],
        map,
        false,
      ),
    ];
    const lookups = markLookups(boardColumns(map), map.cardsByTouchpoint);
    const keys = (first: number, last: number) =>
      marksInView(marks, lookups, { first, last }).map((m) =>
        m.ref.kind === "phase"
          ? `phase:${m.ref.id === discover.id ? "discover" : "buy"}`
          : m.ref.kind,
      );
    // Columns: Discover's two steps (0, 1), then Buy's (2).
    expect(keys(1, 1)).toEqual(["touchpoint", "phase:discover"]);
    expect(keys(2, 2)).toEqual(["touchpoint", "phase:buy"]);
    expect(keys(0, 2)).toHaveLength(5);
    expect(keys(3, 10)).toEqual([]);
  });
});
