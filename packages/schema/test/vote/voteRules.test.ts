/** The rules of a live emotion vote (docs/SPEC.md, INV-VOTE). */
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  activeVote,
  areBallotsPublic,
  type Ballot,
  checkBallot,
  commitVoteScores,
  createBoardUndoManager,
  createMapFromTemplate,
  defaultCommitValues,
  disagreements,
  LOCAL_ORIGIN,
  median,
  type PersonaId,
  publishBallots,
  publishNewVote,
  publishVoteState,
  readJourneyMap,
  readVotes,
  scoreOfMedian,
  spread,
  stepStats,
  tallyVotes,
  VOTE_FIELD,
  VOTE_ROOT,
  voteRefusal,
  withVoteNote,
} from "../../src/index.ts";

const SERVER = { origin: { kind: "server", reason: "vote" } } as const;
const ballot = (voterId: string, scores: Record<string, number>): Ballot => ({
  voterId,
  name: voterId,
  guest: false,
  scores,
});

describe("vote statistics", () => {
  it("INV-VOTE1: the median is the middle score, or the mean of the two middle ones", () => {
    expect(median([])).toBeNull();
    expect(median([2])).toBe(2);
    expect(median([3, -1, 1])).toBe(1);
    expect(median([-3, 2, 0, 1])).toBe(0.5);
    expect(median([1, 1, 2, 2])).toBe(1.5);
  });

  it("INV-VOTE1: a committed median rounds a half toward neutral", () => {
    expect(scoreOfMedian(0.5)).toBe(0);
    expect(Object.is(scoreOfMedian(-0.5), 0)).toBe(true);
    expect(scoreOfMedian(1.5)).toBe(1);
    expect(scoreOfMedian(-2.5)).toBe(-2);
    expect(scoreOfMedian(-2)).toBe(-2);
    expect(scoreOfMedian(3)).toBe(3);
  });

  it("INV-VOTE2: the spread is the highest minus the lowest score", () => {
    expect(spread([])).toBe(0);
    expect(spread([2])).toBe(0);
    expect(spread([-3, 1, 3])).toBe(6);
    expect(stepStats([1, -1, 2])).toEqual({ count: 3, median: 1, spread: 3, min: -1, max: 2 });
  });

  it("tallies each step from the ballots that scored it and proposes the medians", () => {
    const stats = tallyVotes(
      ["a", "b", "c"],
      [ballot("x", { a: 1, b: -2 }), ballot("y", { a: 2 }), ballot("z", { a: -1, b: -2 })],
    );
    expect([...stats.keys()]).toEqual(["a", "b"]);
    expect(stats.get("a")).toMatchObject({ count: 3, median: 1, spread: 3 });
    expect(stats.get("b")).toMatchObject({ count: 2, median: -2, spread: 0 });
    expect(defaultCommitValues(stats)).toEqual({ a: 1, b: -2 });
  });
});

describe("ballots", () => {
  it("INV-VOTE4: a ballot scores only the vote's steps, each an integer on the scale", () => {
    expect(checkBallot(["a", "b"], { a: 3, b: -3 })).toEqual({ ok: true, scores: { a: 3, b: -3 } });
    expect(checkBallot(["a"], { a: 4 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/scores.a/),
    });
    expect(checkBallot(["a"], { a: 1.5 })).toMatchObject({ ok: false });
    expect(checkBallot(["a"], { a: "2" })).toMatchObject({ ok: false });
    expect(checkBallot(["a"], { z: 1 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a step/),
    });
    expect(checkBallot(["a"], {})).toMatchObject({ ok: false });
    expect(checkBallot(["a"], [1])).toMatchObject({ ok: false });
    expect(checkBallot(["a"], null)).toMatchObject({ ok: false });
  });

  it("INV-VOTE3: a hidden vote's ballots are public only after reveal; an open vote's always", () => {
    expect(areBallotsPublic("hidden", "open")).toBe(false);
    expect(areBallotsPublic("hidden", "revealed")).toBe(true);
    expect(areBallotsPublic("open", "open")).toBe(true);
  });
});

