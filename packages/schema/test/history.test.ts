/**
 * Edit history in the schema: diffs of read models, restores as forward edits (whole map and
 * one entity), bursts of the log and attribution from logged rows.
 */
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  AttributionIndex,
  builtInLaneId,
  cellRootName,
  createBoardUndoManager,
  createMapFromTemplate,
  decodeRowFrames,
  diffMaps,
  emotionKey,
  encodeRowFrames,
  appendBursts,
  groupBursts,
  LOCAL_ORIGIN,
  MapEditor,
  movedIds,
  readJourneyMap,
  restoreEntity,
  restoreMap,
  sequentialIds,
  type TouchpointId,
} from "../src/index.ts";
import { copyOf, seededMap } from "./support/seededMap.ts";

const actions = builtInLaneId("actions");

describe("diffMaps", () => {
  it("reports added, removed, renamed, moved and re-scored things", () => {
    const { doc, editor, map } = seededMap();
    const before = map();
    const [p0, p1] = before.phases;
    const [t0, t1] = before.touchpoints;
    const persona = before.personas[0]!;
    editor.updatePhase(p0!.id, { name: "Discover" });
    const added = editor.addTouchpoint({ phaseId: p0!.id, name: "Ad seen" });
    editor.deleteTouchpoint(t1!.id);
    editor.moveTouchpoint(t0!.id, p1!.id, 0);
    editor.setEmotion(persona.id, t0!.id, -2);
    editor.setCellText(actions, t0!.id, "Clicks the banner");
    const changes = diffMaps(before, readJourneyMap(doc));
    const has = (entity: string, change: string, id: string) =>
      changes.some((c) => c.entity === entity && c.change === change && c.id === id);
    expect(has("phase", "renamed", p0!.id)).toBe(true);
    expect(changes.find((c) => c.change === "renamed")?.detail).toContain("“Discover”");
    expect(has("touchpoint", "added", added)).toBe(true);
    expect(has("touchpoint", "removed", t1!.id)).toBe(true);
    expect(has("touchpoint", "moved", t0!.id)).toBe(true);
    expect(
      has(
        "cell",
        before.cells.has(cellRootName(actions, t0!.id)) ? "edited" : "added",
        cellRootName(actions, t0!.id),
      ),
    ).toBe(true);
    const point = changes.find(
      (c) => c.entity === "emotion" && c.id === emotionKey(persona.id, t0!.id),
    );
    expect(point?.target).toBe(`point:${emotionKey(persona.id, t0!.id)}`);
    // The removed step's cards, points and cells are not listed one by one.
    expect(changes.filter((c) => c.change === "removed").map((c) => c.entity)).toEqual([
      "touchpoint",
    ]);
  });

  it("does not report every later phase as moved when one is inserted or one is moved", () => {
    expect([...movedIds(["a", "b", "c", "d"], ["x", "a", "b", "c", "d"])]).toEqual([]);
    expect([...movedIds(["a", "b", "c", "d"], ["b", "c", "d", "a"])]).toEqual(["a"]);
    const { doc, editor, map } = seededMap();
    const before = map();
    editor.addPhase({ name: "First", index: 0 });
    const changes = diffMaps(before, readJourneyMap(doc));
    expect(changes.map((c) => `${c.entity} ${c.change}`)).toEqual(["phase added"]);
  });

  it("finds nothing between equal states", () => {
    const { doc } = seededMap();
    expect(diffMaps(readJourneyMap(doc), readJourneyMap(copyOf(doc)))).toEqual([]);
  });
});

