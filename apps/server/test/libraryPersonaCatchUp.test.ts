/**
 * Linked personas converge on the library (issue 19) even when a library edit's propagation
 * missed their map: propagation finds maps from the summaries, which trail the live map. Here
 * the summary is made to trail deterministically (rewritten as it was before the link), so the
 * edit's propagation reaches no map; the map's next index pass brings its persona up to date,
 * as the library's editor, while a persona edited on its map after the library keeps its text.
 * Real server, real accounts, a real provider.
 */
import { mapDocumentName, WORKSPACE_ROLE } from "@journeymap/protocol";
import type {
  LibraryPersona,
  UpdatedLibraryPersona,
  UsedLibraryPersona,
} from "@journeymap/protocol/http";
import { MapEditor, type PersonaId, readJourneyMap } from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { until } from "./support/clients.ts";
import {
  connectAs,
  createMapIn,
  createWorkspace,
  join,
  PEOPLE_ENV,
  signUp,
} from "./support/people.ts";
import { serverForTest } from "./support/server.ts";
import { summaryOf } from "./support/summaries.ts";

const TIMEOUT_MS = 120_000;
const ARRIVAL_MS = 20_000;

const personaIn = (doc: Y.Doc, id: string) => readJourneyMap(doc).personas.find((p) => p.id === id);

/** Resolves when `predicate` holds on the document, or fails after ARRIVAL_MS naming `what`. */
async function arrives(doc: Y.Doc, predicate: () => boolean, what: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not within ${ARRIVAL_MS} ms: ${what}`)), ARRIVAL_MS);
  });
  try {
    await Promise.race([until(doc, predicate), late]);
  } finally {
    clearTimeout(timer);
  }
}

describe("linked personas catch up with the library (issue 19)", () => {
  it(
    "a map the edit's propagation missed is brought up to date at its next index pass, as the library's editor",
    async () => {
      const server = await serverForTest({ env: PEOPLE_ENV });
      const ana = await signUp(server, "Ana");
      const acme = await createWorkspace(ana, "Acme");
      const bob = await signUp(server, "Bob");
      await join(ana, acme, bob, WORKSPACE_ROLE.member);
      const path = `/api/workspaces/${acme}/library-personas`;
      const made = await ana.call<LibraryPersona>("POST", path, {
        name: "Nora",
        demographics: { occupation: "Nurse" },
      });
      expect(made.status).toBe(201);
      const nora = made.body;
      const map = await createMapIn(ana, "Onboarding", acme);
      const board = await connectAs(server, ana, mapDocumentName(map.id));
      try {
        const used = await ana.call<UsedLibraryPersona>(
          "POST",
          `/api/maps/${map.id}/library-personas`,
          { libraryPersonaId: nora.id },
        );
        expect(used.status).toBe(201);
        const copy = used.body.personaId;
        await arrives(board.doc, () => personaIn(board.doc, copy) !== undefined, "the copy");

        // The summary as it was before the link: what propagation reads when it trails the map.
        const summary = await summaryOf(server, map.id, (s) =>
          s.personas.some((p) => p.libraryPersonaId === nora.id),
        );
        const [row] = await server.store.library().summaries([map.id]);
        const unlinked = {
          ...summary,
          personas: summary.personas.map((p) => ({ ...p, libraryPersonaId: null })),
        };
        await server.store.library().putSummary({ ...row!, summary: JSON.stringify(unlinked) });

        const edited = await bob.call<UpdatedLibraryPersona>("PATCH", `${path}/${nora.id}`, {
          demographics: { occupation: "Surgeon" },
          role: "Ward lead",
        });
        expect(edited.status).toBe(200);
        expect(edited.body.maps).toBe(0);
        expect(personaIn(board.doc, copy)?.demographics.occupation).toBe("Nurse");

        // Any edit of the map indexes it again; the pass brings the copy up to date.
        const editor = new MapEditor(board.doc);
        const step = readJourneyMap(board.doc).touchpoints[0]!;
        editor.updateTouchpoint(step.id, { name: "Sign up" });
        await board.confirmed();
        await arrives(
          board.doc,
          () => personaIn(board.doc, copy)?.demographics.occupation === "Surgeon",
          "the missed library edit on the board",
        );
        expect(personaIn(board.doc, copy)).toMatchObject({ role: "Ward lead", name: "Nora" });
        // Written as Bob's change, like propagation's.
        const { last } = await server.store.logBounds(mapDocumentName(map.id));
        const [entry] = await server.store.readLogEntries(mapDocumentName(map.id), last, last);
        expect(entry?.author).toBe(bob.id);

        // The map's own edit after the library's is its editors' choice: not overwritten.
        editor.updatePersona(copy as PersonaId, { occupation: "Midwife" });
        editor.updateTouchpoint(step.id, { name: "Register" });
        await board.confirmed();
        await summaryOf(server, map.id, (s) => s.steps.some((t) => t.name === "Register"));
        // The summary is written after every sink's pass: the catch-up has looked by now. A
        // fresh look at what the server holds.
        const fresh = await connectAs(server, ana, mapDocumentName(map.id));
        try {
          expect(personaIn(fresh.doc, copy)?.demographics.occupation).toBe("Midwife");
        } finally {
          fresh.destroy();
        }
      } finally {
        board.destroy();
      }
    },
    TIMEOUT_MS,
  );
});
