/** Search across maps (issue 19): the same contract on SQLite (FTS5) and PostgreSQL (tsvector). */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type MapStore,
  PostgresMapStore,
  type SearchRow,
  type SearchStore,
  SqliteMapStore,
  searchTerms,
  storeFileIn,
} from "../src/index.ts";
import { createTestDatabase, postgresAvailable } from "../src/testing/index.ts";

const available = await postgresAvailable();

const row = (elementKey: string, name: string, text = "", kind = "step"): SearchRow => ({
  elementKey,
  kind,
  label: `${kind} · ${name}`,
  name,
  text,
});

const keys = (hits: { mapId: string; elementKey: string }[]) =>
  hits.map((h) => `${h.mapId}/${h.elementKey}`);

/** What no query may do: quotes, operators, brackets, column filters, a wall of brackets. */
const HOSTILE = [
  '"',
  '""',
  "*",
  "-",
  "NEAR(",
  "NEAR(a b)",
  "a OR b",
  "name:checkout",
  "(".repeat(200),
  "checkout) OR (1",
  "'; DROP TABLE search_rows; --",
  "^a",
  "a & !b | c:*",
  "\\",
  "\u0000",
];

function searchContract(
  name: string,
  open: () => Promise<{ store: MapStore; dispose(): Promise<void> }>,
) {
  describe(`${name} search store`, () => {
    let store: MapStore;
    let search: SearchStore;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ store, dispose } = await open());
      search = store.search();
    });
    afterEach(async () => {
      await store.close();
      await dispose();
    });

    it("finds every word, the last one as a prefix, in the given maps only", async () => {
      await search.replaceMap("m1", "map", [
        row("touchpoint:t1", "Checkout", "Pays with a card"),
        row("touchpoint:t2", "Delivery", "Parcel arrives late"),
      ]);
      await search.replaceMap("m2", "map", [row("touchpoint:t3", "Checkout again")]);
      expect(keys(await search.search(["m1", "m2"], "checkout", 10)).sort()).toEqual([
        "m1/touchpoint:t1",
        "m2/touchpoint:t3",
      ]);
      expect(keys(await search.search(["m1"], "checkout", 10))).toEqual(["m1/touchpoint:t1"]);
      expect(keys(await search.search(["m1"], "parcel LATE", 10))).toEqual(["m1/touchpoint:t2"]);
      expect(keys(await search.search(["m1"], "parcel early", 10))).toEqual([]);
      expect(keys(await search.search(["m1"], "deliv", 10))).toEqual(["m1/touchpoint:t2"]);
      // A finished word (a space after it) is a whole word, not a prefix.
      expect(keys(await search.search(["m1"], "deliv ", 10))).toEqual([]);
      expect(await search.search([], "checkout", 10)).toEqual([]);
      expect(await search.search(["m1"], "   ", 10)).toEqual([]);
    });

    it("ranks a match in a name above the same word in a body", async () => {
      await search.replaceMap("m1", "map", [
        row("card:c1", "Slow page", "The refund form is long and the refund takes days", "card"),
        row("touchpoint:t1", "Refund", "Asks for money back"),
        row("cell:x", "", "Waiting for a refund", "cell"),
      ]);
      const hits = await search.search(["m1"], "refund", 10);
      expect(hits[0]).toMatchObject({
        mapId: "m1",
        elementKey: "touchpoint:t1",
        kind: "step",
        label: "step · Refund",
        name: "Refund",
        text: "Asks for money back",
      });
      expect(hits).toHaveLength(3);
      expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    });

    it("replaces one document's rows and keeps the other's", async () => {
      await search.replaceMap("m1", "map", [row("touchpoint:t1", "Onboarding")]);
      await search.replaceMap("m1", "talk", [
        row("thread:h1", "", "Onboarding is confusing", "comment"),
      ]);
      expect(await search.search(["m1"], "onboarding", 10)).toHaveLength(2);
      await search.replaceMap("m1", "map", [row("touchpoint:t1", "Sign up")]);
      expect(keys(await search.search(["m1"], "onboarding", 10))).toEqual(["m1/thread:h1"]);
      expect(keys(await search.search(["m1"], "sign up", 10))).toEqual(["m1/touchpoint:t1"]);
      await search.replaceMap("m1", "talk", []);
      expect(await search.search(["m1"], "onboarding", 10)).toEqual([]);
    });

    it("takes any text as words, never as query syntax", async () => {
      await search.replaceMap("m1", "map", [
        row(
          "touchpoint:t1",
          "Checkout",
          'A "quoted" word, NEAR the end (in brackets) - and *stars*',
        ),
      ]);
      for (const query of HOSTILE)
        await expect(search.search(["m1"], query, 10)).resolves.toBeDefined();
      expect(keys(await search.search(["m1"], '"quoted"', 10))).toEqual(["m1/touchpoint:t1"]);
      expect(keys(await search.search(["m1"], "NEAR(end", 10))).toEqual(["m1/touchpoint:t1"]);
      expect(keys(await search.search(["m1"], "checkout) OR (nothing", 10))).toEqual([]);
      expect(keys(await search.search(["m1"], "-stars", 10))).toEqual(["m1/touchpoint:t1"]);
      // The table is still there and whole.
      expect(await search.search(["m1"], "checkout", 10)).toHaveLength(1);
    });

    it("keeps to the limit, best first, and finds words in any case", async () => {
      await search.replaceMap(
        "m1",
        "map",
        Array.from({ length: 30 }, (_, i) => row(`touchpoint:t${i}`, `Step ${i}`, "Ça coûte cher")),
      );
      expect(await search.search(["m1"], "STEP", 5)).toHaveLength(5);
      expect(await search.search(["m1"], "ça coûte", 50)).toHaveLength(30);
    });

    it("keeps one copy of each row when one map is indexed several times at once", async () => {
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          search.replaceMap("m1", "map", [row("touchpoint:t1", `Checkout ${i}`)]),
        ),
      );
      expect(await search.search(["m1"], "checkout", 50)).toHaveLength(1);
    });

    it("forgets a purged map's rows", async () => {
      await search.replaceMap("m1", "map", [row("touchpoint:t1", "Checkout")]);
      await store.purgeMap("m1");
      expect(await search.search(["m1"], "checkout", 10)).toEqual([]);
      // The index is consistent after the purge: new rows are found.
      await search.replaceMap("m1", "map", [row("touchpoint:t2", "Checkout")]);
      expect(keys(await search.search(["m1"], "checkout", 10))).toEqual(["m1/touchpoint:t2"]);
    });
  });
}