describe("restoreMap", () => {
  it("makes the live map equal to the old state in one transaction that undo reverts", () => {
    const { doc, editor, map } = seededMap();
    const old = copyOf(doc);
    const [p0] = map().phases;
    const [t0, t1] = map().touchpoints;
    editor.deletePhase(map().phases[1]!.id);
    editor.updatePhase(p0!.id, { name: "Renamed" });
    editor.addLane({ name: "Metrics" });
    editor.setCellText(actions, t0!.id, "New text");
    editor.setEmotion(map().personas[0]!.id, t1!.id, 3);
    const edited = map();
    const undo = createBoardUndoManager(doc);
    undo.stopCapturing();
    let transactions = 0;
    doc.on("afterTransaction", () => transactions++);
    expect(restoreMap(doc, old, { origin: LOCAL_ORIGIN }, { undo })).toBeGreaterThan(0);
    expect(transactions).toBe(1);
    expect(map()).toEqual(readJourneyMap(old));
    undo.undo();
    expect(map()).toEqual(edited);
  });

  it("writes nothing when the content is already equal", () => {
    const { doc } = seededMap();
    let updates = 0;
    doc.on("update", () => updates++);
    expect(restoreMap(doc, copyOf(doc), { origin: LOCAL_ORIGIN })).toBe(0);
    expect(updates).toBe(0);
  });

  it("merges with an offline client's concurrent edit instead of erasing it", () => {
    const { doc, editor, map } = seededMap();
    const old = copyOf(doc);
    const [p0, p1] = map().phases;
    editor.updatePhase(p0!.id, { name: "Changed later" });
    // An offline replica has everything so far and renames another phase meanwhile.
    const offline = copyOf(doc);
    new MapEditor(offline).updatePhase(p1!.id, { name: "Offline rename" });
    restoreMap(doc, old, { origin: LOCAL_ORIGIN });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(offline));
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(doc));
    const names = map().phases.map((p) => p.name);
    expect(names).toContain("Offline rename");
    expect(names).not.toContain("Changed later");
    expect(readJourneyMap(offline)).toEqual(map());
  });
});

describe("restoreEntity", () => {
  it("brings back a deleted phase with its steps, cards, curve and cells, in place, leaving later edits alone", () => {
    const { doc, editor, map } = seededMap();
    const phase = map().phases[1]!;
    const steps = map().touchpointsByPhase.get(phase.id)!;
    const step = steps[0]!.id as TouchpointId;
    editor.setCellText(actions, step, "Compares plans");
    editor.addCard({ kind: "painPoint", touchpointId: step, title: "Pricing unclear" });
    editor.setEmotion(map().personas[0]!.id, step, -3);
    const old = copyOf(doc);
    const before = readJourneyMap(old);
    editor.deletePhase(phase.id);
    const other = map().phases[0]!;
    editor.updatePhase(other.id, { name: "Edited after the delete" });
    expect(restoreEntity(doc, old, { kind: "phase", id: phase.id }, { origin: LOCAL_ORIGIN })).toBe(
      true,
    );
    const now = map();
    expect(now.phases.map((p) => p.id)).toEqual(before.phases.map((p) => p.id));
    expect(now.touchpointsByPhase.get(phase.id)).toEqual(steps);
    expect(now.cells.get(cellRootName(actions, step))?.text).toBe("Compares plans");
    expect(now.cardsByTouchpoint.get(step)?.map((c) => c.title)).toContain("Pricing unclear");
    expect(now.emotions.get(emotionKey(now.personas[0]!.id, step))?.score).toBe(-3);
    expect(now.phases[0]!.name).toBe("Edited after the delete");
  });

  it("restores one deleted card or touchpoint and can be undone", () => {
    const { doc, editor, map } = seededMap();
    const step = map().touchpoints[2]!;
    const old = copyOf(doc);
    editor.deleteTouchpoint(step.id);
    const undo = createBoardUndoManager(doc);
    undo.stopCapturing();
    restoreEntity(
      doc,
      old,
      { kind: "touchpoint", id: step.id },
      { origin: LOCAL_ORIGIN },
      { undo },
    );
    expect(map().touchpoints.map((t) => t.id)).toContain(step.id);
    undo.undo();
    expect(map().touchpoints.map((t) => t.id)).not.toContain(step.id);
  });

  it("refuses a thing that did not exist at that moment, writing nothing", () => {
    const { doc } = seededMap();
    let updates = 0;
    doc.on("update", () => updates++);
    expect(
      restoreEntity(doc, copyOf(doc), { kind: "phase", id: "nope" }, { origin: LOCAL_ORIGIN }),
    ).toBe(false);
    expect(updates).toBe(0);
  });
});

