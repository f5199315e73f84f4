/**
 * Search across maps (issue 19) over HTTP, against a real server with real accounts and live
 * providers, on SQLite and on PostgreSQL: names rank above mentions, a person finds only maps
 * they may open in the workspace asked about (never another workspace's, one not shared with a
 * guest, one in the trash), an edit is found soon after it is made and a deleted step's text is
 * not, and no query text makes the server fail.
 */
import { mapDocumentName, talkDocumentName, WORKSPACE_ROLE } from "@journeymap/protocol";
import type { LibrarySearchHit, LibrarySearchResult } from "@journeymap/protocol/http";
import {
  LOCAL_ORIGIN,
  MapEditor,
  readJourneyMap,
  startThread,
  type TouchpointId,
} from "@journeymap/schema";
import {
  createTestDatabase,
  postgresAvailable,
  type TestDatabase,
} from "@journeymap/storage/testing";
import type { ProviderClient } from "@journeymap/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connectAs,
  createMapIn,
  createWorkspace,
  join,
  PEOPLE_ENV,
  type Person,
  signUp,
} from "./support/people.ts";
import { startServer, type TestServer } from "./support/server.ts";

/** Starting a server and signing people up (argon2id) takes a while on a loaded machine. */
const TIMEOUT_MS = 120_000;
/** How long an edit may take to be found here (the ≤ 1 s figure is the bench's, unloaded). */
const FOUND_WITHIN_MS = 2_500;
/** How long to wait for the index on a loaded machine before giving up. */
const DEADLINE_MS = 20_000;
/** Polls stay under the route's rate bound (5 searches a second after a burst). */
const POLL_MS = 250;

const pgAvailable = await postgresAvailable();

interface Team {
  server: TestServer;
  db: TestDatabase | null;
  ana: Person;
  cy: Person;
  dee: Person;
  acme: string;
  beta: string;
  clients: ProviderClient[];
}

async function searchAs(person: Person, workspaceId: string, q: string, extra = "") {
  return person.call<LibrarySearchResult>(
    "GET",
    `/api/workspaces/${workspaceId}/library/search?q=${encodeURIComponent(q)}${extra}`,
  );
}

async function hitsOf(
  person: Person,
  workspaceId: string,
  q: string,
): Promise<readonly LibrarySearchHit[]> {
  const answer = await searchAs(person, workspaceId, q);
  expect(answer.status).toBe(200);
  return answer.body.hits;
}

