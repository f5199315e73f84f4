/**
 * A signed-in person's maps, on any device (the route table's WORKSPACE_MAP_ROUTES): the list
 * with search and sort, the trash (purged 30 days later by the retention sweep), duplicating,
 * moving between workspaces, claiming a map made before accounts, and a workspace's settings.
 * Sharing with people is shareRoutes.ts'. Whoever loses access while connected is told through
 * the revocation bus (accessChanges.ts).
 */
import {
  type AccessService,
  type AccountAccess,
  createOwnedMap,
  mayAddMaps,
  mayManageMap,
} from "@journeymap/access";
import type { Accounts } from "@journeymap/accounts";
import { mapDocumentName, ROLE, WORKSPACE_ROLE } from "@journeymap/protocol";
import {
  DuplicateMapBody,
  MAP_LIST_SORTS,
  MAX_LISTED_MAPS,
  MAX_MAP_TITLE,
  type MapListSort,
  ROUTES,
  UpdateWorkspaceSettingsBody,
  WorkspaceBody,
  type WorkspaceSettings,
} from "@journeymap/protocol/http";
import { updateMapMeta } from "@journeymap/schema";
import type { MapStore } from "@journeymap/storage";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import * as Y from "yjs";
import type { Logger } from "../logger.ts";
import type { AuthorNames } from "../people/AuthorNames.ts";
import { accessChanges } from "./accessChanges.ts";
import { bearerToken, grantFor } from "./grants.ts";
import { limitBody, readBody } from "./jsonBody.ts";
import { mount } from "./mount.ts";
import { createShareRoutes, type ShareRoutesOptions } from "./shareRoutes.ts";
import { changeLimiter, type OnMap, personOnMap, signedInPerson } from "./signedIn.ts";
import { type WorkspaceAnswers, workspaceAnswers } from "./workspaceAnswers.ts";

/** JSON bodies here are tiny: a workspace id, a role. */
const MAX_BODY_BYTES = 4 * 1024;

const NEEDS_OWNER_LINK = "Claiming a map needs its owner link (Authorization: Bearer <token>)";

export interface WorkspaceRoutesOptions {
  readonly store: MapStore;
  readonly access: AccessService;
  readonly roles: AccountAccess;
  readonly accounts: Pick<Accounts, "findUser" | "findUserByEmail" | "membersOf" | "auth">;
  readonly authors: AuthorNames;
  /** Closes the live connections of a link (the revocation bus). */
  readonly onRevoke: (mapId: string, linkId: string) => void;
  /** Re-reads a person's live connections (the revocation bus). */
  readonly onAccessChanged: (userId: string) => void;
  readonly log: Logger;
  readonly now: () => number;
  /** Runs before a map is created (quota/creationQuota.ts): duplicating creates one. */
  readonly guardCreation: MiddlewareHandler;
}

/** "true"/"1" or "false"/"0" (absent: false); null for anything else. */
function flag(value: string | undefined): boolean | null {
  if (value === undefined || value === "" || value === "0" || value === "false") return false;
  return value === "1" || value === "true" ? true : null;
}

