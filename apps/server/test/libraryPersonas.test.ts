/**
 * The workspace persona library over HTTP and sync (issue 19), against a real server with real
 * accounts and real providers: a persona made once is used (linked) in two maps; editing it in
 * the library shows in both open maps live; a map that detached its copy keeps its own text
 * while the other still follows; the persona's page lists both maps with their curves. Only
 * the workspace's admins and members use the library; bad input is refused with a 4xx.
 */
import { mapDocumentName, WORKSPACE_ROLE } from "@journeymap/protocol";
import type {
  LibraryPersona,
  LibraryPersonaList,
  LibraryPersonaPage,
  UpdatedLibraryPersona,
  UsedLibraryPersona,
} from "@journeymap/protocol/http";
import { type MapSummary, MapEditor, type PersonaId, readJourneyMap } from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { type Client, until } from "./support/clients.ts";
import {
  connectAs,
  createMapIn,
  createWorkspace,
  join,
  PEOPLE_ENV,
  type Person,
  signUp,
} from "./support/people.ts";
import { serverForTest, type TestServer } from "./support/server.ts";

/** Starting a server and signing people up (argon2id) takes a while on a loaded machine. */
const TIMEOUT_MS = 120_000;
/** What a live change may take to arrive on a loaded machine. */
const ARRIVAL_MS = 20_000;

async function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not within ${ARRIVAL_MS} ms: ${what}`)), ARRIVAL_MS);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

const personaIn = (doc: Y.Doc, id: string) => readJourneyMap(doc).personas.find((p) => p.id === id);

/** Waits until the map's summary (the index) says which of its personas follow `libraryId`. */
async function summaryLinks(server: TestServer, mapId: string, libraryId: string, count: number) {
  const deadline = Date.now() + ARRIVAL_MS;
  for (;;) {
    const [row] = await server.store.library().summaries([mapId]);
    const summary = row ? (JSON.parse(row.summary) as MapSummary) : null;
    const linked = summary?.personas.filter((p) => p.libraryPersonaId === libraryId) ?? [];
    if (linked.length === count) return;
    if (Date.now() > deadline) throw new Error(`summary of ${mapId}: ${row?.summary}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Ana administers Acme, Bob is a member, Cy a guest; Dee has a workspace of her own. */
async function team() {
  const server = await serverForTest({ env: PEOPLE_ENV });
  const ana = await signUp(server, "Ana");
  const acme = await createWorkspace(ana, "Acme");
  const bob = await signUp(server, "Bob");
  await join(ana, acme, bob, WORKSPACE_ROLE.member);
  const cy = await signUp(server, "Cy");
  await join(ana, acme, cy, WORKSPACE_ROLE.guest);
  const dee = await signUp(server, "Dee");
  const deeSpace = await createWorkspace(dee, "Dees");
  return { server, ana, bob, cy, dee, acme, deeSpace };
}

const personasPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/library-personas`;

async function createPersona(person: Person, workspaceId: string, body: unknown) {
  const made = await person.call<LibraryPersona>("POST", personasPath(workspaceId), body);
  expect(made.status).toBe(201);
  return made.body;
}

/** Adds the library persona to the map (linked): its id in the map. */
async function use(person: Person, mapId: string, libraryPersonaId: string) {
  const used = await person.call<UsedLibraryPersona>(
    "POST",
    `/api/maps/${mapId}/library-personas`,
    {
      libraryPersonaId,
    },
  );
  expect(used.status).toBe(201);
  return used.body.personaId;
}

describe("the workspace persona library (issue 19)", () => {
  it(
    "INV-P2, INV-P3: an edit in the library appears in two open maps live; a detached map keeps its text while the other follows",
    async () => {
      const { server, ana, bob, acme } = await team();
      const nora = await createPersona(ana, acme, {
        name: "Nora",
        role: "Night-shift nurse",
        demographics: { occupation: "Nurse" },
        psychographics: { goals: "Finish paperwork fast" },
      });
      expect(nora).toMatchObject({ name: "Nora", updatedBy: "Ana", mapCount: 0 });
      expect(nora.demographics.occupation).toBe("Nurse");

      const one = await createMapIn(ana, "Onboarding", acme);
      const two = await createMapIn(bob, "Renewal", acme);
      const clients: Client[] = [];
      try {
        const boardOne = await connectAs(server, ana, mapDocumentName(one.id));
        const boardTwo = await connectAs(server, bob, mapDocumentName(two.id));
        clients.push(boardOne, boardTwo);
        // The board asks for its workspace's library by the map.
        const forBoard = await bob.call<LibraryPersonaList>(
          "GET",
          `/api/maps/${two.id}/library-personas`,
        );
        expect(forBoard.status).toBe(200);
        expect(forBoard.body.workspaceId).toBe(acme);
        expect(forBoard.body.personas.map((p) => p.name)).toEqual(["Nora"]);
        const inOne = await use(ana, one.id, nora.id);
        const inTwo = await use(bob, two.id, nora.id);
        // Added live: both boards show the linked copy with the library's fields.
        await within(
          until(boardOne.doc, () => personaIn(boardOne.doc, inOne)?.libraryPersonaId === nora.id),
          "the linked persona on board one",
        );
        await within(
          until(boardTwo.doc, () => personaIn(boardTwo.doc, inTwo)?.name === "Nora"),
          "the linked persona on board two",
        );
        expect(personaIn(boardTwo.doc, inTwo)?.demographics.occupation).toBe("Nurse");
        await summaryLinks(server, one.id, nora.id, 1);
        await summaryLinks(server, two.id, nora.id, 1);

        // A member edits the library persona: both open maps show it, as Bob's change.
        const edited = await bob.call<UpdatedLibraryPersona>(
          "PATCH",
          `${personasPath(acme)}/${nora.id}`,
          { demographics: { occupation: "Surgeon" }, psychographics: { goals: "Fewer forms" } },
        );
        expect(edited.status).toBe(200);
        expect(edited.body).toMatchObject({ maps: 2, leftOut: 0 });
        expect(edited.body.persona).toMatchObject({ updatedBy: "Bob", mapCount: 2 });
        for (const [board, id] of [
          [boardOne, inOne],
          [boardTwo, inTwo],
        ] as const) {
          await within(
            until(board.doc, () => personaIn(board.doc, id)?.demographics.occupation === "Surgeon"),
            "the library edit on an open board",
          );
          expect(personaIn(board.doc, id)?.psychographics.goals).toBe("Fewer forms");
          // Fields the edit did not send stay as they were.
          expect(personaIn(board.doc, id)?.role).toBe("Night-shift nurse");
        }

        // Board one detaches its copy (the board's own edit) and rewrites its occupation.
        const editor = new MapEditor(boardOne.doc);
        editor.linkPersona(inOne as PersonaId, null);
        editor.updatePersona(inOne as PersonaId, { quote: "Ours now" });
        await boardOne.confirmed();
        const again = await ana.call<UpdatedLibraryPersona>(
          "PATCH",
          `${personasPath(acme)}/${nora.id}`,
          { demographics: { occupation: "Pilot" }, quote: "Library quote" },
        );
        expect(again.status).toBe(200);
        expect(again.body.maps).toBe(1);
        await within(
          until(
            boardTwo.doc,
            () => personaIn(boardTwo.doc, inTwo)?.demographics.occupation === "Pilot",
          ),
          "the second edit on the board that still follows",
        );
        // A fresh look at map one (what the server holds): its detached copy kept its text.
        const fresh = await connectAs(server, bob, mapDocumentName(one.id));
        clients.push(fresh);
        expect(personaIn(fresh.doc, inOne)).toMatchObject({
          libraryPersonaId: null,
          quote: "Ours now",
          demographics: expect.objectContaining({ occupation: "Surgeon" }),
        });
        expect(personaIn(boardTwo.doc, inTwo)?.quote).toBe("Library quote");
      } finally {
        for (const client of clients) client.destroy();
      }
    },
    TIMEOUT_MS,
  );

  it(
    "a persona's page lists the maps it appears in with its emotion curve in each",
    async () => {
      const { server, ana, acme } = await team();
      const nora = await createPersona(ana, acme, { name: "Nora" });
      const one = await createMapIn(ana, "Onboarding", acme);
      const two = await createMapIn(ana, "Renewal", acme);
      const inOne = await use(ana, one.id, nora.id);
      await use(ana, two.id, nora.id);
      const board = await connectAs(server, ana, mapDocumentName(one.id));
      try {
        await within(
          until(board.doc, () => personaIn(board.doc, inOne) !== undefined),
          "the persona",
        );
        const steps = readJourneyMap(board.doc).touchpoints;
        const editor = new MapEditor(board.doc);
        editor.setEmotion(inOne as PersonaId, steps[0]!.id, -2);
        editor.setEmotion(inOne as PersonaId, steps[1]!.id, 1);
        await board.confirmed();
        const deadline = Date.now() + ARRIVAL_MS;
        let page: LibraryPersonaPage;
        for (;;) {
          const got = await ana.call<LibraryPersonaPage>("GET", `${personasPath(acme)}/${nora.id}`);
          expect(got.status).toBe(200);
          page = got.body;
          const curveOne = page.maps.find((m) => m.mapId === one.id)?.curve.length ?? 0;
          if ((page.maps.length === 2 && curveOne === 2) || Date.now() > deadline) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(page.maps.map((m) => m.title).sort()).toEqual(["Onboarding", "Renewal"]);
        const inMapOne = page.maps.find((m) => m.mapId === one.id)!;
        expect(inMapOne).toMatchObject({ personaId: inOne, lowest: -2, average: -0.5 });
        expect(inMapOne.curve).toEqual([
          { stepId: steps[0]!.id, score: -2 },
          { stepId: steps[1]!.id, score: 1 },
        ]);
        expect(inMapOne.steps.length).toBe(steps.length);
        expect(page.persona.mapCount).toBe(2);
        const listed = await ana.call<LibraryPersonaList>("GET", personasPath(acme));
        expect(listed.body.personas.map((p) => [p.name, p.mapCount])).toEqual([["Nora", 2]]);
      } finally {
        board.destroy();
      }
    },
    TIMEOUT_MS,
  );

  it(
    "only the workspace's admins and members use its library; bad input is refused",
    async () => {
      const { ana, cy, dee, acme, deeSpace } = await team();
      const nora = await createPersona(ana, acme, { name: "Nora" });
      const persona = `${personasPath(acme)}/${nora.id}`;
      // Someone of another workspace: as if there were none.
      expect((await dee.call("GET", personasPath(acme))).status).toBe(404);
      expect((await dee.call("GET", persona)).status).toBe(404);
      expect((await dee.call("PATCH", persona, { name: "Mine" })).status).toBe(404);
      const deeMap = await createMapIn(dee, "Dee's map", deeSpace);
      const foreign = await dee.call("POST", `/api/maps/${deeMap.id}/library-personas`, {
        libraryPersonaId: nora.id,
      });
      expect(foreign.status).toBe(404);
      // A guest reads and edits nothing of the library.
      expect((await cy.call("GET", personasPath(acme))).status).toBe(403);
      expect((await cy.call("PATCH", persona, { name: "Guest's" })).status).toBe(403);
      expect((await cy.call("POST", personasPath(acme), { name: "X" })).status).toBe(403);
      const acmeMap = await createMapIn(ana, "Acme map", acme);
      expect(
        (
          await cy.call("POST", `/api/maps/${acmeMap.id}/library-personas`, {
            libraryPersonaId: nora.id,
          })
        ).status,
      ).toBe(404);
      expect((await dee.call("GET", `/api/maps/${acmeMap.id}/library-personas`)).status).toBe(404);
      expect((await cy.call("GET", `/api/maps/${acmeMap.id}/library-personas`)).status).toBe(404);
      // Bad input: nothing changes.
      const bad = [
        await ana.call("POST", personasPath(acme), { name: "" }),
        await ana.call("POST", personasPath(acme), {}),
        await ana.call("PATCH", persona, { colour: "red" }),
        await ana.call("PATCH", persona, { demographics: { shoeSize: "42" } }),
        await ana.call("PATCH", persona, { nickname: "N" }),
        await ana.call("POST", `${persona}/archive`, { archived: "yes" }),
        await ana.call("POST", `/api/maps/${acmeMap.id}/library-personas`, {}),
      ];
      expect(bad.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
      const huge = await ana.call("POST", `/api/maps/${acmeMap.id}/library-personas`, {
        libraryPersonaId: "x".repeat(8000),
      });
      expect(huge.status).toBe(413);
      expect(
        (
          await ana.call("POST", `/api/maps/${acmeMap.id}/library-personas`, {
            libraryPersonaId: "nope",
          })
        ).status,
      ).toBe(404);
      expect((await ana.call("GET", `${personasPath(acme)}/nope`)).status).toBe(404);
      const still = await ana.call<LibraryPersonaPage>("GET", persona);
      expect(still.body.persona).toMatchObject({ name: "Nora", colour: "" });
      // Archiving hides nothing from the list but says so; bringing it back clears it.
      const archived = await ana.call<LibraryPersona>("POST", `${persona}/archive`, {
        archived: true,
      });
      expect(archived.body.archivedAt).toEqual(expect.any(Number));
      const back = await ana.call<LibraryPersona>("POST", `${persona}/archive`, {
        archived: false,
      });
      expect(back.body.archivedAt).toBeNull();
    },
    TIMEOUT_MS,
  );
});