/** Searches until `check` holds (the index is written shortly after a change). */
async function hitsUntil(
  person: Person,
  workspaceId: string,
  q: string,
  check: (hits: readonly LibrarySearchHit[]) => boolean,
): Promise<readonly LibrarySearchHit[]> {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const hits = await hitsOf(person, workspaceId, q);
    if (check(hits)) return hits;
    if (Date.now() > deadline) throw new Error(`"${q}" never satisfied: ${JSON.stringify(hits)}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

const marked = (hit: LibrarySearchHit) =>
  hit.snippet.marks.map((m) => hit.snippet.text.slice(m.start, m.start + m.length));
const labelMarked = (hit: LibrarySearchHit) =>
  hit.labelMarks.map((m) => hit.label.slice(m.start, m.start + m.length));

async function openMap(team: Team, person: Person, mapId: string): Promise<ProviderClient> {
  const client = await connectAs(team.server, person, mapDocumentName(mapId));
  team.clients.push(client);
  return client;
}

function searchSuite(backend: "SQLite" | "PostgreSQL") {
  describe(`search across maps on ${backend}`, () => {
    const team = {} as Team;
    let refundMap: { id: string };
    let deliveryMap: { id: string };

    beforeAll(async () => {
      team.db = backend === "PostgreSQL" ? await createTestDatabase() : null;
      team.server = await startServer({
        env: PEOPLE_ENV,
        ...(team.db ? { databaseUrl: team.db.url } : {}),
      });
      team.clients = [];
      team.ana = await signUp(team.server, "Ana");
      team.acme = await createWorkspace(team.ana, "Acme");
      team.beta = await createWorkspace(team.ana, "Beta");
      team.cy = await signUp(team.server, "Cy");
      await join(team.ana, team.acme, team.cy, WORKSPACE_ROLE.guest);
      team.dee = await signUp(team.server, "Dee");
      refundMap = await createMapIn(team.ana, "Refund journey", team.acme);
      deliveryMap = await createMapIn(team.ana, "Parcel delivery", team.acme);
    }, TIMEOUT_MS);

    afterAll(async () => {
      for (const c of team.clients) c.destroy();
      await team.server?.dispose();
      await team.db?.drop();
    });

    it(
      "ranks a step's name above a mention in a card's text, and marks the words in the snippet",
      async () => {
        const refund = await openMap(team, team.ana, refundMap.id);
        const step = readJourneyMap(refund.doc).touchpoints[0]!;
        new MapEditor(refund.doc).updateTouchpoint(step.id, { name: "Asks for a reimbursement" });
        const delivery = await openMap(team, team.ana, deliveryMap.id);
        const other = readJourneyMap(delivery.doc).touchpoints[0]!;
        new MapEditor(delivery.doc).addCard({
          touchpointId: other.id,
          kind: "painPoint",
          title: "Courier is late",
          detail: "People wait days and then ask about a reimbursement by phone",
          rating: 4,
        });
        const hits = await hitsUntil(team.ana, team.acme, "reimbursement", (h) => h.length >= 2);
        expect(hits[0]).toMatchObject({
          mapId: refundMap.id,
          mapTitle: "Refund journey",
          elementKey: `touchpoint:${step.id}`,
          kind: "step",
          label: "Step · Asks for a reimbursement",
        });
        const mention = hits.findIndex((h) => h.kind === "painPoint");
        expect(mention).toBeGreaterThan(0);
        expect(hits[mention]).toMatchObject({ mapId: deliveryMap.id, mapTitle: "Parcel delivery" });
        expect(hits[0]!.score).toBeGreaterThan(hits[mention]!.score);
        expect(marked(hits[mention]!)).toEqual(["reimbursement"]);
        // The last word typed is a prefix; the map's title is a name too.
        const typed = await hitsOf(team.ana, team.acme, "refund jour");
        expect(typed[0]).toMatchObject({ mapId: refundMap.id, elementKey: "meta", kind: "map" });
        expect(labelMarked(typed[0]!)).toEqual(["Refund", "journey"]);
        expect(labelMarked(hits[0]!)).toEqual(["reimbursement"]);
        expect(labelMarked(hits[mention]!)).toEqual([]);
      },
      TIMEOUT_MS,
    );

    it(
      "finds an edit made on a live map soon after, comments too, and forgets a deleted step",
      async () => {
        const client = await openMap(team, team.ana, deliveryMap.id);
        const editor = new MapEditor(client.doc);
        const step = readJourneyMap(client.doc).touchpoints[1]!;
        const edited = Date.now();
        editor.updateTouchpoint(step.id, { name: "Zanzibar pickup point" });
        const [found] = await hitsUntil(team.ana, team.acme, "zanzibar", (h) => h.length > 0);
        const latency = Date.now() - edited;
        console.info(`[search] an edit was found ${latency} ms after it was made (${backend})`);
        expect(found).toMatchObject({ mapId: deliveryMap.id, elementKey: `touchpoint:${step.id}` });
        expect(latency).toBeLessThan(FOUND_WITHIN_MS);

        const talk = await connectAs(team.server, team.ana, talkDocumentName(deliveryMap.id));
        team.clients.push(talk);
        const { threadId } = startThread(
          talk.doc,
          { kind: "touchpoint", id: step.id },
          { author: { name: "Ana", id: team.ana.id }, text: "The locker code never arrives" },
          { origin: LOCAL_ORIGIN },
        );
        const [comment] = await hitsUntil(team.ana, team.acme, "locker code", (h) => h.length > 0);
        expect(comment).toMatchObject({ elementKey: `thread:${threadId}`, kind: "comment" });
        expect(marked(comment!)).toEqual(["locker", "code"]);

        editor.deleteTouchpoint(step.id as TouchpointId);
        await hitsUntil(team.ana, team.acme, "zanzibar", (h) => h.length === 0);
        expect(await hitsOf(team.ana, team.acme, "pickup")).toEqual([]);
      },
      TIMEOUT_MS,
    );

    it(
      "never shows a map of another workspace, one not shared with a guest, or one in the trash",
      async () => {
        const beta = await createMapIn(team.ana, "Quokka onboarding", team.beta);
        const acme = await createMapIn(team.ana, "Quokka support", team.acme);
        const trashed = await createMapIn(team.ana, "Quokka returns", team.acme);
        // Made over HTTP, nobody opened them: the sweep indexes them.
        const inAcme = await hitsUntil(team.ana, team.acme, "quokka", (h) => h.length >= 2);
        expect(new Set(inAcme.map((h) => h.mapId))).toEqual(new Set([acme.id, trashed.id]));
        const inBeta = await hitsUntil(team.ana, team.beta, "quokka", (h) => h.length > 0);
        expect(inBeta.map((h) => h.mapId)).toEqual([beta.id]);

        expect((await team.ana.call("POST", `/api/maps/${trashed.id}/trash`)).status).toBe(200);
        const after = await hitsOf(team.ana, team.acme, "quokka");
        expect(after.map((h) => h.mapId)).toEqual([acme.id]);

        // A guest sees only what is shared with them; someone outside sees nothing.
        expect(await hitsOf(team.cy, team.acme, "quokka")).toEqual([]);
        expect(await hitsOf(team.dee, team.acme, "quokka")).toEqual([]);
        expect(await hitsOf(team.cy, team.beta, "quokka")).toEqual([]);
        const shared = await team.ana.call("POST", `/api/maps/${acme.id}/shares`, {
          userId: team.cy.id,
          role: "viewer",
        });
        expect(shared.status).toBe(201);
        const cys = await hitsOf(team.cy, team.acme, "quokka");
        expect(cys.map((h) => h.mapId)).toEqual([acme.id]);
        // Signed out: no answer at all.
        const res = await fetch(
          `${team.server.url}/api/workspaces/${team.acme}/library/search?q=quokka`,
        );
        expect(res.status).toBe(401);
      },
      TIMEOUT_MS,
    );

    it(
      "answers any query text with hits or a clear 400, never a failure",
      async () => {
        const hostile = [
          '"',
          "*",
          "NEAR(",
          "-",
          "(".repeat(200),
          "a OR b",
          "x:*",
          "'; --",
          "\\",
          "é*",
        ];
        for (const q of hostile) {
          const answer = await searchAs(team.ana, team.acme, q);
          expect([200, 400], `${q} → ${answer.status}`).toContain(answer.status);
        }
        expect((await searchAs(team.ana, team.acme, "NEAR(")).status).toBe(200);
        expect((await searchAs(team.ana, team.acme, "(".repeat(200))).body.hits).toEqual([]);
        const bad = [
          await searchAs(team.ana, team.acme, ""),
          await searchAs(team.ana, team.acme, "   "),
          await searchAs(team.ana, team.acme, "a".repeat(201)),
          await searchAs(team.ana, team.acme, "refund", "&limit=0"),
          await searchAs(team.ana, team.acme, "refund", "&limit=51"),
          await searchAs(team.ana, team.acme, "refund", "&limit=ten"),
        ];
        for (const answer of bad) {
          expect(answer.status).toBe(400);
          expect(String((answer.body as unknown as { error: string }).error)).toMatch(/q|limit/);
        }
        const limited = await searchAs(team.ana, team.acme, "refund", "&limit=1");
        expect(limited.status).toBe(200);
        expect(limited.body.hits).toHaveLength(1);
      },
      TIMEOUT_MS,
    );

    it(
      "bounds how often one person searches (a script looping gets 429s, others are unaffected)",
      async () => {
        // All at once: sent one after another, a loaded machine answers slowly enough for the
        // bucket to refill between them.
        const answers = await Promise.all(
          Array.from({ length: 150 }, (_, i) => searchAs(team.dee, team.acme, `q${i}`)),
        );
        const statuses = answers.map((a) => a.status);
        expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(50);
        expect(statuses).toContain(429);
        expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
        expect((await searchAs(team.ana, team.acme, "refund")).status).toBe(200);
      },
      TIMEOUT_MS,
    );
  });
}

searchSuite("SQLite");
if (pgAvailable) searchSuite("PostgreSQL");
