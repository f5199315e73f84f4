/** Search hits grouped by map, and snippets cut into plain and marked text (issue 19). */
import type { LibrarySearchHit } from "@journeymap/protocol/http";
import { describe, expect, it } from "vitest";
import { groupHitsByMap, snippetParts } from "../../src/library/search/groupHits.ts";

const hit = (mapId: string, elementKey: string): LibrarySearchHit => ({
  mapId,
  mapTitle: `Map ${mapId}`,
  elementKey,
  kind: "step",
  label: elementKey,
  labelMarks: [],
  snippet: { text: "", marks: [] },
  score: 1,
});

describe("search results", () => {
  it("group hits by map in the order of each map's best hit", () => {
    const groups = groupHitsByMap([hit("b", "1"), hit("a", "2"), hit("b", "3")]);
    expect(groups.map((g) => [g.mapId, g.hits.map((h) => h.elementKey)])).toEqual([
      ["b", ["1", "3"]],
      ["a", ["2"]],
    ]);
  });

  it("cut a snippet at its marks, and survive marks out of order, overlapping or out of range", () => {
    expect(snippetParts({ text: "Gets a refund fast", marks: [{ start: 7, length: 6 }] })).toEqual([
      { text: "Gets a ", marked: false },
      { text: "refund", marked: true },
      { text: " fast", marked: false },
    ]);
    const odd = snippetParts({
      text: "abcdef",
      marks: [
        { start: 4, length: 10 },
        { start: 0, length: 2 },
        { start: 1, length: 2 },
      ],
    });
    expect(odd.map((p) => p.text).join("")).toBe("abcdef");
    expect(odd.filter((p) => p.marked).map((p) => p.text)).toEqual(["ab", "c", "ef"]);
  });
});
