/**
 * Live emotion votes over a real server and real providers (docs/SPEC.md, INV-VOTE): ballots
 * over HTTP from editors and link guests, hidden ones kept out of the talk document (and so
 * out of every client and the log) until reveal, who may do what, and bad input refused.
 */
import { readJourneyMap, readVotes } from "@journeymap/schema";
import { mapDocumentName, ROLE, talkDocumentName } from "@journeymap/protocol";
import { VOTER_KEY_HEADER } from "@journeymap/protocol/http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type Client, connect, until } from "./support/clients.ts";
import { apiLink, createMap, ownerToken, shareLink } from "./support/maps.ts";
import { startServer, tempDir, type TestServer } from "./support/server.ts";

let server: TestServer;
const clients: Client[] = [];
const KEYS = { owner: "a".repeat(48), editor: "b".repeat(48), viewer: "c".repeat(48) };

beforeAll(async () => {
  server = await startServer({ dataDir: tempDir() });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.dispose();
});

async function open(name: string, token: string): Promise<Client> {
  const c = await connect(server, name, token);
  clients.push(c);
  return c;
}

function call(path: string, token: string, body?: unknown, key?: string) {
  return fetch(`${server.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      ...(key ? { [VOTER_KEY_HEADER]: key } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function mapWithLinks() {
  const mapId = await createMap(server, { title: "Vote" });
  const owner = ownerToken(mapId);
  const editor = (await shareLink(server, mapId, ROLE.editor)).token;
  const viewer = (await shareLink(server, mapId, ROLE.viewer)).token;
  const commenter = (await shareLink(server, mapId, ROLE.commenter)).token;
  const mapDoc = (await open(mapDocumentName(mapId), viewer)).doc;
  const map = readJourneyMap(mapDoc);
  const phase = map.phases[0];
  const persona = map.personas[0];
  if (!phase || !persona) throw new Error("the default template has a phase and a persona");
  const steps = (map.touchpointsByPhase.get(phase.id) ?? []).map((t) => t.id);
  return { mapId, owner, editor, viewer, commenter, phase, persona, steps };
}

describe("live emotion votes", () => {
  it("INV-VOTE3: hidden ballots stay on the server until reveal, then everyone sees them", async () => {
    const m = await mapWithLinks();
    const viewerTalk = await open(talkDocumentName(m.mapId), m.viewer);
    const base = `/api/maps/${m.mapId}/votes`;
    const started = await call(base, m.owner, {
      target: { kind: "phase", id: m.phase.id },
      personaId: m.persona.id,
      mode: "hidden",
      name: "Fran Facilitator",
    });
    expect(started.status).toBe(201);
    const { voteId, steps } = (await started.json()) as { voteId: string; steps: string[] };
    expect(steps).toEqual(m.steps);
    const [s1, s2] = steps as [string, string];
    await until(viewerTalk.doc, () => readVotes(viewerTalk.doc).length === 1);
    expect(readVotes(viewerTalk.doc)[0]).toMatchObject({ startedBy: "Fran Facilitator", count: 0 });

    // A second vote while this one runs is refused.
    const second = await call(base, m.editor, { target: { kind: "map" }, personaId: m.persona.id });
    expect(second.status).toBe(409);

    const cast = (token: string, key: string, name: string, scores: object) =>
      call(`${base}/${voteId}/ballots`, token, { name, scores }, key);
    expect((await cast(m.owner, KEYS.owner, "Olga Owner", { [s1]: 2, [s2]: -1 })).status).toBe(200);
    expect((await cast(m.editor, KEYS.editor, "Ed Editor", { [s1]: -3 })).status).toBe(200);
    const viewerVote = await cast(m.viewer, KEYS.viewer, "Vera Viewer", { [s1]: 1, [s2]: 3 });
    expect(viewerVote.status).toBe(200);
    expect(await viewerVote.json()).toEqual({ count: 3, scores: { [s1]: 1, [s2]: 3 } });
    // Changing one's mind replaces the ballot: still three voters.
    const changed = await cast(m.viewer, KEYS.viewer, "Vera Viewer", { [s1]: 0, [s2]: 3 });
    expect(await changed.json()).toMatchObject({ count: 3 });

    await until(viewerTalk.doc, () => readVotes(viewerTalk.doc)[0]?.count === 3);
    expect(readVotes(viewerTalk.doc)[0]?.ballots).toEqual([]);
    // Not merely undrawn: no ballot is anywhere in the document a viewer holds, nor in its log.
    const held = new TextDecoder().decode(Y.encodeStateAsUpdate(viewerTalk.doc));
    for (const name of ["Olga Owner", "Ed Editor", "Vera Viewer"]) expect(held).not.toContain(name);
    const logged = await server.store.readUpdates(
      talkDocumentName(m.mapId),
      1,
      Number.MAX_SAFE_INTEGER,
    );
    const log = logged.map((r) => new TextDecoder().decode(r.bytes)).join("");
    expect(log).not.toContain("Vera Viewer");

    // My own ballot, after a reload.
    const mine = await call(`${base}/${voteId}/ballots/mine`, m.viewer, undefined, KEYS.viewer);
    expect(await mine.json()).toEqual({ count: 3, scores: { [s1]: 0, [s2]: 3 } });

    // INV-VOTE6: viewers and commenters vote but do not run the vote.
    expect((await call(`${base}/${voteId}/reveal`, m.viewer, {})).status).toBe(403);
    expect((await call(`${base}/${voteId}/reveal`, m.commenter, {})).status).toBe(403);
    // INV-VOTE5: a hidden vote is revealed before it is committed.
    expect((await call(`${base}/${voteId}/commit`, m.owner, { values: { [s1]: 1 } })).status).toBe(
      409,
    );

    expect((await call(`${base}/${voteId}/reveal`, m.editor, {})).status).toBe(200);
    await until(viewerTalk.doc, () => readVotes(viewerTalk.doc)[0]?.ballots.length === 3);
    const revealed = readVotes(viewerTalk.doc)[0];
    expect(revealed?.state).toBe("revealed");
    expect(revealed?.ballots.map((b) => [b.name, b.guest, b.scores])).toEqual([
      ["Ed Editor", true, { [s1]: -3 }],
      ["Olga Owner", true, { [s1]: 2, [s2]: -1 }],
      ["Vera Viewer", true, { [s1]: 0, [s2]: 3 }],
    ]);
    expect((await cast(m.viewer, KEYS.viewer, "Vera Viewer", { [s1]: 3 })).status).toBe(409);

    const commit = await call(`${base}/${voteId}/commit`, m.owner, {
      values: { [s1]: 0, [s2]: 1 },
    });
    expect(await commit.json()).toEqual({ state: "committed" });
    await until(viewerTalk.doc, () => readVotes(viewerTalk.doc)[0]?.state === "committed");
    expect(readVotes(viewerTalk.doc)[0]?.result?.values).toEqual({ [s1]: 0, [s2]: 1 });
    // Ended: a new vote may start.
    expect(
      (await call(base, m.editor, { target: { kind: "map" }, personaId: m.persona.id })).status,
    ).toBe(201);
  });

  it("an open vote publishes ballots as they come and may be committed without reveal", async () => {
    const m = await mapWithLinks();
    const viewerTalk = await open(talkDocumentName(m.mapId), m.viewer);
    const base = `/api/maps/${m.mapId}/votes`;
    const step = m.steps[0] as string;
    const started = await call(base, m.editor, {
      target: { kind: "step", id: step },
      personaId: m.persona.id,
      mode: "open",
    });
    const { voteId } = (await started.json()) as { voteId: string };
    await call(
      `${base}/${voteId}/ballots`,
      m.viewer,
      { name: "Vic", scores: { [step]: -2 } },
      KEYS.viewer,
    );
    await until(viewerTalk.doc, () => readVotes(viewerTalk.doc)[0]?.ballots.length === 1);
    expect(readVotes(viewerTalk.doc)[0]?.ballots[0]).toMatchObject({
      name: "Vic",
      scores: { [step]: -2 },
    });
    const commit = await call(`${base}/${voteId}/commit`, m.editor, { values: { [step]: -2 } });
    expect(commit.status).toBe(200);
  });

  it("INV-VOTE4, INV-VOTE6: refuses bad ballots, unknown targets, keyless guests, contributors and API tokens", async () => {
    const m = await mapWithLinks();
    const base = `/api/maps/${m.mapId}/votes`;
    const step = m.steps[0] as string;
    expect(
      (await call(base, m.owner, { target: { kind: "step", id: "nope" }, personaId: m.persona.id }))
        .status,
    ).toBe(400);
    expect(
      (await call(base, m.owner, { target: { kind: "phase" }, personaId: m.persona.id })).status,
    ).toBe(400);
    expect(
      (await call(base, m.owner, { target: { kind: "map" }, personaId: "nobody" })).status,
    ).toBe(400);
    expect(
      (await call(base, m.viewer, { target: { kind: "map" }, personaId: m.persona.id })).status,
    ).toBe(403);
    const { voteId } = (await (
      await call(base, m.owner, { target: { kind: "step", id: step }, personaId: m.persona.id })
    ).json()) as { voteId: string };
    const ballots = `${base}/${voteId}/ballots`;
    const tooHigh = await call(ballots, m.viewer, { scores: { [step]: 4 } }, KEYS.viewer);
    expect(tooHigh.status).toBe(400);
    const foreign = await call(ballots, m.viewer, { scores: { other: 1 } }, KEYS.viewer);
    expect(await foreign.json()).toEqual({ error: "scores: other is not a step of this vote" });
    expect((await call(ballots, m.viewer, { scores: { [step]: 1 } })).status).toBe(400);
    const contributor = (await shareLink(server, m.mapId, ROLE.contributor)).token;
    expect((await call(ballots, contributor, { scores: { [step]: 1 } }, KEYS.viewer)).status).toBe(
      403,
    );
    const api = await apiLink(server, m.mapId, ["map:read"]);
    expect((await call(ballots, api, { scores: { [step]: 1 } }, KEYS.viewer)).status).toBe(403);
    const huge = await call(
      ballots,
      m.viewer,
      { scores: { [step]: 1 }, name: "x".repeat(40_000) },
      KEYS.viewer,
    );
    expect(huge.status).toBe(413);
    expect(
      (await call(`${base}/nope/ballots`, m.viewer, { scores: { [step]: 1 } }, KEYS.viewer)).status,
    ).toBe(404);
    // Cancelled: nothing more happens in it, and the hidden ballots were never published.
    expect((await call(`${base}/${voteId}/cancel`, m.owner, {})).status).toBe(200);
    expect((await call(ballots, m.viewer, { scores: { [step]: 1 } }, KEYS.viewer)).status).toBe(
      409,
    );
  });
});
