/**
 * A hierarchy of journeys and the workspace dashboard (issue 19): the sub-journeys of a map's
 * steps with each sub-map's summary, making an end-to-end map whose steps are whole maps, and
 * the dashboard of a workspace. Every answer reads the library's summaries, never documents,
 * and every map in it is one the caller may open: a sub-map they may not open is answered as
 * "not available" (no title, no figures), and the dashboard counts readable maps only.
 */
import {
  type AccessService,
  type AccountAccess,
  createOwnedMap,
  mayAddMaps,
} from "@journeymap/access";
import { canSync } from "@journeymap/protocol";
import {
  allows,
  CreateEndToEndBody,
  type LastEditor,
  MAX_SUB_JOURNEYS,
  READERS,
  ROUTES,
  type SubJourney,
} from "@journeymap/protocol/http";
import type { MapStore } from "@journeymap/storage";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { FreshnessService } from "../freshness/FreshnessService.ts";
import { buildDashboard } from "../library/hierarchy/dashboard.ts";
import { endToEndSeed } from "../library/hierarchy/endToEndMap.ts";
import { freshnessWithin } from "../library/hierarchy/freshnessWithin.ts";
import { subJourneySteps, summarizeSubJourney } from "../library/hierarchy/subJourneySummary.ts";
import { readSummaries } from "../library/librarySummaries.ts";
import { readableMaps } from "../library/readableMaps.ts";
import type { Logger } from "../logger.ts";
import type { AuthorNames } from "../people/AuthorNames.ts";
import { createdMapAnswer } from "./createdMapAnswer.ts";
import { bearerToken, grantFor, type RequestGrant, refuseNonReader } from "./grants.ts";
import { limitBody, readBody } from "./jsonBody.ts";
import { mount } from "./mount.ts";
import { RateLimiter } from "./RateLimiter.ts";
import { accountOf } from "./requestAccount.ts";
import { signedInPerson } from "./signedIn.ts";

/** A title and at most 50 map ids. */
const MAX_BODY_BYTES = 8 * 1024;
/**
 * Reads one caller may make: a burst of 30, then 2 a second. A board asks for its
 * sub-journeys when it opens and when a link changes; the dashboard, when it is shown.
 */
const READS_PER_MINUTE = 120;
const READ_BURST = 30;
/** Freshness replays logs: a board's sub-journeys ask for few, the dashboard for more. */
const SUB_JOURNEY_FRESHNESS = { maxMaps: 20, budgetMs: 2_000 };
const DASHBOARD_FRESHNESS = { maxMaps: 60, budgetMs: 3_000 };

const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface LibraryHierarchyRoutesOptions {
  readonly store: MapStore;
  readonly access: AccessService;
  readonly roles: AccountAccess;
  readonly freshness: FreshnessService;
  readonly authors: AuthorNames;
  /** Runs before a map is created (quota/creationQuota.ts). */
  readonly guardCreation: MiddlewareHandler;
  readonly log: Logger;
  readonly now: () => number;
}

/** Who a rate bound counts: the person, or the link behind a token. */
function callerKey(grant: RequestGrant): string {
  return grant.kind === "account" ? `user:${grant.userId}` : `link:${grant.linkId}`;
}

