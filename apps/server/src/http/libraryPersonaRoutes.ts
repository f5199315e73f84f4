/**
 * The workspace persona library's routes (issue 19; shapes in @journeymap/protocol/http
 * libraryPersonas.ts, rules in library/personas/LibraryPersonaService.ts). Signed-in people
 * only: the library belongs to a workspace, not to a map, so no map token opens it.
 */
import {
  ArchiveLibraryPersonaBody,
  CreateLibraryPersonaBody,
  type LibraryPersonaList,
  ROUTES,
  UpdateLibraryPersonaBody,
  type UsedLibraryPersona,
  UseLibraryPersonaBody,
} from "@journeymap/protocol/http";
import { type Context, Hono } from "hono";
import {
  LibraryRefusal,
  type LibraryPersonaService,
} from "../library/personas/LibraryPersonaService.ts";
import { limitBody, readBody } from "./jsonBody.ts";
import { mount } from "./mount.ts";
import { changeLimiter, signedInPerson } from "./signedIn.ts";

/** A persona's texts are a map persona's: six long texts at most 20,000 characters each. */
const MAX_BODY_BYTES = 256 * 1024;
const MAX_SMALL_BODY_BYTES = 4 * 1024;

export interface LibraryPersonaRoutesOptions {
  readonly personas: LibraryPersonaService;
  readonly now: () => number;
}

const workspaceIdOf = (c: Context) => c.req.param("workspaceId") ?? "";
const personaIdOf = (c: Context) => c.req.param("personaId") ?? "";

export function createLibraryPersonaRoutes({ personas, now }: LibraryPersonaRoutesOptions): Hono {
  const app = new Hono();
  const limitChanges = changeLimiter(now);
  const large = limitBody(MAX_BODY_BYTES);
  const small = limitBody(MAX_SMALL_BODY_BYTES);

  /** The signed-in person's id, past the rate bound; else the refusal. */
  const caller = async (c: Context): Promise<string | Response> => {
    const person = await signedInPerson(c);
    if (person instanceof Response) return person;
    return limitChanges(c, person.id) ?? person.id;
  };

  /** Runs `answer` for the caller, turning the service's refusals into their status. */
  const handle =
    (answer: (c: Context, userId: string) => Promise<Response>) =>
    async (c: Context): Promise<Response> => {
      const userId = await caller(c);
      if (userId instanceof Response) return userId;
      try {
        return await answer(c, userId);
      } catch (error) {
        if (error instanceof LibraryRefusal) return c.json({ error: error.message }, error.status);
        throw error;
      }
    };

  mount(
    app,
    ROUTES.listLibraryPersonas,
    handle(async (c, userId) => {
      const workspaceId = workspaceIdOf(c);
      const list = await personas.list(userId, workspaceId);
      return c.json({ workspaceId, personas: list } satisfies LibraryPersonaList);
    }),
  );

  mount(
    app,
    ROUTES.listMapLibraryPersonas,
    handle(async (c, userId) => {
      const library = await personas.forMap(userId, c.req.param("mapId") ?? "");
      return c.json(library satisfies LibraryPersonaList);
    }),
  );

  mount(
    app,
    ROUTES.createLibraryPersona,
    large,
    handle(async (c, userId) => {
      const body = await readBody(c, CreateLibraryPersonaBody, { emptyIsInvalid: true });
      if (body instanceof Response) return body;
      return c.json(await personas.create(userId, workspaceIdOf(c), body), 201);
    }),
  );

  mount(
    app,
    ROUTES.getLibraryPersona,
    handle(async (c, userId) =>
      c.json(await personas.page(userId, workspaceIdOf(c), personaIdOf(c))),
    ),
  );

  mount(
    app,
    ROUTES.updateLibraryPersona,
    large,
    handle(async (c, userId) => {
      const body = await readBody(c, UpdateLibraryPersonaBody, { emptyIsInvalid: true });
      if (body instanceof Response) return body;
      return c.json(await personas.update(userId, workspaceIdOf(c), personaIdOf(c), body));
    }),
  );

  mount(
    app,
    ROUTES.archiveLibraryPersona,
    small,
    handle(async (c, userId) => {
      const body = await readBody(c, ArchiveLibraryPersonaBody, { emptyIsInvalid: true });
      if (body instanceof Response) return body;
      const { archived } = body;
      return c.json(await personas.archive(userId, workspaceIdOf(c), personaIdOf(c), archived));
    }),
  );

  mount(
    app,
    ROUTES.useLibraryPersona,
    small,
    handle(async (c, userId) => {
      const body = await readBody(c, UseLibraryPersonaBody, { emptyIsInvalid: true });
      if (body instanceof Response) return body;
      const mapId = c.req.param("mapId") ?? "";
      const personaId = await personas.use(userId, mapId, body.libraryPersonaId);
      return c.json({ personaId } satisfies UsedLibraryPersona, 201);
    }),
  );

  return app;
}
