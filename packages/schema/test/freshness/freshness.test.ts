/**
 * Freshness (issue 18): last changes from the log, also across retention compaction (INV-F1),
 * settings read as untrusted data (INV-F2), and which items need review (INV-F3).
 */
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  builtInLaneId,
  type Change,
  cellRootName,
  computeFreshness,
  DAY_MS,
  DEFAULT_REVIEW_AFTER_DAYS,
  LastChangedIndex,
  type LastChangedSummary,
  LOCAL_ORIGIN,
  markVerified,
  readFreshnessSettings,
  readJourneyMap,
  readLastChangedSummary,
  setPhaseOwner,
  setReviewAfterDays,
  type ShownChange,
  stalestItems,
} from "../../src/index.ts";
import { seededMap, updatesDuring } from "../support/seededMap.ts";

const ctx = { origin: LOCAL_ORIGIN };
const actions = builtInLaneId("actions");

interface Row {
  readonly bytes: Uint8Array;
  readonly change: Change;
}

/** A seeded map whose every update is a logged row, by `author` at `ts` (set before each edit). */
function loggedMap() {
  const seeded = seededMap();
  const rows: Row[] = [];
  let author = "server";
  let ts = 0;
  rows.push({
    bytes: Y.encodeStateAsUpdate(seeded.doc),
    change: { seq: 1, ts, author },
  });
  seeded.doc.on("update", (bytes: Uint8Array) => {
    rows.push({ bytes, change: { seq: rows.length + 1, ts, author } });
  });
  const as = (who: string, at: number) => {
    author = who;
    ts = at;
  };
  return { ...seeded, rows, as };
}

function replay(rows: readonly Row[], summary: LastChangedSummary | null = null) {
  const index = new LastChangedIndex(summary);
  for (const row of rows) index.apply(row.bytes, row.change);
  return index;
}

/** What retention does: rows up to `point` merged into one row at `point`. */
function compact(rows: readonly Row[], point: number): Row[] {
  const old = rows.filter((r) => r.change.seq <= point);
  const last = old.at(-1)!;
  return [
    {
      bytes: Y.mergeUpdates(old.map((r) => r.bytes)),
      change: { seq: point, ts: last.change.ts, author: "retention" },
    },
    ...rows.filter((r) => r.change.seq > point),
  ];
}

