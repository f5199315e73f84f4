/**
 * The freshness API (issue 18): when each thing of a map was last changed and by whom, and a
 * map's freshness in numbers (the map list). Any reader of the map may ask, like history.
 */
import type { AccessService } from "@journeymap/access";
import { type LastChangeTable, ROUTES } from "@journeymap/protocol/http";
import { type Context, Hono } from "hono";
import type { FreshnessService } from "../freshness/FreshnessService.ts";
import { freshnessSummary } from "../freshness/freshnessSummary.ts";
import type { AuthorNames } from "../people/AuthorNames.ts";
import { grantFor, refuseNonReader } from "./grants.ts";
import { mount } from "./mount.ts";

export interface FreshnessRoutesOptions {
  readonly access: AccessService;
  readonly freshness: FreshnessService;
  readonly authors: AuthorNames;
  readonly now: () => number;
}

const mapIdOf = (c: Context) => c.req.param("mapId") ?? "";

async function refuseReader(access: AccessService, c: Context): Promise<Response | null> {
  const grant = await grantFor(access, c, mapIdOf(c));
  if (grant instanceof Response) return grant;
  return refuseNonReader(c, grant, "read the map's freshness");
}

export function createFreshnessRoutes({
  access,
  freshness,
  authors,
  now,
}: FreshnessRoutesOptions): Hono {
  const app = new Hono();

  mount(app, ROUTES.getLastChanges, async (c) => {
    const denied = await refuseReader(access, c);
    if (denied) return denied;
    const { seq, changes } = await freshness.lastChanges(mapIdOf(c));
    const shown = await authors.show(changes.map(([, change]) => change.author));
    const table: LastChangeTable = {
      seq,
      changes: Object.fromEntries(
        changes.map(([key, change]) => [key, { at: change.ts, by: shown(change.author).author }]),
      ),
    };
    return c.json(table);
  });

  mount(app, ROUTES.getMapFreshness, async (c) => {
    const denied = await refuseReader(access, c);
    if (denied) return denied;
    return c.json(freshnessSummary(await freshness.mapFreshness(mapIdOf(c), now())));
  });

  return app;
}
