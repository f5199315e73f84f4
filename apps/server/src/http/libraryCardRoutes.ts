/**
 * Pain points and opportunities across maps (issue 19; shapes in @journeymap/protocol/http
 * libraryCards.ts): the roll-up of the cards of every map a signed-in person may open in a
 * workspace (JSON, or CSV to download), and the workspace's library opportunities on the
 * value/effort matrix. Who may do what is LibraryOpportunities' rule; the roll-up reads only
 * the summaries of `readableMaps`, so a map the person can't open never shows, even in counts.
 */
import type { AccountAccess } from "@journeymap/access";
import { canSync } from "@journeymap/protocol";
import {
  CreateLibraryOpportunityBody,
  LinkLibraryOpportunityBody,
  ROUTES,
  UpdateLibraryOpportunityBody,
} from "@journeymap/protocol/http";
import type { MapStore } from "@journeymap/storage";
import { type Context, Hono } from "hono";
import type * as z from "zod/mini";
import { cardsCsv } from "../library/cards/cardsCsv.ts";
import { readCardQuery } from "../library/cards/cardQuery.ts";
import {
  type LibraryOpportunities,
  OpportunityRefusal,
  type Viewer,
} from "../library/cards/LibraryOpportunities.ts";
import { rollUpCards } from "../library/cards/rollUpCards.ts";
import { readSummaries } from "../library/librarySummaries.ts";
import { readableMaps } from "../library/readableMaps.ts";
import { limitBody, readBody } from "./jsonBody.ts";
import { mount } from "./mount.ts";
import { RateLimiter } from "./RateLimiter.ts";
import { changeLimiter, personOnMap, signedInPerson } from "./signedIn.ts";

/** Bodies are a title and a few ids. */
const MAX_BODY_BYTES = 4 * 1024;
/**
 * Reads one person may make: a burst of 120, then 5 a second — the matrix polls once a second
 * per open tab, and the table asks again as filters change.
 */
const READS_PER_MINUTE = 300;
const READ_BURST = 120;

const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface LibraryCardRoutesOptions {
  readonly store: MapStore;
  readonly roles: AccountAccess;
  readonly opportunities: LibraryOpportunities;
  readonly now: () => number;
}

/** The CSV's file name: the workspace's id and today's date, nothing a person typed. */
const csvName = (workspaceId: string, now: number) =>
  `journeymap-cards-${workspaceId}-${new Date(now).toISOString().slice(0, 10)}.csv`;

