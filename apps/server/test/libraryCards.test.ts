/**
 * Pain points and opportunities across maps (issue 19). The roll-up's filters, sorts, counts
 * and CSV are pure (first block); then, against a real server with real accounts and live
 * providers, on SQLite and on PostgreSQL: the roll-up over HTTP, the access rule (a map of
 * another workspace, one not shared with a guest, one in the trash never appears, even in
 * counts), library opportunities (made from a card, linked to a step of another map — the card
 * appears in that live map —, placed, renamed, unlinked), and the matrix's live channel: a
 * second person polling with If-None-Match sees a placement.
 */
import { mapDocumentName, WORKSPACE_ROLE } from "@journeymap/protocol";
import type {
  LibraryCardList,
  LibraryCardRow,
  LibraryOpportunity,
  LibraryOpportunityList,
  UpdatedLibraryOpportunity,
} from "@journeymap/protocol/http";
import {
  type Card,
  type CardId,
  type JourneyMap,
  type MapSummary,
  MapEditor,
  readJourneyMap,
} from "@journeymap/schema";
import {
  createTestDatabase,
  postgresAvailable,
  type TestDatabase,
} from "@journeymap/storage/testing";
import type { ProviderClient } from "@journeymap/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { cardsCsv, csvCell } from "../src/library/cards/cardsCsv.ts";
import { type CardQuery, NO_FILTER, readCardQuery } from "../src/library/cards/cardQuery.ts";
import { rollUpCards } from "../src/library/cards/rollUpCards.ts";
import { until } from "./support/clients.ts";
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
/** How long to wait for the index on a loaded machine before giving up. */
const DEADLINE_MS = 20_000;
/** Polls stay well under the routes' rate bound. */
const POLL_MS = 250;

const pgAvailable = await postgresAvailable();

const cardsOf = (map: JourneyMap): Card[] => [...map.cardsByTouchpoint.values()].flat();