describe("last changes from the log", () => {
  it("INV-F1: knows who last changed each step, card and cell and when", () => {
    const { editor, map, rows, as } = loggedMap();
    const [t0, t1] = map().touchpoints;
    as("Ana", 10 * DAY_MS);
    editor.updateTouchpoint(t0!.id, { name: "Ad seen" });
    as("Ben", 20 * DAY_MS);
    editor.setCellText(actions, t1!.id, "Compares prices");
    const card = editor.addCard({ touchpointId: t1!.id, kind: "painPoint", title: "Slow" });
    as("Cy", 30 * DAY_MS);
    editor.setCardDescriptionText(card, "It takes ages");
    const index = replay(rows);
    expect(index.get(`touchpoint:${t0!.id}`)).toMatchObject({ author: "Ana", ts: 10 * DAY_MS });
    expect(index.get(`cell:${cellRootName(actions, t1!.id)}`)).toMatchObject({ author: "Ben" });
    // A card's description is a root of its own: writing it changes the card.
    expect(index.get(`card:${card}`)).toMatchObject({ author: "Cy", ts: 30 * DAY_MS });
  });

  it("INV-F1: a compacted log with its summary gives the same last changes as the full log", () => {
    const { editor, map, rows, as } = loggedMap();
    const [t0, t1, t2] = map().touchpoints;
    as("Ana", 10 * DAY_MS);
    editor.updateTouchpoint(t0!.id, { name: "Old change" });
    as("Ben", 20 * DAY_MS);
    editor.updateTouchpoint(t1!.id, { name: "Changed twice" });
    const firstPoint = rows.length;
    as("Cy", 40 * DAY_MS);
    editor.updateTouchpoint(t1!.id, { name: "Changed twice, later" });
    editor.setCellText(actions, t2!.id, "After the first compaction");
    const secondPoint = rows.length;
    as("Dee", 80 * DAY_MS);
    editor.updateTouchpoint(t2!.id, { name: "Recent" });
    const full = new Map(replay(rows).entries());

    // Compacted without a summary, old things look changed at the cut, by "retention".
    const naive = replay(compact(rows, firstPoint));
    expect(naive.get(`touchpoint:${t0!.id}`)).toMatchObject({ author: "retention" });

    // First compaction: summarise the rows being merged, then compact.
    const first = replay(rows.filter((r) => r.change.seq <= firstPoint)).toSummary();
    const once = compact(rows, firstPoint);
    expect(new Map(replay(once, first).entries())).toEqual(full);

    // Second compaction over the already compacted log: the summaries chain.
    const secondSummary = replay(
      once.filter((r) => r.change.seq <= secondPoint),
      first,
    ).toSummary();
    const twice = compact(once, secondPoint);
    // The stored summary is read back as untrusted JSON.
    const stored = readLastChangedSummary(JSON.parse(JSON.stringify(secondSummary)));
    const replayed = new Map(replay(twice, stored).entries());
    expect(replayed).toEqual(full);
    expect(replayed.get(`touchpoint:${t0!.id}`)).toMatchObject({ author: "Ana", ts: 10 * DAY_MS });
    expect(replayed.get(`touchpoint:${t1!.id}`)).toMatchObject({ author: "Cy", ts: 40 * DAY_MS });
  });

  it("INV-F1: verifying, naming an owner or setting the period is not a change of the thing", () => {
    const { doc, map, rows, as } = loggedMap();
    const { phases, touchpoints } = map();
    as("Ana", 5 * DAY_MS);
    markVerified(doc, [{ kind: "phase", id: phases[0]!.id }], "Ana", ctx);
    setPhaseOwner(doc, phases[0]!.id, "Support team", ctx);
    setReviewAfterDays(doc, 30, ctx);
    const index = replay(rows);
    expect(index.get(`touchpoint:${touchpoints[0]!.id}`)?.author).toBe("server");
    expect(index.get(`phase:${phases[0]!.id}`)?.author).toBe("server");
  });

  it("reads a corrupt summary as nothing, and drops corrupt entries", () => {
    expect(readLastChangedSummary("nope")).toBeNull();
    expect(readLastChangedSummary({ uptoSeq: 1.5, targets: {} })).toBeNull();
    expect(
      readLastChangedSummary({ uptoSeq: 3, targets: { a: { seq: 1, ts: 2, author: "x" }, b: 7 } }),
    ).toEqual({ uptoSeq: 3, targets: { a: { seq: 1, ts: 2, author: "x" } } });
  });
});

describe("freshness settings", () => {
  it("INV-F2: reads bad values as defaults and skips bad verifications", () => {
    const doc = new Y.Doc();
    expect(readFreshnessSettings(doc).reviewAfterDays).toBe(DEFAULT_REVIEW_AFTER_DAYS);
    const root = doc.getMap("freshness");
    root.set("reviewAfterDays", 1e9);
    root.set("owner/p1", "  Support  ");
    root.set("owner/p2", 42);
    root.set("verified/touchpoint:t1", { by: "Ana", at: 5 });
    root.set("verified/touchpoint:t2", { by: "Ben", at: "yesterday" });
    const settings = readFreshnessSettings(doc);
    expect(settings.reviewAfterDays).toBe(DEFAULT_REVIEW_AFTER_DAYS);
    expect([...settings.owners]).toEqual([["p1", "Support"]]);
    expect([...settings.verified.keys()]).toEqual(["touchpoint:t1"]);
  });

  it("INV-F2: a freshness root of the wrong type reads as no settings, and the read does not throw", () => {
    const doc = new Y.Doc();
    doc.getArray("freshness");
    expect(readFreshnessSettings(doc).owners.size).toBe(0);
  });

  it("validates the period and writes nothing for an unchanged value (INV-M1, INV-M2)", () => {
    const { doc, map } = seededMap();
    const phase = map().phases[0]!.id;
    expect(() => setReviewAfterDays(doc, 0, ctx)).toThrow(RangeError);
    expect(() => setReviewAfterDays(doc, 2.5, ctx)).toThrow(RangeError);
    expect(updatesDuring(doc, () => setReviewAfterDays(doc, DEFAULT_REVIEW_AFTER_DAYS, ctx))).toBe(
      0,
    );
    expect(setReviewAfterDays(doc, 30, ctx)).toBe(true);
    expect(readFreshnessSettings(doc).reviewAfterDays).toBe(30);
    setPhaseOwner(doc, phase, "Ana", ctx);
    expect(updatesDuring(doc, () => setPhaseOwner(doc, phase, " Ana ", ctx))).toBe(0);
    setPhaseOwner(doc, phase, "", ctx);
    expect(readFreshnessSettings(doc).owners.has(phase)).toBe(false);
  });
});