export function createLibraryCardRoutes(options: LibraryCardRoutesOptions): Hono {
  const { store, roles, opportunities, now } = options;
  const app = new Hono();
  const limit = limitBody(MAX_BODY_BYTES);
  const reads = new RateLimiter(READS_PER_MINUTE, READ_BURST, now);
  const changes = changeLimiter(now);

  const tooManyReads = (c: Context, userId: string): Response | null => {
    const decision = reads.take(userId);
    if (decision.ok) return null;
    c.header("Retry-After", String(decision.retryAfterSeconds));
    return c.json({ error: "Too many requests in a short time; try again soon" }, 429);
  };

  /** The signed-in person and the workspace asked about, or the refusal. */
  const viewerOf = async (c: Context, bound: "read" | "change") => {
    const person = await signedInPerson(c);
    if (person instanceof Response) return person;
    const workspaceId = c.req.param("workspaceId") ?? "";
    if (!WORKSPACE_ID.test(workspaceId)) return c.json({ error: "No such workspace" }, 404);
    const refused = bound === "change" ? changes(c, person.id) : tooManyReads(c, person.id);
    if (refused) return refused;
    return { userId: person.id, workspaceId };
  };

  const rollUp = async (c: Context) => {
    const viewer = await viewerOf(c, "read");
    if (viewer instanceof Response) return viewer;
    const query = readCardQuery(c.req.query());
    if (typeof query === "string") return c.json({ error: query }, 400);
    const maps = (await readableMaps(roles, viewer.userId, viewer.workspaceId)).filter((m) =>
      canSync(m.role),
    );
    const summaries = await readSummaries(
      store.library(),
      maps.map((m) => m.id),
    );
    // The list's title is the map's current one; a summary may be a moment behind.
    const readable = maps.flatMap((m) => {
      const summary = summaries.get(m.id);
      return summary ? [{ mapId: m.id, summary: { ...summary, title: m.title } }] : [];
    });
    return { viewer, list: rollUpCards(readable, query) };
  };

  /** A refusal of the service as its answer; anything else goes on up. */
  const refusing = async (c: Context, run: () => Promise<Response>) => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof OpportunityRefusal)
        return c.json({ error: error.message }, error.status);
      throw error;
    }
  };

  mount(app, ROUTES.listLibraryCards, async (c) => {
    const answer = await rollUp(c);
    return answer instanceof Response ? answer : c.json(answer.list);
  });

  mount(app, ROUTES.exportLibraryCards, async (c) => {
    const answer = await rollUp(c);
    if (answer instanceof Response) return answer;
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header(
      "Content-Disposition",
      `attachment; filename="${csvName(answer.viewer.workspaceId, now())}"`,
    );
    return c.body(cardsCsv(answer.list.cards));
  });

  mount(app, ROUTES.listLibraryOpportunities, async (c) => {
    const viewer = await viewerOf(c, "read");
    if (viewer instanceof Response) return viewer;
    return refusing(c, async () => {
      const list = await opportunities.list(viewer);
      const etag = `"${list.version}"`;
      c.header("ETag", etag);
      c.header("Cache-Control", "no-cache");
      if (c.req.header("if-none-match") === etag) return c.body(null, 304);
      return c.json(list);
    });
  });

  mount(app, ROUTES.listMapLibraryOpportunities, async (c) => {
    const on = await personOnMap(c, store, roles);
    if (on instanceof Response) return on;
    if (on.map.workspaceId === null) return c.json({ error: "This map is in no workspace" }, 404);
    const refused = tooManyReads(c, on.person.id);
    if (refused) return refused;
    const viewer = { userId: on.person.id, workspaceId: on.map.workspaceId };
    return refusing(c, async () => c.json(await opportunities.list(viewer)));
  });

  /** A change with a JSON body: the person, the bound on changes, the body, then `run`. */
  const changing =
    <S extends z.ZodMiniType>(
      schema: S,
      run: (viewer: Viewer, body: z.output<S>, c: Context) => Promise<Response>,
    ) =>
    async (c: Context) => {
      const viewer = await viewerOf(c, "change");
      if (viewer instanceof Response) return viewer;
      const body = await readBody(c, schema);
      if (body instanceof Response) return body;
      return refusing(c, () => run(viewer, body, c));
    };
  const opportunityIdOf = (c: Context) => c.req.param("opportunityId") ?? "";

  mount(
    app,
    ROUTES.createLibraryOpportunity,
    limit,
    changing(CreateLibraryOpportunityBody, async (viewer, body, c) =>
      c.json(await opportunities.create(viewer, body), 201),
    ),
  );

  mount(
    app,
    ROUTES.updateLibraryOpportunity,
    limit,
    changing(UpdateLibraryOpportunityBody, async (viewer, body, c) =>
      c.json(await opportunities.update(viewer, opportunityIdOf(c), body)),
    ),
  );

  mount(
    app,
    ROUTES.linkLibraryOpportunity,
    limit,
    changing(LinkLibraryOpportunityBody, async (viewer, body, c) =>
      c.json(await opportunities.link(viewer, opportunityIdOf(c), body), 201),
    ),
  );

  mount(app, ROUTES.unlinkLibraryOpportunity, async (c) => {
    const viewer = await viewerOf(c, "change");
    if (viewer instanceof Response) return viewer;
    const { opportunityId = "", mapId = "", cardId = "" } = c.req.param();
    return refusing(c, async () => {
      await opportunities.unlink(viewer, opportunityId, mapId, cardId);
      return c.body(null, 204);
    });
  });

  return app;
}
