/** The vote store, the same contract on SQLite and PostgreSQL (docs/SPEC.md, INV-VOTE). */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type MapStore,
  PostgresMapStore,
  SqliteMapStore,
  storeFileIn,
  type VoteRecord,
  type VoteStore,
} from "../src/index.ts";
import { createTestDatabase, postgresAvailable } from "../src/testing/index.ts";

const available = await postgresAvailable();

const vote = (id: string, mapId = "m1"): VoteRecord => ({
  id,
  mapId,
  personaId: "p1",
  mode: "hidden",
  state: "open",
  target: { kind: "phase", id: "ph1" },
  steps: ["a", "b"],
  startedBy: "Ana",
  startedById: "u-ana",
  startedAt: 100,
});
const ballot = (voterId: string, scores: Record<string, number>, updatedAt = 1) => ({
  voterId,
  name: voterId.toUpperCase(),
  guest: voterId.startsWith("guest:"),
  scores,
  updatedAt,
});

function voteContract(
  name: string,
  open: () => Promise<{ store: MapStore; dispose(): Promise<void> }>,
) {
  describe(`${name} vote store`, () => {
    let store: MapStore;
    let votes: VoteStore;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ store, dispose } = await open());
      votes = store.votes();
    });
    afterEach(async () => {
      await store.close();
      await dispose();
    });

    it("keeps a vote and reads it back", async () => {
      expect(await votes.createVote(vote("v1"))).toBe(true);
      expect(await votes.getVote("m1", "v1")).toEqual(vote("v1"));
      expect(await votes.getVote("other", "v1")).toBeNull();
    });

    it("INV-VOTE7: runs one open or revealed vote per map at a time", async () => {
      expect(await votes.createVote(vote("v1"))).toBe(true);
      expect(await votes.createVote(vote("v2"))).toBe(false);
      expect(await votes.createVote(vote("v3", "m2"))).toBe(true);
      expect(await votes.setVoteState("m1", "v1", ["open"], "revealed", 5)).toBe(true);
      expect(await votes.createVote(vote("v2"))).toBe(false);
      expect(await votes.setVoteState("m1", "v1", ["revealed"], "committed", 6)).toBe(true);
      expect(await votes.createVote(vote("v2"))).toBe(true);
    });

    it("INV-VOTE5: keeps one ballot per voter, changeable until reveal, then refuses", async () => {
      await votes.createVote(vote("v1"));
      expect(await votes.putBallot("m1", "v1", ballot("u1", { a: 1 }), 100)).toEqual({
        kind: "kept",
        count: 1,
      });
      expect(await votes.putBallot("m1", "v1", ballot("guest:x", { a: -2, b: 3 }), 100)).toEqual({
        kind: "kept",
        count: 2,
      });
      expect(await votes.putBallot("m1", "v1", ballot("u1", { b: 2 }, 2), 100)).toEqual({
        kind: "kept",
        count: 2,
      });
      expect(await votes.getBallot("v1", "u1")).toEqual(ballot("u1", { b: 2 }, 2));
      expect((await votes.listBallots("v1")).map((b) => [b.voterId, b.guest, b.scores])).toEqual([
        ["guest:x", true, { a: -2, b: 3 }],
        ["u1", false, { b: 2 }],
      ]);
      expect(await votes.setVoteState("m1", "v1", ["open"], "revealed", 5)).toBe(true);
      expect(await votes.setVoteState("m1", "v1", ["open"], "revealed", 5)).toBe(false);
      expect(await votes.putBallot("m1", "v1", ballot("u1", { a: 3 }), 100)).toEqual({
        kind: "closed",
      });
      expect(await votes.putBallot("m1", "nope", ballot("u1", { a: 3 }), 100)).toEqual({
        kind: "closed",
      });
      expect(await votes.putBallot("m2", "v1", ballot("u1", { a: 3 }), 100)).toEqual({
        kind: "closed",
      });
      expect((await votes.getBallot("v1", "u1"))?.scores).toEqual({ b: 2 });
    });

    it("bounds the voters of a vote, but lets each change their ballot", async () => {
      await votes.createVote(vote("v1"));
      await votes.putBallot("m1", "v1", ballot("u1", { a: 1 }), 2);
      await votes.putBallot("m1", "v1", ballot("u2", { a: 1 }), 2);
      expect(await votes.putBallot("m1", "v1", ballot("u3", { a: 1 }), 2)).toEqual({
        kind: "full",
      });
      expect(await votes.putBallot("m1", "v1", ballot("u2", { a: 0 }), 2)).toEqual({
        kind: "kept",
        count: 2,
      });
    });

    it("INV-VOTE5: a ballot racing a reveal is revealed or refused, never kept unseen", async () => {
      for (let round = 0; round < 5; round++) {
        const id = `race${round}`;
        await votes.createVote(vote(id, `m${round}`));
        const casts = Array.from({ length: 8 }, (_, i) =>
          votes.putBallot(`m${round}`, id, ballot(`u${i}`, { a: 1 }), 100),
        );
        const reveal = votes
          .setVoteState(`m${round}`, id, ["open"], "revealed", 9)
          .then(() => votes.listBallots(id));
        const [revealed, ...outcomes] = await Promise.all([reveal, ...casts]);
        const kept = outcomes.filter((o) => o.kind === "kept").length;
        expect(revealed.length).toBe(kept);
        expect(await votes.countBallots(id)).toBe(kept);
      }
    });
  });
}

voteContract("SQLite", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "journeymap-votes-"));
  return {
    store: new SqliteMapStore(storeFileIn(dir)),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe.runIf(available)("PostgreSQL", () => {
  voteContract("PostgreSQL", async () => {
    const db = await createTestDatabase();
    return { store: await PostgresMapStore.open(db.url), dispose: () => db.drop() };
  });
});