describe("groupBursts", () => {
  it("groups consecutive rows by author and splits on pauses", () => {
    const row = (seq: number, ts: number, author: string) => ({
      seq,
      ts,
      author,
      origin: "connection",
      bytes: 10,
    });
    const bursts = groupBursts([
      { seq: 1, ts: 0, author: "server", origin: "server", bytes: 100 },
      row(2, 1000, "Ana"),
      row(3, 2000, "Ana"),
      row(4, 3000, "Ben"),
      row(5, 3000 + 61_000, "Ben"),
    ]);
    expect(bursts.map((b) => [b.author, b.fromSeq, b.toSeq, b.count])).toEqual([
      ["server", 1, 1, 1],
      ["Ana", 2, 3, 2],
      ["Ben", 4, 4, 1],
      ["Ben", 5, 5, 1],
    ]);
    expect(bursts[1]!.bytes).toBe(20);
  });
});

describe("appendBursts", () => {
  it("extends a grouped log with the rows after it exactly as grouping it all at once", () => {
    const people = ["Ana", "Ana", "Ben", "Ana", "Ben", "Ben", "server"];
    const log = Array.from({ length: 60 }, (_, i) => ({
      seq: i + 1,
      // Pauses of 2 min now and then, so bursts both join and split across the cut.
      ts: i * 1000 + Math.floor(i / 9) * 120_000,
      author: people[Math.floor(i / 4) % people.length]!,
      origin: people[Math.floor(i / 4) % people.length] === "server" ? "server" : "connection",
      bytes: i + 1,
    }));
    const whole = groupBursts(log);
    for (let cut = 0; cut <= log.length; cut++) {
      const appended = appendBursts(groupBursts(log.slice(0, cut)), groupBursts(log.slice(cut)));
      expect(appended, `cut after row ${cut}`).toEqual(whole);
    }
  });
});

describe("AttributionIndex", () => {
  it("knows who created and who last changed each thing from the logged rows", () => {
    const a = new Y.Doc();
    const rows: Uint8Array[] = [];
    a.on("update", (u: Uint8Array) => rows.push(u));
    createMapFromTemplate(a, "default", { ids: sequentialIds("t"), now: () => 1 });
    const ana = new MapEditor(a, { origin: LOCAL_ORIGIN, ids: sequentialIds("a") });
    const phase = ana.addPhase({ name: "Ana's" });
    const step = readJourneyMap(a).touchpoints[0]!.id;
    ana.updatePhase(phase, { name: "Ben renamed it" });
    ana.setCellText(actions, step, "Ben wrote this");
    const authors = ["server", "Ana", "Ben", "Ben"];
    const index = new AttributionIndex();
    for (const [i, row] of rows.entries()) {
      index.apply(row, { seq: i + 1, ts: (i + 1) * 1000, author: authors[i]! });
    }
    expect(index.get(`phase:${phase}`)).toEqual({
      created: { seq: 2, ts: 2000, author: "Ana" },
      changed: { seq: 3, ts: 3000, author: "Ben" },
    });
    expect(index.get(`cell:${cellRootName(actions, step)}`)?.changed.author).toBe("Ben");
    expect(index.get(`touchpoint:${step}`)?.created.author).toBe("server");
    expect(index.seq).toBe(4);
  });
});

describe("row frames", () => {
  it("round-trips rows and refuses a truncated body", () => {
    const rows = [
      { seq: 1, bytes: new Uint8Array([1, 2, 3]) },
      { seq: 70000, bytes: new Uint8Array([]) },
      { seq: 70001, bytes: new Uint8Array(300).fill(7) },
    ];
    const body = encodeRowFrames(rows);
    expect(decodeRowFrames(body)).toEqual(rows);
    expect(() => decodeRowFrames(body.subarray(0, body.length - 1))).toThrow(RangeError);
  });
});
