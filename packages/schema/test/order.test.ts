import { describe, expect, it } from "vitest";
import { compareOrder, keyAt, sortByOrder } from "../src/order.ts";

describe("ordering", () => {
  it("INV-O1: breaks equal keys by id, deterministically", () => {
    const items = [
      { id: "b", key: "a0" },
      { id: "a", key: "a0" },
      { id: "c", key: "Zz" },
    ];
    expect(sortByOrder(items).map((i) => i.id)).toEqual(["c", "a", "b"]);
  });

  it("INV-O1: sorts items without a valid key last", () => {
    const items = [
      { id: "x", key: "" },
      { id: "y", key: "a5" },
    ];
    expect(sortByOrder(items).map((i) => i.id)).toEqual(["y", "x"]);
  });

  it("INV-O2: generates a key between colliding neighbours without throwing", () => {
    const siblings = sortByOrder([
      { id: "a", key: "a0" },
      { id: "b", key: "a0" },
      { id: "c", key: "a1" },
    ]);
    const key = keyAt(siblings, 1);
    const placed = sortByOrder([...siblings, { id: "new", key }]);
    // It cannot land between two equal keys; it lands right after them, before "c".
    expect(placed.map((i) => i.id)).toEqual(["a", "b", "new", "c"]);
  });

  it("INV-O2: places at every index of a list", () => {
    let list = [{ id: "0", key: keyAt([], 0) }];
    for (let i = 1; i < 50; i++) {
      const index = (i * 7) % (list.length + 1);
      const item = { id: String(i), key: keyAt(list, index) };
      list = sortByOrder([...list, item]);
      expect(list.indexOf(item)).toBe(index);
    }
    for (let i = 1; i < list.length; i++) expect(compareOrder(list[i - 1]!, list[i]!)).toBe(-1);
  });
});
