import { describe, expect, it } from "vitest";
import {
  fromSearch,
  isFiltered,
  NO_FILTERS,
  toQuery,
} from "../../src/library/cards/cardFilters.ts";

describe("the roll-up's filters in the address and the query", () => {
  it("sends only what differs from no filter, and reads it back", () => {
    const filters = {
      ...NO_FILTERS,
      kind: "opportunity",
      minRating: 4,
      owner: "Team Web",
    } as const;
    expect(toQuery(NO_FILTERS)).toEqual({});
    const query = toQuery(filters);
    expect(query).toEqual({ kind: "opportunity", minRating: 4, owner: "Team Web" });
    const search = new URLSearchParams(
      Object.entries(query).map(([k, v]) => [k, String(v)]),
    ).toString();
    expect(fromSearch(`?${search}&view=matrix`)).toEqual(filters);
    expect(isFiltered(filters)).toBe(true);
    expect(isFiltered({ ...NO_FILTERS, sort: "title" })).toBe(false);
  });

  it("leaves malformed numbers at no filter and cuts long text", () => {
    const read = fromSearch(`?minRating=lots&minEvidence=-3&phase=${"x".repeat(300)}`);
    expect(read.minRating).toBe(1);
    expect(read.minEvidence).toBe(0);
    expect(read.phase).toHaveLength(200);
  });
});
