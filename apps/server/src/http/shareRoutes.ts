/**
 * Sharing a map with people: a person of its workspace by account, or anyone by email (an
 * invitation to the workspace as a guest, by better-auth's organization plugin, plus a share
 * that is pending until they are in: AccountAccess hands it over). Withdrawing or lowering a
 * share re-reads that person's live connections on every instance (accessChanges.ts).
 */
import { type AccountAccess, mayShareMap } from "@journeymap/access";
import { type Accounts, inviteGuest } from "@journeymap/accounts";
import { WORKSPACE_ROLE } from "@journeymap/protocol";
import { type MapSharing, ROUTES, type ShareRole, ShareMapBody } from "@journeymap/protocol/http";
import { randomId } from "@journeymap/schema";
import type { MapShare, MapStore } from "@journeymap/storage";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { Logger } from "../logger.ts";
import type { AccessChanges } from "./accessChanges.ts";
import { readBody } from "./jsonBody.ts";
import { mount } from "./mount.ts";
import { type OnMap, personOnMap } from "./signedIn.ts";
import type { WorkspaceAnswers } from "./workspaceAnswers.ts";

export interface ShareRoutesOptions {
  readonly store: MapStore;
  readonly roles: AccountAccess;
  readonly accounts: Pick<Accounts, "findUserByEmail" | "auth">;
  readonly answers: WorkspaceAnswers;
  readonly changes: AccessChanges;
  /** The per-person bound on changes (signedIn.ts' changeLimiter). */
  readonly tooMany: (c: Context, userId: string) => Response | null;
  readonly limit: MiddlewareHandler;
  readonly log: Logger;
  readonly now: () => number;
}

export function createShareRoutes(options: ShareRoutesOptions): Hono {
  const { store, roles, accounts, answers, changes, tooMany, log, now } = options;
  const app = new Hono();

  /** The person on the map if they may share it, else the refusal. */
  const sharer = async (c: Context): Promise<OnMap | Response> => {
    const on = await personOnMap(c, store, roles);
    if (on instanceof Response) return on;
    const refused = tooMany(c, on.person.id);
    if (refused) return refused;
    if (!mayShareMap(on.standing.role, on.standing.workspaceRole))
      return c.json(
        { error: "Only the map's owners and members who may edit it can share it" },
        403,
      );
    return on;
  };

  mount(app, ROUTES.listShares, async (c) => {
    const on = await personOnMap(c, store, roles);
    if (on instanceof Response) return on;
    const { workspaceId } = on.map;
    const settings = workspaceId === null ? null : await store.getWorkspaceSettings(workspaceId);
    const sharing: MapSharing = {
      workspaceId,
      // Saved through the settings route only: one of the share roles.
      defaultMapRole: (settings?.defaultMapRole ?? "editor") as ShareRole,
      guestLinks: settings?.guestLinks ?? true,
      shares: await answers.shares(await store.listShares(on.map.id)),
    };
    return c.json(sharing);
  });

  mount(app, ROUTES.shareMap, options.limit, async (c) => {
    const on = await sharer(c);
    if (on instanceof Response) return on;
    const body = await readBody(c, ShareMapBody, { emptyIsInvalid: true });
    if (body instanceof Response) return body;
    if ((body.userId === undefined) === (body.email === undefined))
      return c.json({ error: "Give either userId (a person of the workspace) or email" }, 400);
    const workspaceId = on.map.workspaceId!;
    // By email, someone already in the workspace is shared with as themselves.
    const known = body.email ? await accounts.findUserByEmail(body.email) : null;
    const userId = body.userId ?? known?.id ?? null;
    const theirRole = userId === null ? null : await roles.workspaceRole(userId, workspaceId);
    const inWorkspace = theirRole !== null;
    if (body.userId !== undefined && !inWorkspace)
      return c.json(
        { error: "That person is not in this map's workspace: invite them by email" },
        400,
      );
    // A share wins over the workspace role: nobody may lower an admin's on one map.
    if (theirRole === WORKSPACE_ROLE.admin)
      return c.json({ error: "Workspace admins own every map of their workspace already" }, 400);
    let invitationId: string | null = null;
    if (!inWorkspace) {
      const email = body.email!.toLowerCase();
      const invited = await inviteGuest(accounts.auth, c.req.raw, email, workspaceId);
      if (!invited.ok) return c.json({ error: invited.message }, invited.status);
      invitationId = invited.invitationId;
    }
    const share: MapShare = await store.putShare({
      id: randomId(),
      mapId: on.map.id,
      userId: inWorkspace ? userId : null,
      email: inWorkspace ? null : body.email!.toLowerCase(),
      role: body.role,
      createdBy: on.person.id,
      createdAt: now(),
    });
    log.info({ mapId: on.map.id, shareId: share.id, role: share.role }, "map shared");
    // A lower role than before closes or downgrades their open boards.
    if (share.userId) changes.person(share.userId);
    const [shown] = await answers.shares([share]);
    return c.json({ share: shown!, invitationId }, 201);
  });

  mount(app, ROUTES.unshareMap, async (c) => {
    const on = await sharer(c);
    if (on instanceof Response) return on;
    const removed = await store.deleteShare(on.map.id, c.req.param("shareId") ?? "");
    if (removed === null) return c.json({ error: "No such share of this map" }, 404);
    log.info({ mapId: on.map.id, shareId: removed.id }, "map no longer shared");
    if (removed.userId) changes.person(removed.userId);
    return c.body(null, 204);
  });

  return app;
}
