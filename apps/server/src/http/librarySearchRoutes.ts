/**
 * Search across maps (issue 19): a signed-in person searches the maps of a workspace they may
 * open (readableMaps: never a map of another workspace, one not shared with them, or one in the
 * trash). The store's full-text index answers; this route only bounds the input, picks the
 * maps, and turns rows into hits with snippets.
 */
import type { AccountAccess } from "@journeymap/access";
import { canSync } from "@journeymap/protocol";
import {
  DEFAULT_SEARCH_LIMIT,
  type LibrarySearchHit,
  type LibrarySearchResult,
  MAX_SEARCH_LIMIT,
  MAX_SEARCH_QUERY,
  ROUTES,
  SEARCH_KINDS,
  type SearchKind,
} from "@journeymap/protocol/http";
import { type SearchStore, searchTerms } from "@journeymap/storage";
import { type Context, Hono } from "hono";
import { readableMaps } from "../library/readableMaps.ts";
import { labelMarks, snippetOf } from "../library/search/snippet.ts";
import { RateLimiter } from "./RateLimiter.ts";
import { mount } from "./mount.ts";
import { signedInPerson } from "./signedIn.ts";

/**
 * Searches one person may run: a burst of 60, then 5 a second. The box searches as one types
 * (debounced), so a fast typist stays well under it; a script looping does not.
 */
const SEARCHES_PER_MINUTE = 300;
const SEARCH_BURST = 60;

export interface LibrarySearchRoutesOptions {
  readonly search: SearchStore;
  readonly roles: AccountAccess;
  readonly now: () => number;
}

const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The limit asked for, or null when it is not a whole number in range. */
function limitOf(value: string | undefined): number | null {
  if (value === undefined || value === "") return DEFAULT_SEARCH_LIMIT;
  if (!/^\d{1,3}$/.test(value)) return null;
  const limit = Number(value);
  return limit >= 1 && limit <= MAX_SEARCH_LIMIT ? limit : null;
}

function isSearchKind(kind: string): kind is SearchKind {
  return (SEARCH_KINDS as readonly string[]).includes(kind);
}

export function createLibrarySearchRoutes({
  search,
  roles,
  now,
}: LibrarySearchRoutesOptions): Hono {
  const app = new Hono();
  const limiter = new RateLimiter(SEARCHES_PER_MINUTE, SEARCH_BURST, now);

  const tooMany = (c: Context, userId: string): Response | null => {
    const decision = limiter.take(userId);
    if (decision.ok) return null;
    c.header("Retry-After", String(decision.retryAfterSeconds));
    return c.json(
      { error: `Too many searches in a short time; try again in ${decision.retryAfterSeconds} s` },
      429,
    );
  };

  mount(app, ROUTES.searchLibrary, async (c) => {
    const person = await signedInPerson(c);
    if (person instanceof Response) return person;
    const workspaceId = c.req.param("workspaceId") ?? "";
    const q = c.req.query("q") ?? "";
    const limit = limitOf(c.req.query("limit"));
    if (!WORKSPACE_ID.test(workspaceId)) return c.json({ error: "No such workspace" }, 400);
    if (q.trim().length === 0 || q.length > MAX_SEARCH_QUERY)
      return c.json({ error: `q must be 1–${MAX_SEARCH_QUERY} characters` }, 400);
    if (limit === null)
      return c.json({ error: `limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}` }, 400);
    const refused = tooMany(c, person.id);
    if (refused) return refused;

    const maps = (await readableMaps(roles, person.id, workspaceId)).filter((m) => canSync(m.role));
    const titles = new Map(maps.map((m) => [m.id, m.title]));
    const terms = searchTerms(q);
    const rows = await search.search([...titles.keys()], q, limit);
    const hits: LibrarySearchHit[] = rows.flatMap((row) =>
      isSearchKind(row.kind)
        ? [
            {
              mapId: row.mapId,
              mapTitle: titles.get(row.mapId) ?? "",
              elementKey: row.elementKey,
              kind: row.kind,
              label: row.label,
              labelMarks: labelMarks(row.label, row.name, terms),
              snippet: snippetOf(row.text, terms),
              score: row.score,
            },
          ]
        : [],
    );
    const result: LibrarySearchResult = { query: q, hits };
    return c.json(result);
  });

  return app;
}
