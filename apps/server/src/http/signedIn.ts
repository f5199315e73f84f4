/**
 * What the routes of a signed-in person's maps (workspaceRoutes.ts, shareRoutes.ts) ask of a
 * request first: who is signed in (or the 401), where they stand with a map (or the refusal),
 * and a bound on how many changes one person makes in a short time.
 */
import type { AccountAccess, Standing } from "@journeymap/access";
import type { AccountUser } from "@journeymap/accounts";
import type { MapRecord, MapStore } from "@journeymap/storage";
import type { Context } from "hono";
import { RateLimiter } from "./RateLimiter.ts";
import { accountOf } from "./requestAccount.ts";

/** The signed-in person, or the 401 saying so. */
export async function signedInPerson(c: Context): Promise<AccountUser | Response> {
  const person = await accountOf(c).person();
  return person ?? c.json({ error: "Sign in first: this needs your account" }, 401);
}

export interface OnMap {
  readonly person: AccountUser;
  readonly map: MapRecord;
  readonly standing: Standing;
}

/**
 * The signed-in person, the map and where they stand with it; a 401 when signed out, a 404
 * when there is no such map or they have no role on it (a map they may not open is not theirs
 * to know of), a 410 when it is in the trash unless `trashed` allows it.
 */
export async function personOnMap(
  c: Context,
  store: Pick<MapStore, "getMaps">,
  roles: AccountAccess,
  { trashed = false } = {},
): Promise<OnMap | Response> {
  const person = await signedInPerson(c);
  if (person instanceof Response) return person;
  const mapId = c.req.param("mapId") ?? "";
  const standing = await roles.standing(person.id, mapId);
  const [map] = await store.getMaps([mapId]);
  if (standing === null || map === undefined || standing.role === null)
    return c.json({ error: "No such map (or it is not shared with you)" }, 404);
  if (!trashed && map.deletedAt !== null) return c.json({ error: "This map is in the trash" }, 410);
  return { person, map, standing };
}

/** Changes one person may make: a burst of 60, then 2 a second (a person clicks; a script loops). */
const CHANGES_PER_MINUTE = 120;
const CHANGE_BURST = 60;

/** A per-person bound on changes; `take` answers the 429 when it is reached, else null. */
export function changeLimiter(now: () => number) {
  const limiter = new RateLimiter(CHANGES_PER_MINUTE, CHANGE_BURST, now);
  return (c: Context, userId: string): Response | null => {
    const decision = limiter.take(userId);
    if (decision.ok) return null;
    c.header("Retry-After", String(decision.retryAfterSeconds));
    return c.json(
      { error: `Too many changes in a short time; try again in ${decision.retryAfterSeconds} s` },
      429,
    );
  };
}