/** The map's current content under a new title: the seed of its copy. */
async function copyOf(store: MapStore, mapId: string, title: string): Promise<Uint8Array> {
  const doc = new Y.Doc();
  try {
    for (const update of (await store.loadDocument(mapDocumentName(mapId))).updates)
      Y.applyUpdate(doc, update);
    updateMapMeta(doc, { title }, { origin: { kind: "server", reason: "duplicate" } });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

export function copyTitle(title: string): string {
  const suffix = " (copy)";
  return `${title.slice(0, MAX_MAP_TITLE - suffix.length)}${suffix}`;
}

export function createWorkspaceRoutes(options: WorkspaceRoutesOptions): Hono {
  const app = new Hono();
  const kit = routeKit(options);
  mountListRoute(app, kit);
  mountTrashRoutes(app, kit);
  mountCopyAndMoveRoutes(app, kit);
  mountClaimRoute(app, kit);
  mountSettingsRoutes(app, kit);
  app.route("/", createShareRoutes(kit));
  return app;
}

/** What the routes of this file (and shareRoutes.ts) share: answers, checks and bounds. */
interface RouteKit extends WorkspaceRoutesOptions, ShareRoutesOptions {
  readonly accounts: WorkspaceRoutesOptions["accounts"];
  /**
   * The answer for a map as it is now, with the person's role on it (trash or not). Every
   * route that answers with one has just made sure they have a role there.
   */
  mapAnswer(mapId: string, userId: string): Promise<MapAnswer>;
  /** Null when the person may put maps in the workspace, else the 403 saying so. */
  refuseTarget(c: Context, userId: string, workspaceId: string): Promise<Response | null>;
  refuseManager(c: Context, on: OnMap, what: string): Response | null;
}

type MapAnswer = Awaited<ReturnType<WorkspaceAnswers["maps"]>>[number];

function routeKit(options: WorkspaceRoutesOptions): RouteKit {
  const { store, roles, accounts, now } = options;
  const answers = workspaceAnswers(options.authors, (id) => accounts.findUser(id));
  return {
    ...options,
    limit: limitBody(MAX_BODY_BYTES),
    tooMany: changeLimiter(now),
    answers,
    changes: accessChanges({
      store,
      membersOf: (workspaceId) => accounts.membersOf(workspaceId),
      onRevoke: options.onRevoke,
      onAccessChanged: options.onAccessChanged,
    }),
    async mapAnswer(mapId, userId) {
      const standing = await roles.standing(userId, mapId);
      const [map] = await store.getMaps([mapId]);
      if (!map || !standing?.role) throw new Error(`No role on ${mapId} to answer with`);
      const [answer] = await answers.maps([{ ...map, role: standing.role }]);
      return answer!;
    },
    refuseTarget: async (c, userId, workspaceId) =>
      mayAddMaps(await roles.workspaceRole(userId, workspaceId))
        ? null
        : c.json(
            { error: "You can put maps only in workspaces you are an admin or member of" },
            403,
          ),
    refuseManager: (c, on, what) =>
      mayManageMap(on.standing.role, on.map, on.person.id)
        ? null
        : c.json({ error: `Only the map's owners and the person who created it can ${what}` }, 403),
  };
}

function mountListRoute(app: Hono, { roles, answers }: RouteKit): void {
  mount(app, ROUTES.listWorkspaceMaps, async (c) => {
    const person = await signedInPerson(c);
    if (person instanceof Response) return person;
    const { q = "", sort = "updated", trash, workspace } = c.req.query();
    const trashed = flag(trash);
    if (trashed === null) return c.json({ error: "trash must be 1 or 0" }, 400);
    if (!(MAP_LIST_SORTS as readonly string[]).includes(sort))
      return c.json({ error: `sort must be one of ${MAP_LIST_SORTS.join(", ")}` }, 400);
    if (q.length > 200 || (workspace?.length ?? 0) > 64)
      return c.json({ error: "q or workspace is too long" }, 400);
    const maps = await roles.listMaps(person.id, {
      text: q,
      sort: sort as MapListSort,
      trashed,
      limit: MAX_LISTED_MAPS,
      ...(workspace ? { workspaceId: workspace } : {}),
    });
    return c.json(await answers.maps(maps));
  });
}

function mountTrashRoutes(app: Hono, kit: RouteKit): void {
  const { store, roles, log, now, tooMany, changes } = kit;
  mount(app, ROUTES.trashMap, async (c) => {
    const on = await personOnMap(c, store, roles);
    if (on instanceof Response) return on;
    const refused = tooMany(c, on.person.id) ?? kit.refuseManager(c, on, "put it in the trash");
    if (refused) return refused;
    if (!(await store.trashMap(on.map.id, now())))
      return c.json({ error: "This map is in the trash" }, 410);
    log.info({ mapId: on.map.id, userId: on.person.id }, "map put in the trash");
    await changes.mapChanged(on.map, { closeLinks: true });
    return c.json(await kit.mapAnswer(on.map.id, on.person.id));
  });

  mount(app, ROUTES.restoreMap, async (c) => {
    const on = await personOnMap(c, store, roles, { trashed: true });
    if (on instanceof Response) return on;
    const refused = tooMany(c, on.person.id) ?? kit.refuseManager(c, on, "restore it");
    if (refused) return refused;
    if (!(await store.restoreMap(on.map.id)))
      return c.json({ error: "This map is not in the trash" }, 409);
    log.info({ mapId: on.map.id, userId: on.person.id }, "map restored from the trash");
    return c.json(await kit.mapAnswer(on.map.id, on.person.id));
  });
}

function mountCopyAndMoveRoutes(app: Hono, kit: RouteKit): void {
  const { store, access, roles, log, now, tooMany, limit, changes, answers } = kit;
  mount(app, ROUTES.duplicateMap, kit.guardCreation, limit, async (c) => {
    const on = await personOnMap(c, store, roles);
    if (on instanceof Response) return on;
    const body = await readBody(c, DuplicateMapBody);
    if (body instanceof Response) return body;
    const target = body.workspaceId ?? on.map.workspaceId;
    if (target === null) return c.json({ error: "Say which workspace the copy goes in" }, 400);
    const refused = tooMany(c, on.person.id) ?? (await kit.refuseTarget(c, on.person.id, target));
    if (refused) return refused;
    const title = copyTitle(on.map.title);
    const copy = await createOwnedMap(store, access, {
      title,
      createdAt: now(),
      seed: await copyOf(store, on.map.id, title),
      workspaceId: target,
      createdBy: on.person.id,
    });
    log.info({ mapId: copy.id, from: on.map.id, userId: on.person.id }, "map duplicated");
    return c.json(await kit.mapAnswer(copy.id, on.person.id), 201);
  });

  mount(app, ROUTES.moveMap, limit, async (c) => {
    const on = await personOnMap(c, store, roles);
    if (on instanceof Response) return on;
    const body = await readBody(c, WorkspaceBody, { emptyIsInvalid: true });
    if (body instanceof Response) return body;
    const { workspaceId } = body;
    if (workspaceId === on.map.workspaceId)
      return c.json({ error: "The map is in this workspace already" }, 400);
    const refused =
      tooMany(c, on.person.id) ??
      kit.refuseManager(c, on, "move it") ??
      (await kit.refuseTarget(c, on.person.id, workspaceId));
    if (refused) return refused;
    // Shares stay with the people of the new workspace; the others lose the map.
    const shares = await store.listShares(on.map.id);
    const dropped = [];
    for (const share of shares)
      if (share.userId === null || (await roles.workspaceRole(share.userId, workspaceId)) === null)
        dropped.push(share);
    await store.deleteShares(
      on.map.id,
      dropped.map((s) => s.id),
    );
    await store.moveMap(on.map.id, workspaceId);
    log.info({ mapId: on.map.id, workspaceId, dropped: dropped.length }, "map moved");
    for (const share of dropped) if (share.userId) changes.person(share.userId);
    await changes.mapChanged({ ...on.map, workspaceId }, { formerWorkspaceId: on.map.workspaceId });
    return c.json({
      map: await kit.mapAnswer(on.map.id, on.person.id),
      droppedShares: await answers.shares(dropped),
    });
  });
}

/** A map made before accounts joins a workspace, by whoever holds its owner link. */
function mountClaimRoute(app: Hono, kit: RouteKit): void {
  const { store, access, log, tooMany, limit } = kit;
  mount(app, ROUTES.claimMap, limit, async (c) => {
    const person = await signedInPerson(c);
    if (person instanceof Response) return person;
    const mapId = c.req.param("mapId") ?? "";
    if (bearerToken(c) === "") return c.json({ error: NEEDS_OWNER_LINK }, 403);
    const grant = await grantFor(access, c, mapId);
    if (grant instanceof Response) return grant;
    if (grant.kind !== "share" || grant.role !== ROLE.owner)
      return c.json({ error: NEEDS_OWNER_LINK }, 403);
    const body = await readBody(c, WorkspaceBody, { emptyIsInvalid: true });
    if (body instanceof Response) return body;
    const refused =
      tooMany(c, person.id) ?? (await kit.refuseTarget(c, person.id, body.workspaceId));
    if (refused) return refused;
    if (!(await store.claimMap(mapId, body.workspaceId, person.id)))
      return c.json({ error: "This map belongs to a workspace already" }, 409);
    log.info({ mapId, workspaceId: body.workspaceId, userId: person.id }, "map claimed");
    return c.json(await kit.mapAnswer(mapId, person.id));
  });
}

/** A workspace's settings, for its admins. */
function mountSettingsRoutes(app: Hono, { store, roles, log, tooMany, limit, changes }: RouteKit) {
  /** The signed-in person if they administer the workspace, else the refusal. */
  const workspaceAdmin = async (c: Context) => {
    const person = await signedInPerson(c);
    if (person instanceof Response) return person;
    const workspaceId = c.req.param("workspaceId") ?? "";
    if ((await roles.workspaceRole(person.id, workspaceId)) !== WORKSPACE_ROLE.admin)
      return c.json({ error: "Only the workspace's admins can see or change its settings" }, 403);
    return { person, workspaceId };
  };

  const settingsAnswer = async (workspaceId: string): Promise<WorkspaceSettings> => {
    const { defaultMapRole, guestLinks } = await store.getWorkspaceSettings(workspaceId);
    // Saved through UpdateWorkspaceSettingsBody only: one of the share roles.
    return { defaultMapRole: defaultMapRole as WorkspaceSettings["defaultMapRole"], guestLinks };
  };

  mount(app, ROUTES.getWorkspaceSettings, async (c) => {
    const admin = await workspaceAdmin(c);
    if (admin instanceof Response) return admin;
    return c.json(await settingsAnswer(admin.workspaceId));
  });

  mount(app, ROUTES.updateWorkspaceSettings, limit, async (c) => {
    const admin = await workspaceAdmin(c);
    if (admin instanceof Response) return admin;
    const body = await readBody(c, UpdateWorkspaceSettingsBody);
    if (body instanceof Response) return body;
    const refused = tooMany(c, admin.person.id);
    if (refused) return refused;
    const { workspaceId } = admin;
    const before = await store.getWorkspaceSettings(workspaceId);
    const after = { ...before, ...body };
    await store.putWorkspaceSettings(after);
    log.info({ workspaceId, ...body }, "workspace settings changed");
    if (before.guestLinks && !after.guestLinks) await changes.guestLinksOff(workspaceId);
    if (before.defaultMapRole !== after.defaultMapRole) await changes.workspaceChanged(workspaceId);
    return c.json(await settingsAnswer(workspaceId));
  });
}