describe("the roll-up of cards (pure)", () => {
  const summary = (title: string, cards: Partial<MapSummary["cards"][number]>[]): MapSummary => ({
    version: 1,
    title,
    phases: [
      { id: "p1", name: "Discover" },
      { id: "p2", name: "Buy" },
    ],
    steps: [
      { id: "s1", phaseId: "p1", name: "Search", channels: ["website"], team: "", subMapId: null },
      {
        id: "s2",
        phaseId: "p2",
        name: "Pay",
        channels: ["email", "Kiosk"],
        team: "",
        subMapId: null,
      },
    ],
    personas: [
      {
        id: "pe1",
        name: title === "Alpha" ? "Nora" : "Omar",
        role: "",
        colour: "#000000",
        libraryPersonaId: title === "Alpha" ? "lib-nora" : null,
        curve: [],
        lowest: null,
        average: null,
      },
    ],
    cards: cards.map((c, i) => ({
      id: `${title}-c${i}`,
      kind: "painPoint",
      title: `Card ${i}`,
      stepId: "s1",
      phaseId: "p1",
      rating: 3,
      status: "open",
      owner: "",
      evidenceCount: 0,
      libraryOpportunityId: null,
      ...c,
    })),
    evidenceCount: 0,
  });
  const maps = [
    {
      mapId: "m1",
      summary: summary("Alpha", [
        { title: "Slow search", rating: 5, owner: "Team Web", evidenceCount: 1 },
        { title: "Offer a chat", kind: "opportunity", rating: 2, stepId: "s2", phaseId: "p2" },
        { title: "Card declined", rating: 4, status: "done", stepId: "s2", phaseId: "p2" },
      ]),
    },
    {
      mapId: "m2",
      summary: summary("Beta", [
        { title: "Bad receipts", rating: 1, evidenceCount: 7, owner: "team web" },
        { title: "Fix the verification email", kind: "opportunity", rating: 4 },
      ]),
    },
  ];
  const titles = (q: Partial<CardQuery>) =>
    rollUpCards(maps, { ...NO_FILTER, ...q }).cards.map((c) => c.title);

  it("filters by kind, phase, channel, rating, status, owner, evidence and persona", () => {
    expect(titles({ kind: "opportunity" })).toEqual(["Fix the verification email", "Offer a chat"]);
    expect(titles({ phase: "buy" })).toEqual(["Card declined", "Offer a chat"]);
    expect(titles({ channel: "kiosk" })).toEqual(["Card declined", "Offer a chat"]);
    expect(titles({ minRating: 4 })).toEqual([
      "Slow search",
      "Card declined",
      "Fix the verification email",
    ]);
    expect(titles({ status: "done" })).toEqual(["Card declined"]);
    expect(titles({ owner: "team web" })).toEqual(["Slow search", "Bad receipts"]);
    expect(titles({ minEvidence: 2 })).toEqual(["Bad receipts"]);
    expect(titles({ persona: "omar" })).toEqual(["Fix the verification email", "Bad receipts"]);
    expect(titles({ persona: "lib-nora" })).toEqual([
      "Slow search",
      "Card declined",
      "Offer a chat",
    ]);
    expect(titles({ persona: "nobody" })).toEqual([]);
  });

  it("sorts by rating, evidence, map and title, and counts by kind and status", () => {
    expect(titles({})).toEqual([
      "Slow search",
      "Card declined",
      "Fix the verification email",
      "Offer a chat",
      "Bad receipts",
    ]);
    expect(titles({ sort: "evidence" })[0]).toBe("Bad receipts");
    expect(titles({ sort: "map" })).toEqual([
      "Card declined",
      "Offer a chat",
      "Slow search",
      "Bad receipts",
      "Fix the verification email",
    ]);
    expect(titles({ sort: "title" })[0]).toBe("Bad receipts");
    const all = rollUpCards(maps, NO_FILTER);
    expect(all.counts.painPoint).toEqual({
      total: 3,
      byStatus: { open: 2, inProgress: 0, done: 1, dismissed: 0 },
    });
    expect(all.counts.opportunity.total).toBe(2);
    expect(all.maps).toBe(2);
    expect(all.facets).toEqual({
      personas: ["Nora", "Omar"],
      phases: ["Buy", "Discover"],
      channels: ["email", "Kiosk", "website"],
      owners: ["Team Web"],
    });
  });

  it("answers at most the row bound and says it truncated, counting every match", () => {
    const capped = rollUpCards(maps, NO_FILTER, 2);
    expect(capped.cards).toHaveLength(2);
    expect(capped).toMatchObject({ total: 5, truncated: true });
    expect(rollUpCards(maps, NO_FILTER, 5).truncated).toBe(false);
  });

  it("reads filters from a query string and refuses malformed ones", () => {
    expect(readCardQuery({ kind: "opportunity", owner: " Team Web ", minRating: "4" })).toEqual({
      ...NO_FILTER,
      kind: "opportunity",
      owner: "team web",
      minRating: 4,
    });
    const malformed: Record<string, string>[] = [
      { kind: "idea" },
      { minRating: "9" },
      { minRating: "-1" },
      { minEvidence: "lots" },
      { sort: "random" },
      { status: "closed" },
      { owner: "x".repeat(201) },
    ];
    for (const bad of malformed)
      expect(readCardQuery(bad), JSON.stringify(bad)).toEqual(expect.stringMatching(/malformed/));
  });

  it("quotes every CSV cell and defuses formulas", () => {
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    for (const start of ["+", "-", "@", "\t", "\r"])
      expect(csvCell(`${start}1`)).toBe(`"'${start}1"`);
    expect(csvCell(-3)).toBe('"-3"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    const csv = cardsCsv(rollUpCards(maps, { ...NO_FILTER, minRating: 5 }).cards);
    const [header, row, end] = csv.split("\r\n");
    expect(header).toMatch(/^"Map","Kind","Title","Phase","Step",/);
    expect(row).toMatch(/^"Alpha","Pain point","Slow search","Discover","Search","website",/);
    expect(end).toBe("");
  });
});

interface Team {
  server: TestServer;
  db: TestDatabase | null;
  ana: Person;
  ben: Person;
  cy: Person;
  acme: string;
  beta: string;
  clients: ProviderClient[];
}

function cardsPath(workspaceId: string, query = "", csv = false) {
  return `/api/workspaces/${workspaceId}/library/cards${csv ? ".csv" : ""}${query ? `?${query}` : ""}`;
}

async function rollUp(person: Person, workspaceId: string, query = "") {
  const answer = await person.call<LibraryCardList>("GET", cardsPath(workspaceId, query));
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/** Asks until `check` holds (summaries are written shortly after a change). */
async function rollUpUntil(
  person: Person,
  workspaceId: string,
  check: (list: LibraryCardList) => boolean,
  query = "",
): Promise<LibraryCardList> {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const list = await rollUp(person, workspaceId, query);
    if (check(list)) return list;
    if (Date.now() > deadline) throw new Error(`roll-up never satisfied: ${JSON.stringify(list)}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

const opportunitiesPath = (workspaceId: string) =>
  `/api/workspaces/${workspaceId}/library/opportunities`;

function cardsSuite(backend: "SQLite" | "PostgreSQL") {
  describe(`pain points and opportunities across maps on ${backend}`, () => {
    const team = {} as Team;
    let signup: { id: string };
    let checkout: { id: string };

    const openMap = async (person: Person, mapId: string) => {
      const client = await connectAs(team.server, person, mapDocumentName(mapId));
      team.clients.push(client);
      return client;
    };

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
      team.ben = await signUp(team.server, "Ben");
      await join(team.ana, team.acme, team.ben, WORKSPACE_ROLE.member);
      team.cy = await signUp(team.server, "Cy");
      await join(team.ana, team.acme, team.cy, WORKSPACE_ROLE.guest);
      signup = await createMapIn(team.ana, "Sign-up journey", team.acme);
      checkout = await createMapIn(team.ana, "Checkout journey", team.acme);
    }, TIMEOUT_MS);

    afterAll(async () => {
      for (const c of team.clients) c.destroy();
      await team.server?.dispose();
      await team.db?.drop();
    });

    it(
      "rolls up the cards of my maps with filters and sorts, and exports them as safe CSV",
      async () => {
        const board = await openMap(team.ana, signup.id);
        const editor = new MapEditor(board.doc);
        const map = readJourneyMap(board.doc);
        const [first, second] = map.touchpoints;
        editor.updateTouchpoint(second!.id, { channels: ["email"] });
        const slow = editor.addCard({
          touchpointId: first!.id,
          kind: "painPoint",
          title: '=HYPERLINK("http://evil") "slow" code',
          rating: 5,
          owner: "Team Growth",
        });
        editor.addEvidence({ target: { kind: "card", id: slow }, text: "Support ticket 12" });
        editor.addCard({
          touchpointId: second!.id,
          kind: "opportunity",
          title: "Resend the code by SMS",
          rating: 2,
          status: "inProgress",
        });
        const mine = (list: LibraryCardList) => list.cards.filter((c) => c.mapId === signup.id);
        const list = await rollUpUntil(
          team.ana,
          team.acme,
          (l) =>
            mine(l).some((c) => c.title === "Resend the code by SMS" && c.evidenceCount === 0) &&
            mine(l).some((c) => c.evidenceCount === 1),
        );
        const before = mine(list).length;
        expect(before).toBeGreaterThanOrEqual(2);
        const slowRow = list.cards.find((c) => c.cardId === slow) as LibraryCardRow;
        expect(slowRow).toMatchObject({
          mapTitle: "Sign-up journey",
          kind: "painPoint",
          rating: 5,
          owner: "Team Growth",
          evidenceCount: 1,
          stepId: first!.id,
          stepName: first!.name,
        });
        const narrowed = await rollUp(
          team.ana,
          team.acme,
          "kind=opportunity&channel=EMAIL&status=inProgress&sort=title",
        );
        expect(narrowed.cards.map((c) => c.title)).toEqual(["Resend the code by SMS"]);
        expect(narrowed.counts.opportunity).toMatchObject({
          total: 1,
          byStatus: { inProgress: 1 },
        });
        expect(narrowed.counts.painPoint.total).toBe(0);
        const evidenced = await rollUp(team.ana, team.acme, "minEvidence=1&owner=team%20growth");
        expect(evidenced.cards.map((c) => c.cardId)).toEqual([slow]);
        expect((await rollUp(team.ana, team.acme, "minRating=5")).cards[0]?.cardId).toBe(slow);

        const res = await fetch(`${team.server.url}${cardsPath(team.acme, "minRating=5", true)}`, {
          headers: { cookie: team.ana.cookie, origin: team.server.url },
        });
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
        expect(res.headers.get("content-disposition")).toMatch(
          /attachment; filename="journeymap-cards-/,
        );
        const rows = (await res.text()).split("\r\n");
        expect(rows[0]).toMatch(/^"Map","Kind","Title"/);
        expect(rows[1]).toContain(`"'=HYPERLINK(""http://evil"") ""slow"" code"`);

        for (const bad of ["minRating=6", "kind=idea", "sort=random", "minEvidence=-2"]) {
          const answer = await team.ana.call<{ error: string }>("GET", cardsPath(team.acme, bad));
          expect(answer.status, bad).toBe(400);
          expect(answer.body.error).toMatch(/malformed/);
        }
        expect((await fetch(`${team.server.url}${cardsPath(team.acme)}`)).status).toBe(401);
      },
      TIMEOUT_MS,
    );

    it(
      "never shows a map of another workspace, one not shared with a guest, or one in the trash, not even in counts",
      async () => {
        const elsewhere = await createMapIn(team.ana, "Beta map", team.beta);
        const trashed = await createMapIn(team.ana, "Old map", team.acme);
        for (const { id } of [elsewhere, trashed]) {
          const board = await openMap(team.ana, id);
          new MapEditor(board.doc).addCard({
            touchpointId: readJourneyMap(board.doc).touchpoints[0]!.id,
            kind: "painPoint",
            title: `Only in ${id}`,
          });
        }
        // Every map of Acme indexed, not only the new one: a map nobody opened is summarised by
        // the sweep, which a loaded machine runs late, and a count taken before it would then
        // gain that map while it loses the trashed one (CI saw 2 maps before and after).
        const listed = await team.ana.call<unknown[]>("GET", `/api/maps?workspace=${team.acme}`);
        expect(listed.status).toBe(200);
        const withAll = await rollUpUntil(
          team.ana,
          team.acme,
          (l) => l.cards.some((c) => c.mapId === trashed.id) && l.maps === listed.body.length,
        );
        const inBeta = await rollUpUntil(team.ana, team.beta, (l) => l.total > 0);
        expect(inBeta.maps).toBe(1);
        expect(new Set(inBeta.cards.map((c) => c.mapId))).toEqual(new Set([elsewhere.id]));
        expect(withAll.cards.some((c) => c.mapId === elsewhere.id)).toBe(false);
        const trashedCards = withAll.cards.filter((c) => c.mapId === trashed.id).length;
        expect((await team.ana.call("POST", `/api/maps/${trashed.id}/trash`)).status).toBe(200);
        const after = await rollUp(team.ana, team.acme);
        expect(after.cards.some((c) => c.mapId === trashed.id)).toBe(false);
        expect(after.maps).toBe(withAll.maps - 1);
        expect(after.total).toBe(withAll.total - trashedCards);

        // A guest sees nothing until a map is shared with them; then that map only.
        const guest = await rollUp(team.cy, team.acme);
        expect(guest).toMatchObject({ maps: 0, total: 0, cards: [] });
        expect(guest.counts.painPoint.total + guest.counts.opportunity.total).toBe(0);
        expect(guest.facets.personas).toEqual([]);
        const shared = await team.ana.call("POST", `/api/maps/${checkout.id}/shares`, {
          userId: team.cy.id,
          role: "viewer",
        });
        expect(shared.status).toBe(201);
        const cys = await rollUpUntil(team.cy, team.acme, (l) => l.total > 0);
        expect(cys.maps).toBe(1);
        expect(new Set(cys.cards.map((c) => c.mapId))).toEqual(new Set([checkout.id]));
        // Someone else's workspace: nothing, not an error that says it exists.
        expect(await rollUp(team.cy, team.beta)).toMatchObject({ maps: 0, total: 0 });
      },
      TIMEOUT_MS,
    );

    it(
      "makes a library opportunity from a card, links it into a step of another live map, places, renames and unlinks it",
      async () => {
        const signupBoard = await openMap(team.ana, signup.id);
        const checkoutBoard = await openMap(team.ben, checkout.id);
        const step = readJourneyMap(signupBoard.doc).touchpoints[0]!;
        const cardId = new MapEditor(signupBoard.doc).addCard({
          touchpointId: step.id,
          kind: "opportunity",
          title: "Fix the verification email",
          rating: 4,
        });
        await rollUpUntil(team.ana, team.acme, (l) => l.cards.some((c) => c.cardId === cardId));

        const made = await team.ana.call<LibraryOpportunity>("POST", opportunitiesPath(team.acme), {
          from: { mapId: signup.id, cardId },
        });
        expect(made.status, JSON.stringify(made.body)).toBe(201);
        const opp = made.body;
        expect(opp).toMatchObject({
          title: "Fix the verification email",
          value: null,
          effort: null,
        });
        const linkedIn = (doc: Y.Doc, id: string) =>
          cardsOf(readJourneyMap(doc)).filter((c) => c.libraryOpportunityId === id);
        await until(signupBoard.doc, () => linkedIn(signupBoard.doc, opp.id).length === 1);
        // Again from the same card: it is in the library already.
        const again = await team.ana.call("POST", opportunitiesPath(team.acme), {
          from: { mapId: signup.id, cardId },
        });
        expect(again.status).toBe(409);

        const target = readJourneyMap(checkoutBoard.doc).touchpoints[1]!;
        const linked = await team.ben.call<{ mapId: string; cardId: string }>(
          "POST",
          `${opportunitiesPath(team.acme)}/${opp.id}/links`,
          { mapId: checkout.id, stepId: target.id },
        );
        expect(linked.status, JSON.stringify(linked.body)).toBe(201);
        // Ben's open board gets the card live, in the step, carrying the link.
        await until(checkoutBoard.doc, () => linkedIn(checkoutBoard.doc, opp.id).length === 1);
        expect(linkedIn(checkoutBoard.doc, opp.id)[0]).toMatchObject({
          id: linked.body.cardId,
          kind: "opportunity",
          touchpointId: target.id,
          title: "Fix the verification email",
        });
        const withLinks = await listUntil(team.ana, team.acme, (l) =>
          l.opportunities.some(
            (o) =>
              o.id === opp.id && o.links.every((k) => k.stepName !== "") && o.links.length === 2,
          ),
        );
        expect(
          withLinks.opportunities
            .find((o) => o.id === opp.id)!
            .links.map((l) => l.mapTitle)
            .sort(),
        ).toEqual(["Checkout journey", "Sign-up journey"]);
        // A board asks by its map: the same opportunities, for whoever may open the map.
        const byMap = await team.ben.call<LibraryOpportunityList>(
          "GET",
          `/api/maps/${checkout.id}/library-opportunities`,
        );
        expect(byMap.status).toBe(200);
        expect(byMap.body.opportunities.find((o) => o.id === opp.id)?.links).toHaveLength(2);
        const notShared = await team.cy.call("GET", `/api/maps/${signup.id}/library-opportunities`);
        expect(notShared.status).toBe(404);

        const placed = await team.ana.call<UpdatedLibraryOpportunity>(
          "PATCH",
          `${opportunitiesPath(team.acme)}/${opp.id}`,
          { value: 80, effort: 25 },
        );
        expect(placed.status).toBe(200);
        expect(placed.body.opportunity).toMatchObject({ value: 80, effort: 25, updatedBy: "Ana" });

        const renamed = await team.ben.call<UpdatedLibraryOpportunity>(
          "PATCH",
          `${opportunitiesPath(team.acme)}/${opp.id}`,
          { title: "Send the verification email at once" },
        );
        expect(renamed.status).toBe(200);
        expect(renamed.body.skippedMaps).toBe(0);
        for (const board of [signupBoard, checkoutBoard])
          await until(board.doc, () =>
            linkedIn(board.doc, opp.id).every(
              (c) => c.title === "Send the verification email at once",
            ),
          );

        const unlinked = await team.ana.call(
          "DELETE",
          `${opportunitiesPath(team.acme)}/${opp.id}/links/${checkout.id}/${linked.body.cardId}`,
        );
        expect(unlinked.status).toBe(204);
        await until(checkoutBoard.doc, () => linkedIn(checkoutBoard.doc, opp.id).length === 0);
        // The card stays in its map, as a card of that map only.
        expect(
          cardsOf(readJourneyMap(checkoutBoard.doc)).find((c) => c.id === linked.body.cardId)
            ?.title,
        ).toBe("Send the verification email at once");
        const one = await listUntil(team.ana, team.acme, (l) =>
          l.opportunities.some((o) => o.id === opp.id && o.links.length === 1),
        );
        expect(one.opportunities.find((o) => o.id === opp.id)!.links[0]!.mapId).toBe(signup.id);
        // Undoing the card's creation (deleting it) drops the link from the answer too.
        new MapEditor(signupBoard.doc).deleteCard(cardId as CardId);
        await listUntil(team.ana, team.acme, (l) =>
          l.opportunities.some((o) => o.id === opp.id && o.links.length === 0),
        );
      },
      TIMEOUT_MS,
    );

    it(
      "shows a placement to a second person polling with If-None-Match, and lets guests look but not move",
      async () => {
        const made = await team.ana.call<LibraryOpportunity>("POST", opportunitiesPath(team.acme), {
          title: "Offer Apple Pay",
        });
        expect(made.status).toBe(201);
        const first = await team.ben.call<LibraryOpportunityList>(
          "GET",
          opportunitiesPath(team.acme),
        );
        expect(first.status).toBe(200);
        expect(first.body.mayEdit).toBe(true);
        const etag = `"${first.body.version}"`;
        const unchanged = await team.ben.call("GET", opportunitiesPath(team.acme), undefined, {
          "if-none-match": etag,
        });
        expect(unchanged.status).toBe(304);

        const placedAt = Date.now();
        const placed = await team.ana.call(
          "PATCH",
          `${opportunitiesPath(team.acme)}/${made.body.id}`,
          {
            value: 90,
            effort: 10,
          },
        );
        expect(placed.status).toBe(200);
        const seen = await team.ben.call<LibraryOpportunityList>(
          "GET",
          opportunitiesPath(team.acme),
          undefined,
          { "if-none-match": etag },
        );
        expect(seen.status).toBe(200);
        expect(seen.body.opportunities.find((o) => o.id === made.body.id)).toMatchObject({
          value: 90,
          effort: 10,
        });
        console.info(
          `[cards] a placement reached a poller ${Date.now() - placedAt} ms after it was made (${backend})`,
        );

        // Concurrent drags: the last write wins, and both see the winner's place.
        await team.ben.call("PATCH", `${opportunitiesPath(team.acme)}/${made.body.id}`, {
          value: 20,
          effort: 70,
        });
        await team.ana.call("PATCH", `${opportunitiesPath(team.acme)}/${made.body.id}`, {
          value: 60,
          effort: 40,
        });
        for (const person of [team.ana, team.ben]) {
          const list = await team.ben.call<LibraryOpportunityList>(
            "GET",
            opportunitiesPath(team.acme),
          );
          expect(
            list.body.opportunities.find((o) => o.id === made.body.id),
            person.name,
          ).toMatchObject({
            value: 60,
            effort: 40,
            updatedBy: "Ana",
          });
        }

        // Cy is a guest: unlinked opportunities are not hers to see, and she moves nothing.
        const guest = await team.cy.call<LibraryOpportunityList>(
          "GET",
          opportunitiesPath(team.acme),
        );
        expect(guest.status).toBe(200);
        expect(guest.body.mayEdit).toBe(false);
        expect(guest.body.opportunities.some((o) => o.id === made.body.id)).toBe(false);
        // Linked into a map shared with her and one that is not: she sees it, with the first only.
        for (const { id } of [checkout, signup]) {
          const board = await openMap(team.ana, id);
          const linked = await team.ana.call(
            "POST",
            `${opportunitiesPath(team.acme)}/${made.body.id}/links`,
            { mapId: id, stepId: readJourneyMap(board.doc).touchpoints[0]!.id },
          );
          expect(linked.status).toBe(201);
        }
        const seenByCy = await listUntil(team.cy, team.acme, (l) =>
          l.opportunities.some((o) => o.id === made.body.id),
        );
        const cysLinks = seenByCy.opportunities.find((o) => o.id === made.body.id)!.links;
        expect(cysLinks.map((l) => l.mapId)).toEqual([checkout.id]);
        const moved = await team.cy.call(
          "PATCH",
          `${opportunitiesPath(team.acme)}/${made.body.id}`,
          {
            value: 1,
          },
        );
        expect(moved.status).toBe(403);
        // Outside the workspace: no such workspace.
        expect((await team.cy.call("GET", opportunitiesPath(team.beta))).status).toBe(404);

        for (const [body, status] of [
          [{ value: 101 }, 400],
          [{ effort: -1 }, 400],
          [{ title: "" }, 400],
          [{ colour: "red" }, 400],
        ] as const) {
          const answer = await team.ana.call(
            "PATCH",
            `${opportunitiesPath(team.acme)}/${made.body.id}`,
            body,
          );
          expect(answer.status, JSON.stringify(body)).toBe(status);
        }
        expect(
          (await team.ana.call("PATCH", `${opportunitiesPath(team.acme)}/nope`, { value: 1 }))
            .status,
        ).toBe(404);
        const noStep = await team.ana.call(
          "POST",
          `${opportunitiesPath(team.acme)}/${made.body.id}/links`,
          {
            mapId: checkout.id,
            stepId: "no-such-step",
          },
        );
        expect(noStep.status).toBe(404);
        const otherWorkspace = await team.ana.call(
          "POST",
          `${opportunitiesPath(team.beta)}/${made.body.id}/links`,
          { mapId: checkout.id, stepId: "x" },
        );
        expect(otherWorkspace.status).toBe(404);
      },
      TIMEOUT_MS,
    );
  });
}

async function listUntil(
  person: Person,
  workspaceId: string,
  check: (list: LibraryOpportunityList) => boolean,
): Promise<LibraryOpportunityList> {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const answer = await person.call<LibraryOpportunityList>("GET", opportunitiesPath(workspaceId));
    expect(answer.status).toBe(200);
    if (check(answer.body)) return answer.body;
    if (Date.now() > deadline)
      throw new Error(`opportunities never satisfied: ${JSON.stringify(answer.body)}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

cardsSuite("SQLite");
if (pgAvailable) cardsSuite("PostgreSQL");