describe("search terms", () => {
  it("are the words typed, the last a prefix until a space follows", () => {
    expect(searchTerms('Check "out" NEAR(')).toEqual({
      words: ["check", "out", "near"],
      prefix: false,
    });
    expect(searchTerms("check ou")).toEqual({ words: ["check", "ou"], prefix: true });
    expect(searchTerms("check ou ")).toEqual({ words: ["check", "ou"], prefix: false });
    expect(searchTerms("((((")).toEqual({ words: [], prefix: false });
    expect(searchTerms("Ça coûte").words).toEqual(["ça", "coûte"]);
  });
});

searchContract("SQLite", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jm-search-"));
  return {
    store: new SqliteMapStore(storeFileIn(dir)),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe.runIf(available)("PostgreSQL", () => {
  searchContract("PostgreSQL", async () => {
    const db = await createTestDatabase();
    return { store: await PostgresMapStore.open(db.url), dispose: () => db.drop() };
  });
});

describe("SQLite only", () => {
  it("finds words without their diacritics (unicode61 remove_diacritics 2)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "jm-search-"));
    const store = new SqliteMapStore(storeFileIn(dir));
    try {
      await store.search().replaceMap("m1", "map", [row("touchpoint:t1", "Café crème")]);
      expect(await store.search().search(["m1"], "cafe creme", 10)).toHaveLength(1);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
