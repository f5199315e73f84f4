import { describe, expect, it } from "vitest";
import { indexForDrop, indexForStep } from "../../src/board/reorder.ts";

// Schema semantics: the index counts siblings without the moved item.
function applyMove(ids: string[], moved: string, index: number): string[] {
  const rest = ids.filter((id) => id !== moved);
  rest.splice(index, 0, moved);
  return rest;
}

describe("reorder", () => {
  const ids = ["a", "b", "c", "d"];
  it("drops onto another item's place, in both directions", () => {
    expect(applyMove(ids, "a", indexForDrop(ids, "a", "c"))).toEqual(["b", "c", "a", "d"]);
    expect(applyMove(ids, "d", indexForDrop(ids, "d", "b"))).toEqual(["a", "d", "b", "c"]);
  });
  it("drops an item from another list before the target", () => {
    expect(applyMove(ids, "x", indexForDrop(ids, "x", "c"))).toEqual(["a", "b", "x", "c", "d"]);
  });
  it("steps left and right, refusing to leave the list", () => {
    expect(applyMove(ids, "b", indexForStep(ids, "b", 1)!)).toEqual(["a", "c", "b", "d"]);
    expect(applyMove(ids, "b", indexForStep(ids, "b", -1)!)).toEqual(["b", "a", "c", "d"]);
    expect(indexForStep(ids, "a", -1)).toBeNull();
    expect(indexForStep(ids, "d", 1)).toBeNull();
  });
});
