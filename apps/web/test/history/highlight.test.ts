import {
  createMapFromTemplate,
  diffMaps,
  LOCAL_ORIGIN,
  MapEditor,
  readJourneyMap,
  sequentialIds,
} from "@journeymap/schema";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { highlightCss, selectorOf } from "../../src/history/highlight.ts";
import { changesInPhase } from "../../src/history/historyFilters.ts";
import { lastSeenSeq, rememberSeen } from "../../src/history/lastSeen.ts";

describe("highlights", () => {
  it("selects board elements by their data-presence key and lanes by id", () => {
    expect(selectorOf("phase:abc")).toBe('[data-presence="phase:abc"]');
    expect(selectorOf("cell:cell/l/t")).toBe('[data-presence="cell:cell/l/t"]');
    expect(selectorOf("lane:lane-actions")).toBe('[data-lane-id="lane-actions"]');
    expect(selectorOf("persona:p")).toBeNull();
    expect(selectorOf("meta")).toBeNull();
  });

  it("outlines each changed element once, and filters changes to one phase", () => {
    const doc = new Y.Doc();
    createMapFromTemplate(doc, "default", { ids: sequentialIds("t"), now: () => 1 });
    const editor = new MapEditor(doc, { origin: LOCAL_ORIGIN, ids: sequentialIds("e") });
    const before = readJourneyMap(doc);
    const [p0, p1] = before.phases;
    const step = before.touchpointsByPhase.get(p1!.id)![0]!;
    editor.updatePhase(p0!.id, { name: "A" });
    editor.updateTouchpoint(step.id, { name: "B" });
    editor.updateTouchpoint(step.id, { channel: "email" });
    const after = readJourneyMap(doc);
    const changes = diffMaps(before, after);
    const css = highlightCss(changes);
    expect(css.split("\n")).toHaveLength(2);
    expect(css).toContain(`[data-presence="touchpoint:${step.id}"]`);
    expect(changesInPhase(changes, p1!.id, [before, after]).map((c) => c.id)).toEqual([
      step.id,
      step.id,
    ]);
  });
});

describe("last seen", () => {
  it("remembers the last seen sequence number per map and ignores garbage", () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => data.set(k, v),
    } as unknown as Storage;
    expect(lastSeenSeq("m1", storage)).toBeNull();
    rememberSeen("m1", 42, storage);
    rememberSeen("m2", 7, storage);
    expect(lastSeenSeq("m1", storage)).toBe(42);
    data.set("journeymap.lastSeen", "{bad");
    expect(lastSeenSeq("m1", storage)).toBeNull();
  });
});