describe("the life of a vote", () => {
  it("INV-VOTE5: ballots only while open; commit after reveal (at once in open mode); ended votes refuse all", () => {
    expect(voteRefusal("hidden", "open", "ballot")).toBeNull();
    expect(voteRefusal("hidden", "revealed", "ballot")).toMatch(/no longer change/);
    expect(voteRefusal("hidden", "open", "commit")).toMatch(/Reveal/);
    expect(voteRefusal("open", "open", "commit")).toBeNull();
    expect(voteRefusal("hidden", "revealed", "commit")).toBeNull();
    expect(voteRefusal("hidden", "revealed", "reveal")).toMatch(/already/);
    expect(voteRefusal("hidden", "revealed", "cancel")).toBeNull();
    for (const state of ["committed", "cancelled"] as const)
      for (const action of ["ballot", "reveal", "commit", "cancel"] as const)
        expect(voteRefusal("open", state, action)).toBe(`The vote is ${state}`);
  });

  it("INV-VOTE7: the active vote is the latest open or revealed one", () => {
    const doc = new Y.Doc();
    const base = {
      target: { kind: "map" } as const,
      personaId: "p",
      mode: "hidden" as const,
      steps: ["a"],
      startedBy: "Ana",
      startedById: "u1",
    };
    publishNewVote(doc, { ...base, id: "v1", startedAt: 1 }, SERVER);
    publishNewVote(doc, { ...base, id: "v2", startedAt: 2 }, SERVER);
    expect(activeVote(readVotes(doc))?.id).toBe("v2");
    publishVoteState(doc, "v2", "cancelled", SERVER);
    expect(activeVote(readVotes(doc))?.id).toBe("v1");
    publishVoteState(doc, "v1", "committed", SERVER, { values: { a: 1 }, by: "Ana", at: 3 });
    expect(activeVote(readVotes(doc))).toBeNull();
  });
});