describe("computeFreshness", () => {
  const now = 200 * DAY_MS;

  function aged() {
    const { doc, editor, map } = seededMap();
    const [t0, t1] = map().touchpoints;
    editor.setCellText(actions, t0!.id, "Sees an ad");
    const card = editor.addCard({ touchpointId: t0!.id, kind: "painPoint", title: "Too loud" });
    const changes = new Map<string, ShownChange>([
      [`touchpoint:${t0!.id}`, { at: 10 * DAY_MS, by: "Ana" }],
      [`card:${card}`, { at: 20 * DAY_MS, by: "Ben" }],
      [`cell:${cellRootName(actions, t0!.id)}`, { at: 150 * DAY_MS, by: "Cy" }],
      [`touchpoint:${t1!.id}`, { at: 190 * DAY_MS, by: "Dee" }],
    ]);
    return { doc, map, t0: t0!, t1: t1!, card, changes };
  }

  it("INV-F3: items not changed or verified within the period are stale, oldest first", () => {
    const { doc, map, t0, t1, card, changes } = aged();
    const freshness = computeFreshness(map(), changes, readFreshnessSettings(doc), now);
    expect(freshness.byKey.get(`touchpoint:${t0.id}`)).toMatchObject({ stale: true, ageDays: 190 });
    expect(freshness.byKey.get(`card:${card}`)?.stale).toBe(true);
    expect(freshness.byKey.get(`cell:${cellRootName(actions, t0.id)}`)?.stale).toBe(false);
    expect(freshness.byKey.get(`touchpoint:${t1.id}`)?.stale).toBe(false);
    expect(stalestItems(freshness, 1).map((i) => i.key)).toEqual([`touchpoint:${t0.id}`]);
    const phase = freshness.phases.find((p) => p.phaseId === t0.phaseId)!;
    expect(phase.oldestDays).toBe(190);
  });

  it("INV-F3: a shorter period makes more items stale; unknown items count as new", () => {
    const { doc, map, changes } = aged();
    setReviewAfterDays(doc, 30, ctx);
    const freshness = computeFreshness(map(), changes, readFreshnessSettings(doc), now);
    expect(
      freshness.byKey.get(`cell:${cellRootName(actions, map().touchpoints[0]!.id)}`)?.stale,
    ).toBe(true);
    // Steps the log does not know yet (just made) are fresh.
    const unknown = freshness.items.filter((i) => !changes.has(i.key));
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((i) => !i.stale)).toBe(true);
  });

  it("INV-F3: verifying a phase covers its steps, cards and cells; a step covers its own", () => {
    const { doc, map, t0, card, changes } = aged();
    setReviewAfterDays(doc, 30, ctx);
    markVerified(doc, [{ kind: "touchpoint", id: t0.id }], "Eve", {
      ...ctx,
      now: () => now - DAY_MS,
    });
    let freshness = computeFreshness(map(), changes, readFreshnessSettings(doc), now);
    expect(freshness.byKey.get(`card:${card}`)).toMatchObject({
      stale: false,
      verified: { by: "Eve" },
    });
    const phaseId = t0.phaseId;
    const before = freshness.phases.find((p) => p.phaseId === phaseId)!.stale;
    markVerified(doc, [{ kind: "phase", id: phaseId }], "Fay", { ...ctx, now: () => now });
    setPhaseOwner(doc, phaseId, "Marketing", ctx);
    freshness = computeFreshness(map(), changes, readFreshnessSettings(doc), now);
    const phase = freshness.phases.find((p) => p.phaseId === phaseId)!;
    expect(phase).toMatchObject({ stale: 0, owner: "Marketing" });
    expect(before).toBeGreaterThanOrEqual(0);
    // The verification changed no content.
    expect(readJourneyMap(doc).touchpoints.find((t) => t.id === t0.id)?.name).toBe(t0.name);
  });
});