export function createLibraryHierarchyRoutes(options: LibraryHierarchyRoutesOptions): Hono {
  const { store, access, roles, freshness, authors, guardCreation, log, now } = options;
  const app = new Hono();
  const limiter = new RateLimiter(READS_PER_MINUTE, READ_BURST, now);
  const tooMany = (c: Context, key: string): Response | null => {
    const decision = limiter.take(key);
    if (decision.ok) return null;
    c.header("Retry-After", String(decision.retryAfterSeconds));
    return c.json(
      { error: `Too many requests in a short time; try again in ${decision.retryAfterSeconds} s` },
      429,
    );
  };

  /**
   * Whether the request may read a sub-map: by its token, or else by the signed-in person's
   * role (a board opened by a link may still be a signed-in person's, who sees what they may).
   */
  const mayRead = async (c: Context, mapId: string): Promise<boolean> => {
    const grant = await grantFor(access, c, mapId);
    if (!(grant instanceof Response) && allows(READERS, grant)) return true;
    if (bearerToken(c) === "") return false;
    const account = accountOf(c);
    const person = await account.person();
    const role = person ? await account.roleOnMap(person.id, mapId) : null;
    return role !== null && allows(READERS, { kind: "account", role });
  };

  /** The sub-maps of `ids` the request may read and that are not in the trash. */
  const openable = async (c: Context, ids: readonly string[]): Promise<string[]> => {
    const readable: string[] = [];
    for (const id of ids) if (await mayRead(c, id)) readable.push(id);
    const live = new Set(
      (await store.getMaps(readable)).flatMap((m) => (m.deletedAt ? [] : [m.id])),
    );
    return readable.filter((id) => live.has(id));
  };

  mount(app, ROUTES.listSubJourneys, async (c) => {
    const mapId = c.req.param("mapId") ?? "";
    const grant = await grantFor(access, c, mapId);
    if (grant instanceof Response) return grant;
    const refused =
      refuseNonReader(c, grant, "read the map's sub-journeys") ?? tooMany(c, callerKey(grant));
    if (refused) return refused;
    const parent = (await readSummaries(store.library(), [mapId])).get(mapId);
    const steps = parent ? subJourneySteps(parent).slice(0, MAX_SUB_JOURNEYS) : [];
    const ids = await openable(c, [...new Set(steps.map((s) => s.subMapId))]);
    const summaries = await readSummaries(store.library(), ids);
    const fresh = await freshnessWithin(freshness, ids, SUB_JOURNEY_FRESHNESS, now);
    const subJourneys: SubJourney[] = steps.map(({ stepId, subMapId }) => {
      const summary = summaries.get(subMapId);
      return summary
        ? {
            stepId,
            subMapId,
            available: true,
            summary: summarizeSubJourney(summary, fresh.get(subMapId) ?? null),
          }
        : { stepId, subMapId, available: false, summary: null };
    });
    const title = parent?.title ?? (await store.getMaps([mapId]))[0]?.title ?? "";
    return c.json({ title, subJourneys });
  });

  mount(app, ROUTES.createEndToEndMap, guardCreation, limitBody(MAX_BODY_BYTES), async (c) => {
    const person = await signedInPerson(c);
    if (person instanceof Response) return person;
    const workspaceId = c.req.param("workspaceId") ?? "";
    const body = await readBody(c, CreateEndToEndBody, { emptyIsInvalid: true });
    if (body instanceof Response) return body;
    if (!mayAddMaps(await roles.workspaceRole(person.id, workspaceId)))
      return c.json(
        { error: "You can create maps only in workspaces you are an admin or member of" },
        403,
      );
    const refused = tooMany(c, `user:${person.id}`);
    if (refused) return refused;
    const readable = new Map(
      (await readableMaps(roles, person.id, workspaceId))
        .filter((m) => canSync(m.role))
        .map((m) => [m.id, m]),
    );
    const unknown = body.mapIds.filter((id) => !readable.has(id));
    if (unknown.length > 0)
      return c.json(
        { error: `Not maps of this workspace you can open: ${unknown.join(", ")}` },
        400,
      );
    const chained = body.mapIds.map((id) => ({ id, title: readable.get(id)!.title }));
    const created = now();
    const map = await createOwnedMap(store, access, {
      title: body.title,
      createdAt: created,
      seed: endToEndSeed(body.title, chained, created),
      workspaceId,
      createdBy: person.id,
    });
    log.info({ mapId: map.id, workspaceId, maps: chained.length }, "end-to-end map created");
    return c.json(createdMapAnswer(map), 201);
  });

  mount(app, ROUTES.getLibraryDashboard, async (c) => {
    const person = await signedInPerson(c);
    if (person instanceof Response) return person;
    const workspaceId = c.req.param("workspaceId") ?? "";
    if (!WORKSPACE_ID.test(workspaceId)) return c.json({ error: "No such workspace" }, 400);
    const refused = tooMany(c, `user:${person.id}`);
    if (refused) return refused;
    const maps = (await readableMaps(roles, person.id, workspaceId)).filter((m) => canSync(m.role));
    const ids = maps.map((m) => m.id);
    // The least recently edited maps are the likeliest to be stale: their freshness first.
    const oldestFirst = [...maps].sort((a, b) => a.updatedAt - b.updatedAt).map((m) => m.id);
    const shown = await authors.show(maps.flatMap((m) => (m.updatedBy ? [m.updatedBy] : [])));
    const editor = (id: string | null): LastEditor | null => {
      if (id === null) return null;
      const who = shown(id);
      return { id: who.authorId, name: who.author };
    };
    return c.json(
      buildDashboard({
        maps: maps.map((m) => ({ ...m, updatedBy: editor(m.updatedBy) })),
        summaries: await readSummaries(store.library(), ids),
        freshness: await freshnessWithin(freshness, oldestFirst, DASHBOARD_FRESHNESS, now),
      }),
    );
  });

  return app;
}