describe("the vote in the talk document", () => {
  it("publishes the count while hidden, and the ballots only when given", () => {
    const doc = new Y.Doc();
    publishNewVote(
      doc,
      {
        id: "v",
        target: { kind: "step", id: "a" },
        personaId: "p",
        mode: "hidden",
        steps: ["a"],
        startedBy: "Ana",
        startedById: "u1",
        startedAt: 5,
      },
      SERVER,
    );
    publishBallots(doc, "v", 2, null, SERVER);
    let [vote] = readVotes(doc);
    expect(vote).toMatchObject({
      state: "open",
      count: 2,
      ballots: [],
      target: { kind: "step", id: "a" },
    });
    publishBallots(doc, "v", 2, [ballot("x", { a: 1 }), ballot("y", { a: -1 })], SERVER);
    publishVoteState(doc, "v", "revealed", SERVER);
    [vote] = readVotes(doc);
    expect(vote?.state).toBe("revealed");
    expect(vote?.ballots.map((b) => [b.voterId, b.scores])).toEqual([
      ["x", { a: 1 }],
      ["y", { a: -1 }],
    ]);
  });

  it("INV-VOTE10: the read repairs: no session is skipped, foreign steps and off-scale scores are dropped or clamped", () => {
    const doc = new Y.Doc();
    const votes = doc.getMap(VOTE_ROOT);
    votes.set("junk", new Y.Map());
    votes.set("number", 7 as never);
    const fields = new Y.Map<unknown>();
    votes.set("v", fields);
    fields.set(VOTE_FIELD.session, {
      target: { kind: "step", id: "a" },
      personaId: "p",
      mode: "weird",
      steps: ["a", 3],
    });
    fields.set(VOTE_FIELD.state, "dancing");
    fields.set(VOTE_FIELD.count, 1e9);
    const ballots = new Y.Map<unknown>();
    fields.set(VOTE_FIELD.ballots, ballots);
    ballots.set("x", { name: 5, scores: { a: 99, b: 1, c: "x" } });
    const [vote] = readVotes(doc);
    expect(readVotes(doc)).toHaveLength(1);
    expect(vote).toMatchObject({
      id: "v",
      mode: "hidden",
      state: "cancelled",
      steps: ["a"],
      count: 100,
    });
    expect(vote?.ballots[0]).toMatchObject({ name: "5", scores: { a: 3 } });
  });

  it("lists the steps where the team disagrees most from committed votes, latest per step", () => {
    const doc = new Y.Doc();
    const base = {
      target: { kind: "map" } as const,
      personaId: "p",
      mode: "open" as const,
      steps: ["a", "b"],
      startedBy: "Ana",
      startedById: "u1",
    };
    publishNewVote(doc, { ...base, id: "v1", startedAt: 1 }, SERVER);
    publishBallots(
      doc,
      "v1",
      2,
      [ballot("x", { a: -3, b: 1 }), ballot("y", { a: 3, b: 1 })],
      SERVER,
    );
    publishVoteState(doc, "v1", "committed", SERVER, { values: { a: 0, b: 1 }, by: "Ana", at: 10 });
    publishNewVote(doc, { ...base, id: "v2", startedAt: 2, steps: ["a"] }, SERVER);
    publishBallots(doc, "v2", 2, [ballot("x", { a: 1 }), ballot("y", { a: 2 })], SERVER);
    expect(disagreements(readVotes(doc)).map((d) => [d.touchpointId, d.spread])).toEqual([
      ["a", 6],
      ["b", 0],
    ]);
    publishVoteState(doc, "v2", "committed", SERVER, { values: { a: 1 }, by: "Ana", at: 20 });
    expect(disagreements(readVotes(doc)).map((d) => [d.touchpointId, d.spread])).toEqual([
      ["a", 1],
      ["b", 0],
    ]);
  });
});

describe("commit on the map", () => {
  it("INV-VOTE8: sets every chosen score with its vote note in one undoable edit", () => {
    const doc = new Y.Doc();
    createMapFromTemplate(doc, "default");
    let map = readJourneyMap(doc);
    const persona = map.personas[0]?.id as PersonaId;
    const [s1, s2] = map.touchpoints.map((t) => t.id);
    if (!s1 || !s2) throw new Error("template has two steps");
    const undo = createBoardUndoManager(doc);
    const stats = tallyVotes(
      [s1, s2],
      [ballot("x", { [s1]: 2, [s2]: -1 }), ballot("y", { [s1]: 1, [s2]: -3 })],
    );
    commitVoteScores(doc, persona, { [s1]: 2, [s2]: -2 }, stats, { origin: LOCAL_ORIGIN });
    map = readJourneyMap(doc);
    const point = (step: string) => map.emotions.get(`${persona}/${step}`);
    expect(point(s1)).toMatchObject({
      score: 2,
      note: "Team vote: 2 votes, median +1.5, spread 1",
    });
    expect(point(s2)?.score).toBe(-2);
    undo.stopCapturing();
    undo.undo();
    map = readJourneyMap(doc);
    expect(point(s1)?.note ?? "").not.toMatch(/Team vote/);
    expect(point(s2)?.note ?? "").not.toMatch(/Team vote/);
  });

  it("INV-VOTE8: a later vote replaces the vote line and keeps the rest of the note", () => {
    expect(withVoteNote("", "Team vote: 1 vote, median 0, spread 0")).toBe(
      "Team vote: 1 vote, median 0, spread 0",
    );
    const once = withVoteNote("Frustrated by fees", "Team vote: 2 votes, median +1, spread 1");
    expect(withVoteNote(once, "Team vote: 3 votes, median \u22121, spread 4")).toBe(
      "Frustrated by fees\nTeam vote: 3 votes, median \u22121, spread 4",
    );
  });
});
